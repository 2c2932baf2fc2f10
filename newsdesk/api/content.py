"""Articles as the API shows them: loaded in a fixed number of queries, turned into plain
data (the JSON of :mod:`.schemas` and, in :mod:`.ninjs`, IPTC ninjs).

A list page costs, whatever the archive's size: the rows (with section, edition and hero
image joined), their bylines with authors, their tags and the hero renditions (four
queries). One article adds the images of its body, its update log and the published
targets of its read-also blocks.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.images import get_image_model
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.rich_text import expand_db_html

from newsdesk.articles.blocks import chosen_ids
from newsdesk.articles.models import Article, Byline
from newsdesk.articles.query import HERO_SPECS, ArticleQuerySet, prefetch_renditions
from newsdesk.editions import other_edition
from newsdesk.http_policy import absolute

logger = logging.getLogger(__name__)

# Fields a list item never shows; the body alone can be tens of kilobytes a row.
HEAVY_FIELDS = ("body", "sources", "update_note")


@dataclass(frozen=True)
class Picture:
    """One rendition of an image, with absolute address."""

    href: str
    width: int
    height: int
    content_type: str


def for_api(queryset: ArticleQuerySet, *, full: bool = False) -> ArticleQuerySet:
    """Rows with what a list item (or, ``full``, an article) shows: joins, then one query
    each for bylines and tags."""
    bylines = Byline.objects.select_related("author").order_by("sort_order")
    queryset = queryset.select_related("section", "locale", "hero_image").prefetch_related(
        Prefetch("bylines", queryset=bylines), "tags"
    )
    return queryset if full else queryset.defer(*HEAVY_FIELDS)


def load_renditions(articles: list[Article], extra_images: list[Any] | None = None) -> None:
    """The hero renditions of every article (and of ``extra_images``), in one query."""
    prefetch_renditions([a.hero_image for a in articles] + (extra_images or []), HERO_SPECS)


def renditions(image: Any) -> list[Picture]:
    """The web renditions of ``image``, narrowest first; made on first use if missing."""
    if image is None:
        return []
    loaded = {r.filter_spec: r for r in getattr(image, "prefetched_renditions", ())}
    found: list[Any] = [loaded[spec] for spec in HERO_SPECS if spec in loaded]
    if len(found) < len(HERO_SPECS):
        try:
            found = list(image.get_renditions(*HERO_SPECS).values())
        except (InvalidFilterSpecError, OSError):  # OSError covers a missing source file
            logger.warning("No renditions for image %s", image.pk, exc_info=True)
            return []
    pictures: dict[int, Picture] = {}
    for rendition in found:
        pictures.setdefault(
            rendition.width,
            Picture(absolute(rendition.url), rendition.width, rendition.height, "image/webp"),
        )
    return [pictures[width] for width in sorted(pictures)]


def site_url(item: Any, edition: str) -> str:
    """The reader page of a section, tag or author of ``edition``, absolute."""
    return absolute(item.get_absolute_url(edition))


def api_url(article_id: int, *, ninjs: bool = False) -> str:
    name = "api:article_ninjs" if ninjs else "api:article"
    return absolute(reverse(name, kwargs={"article_id": article_id}))


def labels(article: Article) -> list[str]:
    return [str(code) for code in article.display_labels]


def image(article: Article) -> dict[str, Any] | None:
    pictures = renditions(article.hero_image)
    if not pictures:
        return None
    widest = pictures[-1]
    alt = article.hero_alt or getattr(article.hero_image, "description", "") or ""
    return {
        "url": widest.href,
        "width": widest.width,
        "height": widest.height,
        "alt": alt,
        "caption": article.hero_caption,
        "credit": article.hero_credit,
    }


def summary(article: Article) -> dict[str, Any]:
    edition = article.locale.language_code
    section = article.section
    return {
        "id": article.pk,
        "edition": edition,
        "slug": article.slug,
        "headline": article.headline,
        "lead": article.lead,
        "url": absolute(article.get_url()),
        "api_url": api_url(article.pk),
        "ninjs_url": api_url(article.pk, ninjs=True),
        "section": {
            "slug": section.slug,
            "name": section.name,
            "url": site_url(section, edition),
        },
        "labels": labels(article),
        "published_at": article.first_published_at,
        "updated_at": article.updated_at,
        "modified_at": article.last_published_at or article.first_published_at,
        "authors": [
            {
                "slug": byline.author.slug,
                "name": byline.author.name,
                "role": byline.author.role,
                "url": site_url(byline.author, edition),
            }
            for byline in article.bylines.all()
        ],
        "tags": [
            {"slug": tag.slug, "name": tag.name, "url": site_url(tag, edition)}
            for tag in article.tags.all()
        ],
        "image": image(article),
    }


# One article -----------------------------------------------------------------------------


def load_article(**lookup: Any) -> Article | None:
    """A published article with everything its full representation shows, or None."""
    queryset = for_api(Article.objects.published(), full=True)
    found = queryset.prefetch_related("update_log").filter(**lookup).first()
    if found is None:
        return None
    twin = (
        Article.objects.published()
        .in_edition(other_edition(found.locale.language_code))
        .filter(translation_key=found.translation_key)
        .values_list("pk", "slug")
        .first()
    )
    found.api_twin = twin  # type: ignore[attr-defined]
    return found


@dataclass
class Body:
    html: str
    text_length: int
    words: int


def _http(url: Any) -> str:
    text = str(url or "")
    return text if text.startswith(("https://", "http://")) else ""


def _figure(pictures: list[Picture], alt: str, caption: str, credit: str) -> str:
    if not pictures:
        return ""
    widest = pictures[-1]
    parts = [
        f'<figure><img src="{html.escape(widest.href)}" width="{widest.width}" '
        f'height="{widest.height}" alt="{html.escape(alt)}">'
    ]
    words = " ".join(part for part in (caption, credit) if part)
    if words:
        parts.append(f"<figcaption>{html.escape(words)}</figcaption>")
    parts.append("</figure>")
    return "".join(parts)


def body(article: Article) -> Body:
    """The body as self-contained HTML for partners: no site classes, no scripts, absolute
    image addresses, read-also links only to published articles."""
    raw_blocks = [dict(block) for block in article.body.raw_data]
    picture_ids = chosen_ids(raw_blocks, "image", "image")
    pictures = get_image_model().objects.in_bulk(picture_ids) if picture_ids else {}
    load_renditions([article], list(pictures.values()))
    linked_ids = chosen_ids(raw_blocks, "read_also", "article")
    linked = (
        Article.objects.published().select_related("locale").only("headline", "slug", "locale")
    ).in_bulk(linked_ids)
    chunks: list[str] = []
    for raw in raw_blocks:
        kind = raw.get("type")
        value = raw.get("value")
        if kind == "paragraph" and isinstance(value, str):
            chunks.append(expand_db_html(value))
        elif kind == "subheading" and isinstance(value, str):
            chunks.append(f"<h2>{html.escape(value)}</h2>")
        elif not isinstance(value, dict):
            continue
        elif kind == "quote":
            quote = html.escape(str(value.get("text") or "")).replace("\n", "<br>")
            who = str(value.get("attribution") or "")
            cite = f"<figcaption>{html.escape(who)}</figcaption>" if who else ""
            chunks.append(f"<figure><blockquote><p>{quote}</p></blockquote>{cite}</figure>")
        elif kind == "image":
            picture = pictures.get(value.get("image"))
            if picture is not None:
                alt = str(value.get("alt") or getattr(picture, "description", "") or "")
                chunks.append(
                    _figure(
                        renditions(picture),
                        alt,
                        str(value.get("caption") or ""),
                        str(value.get("credit") or ""),
                    )
                )
        elif kind == "embed":
            url = _http(value.get("url"))
            if url:
                title = html.escape(str(value.get("title") or url))
                chunks.append(f'<p><a href="{html.escape(url)}">{title}</a></p>')
        elif kind == "read_also":
            target = linked.get(value.get("article"))
            if target is not None:
                href = html.escape(absolute(target.get_url()))
                chunks.append(f'<aside><a href="{href}">{html.escape(target.headline)}</a></aside>')
        elif kind == "fact_box":
            title = html.escape(str(value.get("title") or ""))
            text = expand_db_html(str(value.get("body") or ""))
            chunks.append(f"<aside><h3>{title}</h3>{text}</aside>")
    markup = "\n".join(chunk for chunk in chunks if chunk)
    plain = _plain_text(markup)
    return Body(markup, len(plain), len(plain.split()))


def _plain_text(markup: str) -> str:
    return html.unescape(strip_tags(markup))


def sources(article: Article) -> list[dict[str, str]]:
    found = []
    for raw in article.sources.raw_data:
        value = raw.get("value") or {}
        if value.get("name"):
            found.append(
                {
                    "name": str(value["name"]),
                    "url": _http(value.get("url")),
                    "note": str(value.get("note") or ""),
                }
            )
    return found


def detail(article: Article) -> dict[str, Any]:
    """The full article; ``body`` runs first, so the hero's renditions come with the body's."""
    edition = article.locale.language_code
    markup = body(article).html
    data = summary(article)
    twin = getattr(article, "api_twin", None)
    data |= {
        "body_html": markup,
        "sources": sources(article),
        "updates": [
            {"kind": entry.kind, "at": entry.created_at, "text": entry.text}
            for entry in article.update_log.all()
        ],
        "translation": None
        if twin is None
        else {
            "edition": other_edition(edition),
            "slug": twin[1],
            "url": absolute(
                reverse("site:article", kwargs={"edition": other_edition(edition), "slug": twin[1]})
            ),
            "api_url": api_url(twin[0]),
        },
    }
    return data
