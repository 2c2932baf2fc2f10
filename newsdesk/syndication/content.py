"""What a feed says about each article, loaded in a fixed number of queries.

:func:`latest` reads the newest items through the one read path and turns them into
:class:`Entry` objects, the only thing the feed classes see. An entry changes only when its
article is published again or something it shows changes, so entries are kept rendered
(``frontcache.fragments``) by published revision, with the surrogate keys of what they
show. A feed costs one query for the newest rows and two cache round trips; only the
entries not kept cost, all together:

1. the articles, with section and hero image (one row each);
2. bylines with their authors; 3. tags (prefetches);
4. the images chosen in the bodies, all items together (only when a body has one);
5. the public notes (updates, corrections, clarifications) of the items that have any;
6. the newest live updates of the items that are live coverage (``live.digest``).

No renditions are asked for: feeds point at the original image file, which exists from
upload on, whereas a rendition may not have been made yet.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import dateformat, translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from newsdesk.articles import labels as label_codes
from newsdesk.articles.body import loading, markup, vocabulary
from newsdesk.articles.body.vocabulary import Loaded
from newsdesk.articles.models import LIVE, LIVE_ENDED, Byline, UpdateLogEntry
from newsdesk.articles.query import LISTING_FIELDS, ArticleQuerySet, Cursor
from newsdesk.editions import kyiv
from newsdesk.frontcache import fragments
from newsdesk.frontcache import keys as surrogate
from newsdesk.http_policy import absolute
from newsdesk.live import digest
from newsdesk.live.models import LiveUpdate

# Aggregators poll often and keep what they have seen; 50 covers more than a day of news
# at the outlet's pace without making each poll heavy.
FEED_SIZE = 50
FEED_FIELDS = (
    *LISTING_FIELDS,
    "lead",
    "affiliate_disclosure",
    "body",
    "hero_credit",
    "last_published_at",
    "sources",
    "hero_image__file_size",
    "live",
    "live_revision_id",
    "live_updated_at",
)
# The tag URI (RFC 4151) date: any day on which the site's host name was ours. With the
# article's id it gives a guid that survives a change of headline or slug.
GUID_DATE = "2026"
ALLOWED_TAGS = {
    "a",
    "aside",
    "b",
    "blockquote",
    "br",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h2",
    "h3",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "strong",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "width", "height"}}


@dataclass(frozen=True)
class Person:
    name: str
    url: str


@dataclass(frozen=True)
class Picture:
    url: str
    length: int
    mime_type: str


@dataclass(frozen=True)
class Label:
    """A label as feeds write it: its stable code and its name in the feed's language."""

    code: str
    name: str


@dataclass(frozen=True)
class Entry:
    """One article as every feed format shows it; URLs are absolute, HTML is sanitised."""

    guid: str
    url: str
    title: str
    summary: str
    content_html: str
    published: dt.datetime
    updated: dt.datetime
    authors: list[Person]
    # Topics only: the section and the tags. What kind of piece it is (Opinion, Exclusive…)
    # and its states (Updated, Live) are ``labels``, written apart (decision 0026).
    categories: list[str]
    labels: list[Label]
    image: Picture | None
    sponsored: bool

    @property
    def genres(self) -> list[Label]:
        """The labels that say what kind of piece this is; the derived states (Updated,
        Live) are told by the item's dates and content instead."""
        return [label for label in self.labels if label.code not in label_codes.DERIVED_CODES]


def guid(article: Any) -> str:
    host = urlsplit(settings.BASE_URL).hostname or "localhost"
    return f"tag:{host},{GUID_DATE}:article:{article.pk}"


def last_modified(article: Any) -> dt.datetime:
    """The last time readers were shown a change: a republication, a noted update or a
    live update (``Article.modified_at``)."""
    return article.modified_at  # type: ignore[no-any-return]


