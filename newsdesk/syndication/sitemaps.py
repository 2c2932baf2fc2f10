"""Sitemaps (sitemaps.org 0.9 with Google's image and news extensions) and their index.

What each costs, whatever the size of the archive:

- the index: one query over :class:`~.models.ArchiveMonth` (a row per edition and month)
  and one count per kind of directory (sections, tags, authors);
- a month: one query, a range of the edition index on ``first_published_at``, each row
  with its published translation's slug (a subquery on ``translation_key``);
- the news sitemap: one query, the last two days of that same index;
- sections, tags, authors, stories: one query each, by primary key.

Each class says what it lists; :meth:`Sitemap.__call__` writes it. Instances are shared, so
request data stays in arguments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.xmlreader import AttributesImpl

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.xmlutils import SimplerXMLGenerator
from wagtail.images import get_image_model

from newsdesk.articles import labels as label_codes
from newsdesk.articles.models import Article, modified_time
from newsdesk.editions import DEFAULT_EDITION, EDITIONS, other_edition
from newsdesk.frontcache import keys as surrogate
from newsdesk.http_policy import absolute, last_modified, public
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story
from newsdesk.taxonomy.models import Tag

from .archive import MAX_PAGES, URLS_PER_SITEMAP, Period, pages, parse_period
from .models import ArchiveMonth
from .xml_text import XMLTextGenerator

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# Google reads a page's translations from ``<xhtml:link rel="alternate" hreflang=…>``.
XHTML_NS = "http://www.w3.org/1999/xhtml"
# Google News sitemaps: articles published in the last 2 days, at most 1,000 URLs.
NEWS_WINDOW = dt.timedelta(days=2)
NEWS_LIMIT = 1000
# A JSON list of label codes, searched as text: JSONField's ``contains`` lookup does not
# exist on SQLite, and the quotes keep one code from matching inside another.
ARTICLE_COLUMNS = (
    "slug",
    "first_published_at",
    "last_published_at",
    "updated_at",
    "live_updated_at",
)


@dataclass(frozen=True)
class News:
    title: str
    published: dt.datetime
    language: str


@dataclass(frozen=True)
class Url:
    loc: str
    lastmod: dt.datetime | None = None
    images: list[str] = field(default_factory=list)
    news: News | None = None
    # (hreflang, absolute address): the page and its translation, then ``x-default``.
    alternates: list[tuple[str, str]] = field(default_factory=list)


def attributes(values: dict[str, str]) -> AttributesImpl:
    return AttributesImpl(values)


NO_ATTRIBUTES = attributes({})


def w3c(moment: dt.datetime) -> str:
    """W3C Datetime, as the sitemaps protocol asks, with the UTC offset."""
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _image_url(name: str | None) -> str | None:
    if not name:
        return None
    storage = get_image_model()._meta.get_field("file").storage  # type: ignore[union-attr]
    return absolute(storage.url(name))


def _lastmod(row: dict[str, Any]) -> dt.datetime | None:
    """As ``Article.modified_at``: a live update is a change crawlers should come back for."""
    return modified_time(*(row[column] for column in ARTICLE_COLUMNS[1:]))


def _xml_response(write: Any) -> HttpResponse:
    response = HttpResponse(content_type="application/xml; charset=utf-8")
    handler = XMLTextGenerator(response, "utf-8", short_empty_elements=True)
    handler.startDocument()
    write(handler)
    handler.endDocument()
    return response


def _write_urlset(handler: SimplerXMLGenerator, urls: list[Url]) -> None:
    handler.startElement(
        "urlset",
        attributes(
            {
                "xmlns": SITEMAP_NS,
                "xmlns:image": IMAGE_NS,
                "xmlns:news": NEWS_NS,
                "xmlns:xhtml": XHTML_NS,
            }
        ),
    )
    for url in urls:
        handler.startElement("url", NO_ATTRIBUTES)
        handler.addQuickElement("loc", url.loc)
        if url.lastmod is not None:
            handler.addQuickElement("lastmod", w3c(url.lastmod))
        if url.news is not None:
            handler.startElement("news:news", NO_ATTRIBUTES)
            handler.startElement("news:publication", NO_ATTRIBUTES)
            handler.addQuickElement("news:name", settings.WAGTAIL_SITE_NAME)
            handler.addQuickElement("news:language", url.news.language)
            handler.endElement("news:publication")
            handler.addQuickElement("news:publication_date", w3c(url.news.published))
            handler.addQuickElement("news:title", url.news.title)
            handler.endElement("news:news")
        for hreflang, href in url.alternates:
            link = {"rel": "alternate", "hreflang": hreflang, "href": href}
            handler.addQuickElement("xhtml:link", attrs=link)
        for image in url.images:
            handler.startElement("image:image", NO_ATTRIBUTES)
            handler.addQuickElement("image:loc", image)
            handler.endElement("image:image")
        handler.endElement("url")
    handler.endElement("urlset")


class Sitemap:
    """A ``<urlset>``: subclasses say what it lists in :meth:`urls`, raising ``Http404``
    for a part that does not exist."""

    def urls(self, edition: str, **kwargs: Any) -> list[Url]:
        raise NotImplementedError

    def __call__(self, request: HttpRequest, edition: str, **kwargs: Any) -> HttpResponse:
        urls = self.urls(edition, **kwargs)
        response = _xml_response(lambda handler: _write_urlset(handler, urls))
        newest = max((url.lastmod for url in urls if url.lastmod), default=None)
        return public(last_modified(response, newest))


def _article_url(edition: str, row: dict[str, Any]) -> str:
    return absolute(reverse("site:article", kwargs={"edition": edition, "slug": row["slug"]}))


def translation_pair(edition: str, loc: str, twin: str | None) -> list[tuple[str, str]]:
    """The ``hreflang`` alternates of a page at ``loc`` whose translation is at ``twin``,
    as the page itself declares them; nothing without a translation."""
    if not twin:
        return []
    by_edition = {edition: loc, other_edition(edition): twin}
    return [(code, by_edition[code]) for code in EDITIONS] + [
        ("x-default", by_edition[DEFAULT_EDITION])
    ]


class ArticleMonthSitemap(Sitemap):
    """The articles first published in one month (UTC), oldest first, so that a month
    split into pages keeps its earlier pages as they were."""

    def urls(self, edition: str, **kwargs: Any) -> list[Url]:
        period = parse_period(kwargs["period"])
        if period is None:
            raise Http404
        surrogate.note(surrogate.month(edition, period.start))
        offset = (period.page - 1) * URLS_PER_SITEMAP
        other = other_edition(edition)
        # The skip stays inside one month's range of the edition index and only happens
        # past 50,000 articles in a month; the archive's size never enters into it.
        rows = (
            Article.objects.published()
            .in_edition(edition)
            .filter(first_published_at__gte=period.start, first_published_at__lt=period.end)
            .with_translation_slug(other)
            .order_by("first_published_at", "id")
            .values(*ARTICLE_COLUMNS, "translation_slug", image=models.F("hero_image__file"))[
                offset : offset + URLS_PER_SITEMAP
            ]
        )
        urls = []
        for row in rows:
            loc = _article_url(edition, row)
            twin = row["translation_slug"]
            twin_url = _article_url(other, {"slug": twin}) if twin else None
            urls.append(
                Url(
                    loc=loc,
                    lastmod=_lastmod(row),
                    images=[url] if (url := _image_url(row["image"])) else [],
                    alternates=translation_pair(edition, loc, twin_url),
                )
            )
        if not urls:
            raise Http404
        return urls


class NewsSitemap(Sitemap):
    """Google News: the edition's articles of the last two days by their first publication,
    sponsored ones left out (Google News content policies: no promotional content), and so
    are those dated at an original publication, which are not news today (0038)."""

    def urls(self, edition: str, **kwargs: Any) -> list[Url]:
        surrogate.note(surrogate.news(edition))
        since = timezone.now() - NEWS_WINDOW
        rows = (
            Article.objects.published()
            .in_edition(edition)
            .filter(first_published_at__gte=since)
            .announced()
            .without_label(label_codes.AFFILIATE)
            .newest_first()
            .values(*ARTICLE_COLUMNS, "headline", image=models.F("hero_image__file"))[:NEWS_LIMIT]
        )
        return [
            Url(
                loc=_article_url(edition, row),
                lastmod=_lastmod(row),
                images=[url] if (url := _image_url(row["image"])) else [],
                news=News(row["headline"], row["first_published_at"], language=edition),
            )
            for row in rows
        ]


class DirectorySitemap(Sitemap):
    """Sections, tags, authors or stories of an edition, by primary key, 50,000 a page.
    They carry no ``lastmod``: the models keep no time of change."""

    model: type[Section | Tag | Author | Story]

    def leading(self, edition: str) -> list[Url]:
        return []

    def urls(self, edition: str, **kwargs: Any) -> list[Url]:
        page = kwargs.get("page", 1)
        if not 1 <= page <= MAX_PAGES or ("page" in kwargs and page == 1):
            raise Http404
        surrogate.note(surrogate.directory(edition))
        offset = (page - 1) * URLS_PER_SITEMAP
        items = (
            self.model.objects.in_edition(edition)
            .order_by("pk")
            .only("slug")[offset : offset + URLS_PER_SITEMAP]
        )
        urls = [Url(absolute(item.get_absolute_url())) for item in items]
        if page > 1 and not urls:
            raise Http404
        return (self.leading(edition) if page == 1 else []) + urls


class SectionSitemap(DirectorySitemap):
    model = Section

    def leading(self, edition: str) -> list[Url]:
        """The edition's home and latest-news pages head the list of its sections."""
        return [
            Url(absolute(reverse(name, kwargs={"edition": edition})))
            for name in ("site:home", "site:news")
        ]


