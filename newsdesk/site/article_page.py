"""The article page: one published article and what surrounds it, in a fixed number of queries.

For a published article the page costs, whatever the size of the archive:

1. the article, with its section, hero image, edition and its twin's slug (one row);
2. bylines with their authors; 3. tags; 4. the public update log (prefetches);
5. the images of the body's image blocks (only when it has some);
6. the renditions of the hero and of those images, together;
7. "Read also" (:mod:`.read_also`): ranked articles and the body's read-also targets, together;
8. the section navigation, only while the cache does not hold it;
and, when the body embeds a story timeline, its entries (:mod:`.timeline_blocks`).

The body is rendered once per published revision and kept (``frontcache.fragments``); while it
is, 5 and the timeline are not read, 6 is the hero's alone and 7 ranks from its own cache. When
it is not, the body is rebuilt from its stored data with the objects loaded above, so
rendering it asks the database nothing (a lazily loaded StreamField would fetch each kind of
chooser again).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import dateformat
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from newsdesk.articles.body import vocabulary
from newsdesk.articles.models import NOT_LIVE, Article, PublishedSlug, UpdateLogEntry
from newsdesk.articles.query import HERO_SPECS, SHARE_SPECS, prefetch_renditions
from newsdesk.editions import kyiv, other_edition
from newsdesk.frontcache import fragments
from newsdesk.frontcache import keys as surrogate
from newsdesk.http_policy import SHARED_CACHE_SECONDS

from . import images, read_also, timeline_blocks
from .images import Picture, ResponsiveImage
from .presentation import SHORT_DAY_FORMAT, Badge, Link, badges, moment

UPDATE_KINDS = {
    UpdateLogEntry.UPDATE: gettext_lazy("Updated %(time)s"),
    UpdateLogEntry.CORRECTION: gettext_lazy("Corrected %(time)s"),
    UpdateLogEntry.CLARIFICATION: gettext_lazy("Clarified %(time)s"),
}


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    note: str


@dataclass(frozen=True)
class UpdateNote:
    label: str
    text: str
    iso: str


@dataclass(frozen=True)
class Related:
    article_id: int
    url: str
    headline: str
    moment: str
    iso: str
    badges: list[Badge]


@dataclass
class ArticlePage:
    headline: str
    lead: str
    section: Link
    published: str
    published_iso: str
    updated: str
    updated_iso: str
    badges: list[Badge]
    hero: ResponsiveImage | None
    share_image: Picture | None
    hero_caption: str
    hero_credit: str
    body: list[Any]
    sources: list[Source]
    tags: list[Link]
    bylines: list[Link]
    updates: list[UpdateNote]
    related: list[Related]
    affiliate: bool
    disclosure: str
    twin_path: str | None
    story: Link | None = None
    # Where the page's beacon counts a view (empty for an article never saved).
    count_url: str = ""
    # The hero's crops for search engines (16:9, 4:3, 1:1); none without a hero.
    share_images: list[Picture] = dataclasses.field(default_factory=list)


# What the article view reads first: enough to name the page it keeps (:func:`page_name`).
HEAD_FIELDS = (
    "id",
    "slug",
    "live",
    "live_revision_id",
    "first_published_at",
    "last_published_at",
    "coverage",
)


def load_head(edition: str, slug: str) -> Article | None:
    """The published article at ``slug``, with only what names its kept page (one query)."""
    return (
        Article.objects.published().in_edition(edition).filter(slug=slug).only(*HEAD_FIELDS).first()
    )


# The shape of the kept parts (``views._ArticleParts``): a release that changes it reads
# none kept by the one before.
PARTS_FORMAT = "p2"


def page_name(head: Article, edition: str) -> str | None:
    """Where the rendered parts of a published article's page are kept, by its published
    revision; None for live coverage, whose updates arrive by the minute."""
    if head.coverage != NOT_LIVE:
        return None
    return fragments.revision_name(f"article-page:{PARTS_FORMAT}:{edition}", head)


def load_published(edition: str, slug: str) -> Article | None:
    return (
        Article.objects.published()
        .in_edition(edition)
        .for_article_page()
        .with_translation_slug(other_edition(edition))
        .filter(slug=slug)
        .first()
    )


def current_path_for_old_slug(edition: str, slug: str) -> str | None:
    """Where a published article now lives, if it was once published as ``slug``."""
    moved = PublishedSlug.objects.filter(locale__language_code=edition, slug=slug)
    current = (
        Article.objects.published()
        .in_edition(edition)
        .filter(pk__in=moved.values("article_id"))
        .values_list("slug", flat=True)
        .first()
    )
    if current is None or current == slug:
        return None
    return reverse("site:article", kwargs={"edition": edition, "slug": current})


def latest_draft(edition: str, slug: str, *, user: Any) -> Article | None:
    """The newest revision of an article that readers cannot see, when ``user`` may change
    the article in the admin (the same policy, sections included: decision 0004)."""
    article = Article.objects.in_edition(edition).filter(slug=slug).first()
    if article is None:
        return None
    policy = policy_registry.get_by_type(Article)
    if not policy.user_has_permission_for_instance(user, "change", article):
        return None
    revision = article.latest_revision
    return revision.as_object() if revision is not None else article


def http_url(url: str | None) -> str:
    """``url`` if it is an http(s) link, else "" (never a ``javascript:`` or ``data:`` link)."""
    return url if url and urlsplit(url).scheme in ("http", "https") else ""


def _twin_path(article: Article, edition: str) -> str | None:
    other = other_edition(edition)
    if hasattr(article, "translation_slug"):
        slug = article.translation_slug
    else:  # a preview: the object did not come from the annotated query
        slug = (
            Article.objects.published()
            .in_edition(other)
            .filter(translation_key=article.translation_key)
            .values_list("slug", flat=True)
            .first()
        )
    return reverse("site:article", kwargs={"edition": other, "slug": slug}) if slug else None


def _struct(block: Any, raw: dict, **chosen: Any) -> Any:
    """A StructBlock value from stored data, with chooser fields given as loaded objects."""
    values = []
    for name, child in block.child_blocks.items():
        if name in chosen:
            values.append((name, chosen[name]))
        elif name in raw:
            values.append((name, child.to_python(raw[name])))
        else:
            values.append((name, child.get_default()))
    return block._to_struct_value(values)


def _body(
    article: Article,
    raw_blocks: list[dict],
    pictures: dict,
    linked: dict,
    stories: dict | None = None,
) -> list[Any]:
    """The body's blocks as native values, choosers filled from what was loaded for them."""
    stream_block = article.body.stream_block
    loaded = {vocabulary.IMAGE: pictures, vocabulary.ARTICLE: linked}
    loaded[vocabulary.STORY] = stories or {}
    children = []
    for raw in raw_blocks:
        kind = raw.get("type")
        block = stream_block.child_blocks.get(kind)
        value = raw.get("value")
        if block is None or not isinstance(kind, str):
            continue  # a block type the code no longer has
        field = vocabulary.chooser_field(kind)
        if field is not None:
            what = vocabulary.VOCABULARY[kind].chooses[field]
            chosen = loaded[what].get(value.get(field)) if isinstance(value, dict) else None
            if chosen is None or not isinstance(value, dict):
                # A deleted image, or a draft or expired article: readers never see a gap
                # or a link that leads to a 404.
                continue
            native = _struct(block, value, **{field: chosen})
        else:
            native = block.to_python(value)
        children.append(StreamValue.StreamChild(block, native, id=raw.get("id")))
    return children