def sanitise(html: str, *, sponsored: bool = False) -> str:
    """Only plain editorial markup survives; relative links become absolute. Links in
    sponsored material carry ``rel="sponsored"`` as they do on the site."""
    rel = "sponsored noopener noreferrer" if sponsored else "noopener noreferrer"
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        link_rel=rel,
        url_schemes={"http", "https", "mailto"},
        url_relative=("rewrite_with_base", settings.BASE_URL.rstrip("/") + "/"),
    )


def picture(image: Any) -> Picture | None:
    """The original file of an image. RSS needs a length; when it is unknown the RSS
    Advisory Board's profile says to give 0."""
    if image is None or not image.file:
        return None
    name = image.file.name
    mime_type = mimetypes.guess_type(name)[0] or "image/jpeg"
    return Picture(absolute(image.file.url), int(image.file_size or 0), mime_type)


def _feed_picture(image: Any, value: Mapping[str, Any]) -> str:
    found = picture(image)
    if found is None:
        return ""
    alt = value.get("alt") or image.title
    return markup.figure(found.url, alt, value.get("caption") or "", value.get("credit") or "")


def _loaded(images: dict[int, Any], timelines: Mapping[int, Any] | None = None) -> Loaded:
    return Loaded(
        images=images, timelines=timelines or {}, picture=_feed_picture, absolute=absolute
    )


def _block_html(kind: str, value: Any, images: dict[int, Any]) -> str:
    """One body block as the feed shows it (the body's vocabulary decides)."""
    return vocabulary.render("feed", [{"type": kind, "value": value}], _loaded(images))


def body_html(article: Any, loaded: Loaded) -> str:
    """The body as feeds show it, sanitised (links in sponsored material marked)."""
    html = vocabulary.render("feed", article.body.raw_data, loaded)
    return sanitise(html, sponsored=article.is_affiliate)


def notes_html(notes: list[Any]) -> str:
    """The public log, newest first: "Correction, 25 November 14:05: …" in the feed's
    language, so that a reader of the feed learns of a correction as a reader of the page."""
    kinds = dict(UpdateLogEntry.KINDS)
    lines = []
    for note in notes:
        local = kyiv(note.created_at)
        stamp = _("%(kind)s, %(day)s %(time)s:") % {
            "kind": kinds.get(note.kind, kinds[UpdateLogEntry.UPDATE]),
            "day": dateformat.format(local, "j E"),
            "time": local.strftime("%H:%M"),
        }
        lines.append(format_html("<p><strong>{}</strong> {}</p>", stamp, note.text))
    return "".join(lines)


def live_html(updates: list[Any], url: str) -> str:
    """A live article's newest updates as feeds show them, sanitised."""
    return sanitise(
        digest.updates_html(
            updates, page_url=url, render=lambda raw: vocabulary.render("feed", raw, _loaded({}))
        )
    )


def content_html(
    article: Any, images: dict[int, Any], notes: list[Any] | None = None, live: str = ""
) -> str:
    """The full text: disclosure (sponsored material), public notes, lead, hero, body, the
    newest live updates (``live``, already sanitised) and sources. The body is the one
    :func:`latest` stored with the row, else rendered now."""
    parts: list[str] = []
    if article.is_affiliate:
        parts.append(
            format_html(
                "<p><strong>{}</strong> {}</p>",
                _("Affiliate material."),
                article.affiliate_disclosure
                or _(
                    "We may earn a commission when you buy through links in this article. "
                    "It does not affect what we write."
                ),
            )
        )
    if notes:
        parts.append(notes_html(notes))
    if article.lead:
        parts.append(format_html("<p>{}</p>", article.lead))
    hero = picture(article.hero_image) if article.hero_image_id else None
    if hero is not None:
        alt = article.hero_alt or article.hero_image.title
        parts.append(markup.figure(hero.url, alt, article.hero_caption, article.hero_credit))
    body = getattr(article, "feed_body_html", None)
    if body is None:
        body = body_html(article, _loaded(images))
    sources = []
    for block in article.sources.raw_data:
        value = block.get("value") or {}
        if value.get("name"):
            sources.append(format_html("<li>{} {}</li>", _("Source:"), value["name"]))
    ending = "<ul>" + "".join(sources) + "</ul>" if sources else ""
    # Each part is whole elements, so cleaning them apart equals cleaning them together;
    # the body, the bulk of it, was cleaned once when it was stored.
    sponsored = article.is_affiliate
    return (
        sanitise("".join(parts), sponsored=sponsored)
        + body
        + live
        + sanitise(ending, sponsored=sponsored)
    )


