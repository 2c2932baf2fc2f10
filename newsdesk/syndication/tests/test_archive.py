"""The archive summary behind the sitemap index: month names, upkeep on publish, rebuild,
and index use by the month and news queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.syndication import archive
from newsdesk.syndication.models import ArchiveMonth

from .helpers import grow_archive, new_article

NOW = dt.datetime(2026, 3, 15, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-02", archive.Period(dt.date(2026, 2, 1))),
        ("2026-03", archive.Period(dt.date(2026, 3, 1))),
        ("2025-12-2", archive.Period(dt.date(2025, 12, 1), 2)),
        ("2026-04", None),  # still to come
        ("2026-13", None),
        ("2026-00", None),
        ("0000-01", None),
        ("2026-2", None),
        ("2026-02-1", None),  # page 1 has no number
        ("2026-02-01", None),
        ("2026-02-100000", None),
        ("2026-02-", None),
        ("2026-02.xml", None),
        ("٢٠٢٦-٠٢", None),  # Arabic-Indic digits match \d but are never our URLs
    ],
)
def test_parse_period(raw, expected):
    assert archive.parse_period(raw, now=NOW) == expected


def test_period_bounds_and_names():
    december = archive.Period(dt.date(2025, 12, 1), 3)
    assert december.start == dt.datetime(2025, 12, 1, tzinfo=dt.UTC)
    assert december.end == dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert december.slug() == "2025-12-3"
    assert archive.Period(dt.date(2026, 2, 1)).slug() == "2026-02"
    assert [archive.pages(n) for n in (0, 1, 50_000, 50_001, 100_001)] == [1, 1, 1, 2, 3]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (dt.datetime(2027, 1, 31, 22, 5, tzinfo=dt.UTC), dt.datetime(2027, 2, 1, tzinfo=dt.UTC)),
        (dt.datetime(2028, 2, 29, 10, tzinfo=dt.UTC), dt.datetime(2028, 3, 1, tzinfo=dt.UTC)),
        (dt.datetime(2027, 5, 31, 21, 30, tzinfo=dt.UTC), dt.datetime(2027, 6, 1, tzinfo=dt.UTC)),
        (dt.datetime(2026, 12, 31, 21, 55, tzinfo=dt.UTC), dt.datetime(2027, 1, 1, tzinfo=dt.UTC)),
        (dt.datetime(2026, 3, 1, tzinfo=dt.UTC), dt.datetime(2026, 4, 1, tzinfo=dt.UTC)),
    ],
)
def test_the_month_after_starts_on_the_first_whatever_the_day(moment, expected):
    assert archive.month_after(moment) == expected


@pytest.mark.dated
def test_publishing_keeps_the_month_counts_in_step(
    demo_newsroom, django_capture_on_commit_callbacks
):
    archive.rebuild()
    month = archive.first_of_month(timezone.now())
    before = ArchiveMonth.objects.get(edition="en", month=month)

    article = new_article("en", "counted-story")
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article)
    after = ArchiveMonth.objects.get(edition="en", month=month)
    assert after.articles == before.articles + 1
    assert after.lastmod >= article.last_published_at

    with django_capture_on_commit_callbacks(execute=True):
        actions.unpublish(article=article)
    assert ArchiveMonth.objects.get(edition="en", month=month).articles == before.articles
    assert ArchiveMonth.objects.get(edition="uk", month=month).articles > 0


def test_rebuild_agrees_with_the_articles(demo_newsroom):
    grow_archive(12, months=5)
    assert archive.rebuild() == ArchiveMonth.objects.count() == 2 * 6
    for row in ArchiveMonth.objects.all():
        period = archive.Period(row.month)
        in_month = (
            Article.objects.published()
            .in_edition(row.edition)
            .filter(first_published_at__gte=period.start, first_published_at__lt=period.end)
        )
        assert row.articles == in_month.count()
    refreshed = archive.refresh_month("uk", timezone.now())
    assert refreshed is not None
    assert refreshed.articles == ArchiveMonth.objects.get(pk=refreshed.pk).articles


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's EXPLAIN QUERY PLAN")
def test_month_news_and_recount_queries_search_the_edition_index(client, demo_newsroom):
    """The SQL the sitemaps and the summary upkeep really run, explained by SQLite."""
    grow_archive(30, months=3, recent=5)
    period = archive.Period(archive.first_of_month(timezone.now()))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/uk/sitemaps/articles-{period.slug()}.xml").status_code == 200
        assert client.get("/uk/sitemaps/news.xml").status_code == 200
        archive.refresh_month("uk", timezone.now())
    on_articles = [q["sql"] for q in queries.captured_queries if "articles_article" in q["sql"]]
    assert len(on_articles) >= 3
    with connection.cursor() as cursor:
        for sql in on_articles:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
            assert "USING INDEX article_edition_feed" in plan, (sql, plan)
            assert "SCAN articles_article" not in plan, (sql, plan)