def _reader_html(children: list[Any]) -> SafeString:
    """The body as ``site/includes/body.html`` lays it out: each block's template, a line
    each."""
    return mark_safe("".join(f"{child.render_as_block()}\n" for child in children))  # noqa: S308 - rendered by the blocks' templates


def _stored_body_name(article: Article) -> str | None:
    # Only the published row is what its live revision says; a preview (of a draft, or of
    # a revision) carries the same revision id with other content.
    if not hasattr(article, "translation_slug"):
        return None
    return fragments.body_name("reader", article)


def _update_notes(article: Article) -> list[UpdateNote]:
    published_day = kyiv(article.first_published_at).date() if article.first_published_at else None
    notes: list[UpdateNote] = []
    if article.pk is None:
        return notes  # a preview of an article never saved has no log yet
    for entry in article.update_log.all():
        local = kyiv(entry.created_at)
        stamp = local.strftime("%H:%M")
        if local.date() != published_day:
            stamp = f"{dateformat.format(local, SHORT_DAY_FORMAT)}, {stamp}"
        kind = UPDATE_KINDS.get(entry.kind, UPDATE_KINDS[UpdateLogEntry.UPDATE])
        label = str(kind) % {"time": stamp}
        notes.append(UpdateNote(label, entry.text, local.isoformat(timespec="minutes")))
    notes.sort(key=lambda note: note.iso, reverse=True)
    return notes


def _sources(article: Article) -> list[Source]:
    found = []
    for raw in article.sources.raw_data:
        value = raw.get("value") or {}
        if value.get("name"):
            found.append(Source(value["name"], http_url(value.get("url")), value.get("note") or ""))
    return found


