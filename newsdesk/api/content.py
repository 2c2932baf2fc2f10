"""Articles as the API shows them: loaded in a fixed number of queries, turned into plain
data (the JSON of :mod:`.schemas` and, in :mod:`.ninjs`, IPTC ninjs).

A list page costs, whatever the archive's size: the rows (with section, edition and hero
image joined), their bylines with authors, their tags and the hero renditions (four
queries). One article adds the images of its body, its update log and the published
targets of its read-also blocks, and for live coverage its newest updates.
"""

from __future__ import annotations

import html
import secrets
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.images import get_image_model

from newsdesk.articles.body import loading, markup, vocabulary
from newsdesk.articles.body.vocabulary import Loaded
from newsdesk.articles.models import LIVE, LIVE_ENDED, Article, Byline
from newsdesk.articles.query import HERO_SPECS, ArticleQuerySet, prefetch_renditions
from newsdesk.articles.renditions import existing as existing_renditions
from newsdesk.editions import other_edition
from newsdesk.frontcache import fragments
from newsdesk.frontcache.fragments import BODY_SECONDS
from newsdesk.http_policy import absolute
from newsdesk.live.digest import MACHINE_UPDATES, updates_html
from newsdesk.live.models import LiveUpdate

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
    """The web renditions of ``image``, narrowest first; none until they have been made
    (at upload: :mod:`newsdesk.articles.renditions`), never decoded here."""
    if image is None:
        return []
    loaded = {r.filter_spec: r for r in getattr(image, "prefetched_renditions", ())}
    found: list[Any] | None = [loaded[spec] for spec in HERO_SPECS if spec in loaded]
    if len(found or ()) < len(HERO_SPECS):
        found = existing_renditions(image, HERO_SPECS)
    if not found:
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
        "modified_at": article.modified_at,
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
    return markup.figure(widest.href, alt, caption, credit, widest.width, widest.height)


def _partner_picture(image: Any, value: Mapping[str, Any]) -> str:
    alt = str(value.get("alt") or getattr(image, "description", "") or "")
    return _figure(
        renditions(image), alt, str(value.get("caption") or ""), str(value.get("credit") or "")
    )


def partner_html(
    raw_blocks: Any,
    edition: str,
    *,
    picture: Callable[[Any, Mapping[str, Any]], str] = _partner_picture,
    prepare: Callable[[list[Any]], None] = lambda images: None,
) -> tuple[str, vocabulary.Chosen]:
    """A body (StreamField raw data) of ``edition`` as partners' HTML, and what it chose.
    ``picture`` is an image block's markup (the web renditions unless told otherwise: an
    export links the original file); ``prepare`` is given the body's images first."""
    chosen = vocabulary.chosen([raw_blocks], "partner")
    pictures = get_image_model().objects.in_bulk(chosen.images) if chosen.images else {}
    prepare(list(pictures.values()))
    loaded = Loaded(
        images=pictures,
        articles=loading.published_articles(chosen.articles),
        timelines=loading.timelines(chosen.stories, edition),
        picture=picture,
        absolute=absolute,
    )
    with translation.override(edition):
        return vocabulary.render("partner", raw_blocks, loaded), chosen


# Where a picture goes in a body rendered once for several outputs: an HTML comment no
# stored body can hold, its token drawn afresh for each process.
_PICTURE_MARK = f"<!--picture-{secrets.token_hex(16)}-->"


@dataclass
class Marked:
    """A partner body rendered once with each picture left as a mark, for outputs that
    differ only in how they show a picture (the API's renditions, an export's original
    file): each fills the marks with its own, in the order the body shows them."""

    markup: str
    pictures: list[tuple[Any, Mapping[str, Any]]]

    def filled(self, picture: Callable[[Any, Mapping[str, Any]], str] = _partner_picture) -> str:
        if not self.pictures:
            return self.markup
        parts = self.markup.split(_PICTURE_MARK)
        shown = [picture(image, value) for image, value in self.pictures]
        return "".join(part + figure for part, figure in zip(parts, [*shown, ""], strict=True))


def partner_bodies(articles: Sequence[Article], edition: str) -> dict[int, Marked]:
    """The partner bodies of many ``articles`` of ``edition``, each rendered once, by id.
    What they show is loaded for all of them at once: a query each for their images, the
    published articles they link and their timelines, and one for the renditions of those
    images and of the articles' heroes (which :func:`image` then reads)."""
    raws = {article.pk: article.body.raw_data for article in articles}
    chosen = vocabulary.chosen(raws.values(), "partner")
    pictures = get_image_model().objects.in_bulk(chosen.images) if chosen.images else {}
    load_renditions(list(articles), list(pictures.values()))
    linked = loading.published_articles(chosen.articles)
    timelines = loading.timelines(chosen.stories, edition)
    found: dict[int, Marked] = {}
    with translation.override(edition):
        for pk, raw_blocks in raws.items():
            shown: list[tuple[Any, Mapping[str, Any]]] = []

            def mark(image: Any, value: Mapping[str, Any], shown: list = shown) -> str:
                shown.append((image, value))
                return _PICTURE_MARK

            loaded = Loaded(
                images=pictures,
                articles=linked,
                timelines=timelines,
                picture=mark,
                absolute=absolute,
            )
            found[pk] = Marked(vocabulary.render("partner", raw_blocks, loaded), shown)
    return found


def body_of(markup_html: str) -> Body:
    """A partner body already rendered, with its counts."""
    plain = _plain_text(markup_html)
    return Body(markup_html, len(plain), len(plain.split()))


def body(article: Article) -> Body:
    """The body as self-contained HTML for partners: no site classes, no scripts, absolute
    image addresses, read-also links only to published articles. Kept rendered by published
    revision until something it shows changes; loads the hero's renditions either way."""
    name = fragments.body_name("partner", article)
    stored = fragments.lookup([name]) if name else {}
    if name in stored:
        load_renditions([article])
        return Body(*stored[name])
    started = time.time()
    markup_html, chosen = partner_html(
        article.body.raw_data,
        article.locale.language_code,
        prepare=lambda images: load_renditions([article], images),
    )
    plain = _plain_text(markup_html)
    found = Body(markup_html, len(plain), len(plain.split()))
    if name is not None:
        value = (found.html, found.text_length, found.words)
        fragments.store({name: (value, fragments.body_keys(chosen))}, started, BODY_SECONDS)
    return found


def _plain_text(markup: str) -> str:
    return html.unescape(strip_tags(markup))


def _update_html(raw_blocks: Any) -> str:
    # An update's body chooses nothing (live.blocks), so nothing is loaded for it.
    loaded = Loaded(images={}, picture=_partner_picture, absolute=absolute)
    return vocabulary.render("partner", raw_blocks, loaded)


def with_live_updates(article: Article, found: Body) -> Body:
    """``found`` followed by a live article's newest updates (one query, for live coverage
    only). Outside the kept body, which only a new revision replaces, whereas updates
    arrive without one."""
    if article.coverage not in (LIVE, LIVE_ENDED):
        return found
    updates = LiveUpdate.objects.newest_of([article.pk], MACHINE_UPDATES).get(article.pk, [])
    with translation.override(article.locale.language_code):
        more = updates_html(updates, page_url=absolute(article.get_url()), render=_update_html)
    if not more:
        return found
    plain = _plain_text(more)
    return Body(found.html + more, found.text_length + len(plain), found.words + len(plain.split()))


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
    markup = with_live_updates(article, body(article)).html
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
