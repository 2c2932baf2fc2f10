"""Sitemap query budgets at two archive sizes, paging past the 50,000-URL limit, and the
URLs that must answer 404 rather than 500."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.syndication import archive, sitemaps
from newsdesk.testing import factories

from .helpers import grow_archive

INDEX_QUERIES = 5  # archive months, then sections, tags, authors and stories per edition
SINGLE_QUERY = 1  # a month, the news sitemap, a directory page


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _urls() -> dict[str, str]:
    this_month = f"{timezone.now():%Y-%m}"
    return {
        "index": "/sitemap.xml",
        "month": f"/uk/sitemaps/articles-{this_month}.xml",
        "news": "/en/sitemaps/news.xml",
        "tags": "/uk/sitemaps/tags.xml",
        "sections": "/en/sitemaps/sections.xml",
        "authors": "/uk/sitemaps/authors.xml",
        "stories": "/en/sitemaps/stories.xml",
    }


def test_sitemap_queries_are_fixed_and_do_not_grow_with_the_archive(
    client, demo_content, django_assert_num_queries
):
    demo_content(articles=10)
    archive.rebuild()
    small = {name: _count(client, url) for name, url in _urls().items()}
    grow_archive(200, months=24, recent=30)
    large = {name: _count(client, url) for name, url in _urls().items()}
    assert large == small, {"small": small, "large": large}
    assert client.get("/sitemap.xml").content.count(b"/articles-") >= 2 * 25
    for name, url in _urls().items():
        with django_assert_num_queries(INDEX_QUERIES if name == "index" else SINGLE_QUERY):
            client.get(url)


@pytest.mark.dated
def test_a_month_over_the_limit_is_split_into_stable_pages(client, db, monkeypatch):
    monkeypatch.setattr(archive, "URLS_PER_SITEMAP", 4)
    monkeypatch.setattr(sitemaps, "URLS_PER_SITEMAP", 4)
    now = timezone.now()
    start = archive.Period(archive.first_of_month(now)).start
    # Nine articles between the first instant of this (UTC) month and now, whatever the
    # clock says; one the moment before the month began and one of the other edition stay out.
    inside = {
        factories.published("uk", f"inside-{k}", at=start + (now - start) * k / 10).get_url()
        for k in range(1, 10)
    }
    factories.published("uk", "last-month", at=start - dt.timedelta(microseconds=1))
    factories.published("en", "other-edition", at=now - (now - start) / 2)
    archive.rebuild()  # the on-commit recount never runs inside a test's transaction
    month = f"{now:%Y-%m}"
    index = client.get("/sitemap.xml").content.decode()
    seen: list[str] = []
    for page in range(1, 4):
        slug = month if page == 1 else f"{month}-{page}"
        assert f"/uk/sitemaps/articles-{slug}.xml<" in index
        body = client.get(f"/uk/sitemaps/articles-{slug}.xml").content.decode()
        seen += [part.split("<", 1)[0] for part in body.split("<loc>")[1:] if "/news/" in part]
    assert len(seen) == len(set(seen)) == 9
    assert {urlsplit(url).path for url in seen} == inside
    assert client.get(f"/uk/sitemaps/articles-{month}-4.xml").status_code == 404


@pytest.mark.parametrize(
    "name",
    [
        "articles-2026-13",
        "articles-2026-00",
        "articles-0000-01",
        "articles-26-01",
        "articles-2026-1",
        "articles-2026-01-1",
        "articles-2026-01-0",
        "articles-2026-01-x",
        "articles-2026-01-99999999999999999999",
        "articles-99999-01",
        "articles-1999-01",
        "tags-1",
        "tags-0",
        "tags-2",
        "sections-999999999999999999999",
        "stories-1",
        "stories-0",
        "stories-2",
        "stories-x",
    ],
)
def test_malformed_or_empty_sitemap_names_are_404(client, db, name):
    factories.published("uk", "this-month", tags=[factories.tag("uk")])
    archive.rebuild()
    assert client.get(f"/uk/sitemaps/articles-{timezone.now():%Y-%m}.xml").status_code == 200
    assert client.get(f"/uk/sitemaps/{name}.xml").status_code == 404


@pytest.mark.dated
def test_a_month_still_to_come_is_404(client, db):
    factories.published("en", "this-month")
    archive.rebuild()
    ahead = archive.month_after(timezone.now().astimezone(dt.UTC))
    assert client.get(f"/en/sitemaps/articles-{ahead:%Y-%m}.xml").status_code == 404
    assert client.get(f"/en/sitemaps/articles-{timezone.now():%Y-%m}.xml").status_code == 200


@pytest.mark.dated
def test_news_sitemap_holds_two_days_at_most_and_newest_first(client, demo_content):
    demo_content(articles=10)
    old = Article.objects.published().in_edition("uk").newest_first().last()
    assert old is not None
    Article.objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - sitemaps.NEWS_WINDOW - dt.timedelta(minutes=5)
    )
    body = client.get("/uk/sitemaps/news.xml").content.decode()
    assert f"/uk/news/{old.slug}/" not in body
    recent = Article.objects.published().in_edition("uk").newest_first()
    recent = recent.filter(first_published_at__gte=timezone.now() - sitemaps.NEWS_WINDOW)
    assert body.count("<url>") == recent.count() > 0


def test_a_month_pairs_published_translations_in_its_one_query(
    client, db, settings, django_assert_num_queries
):
    now = timezone.now()
    uk = factories.published("uk", "pair-uk", at=now - dt.timedelta(minutes=30))
    en = factories.published(
        "en", "pair-en", at=now - dt.timedelta(minutes=20), translation_key=uk.translation_key
    )
    unpublished = factories.published("uk", "twin-gone", at=now - dt.timedelta(minutes=10))
    gone = factories.published(
        "en",
        "gone-en",
        at=now - dt.timedelta(minutes=5),
        translation_key=unpublished.translation_key,
    )
    actions.unpublish(article=gone)
    factories.published("uk", "alone", at=now - dt.timedelta(minutes=1))
    archive.rebuild()
    base = settings.BASE_URL
    with django_assert_num_queries(SINGLE_QUERY):
        body = client.get(f"/uk/sitemaps/articles-{now:%Y-%m}.xml").content.decode()
    pair = (
        f'<xhtml:link href="{base}{uk.get_url()}" hreflang="uk" rel="alternate"/>'
        f'<xhtml:link href="{base}{en.get_url()}" hreflang="en" rel="alternate"/>'
        f'<xhtml:link href="{base}{uk.get_url()}" hreflang="x-default" rel="alternate"/>'
    )
    entries = {part.split("<", 1)[0]: part for part in body.split("<loc>")[1:]}
    assert pair in entries[base + uk.get_url()]
    # A twin taken down, or none at all: no alternates.
    assert "xhtml:link" not in entries[base + unpublished.get_url()]
    assert "xhtml:link" not in entries[f"{base}/uk/news/alone/"]
    assert pair in client.get(f"/en/sitemaps/articles-{now:%Y-%m}.xml").content.decode()