def _related(row: Article) -> Related:
    return Related(
        article_id=row.pk,
        url=row.get_url(),
        headline=row.headline,
        moment=moment(row.first_published_at),
        iso=kyiv(row.first_published_at).isoformat(timespec="minutes"),
        badges=badges(row),
    )


def _keyed(article: Article, related: list[Related]) -> tuple[list[Related], set[str]]:
    """The ranking with what invalidates it: the article (its picks, story, tags) and each
    article listed."""
    shown = {surrogate.article(item.article_id) for item in related}
    return related, {surrogate.article(article.pk), *shown}


def _render_body(
    article: Article,
    edition: str,
    raw_blocks: list[dict],
    pictures: dict,
    linked: dict,
    chosen: vocabulary.Chosen,
    stored_name: str | None,
    started: float,
) -> SafeString:
    """The reader's body from the objects loaded for it, kept under ``stored_name`` with
    what it shows (the timeline's entries and the articles they cite included)."""
    with surrogate.collecting() as shown:
        stories = timeline_blocks.load(raw_blocks, edition)
    html = _reader_html(_body(article, raw_blocks, pictures, linked, stories))
    shown |= fragments.body_keys(chosen)
    if stored_name is not None:
        fragments.store({stored_name: (html, shown)}, started, fragments.BODY_SECONDS)
    else:
        surrogate.note(*shown)
    return html


def build(article: Article, edition: str, *, now: dt.datetime) -> ArticlePage:
    """Everything the article template shows; runs the queries numbered 5 to 7 above."""
    stored_name = _stored_body_name(article)
    stored = fragments.lookup([stored_name]) if stored_name else {}
    started = time.time()
    raw_blocks = [] if stored else [dict(block) for block in article.body.raw_data]
    chosen = vocabulary.chosen([raw_blocks], "reader")
    pictures = get_image_model().objects.in_bulk(chosen.images) if chosen.images else {}
    prefetch_renditions([article.hero_image, *pictures.values()], (*HERO_SPECS, *SHARE_SPECS))

    tags = list(article.tags.all())
    linked_ids = chosen.articles

    def rank() -> tuple[list[Related], dict[int, Article]]:
        rows, linked = read_also.related_and_linked(
            article, edition, [tag.pk for tag in tags], linked_ids
        )
        surrogate.note_articles(linked.values())
        return [_related(row) for row in rows], linked

    if article.live and not linked_ids and read_also.picks_are_stored(article):
        # A published article's ranking, kept until it or a listed article changes (their
        # keys) or for as long as a shared cache keeps the page; a preview always ranks.
        related = fragments.cached(
            f"read-also:{edition}:{article.pk}",
            lambda: _keyed(article, rank()[0]),
            SHARED_CACHE_SECONDS,
        )
        linked: dict[int, Article] = {}
    else:
        related, linked = rank()
    # A preview of unpublished work shows when it is due to go out, else the present.
    published = article.first_published_at or article.go_live_at or now
    hero = share_image = None
    share_images: list[Picture] = []
    if article.hero_image is not None:
        alt = images.alt_text(article.hero_image, article.hero_alt)
        hero = images.hero(article.hero_image, alt)
        share_images = images.share_set(article.hero_image, alt)
        share_image = share_images[0] if share_images else None
    return ArticlePage(
        headline=article.headline,
        lead=article.lead,
        section=Link(article.section.get_absolute_url(edition), article.section.name),
        published=moment(published),
        published_iso=kyiv(published).isoformat(timespec="minutes"),
        updated=moment(article.updated_at) if article.updated_at else "",
        updated_iso=kyiv(article.updated_at).isoformat(timespec="minutes")
        if article.updated_at
        else "",
        badges=badges(article),
        hero=hero,
        share_image=share_image,
        share_images=share_images,
        hero_caption=article.hero_caption,
        hero_credit=article.hero_credit,
        body=[stored[stored_name]]
        if stored_name in stored
        else [
            _render_body(
                article, edition, raw_blocks, pictures, linked, chosen, stored_name, started
            )
        ],
        sources=_sources(article),
        tags=[Link(tag.get_absolute_url(edition), tag.name) for tag in tags],
        bylines=[
            Link(byline.author.get_absolute_url(edition), byline.author.name)
            for byline in article.bylines.all()
        ],
        updates=_update_notes(article),
        related=related,
        affiliate=article.is_affiliate,
        disclosure=article.affiliate_disclosure if article.is_affiliate else "",
        twin_path=_twin_path(article, edition),
        story=timeline_blocks.story_link(article, edition),
        count_url=reverse("site:count_view", kwargs={"edition": edition, "article_id": article.pk})
        if article.pk
        else "",
    )
