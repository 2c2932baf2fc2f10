"""What reader pages show, computed before rendering so that no template runs a query.

Views load rows through the one read path (``Article.objects.published()…``) and hand them
here; the dataclasses below are all a template ever sees.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import dateformat, translation
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from newsdesk.articles import labels as label_codes
from newsdesk.articles.models import Article
from newsdesk.articles.query import Cursor
from newsdesk.editions import DEFAULT_EDITION, EDITIONS, kyiv, other_edition
from newsdesk.frontcache import keys as surrogate
from newsdesk.http_policy import absolute
from newsdesk.sections.models import Section

from . import images, social
from .images import ResponsiveImage

# Django date formats: ``E`` is the month in the genitive ("12 лютого"), which English
# spells as ``F`` does. Weekday and month names follow the active language.
DAY_FORMAT = "l, j E Y"
MOMENT_FORMAT = "l, j E Y, H:i"
SHORT_DAY_FORMAT = "j E"
LANGUAGE_NAMES = dict(settings.LANGUAGES)


@dataclass(frozen=True)
class Link:
    url: str
    text: str
    current: bool = False


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


@dataclass(frozen=True)
class LanguageSwitch:
    edition: str
    url: str
    name: str


@dataclass(frozen=True)
class FeedLink:
    """A ``<link rel="alternate">`` to a feed of what the page lists."""

    url: str
    title: str
    media_type: str


@dataclass
class Chrome:
    """Everything the page frame shows: title, addresses, navigation, language switch."""

    edition: str
    title: str
    path: str
    switch: LanguageSwitch
    alternates: list[Alternate]
    canonical: str
    nav: list[Link]
    description: str = ""
    noindex: bool = False
    preview: bool = False
    site_name: str = ""
    edition_name: str = ""
    home_url: str = ""
    news_url: str = ""
    feeds: list[FeedLink] = field(default_factory=list)
    # Open Graph and Twitter card tags; JSON-LD blocks, already serialised.
    meta: list[social.Meta] = field(default_factory=list)
    structured_data: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Badge:
    code: str
    name: str


@dataclass(frozen=True)
class FeedItem:
    url: str
    headline: str
    time: str
    iso: str
    day: str
    badges: list[Badge]
    image: ResponsiveImage | None
    section: str


@dataclass
class Day:
    key: str
    heading: str
    # What the feed shows of each item (``feed_items``: its HTML, kept by revision).
    items: list[Any] = field(default_factory=list)

    @property
    def html(self) -> SafeString:
        """The day's items as one piece of HTML, as the feed's template prints them: one
        variable a day instead of a loop over its items. An item that is not HTML yet is
        escaped, as the template would escape it."""
        return SafeString(
            "".join(item if isinstance(item, SafeString) else escape(item) for item in self.items)
        )


@dataclass(frozen=True)
class Feed:
    days: list[Day]
    more_url: str | None


def home_path(edition: str) -> str:
    return reverse("site:home", kwargs={"edition": edition})


def article_path(edition: str, slug: str) -> str:
    return reverse("site:article", kwargs={"edition": edition, "slug": slug})


def edition_name(edition: str) -> str:
    return _("Ukrainian edition") if edition == "uk" else _("English edition")


FEED_TYPES = (
    ("rss", "RSS", "application/rss+xml"),
    ("atom", "Atom", "application/atom+xml"),
    ("json", "JSON Feed", "application/feed+json"),
)


def feed_links(edition: str, scope: str = "news", slug: str = "", name: str = "") -> list[FeedLink]:
    """Feeds of a listing: the edition's latest news (``scope="news"``) or one section, tag
    or author; the edition's own RSS always comes last, so every page offers one."""
    kwargs: dict[str, str] = {"edition": edition}
    if scope != "news":
        kwargs["slug"] = slug
    title = name or _("Latest news")
    links = [
        FeedLink(
            reverse(f"syndication:{scope}_{code}", kwargs=kwargs),
            f"{settings.WAGTAIL_SITE_NAME}: {title} ({label})",
            media_type,
        )
        for code, label, media_type in FEED_TYPES
        if scope == "news" or code != "json"  # JSON Feed is offered per edition only
    ]
    if scope != "news":
        links += feed_links(edition)[:1]
    return links


NAVIGATION_CACHE_SECONDS = 300


def navigation_key(edition: str) -> str:
    return f"site:navigation:{edition}"


def _section_links(edition: str) -> list[tuple[str, str]]:
    """(address, name) of the edition's sections in their editorial order: one query, then
    the cache until a section changes (``site.apps`` drops the entry)."""
    found = cache.get(navigation_key(edition))
    if found is None:
        sections = Section.objects.in_edition(edition).only("name", "slug")
        found = [(s.get_absolute_url(), s.name) for s in sections.order_by("sort_order", "name")]
        cache.set(navigation_key(edition), found, NAVIGATION_CACHE_SECONDS)
    return found


def navigation(edition: str, current: str = "") -> list[Link]:
    """Latest news, then the edition's sections (no query while the cache holds them)."""
    news = reverse("site:news", kwargs={"edition": edition})
    links = [Link(news, _("Latest news"), current == news)]
    links += [Link(url, name, current == url) for url, name in _section_links(edition)]
    return links