def entry(
    article: Any,
    edition: str,
    images: dict[int, Any],
    notes: list[Any] | None = None,
    updates: list[Any] | None = None,
) -> Entry:
    """``updates``: a live article's newest, newest first; their publication or edit
    purges the article's key, which the kept entry shows (:func:`entry_keys`)."""
    surrogate.note(surrogate.article(article.pk))
    url = absolute(reverse("site:article", kwargs={"edition": edition, "slug": article.slug}))
    with translation.override(edition):
        live = live_html(updates or [], url)
    tags = [tag.name for tag in article.tags.all()]
    with translation.override(edition):
        labels = [Label(code, str(label_codes.NAMES[code])) for code in article.display_labels]
    authors = [
        Person(byline.author.name, absolute(byline.author.get_absolute_url(edition)))
        for byline in article.bylines.all()
    ]
    return Entry(
        guid=guid(article),
        url=url,
        title=article.headline,
        summary=article.lead,
        content_html=content_html(article, images, notes, live),
        published=article.first_published_at,
        updated=last_modified(article),
        authors=authors,
        categories=[article.section.name, *tags],
        labels=labels,
        image=picture(article.hero_image) if article.hero_image_id else None,
        sponsored=article.is_affiliate,
    )


def _store_bodies(rows: list[Any], edition: str) -> None:
    """Give each row its feed body (``feed_body_html``): the stored ones in two cache round
    trips, the others rendered with one query per kind of chosen object for all of them,
    then stored by published revision."""
    names = {}
    for article in rows:
        stored_name = fragments.body_name("feed", article)
        if stored_name is not None:
            names[stored_name] = article
    for stored_name, html in fragments.lookup(list(names)).items():
        names[stored_name].feed_body_html = html
    missing = [article for article in rows if getattr(article, "feed_body_html", None) is None]
    if not missing:
        return
    started = time.time()
    bodies = {article.pk: article.body.raw_data for article in missing}
    chosen = vocabulary.chosen(bodies.values(), "feed")
    images = get_image_model().objects.in_bulk(chosen.images) if chosen.images else {}
    timelines = loading.timelines(chosen.stories, edition)
    computed: dict[str, tuple[str, Collection[str]]] = {}
    for article in missing:
        article.feed_body_html = body_html(article, _loaded(images, timelines))
        name = fragments.body_name("feed", article)
        if name is not None:
            mine = vocabulary.chosen([bodies[article.pk]], "feed")
            computed[name] = (article.feed_body_html, fragments.body_keys(mine))
    fragments.store(computed, started, fragments.BODY_SECONDS)


# Kept entries are pickled :class:`Entry` objects: a change of its fields changes this, so
# a new release never reads an entry in the shape of the one before.
ENTRY_FORMAT = "e2"
# What a feed's first query reads of each row: enough to name its kept entry.
HEAD_FIELDS = ("id", "first_published_at", "last_published_at", "live", "live_revision_id")


def entry_name(article: Any, edition: str) -> str | None:
    """Where an article's entry is kept, in ``edition``'s language; None when it is not."""
    return fragments.revision_name(f"feed-entry:{ENTRY_FORMAT}:{edition}", article)