class TagSitemap(DirectorySitemap):
    model = Tag


class AuthorSitemap(DirectorySitemap):
    model = Author


class StorySitemap(DirectorySitemap):
    """The edition's story pages (coverage, timeline, claims)."""

    model = Story


DIRECTORIES: dict[str, type[models.Model]] = {
    "sections": Section,
    "tags": Tag,
    "authors": Author,
    "stories": Story,
}


def paged(name: str, view: DirectorySitemap) -> list[URLPattern]:
    """``<edition>/sitemaps/tags.xml``, then ``tags-2.xml`` and on past 50,000 entries."""
    return [
        path(f"<edition:edition>/sitemaps/{name}.xml", view, name=f"{name}_sitemap"),
        path(
            f"<edition:edition>/sitemaps/{name}-<int:page>.xml", view, name=f"{name}_sitemap_page"
        ),
    ]


def _sitemap_address(name: str, edition: str, page: int = 1) -> str:
    if page == 1:
        return absolute(reverse(f"syndication:{name}", kwargs={"edition": edition}))
    kwargs = {"edition": edition, "page": page}
    return absolute(reverse(f"syndication:{name}_page", kwargs=kwargs))


def index_entries() -> list[tuple[str, dt.datetime | None]]:
    """Every sitemap of both editions with its ``lastmod``: news first, then the
    directories, then the months, oldest first."""
    months = list(ArchiveMonth.objects.filter(articles__gt=0).order_by("edition", "month"))
    counts: dict[tuple[str, str], int] = {}
    for kind, model in DIRECTORIES.items():
        grouped = model._default_manager.values("locale__language_code").annotate(n=Count("pk"))
        for group in grouped:
            counts[(kind, group["locale__language_code"])] = group["n"]
    entries: list[tuple[str, dt.datetime | None]] = []
    for edition in EDITIONS:
        mine = [month for month in months if month.edition == edition]
        newest = max((month.lastmod for month in mine), default=None)
        news = reverse("syndication:news_sitemap", kwargs={"edition": edition})
        entries.append((absolute(news), newest))
        for kind in DIRECTORIES:
            for page in range(1, pages(counts.get((kind, edition), 0)) + 1):
                entries.append((_sitemap_address(f"{kind}_sitemap", edition, page), None))
        for month in mine:
            for page in range(1, pages(month.articles) + 1):
                slug = Period(month.month, page).slug()
                address = reverse(
                    "syndication:article_sitemap", kwargs={"edition": edition, "period": slug}
                )
                entries.append((absolute(address), month.lastmod))
    return entries


def _write_index(handler: SimplerXMLGenerator, entries: Iterable[tuple[str, Any]]) -> None:
    handler.startElement("sitemapindex", attributes({"xmlns": SITEMAP_NS}))
    for loc, lastmod in entries:
        handler.startElement("sitemap", NO_ATTRIBUTES)
        handler.addQuickElement("loc", loc)
        if lastmod is not None:
            handler.addQuickElement("lastmod", w3c(lastmod))
        handler.endElement("sitemap")
    handler.endElement("sitemapindex")


def index(request: HttpRequest) -> HttpResponse:
    surrogate.note(
        *(key(code) for code in EDITIONS for key in (surrogate.news, surrogate.directory))
    )
    entries = index_entries()
    response = _xml_response(lambda handler: _write_index(handler, entries))
    newest = max((lastmod for _loc, lastmod in entries if lastmod), default=None)
    return public(last_modified(response, newest))