def alternates(edition: str, path: str, twin: str | None) -> list[Alternate]:
    """``hreflang`` links between a page and its translation, and ``x-default``.

    Only a real pair declares them: search engines drop an annotation whose target does not
    link back, and a home page is no translation of a story. A page without a twin says
    nothing rather than name a page that is not its equivalent.
    """
    if not twin:
        return []
    paths = {edition: path, other_edition(edition): twin}
    found = [Alternate(code, absolute(paths[code])) for code in EDITIONS]
    found.append(Alternate("x-default", absolute(paths[DEFAULT_EDITION])))
    return found


def chrome(
    edition: str,
    *,
    title: str,
    path: str,
    twin: str | None,
    nav: list[Link] | None = None,
    canonical: str | None = None,
    description: str = "",
    noindex: bool = False,
    feeds: list[FeedLink] | None = None,
) -> Chrome:
    """The frame of a page at ``path`` whose equivalent in the other edition is ``twin``.

    Without a twin the language switch leads to the other edition's home page, so a reader
    who switches language always lands somewhere useful; the page then declares no
    ``hreflang`` at all (see :func:`alternates`).
    """
    surrogate.note(surrogate.chrome(edition))
    other = other_edition(edition)
    other_path = twin or home_path(other)
    description = description or _(
        "News from Ukraine around the clock: the war, politics, the economy and everyday life."
    )
    canonical_url = absolute(canonical or path)
    return Chrome(
        edition=edition,
        title=title,
        path=path,
        switch=LanguageSwitch(other, other_path, LANGUAGE_NAMES[other]),
        alternates=alternates(edition, path, twin),
        canonical=canonical_url,
        nav=navigation(edition, path) if nav is None else nav,
        description=description,
        noindex=noindex,
        site_name=settings.WAGTAIL_SITE_NAME,
        edition_name=edition_name(edition),
        home_url=home_path(edition),
        news_url=reverse("site:news", kwargs={"edition": edition}),
        feeds=feed_links(edition)[:1] if feeds is None else feeds,
        meta=social.page_tags(
            edition=edition, title=title, description=description, url=canonical_url
        ),
    )


def badges(article: Article) -> list[Badge]:
    """The labels readers see (``Article.display_labels``) with their codes, which the
    stylesheet colours."""
    return [Badge(code, str(label_codes.NAMES[code])) for code in article.display_labels]


def moment(value: dt.datetime) -> str:
    """ "Wednesday, 12 February 2025, 22:00" in the active language, Kyiv time."""
    return dateformat.format(kyiv(value), MOMENT_FORMAT)


def day_heading(value: dt.datetime) -> str:
    """ "Wednesday, 12 February 2025": the Kyiv calendar day of ``value``, in the active
    language."""
    return _day_heading(translation.get_language(), kyiv(value).date())


@functools.lru_cache(maxsize=4096)
def _day_heading(language: str | None, day: dt.date) -> str:
    # A heading names a calendar day, never "today": the same in every response. A feed
    # page of an archive or a quiet section spans up to one heading per item, and Django's
    # date formatting costs more than the rest of the heading's work. Escaped once here,
    # so that a template prints it as it is.
    return escape(dateformat.format(day, DAY_FORMAT))


def feed_item(article: Any, edition: str, *, image: ResponsiveImage | None = None) -> FeedItem:
    surrogate.note(surrogate.article(article.pk))
    published = kyiv(article.first_published_at)
    if image is None and article.hero_image_id:
        image = images.thumbnail(
            article.hero_image, images.alt_text(article.hero_image, article.hero_alt)
        )
    return FeedItem(
        url=article_path(edition, article.slug),
        headline=article.headline,
        time=published.strftime("%H:%M"),
        iso=published.isoformat(timespec="minutes"),
        day=dateformat.format(published, SHORT_DAY_FORMAT),
        badges=badges(article),
        image=image,
        section=article.section.name,
    )


def group_by_day(rows: list[Any], show: Callable[[Any], Any]) -> list[Day]:
    """What ``show`` makes of each row (None leaves it out) under one heading per Kyiv
    calendar day, newest first. The headings are made here on every view, never kept:
    they are all a feed may ever show relative to the present."""
    days: list[Day] = []
    for row in rows:
        shown = show(row)
        if shown is None:
            continue
        # An ISO date needs no escaping: the template prints it as it is.
        key = SafeString(kyiv(row.first_published_at).date().isoformat())
        if not days or days[-1].key != key:
            days.append(Day(key, day_heading(row.first_published_at)))
        days[-1].items.append(shown)
    return days


def after(path: str, cursor: Cursor) -> str:
    """The address of the slice that follows ``cursor`` on the listing at ``path``."""
    return f"{path}?{urlencode({'after': cursor.encode()})}"


def feed(
    rows: list[Any], next_cursor: Cursor | None, show: Callable[[Any], Any], *, more_path: str
) -> Feed:
    """A slice of the latest-news feed (``rows``, each shown as ``show`` makes it) and its
    "More news" link (``more_path?after=…``)."""
    more = after(more_path, next_cursor) if next_cursor is not None else None
    return Feed(days=group_by_day(rows, show), more_url=more)


def parse_cursor(raw: str | None) -> Cursor | None:
    """The cursor of a "More news" link; raises ``InvalidCursor`` for one we did not make."""
    return Cursor.decode(raw) if raw else None