def entry_keys(article: Any) -> set[str]:
    """What an entry shows besides its own revision: the article (a live-coverage change,
    a note), its section, authors, tags and hero image, and what its body chooses."""
    chosen = vocabulary.chosen([article.body.raw_data], "feed")
    return {
        surrogate.article(article.pk),
        surrogate.section(article.section_id),
        *(surrogate.author(byline.author_id) for byline in article.bylines.all()),
        *(surrogate.tag(tag.pk) for tag in article.tags.all()),
        *([surrogate.image(article.hero_image_id)] if article.hero_image_id else []),
        *fragments.body_keys(chosen),
    }


@dataclass(frozen=True)
class Slice:
    """A feed's entries, newest first, and where the next older ones begin (None at the
    end): a client that was away pages back through ``next_cursor``."""

    entries: list[Entry]
    next_cursor: Cursor | None


def latest(
    articles: ArticleQuerySet,
    edition: str,
    size: int | None = None,
    cursor: Cursor | None = None,
) -> Slice:
    """The newest ``size`` (default ``FEED_SIZE``) articles of ``articles`` (a narrowed
    ``published()`` queryset), or the ``size`` after ``cursor``: only those that may go out
    as news (``announced``: never one dated at its original publication)."""
    size = FEED_SIZE if size is None else size
    # Plain rows, not model instances: a warm feed builds nothing else from them.
    heads = [
        SimpleNamespace(pk=row["id"], **row)
        for row in articles.announced()
        .newest_first()
        .before(cursor)
        .values(*HEAD_FIELDS)[: size + 1]
    ]
    more = len(heads) > size
    heads = heads[:size]
    names = {article.pk: entry_name(article, edition) for article in heads}
    # Kept entries note their keys (the article's among them); made ones note theirs.
    kept = fragments.lookup([name for name in names.values() if name is not None])
    found = {pk: kept[name] for pk, name in names.items() if name in kept}
    missing = [article.pk for article in heads if article.pk not in found]
    if missing:
        # The bodies kept on the way take this render's start too (fragments.rendering).
        with fragments.rendering() as started:
            rows, made = _entries(articles.filter(pk__in=missing), edition, len(missing))
        fragments.store(
            {
                name: (made[article.pk], entry_keys(article))
                for article in rows
                if (name := names.get(article.pk)) is not None
            },
            started,
            fragments.BODY_SECONDS,
        )
        found |= made
    last = heads[-1] if more else None
    return Slice(
        entries=[found[article.pk] for article in heads if article.pk in found],
        next_cursor=Cursor(last.first_published_at, last.pk) if last is not None else None,
    )


def _entries(
    articles: ArticleQuerySet, edition: str, size: int
) -> tuple[list[Any], dict[int, Entry]]:
    """The rows of ``articles`` and their entries, by article id."""
    rows = (
        articles.for_listing(specs=())
        .only(*FEED_FIELDS)
        .prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author")),
            "tags",
        )
        .page(None, size)
        .items
    )
    # The bodies are kept rendered: the rows carry them, and ``images`` is left empty.
    with translation.override(edition):
        _store_bodies(rows, edition)
    images: dict[int, Any] = {}
    notes = _notes([article.pk for article in rows if article.updated_at is not None])
    # One query more, and only when an item is (or was) live coverage.
    live = LiveUpdate.objects.newest_of(
        [article.pk for article in rows if article.coverage in (LIVE, LIVE_ENDED)],
        digest.MACHINE_UPDATES,
    )
    return rows, {
        article.pk: entry(article, edition, images, notes.get(article.pk), live.get(article.pk))
        for article in rows
    }


def _notes(article_ids: list[int]) -> dict[int, list[UpdateLogEntry]]:
    """The public logs of the updated items, newest first: one query, and none when no item
    was ever updated (``updated_at`` is set whenever a note is logged)."""
    found: dict[int, list[UpdateLogEntry]] = {}
    if not article_ids:
        return found
    log = UpdateLogEntry.objects.filter(article_id__in=article_ids).only(
        "article_id", "kind", "created_at", "text"
    )
    for note in log.order_by("-created_at", "-id"):
        found.setdefault(note.article_id, []).append(note)
    return found
