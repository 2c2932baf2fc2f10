"""An author's listing is read from the author's byline index in publication order
(decision 0069): the first slice and a deep one stop after the slice's rows, on both
databases, read from each database's own plan. No walk of the archive by time, no sort
of the author's articles."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from newsdesk.articles.models import Article, Byline
from newsdesk.articles.query import Cursor
from newsdesk.articles.tests import listing_plans
from newsdesk.people.models import Author
from newsdesk.site import feed_items
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own planner")

ARTICLES = 3000
# The common author signs every third article (1,000), the rare one every hundredth, the
# former one every fifth of the older half only (300, none recent: the author whose first
# slice made PostgreSQL walk the archive newest first before 0069); twenty others share
# the rest, as an archive's staff do.
COMMON, RARE, FORMER = "common", "rare", "former"


@pytest.fixture
def archive() -> dict[str, Author]:
    """An edition of ``ARTICLES`` published articles, one a minute back from now, their
    bylines dated as the write path dates them, written in bulk."""
    edition, section = factories.edition("uk"), factories.section("uk")
    authors = {slug: factories.author("uk", slug) for slug in (COMMON, RARE, FORMER)}
    others = [factories.author("uk", f"other-{n}") for n in range(20)]
    now = timezone.now()
    rows = [
        Article(
            locale=edition,
            section=section,
            slug=f"archive-{n}",
            headline=f"Archive {n}",
            live=True,
            has_unpublished_changes=False,
            first_published_at=now - dt.timedelta(minutes=n + 1),
            last_published_at=now - dt.timedelta(minutes=n + 1),
        )
        for n in range(ARTICLES)
    ]
    created = Article.objects.bulk_create(rows, batch_size=500)
    bylines = []
    for n, article in enumerate(created):
        chosen = [others[n % len(others)]]
        if n % 3 == 0:
            chosen.append(authors[COMMON])
        if n % 100 == 0:
            chosen.append(authors[RARE])
        if n >= ARTICLES // 2 and n % 5 == 0:
            chosen.append(authors[FORMER])
        bylines += [
            Byline(article=article, author=person, sort_order=order, published_at=article.link_time)
            for order, person in enumerate(chosen)
        ]
    Byline.objects.bulk_create(bylines, batch_size=1000)
    return authors


@pytest.fixture
def analysed(archive: dict[str, Author]) -> dict[str, Author]:
    """The archive with the planner's statistics, as the archive generator leaves a
    database and as autovacuum keeps PostgreSQL's."""
    with connection.cursor() as cursor:
        for table in ("articles_article", "articles_byline", "wagtailcore_locale"):
            cursor.execute(f"ANALYZE {table}")
    return archive


def _plan(author: Author, cursor: Cursor | None) -> str:
    listing = Article.objects.published().in_edition("uk").by_author(author)
    return listing_plans.plan(listing, cursor)


def _deep(author: Author) -> Cursor:
    """The cursor of a slice 600 articles into the common author's listing, 150 into the
    former one's, 5 into the rare one's."""
    listing = Article.objects.published().in_edition("uk").by_author(author).newest_first()
    return Cursor.after(listing[{COMMON: 600, FORMER: 150, RARE: 5}[author.slug]])


def _read_from_index(plan: str) -> int:
    return listing_plans.read_from_index(plan, "byline_author_feed")


@pytest.mark.parametrize("deep", [False, True], ids=["first slice", "deep slice"])
@pytest.mark.parametrize("slug", [COMMON, FORMER, RARE])
def test_the_listing_walks_the_authors_index_in_order(analysed, slug, deep):
    author = analysed[slug]
    cursor = _deep(author) if deep else None
    plan = _plan(author, cursor)
    if connection.vendor == "sqlite":
        assert "byline_author_feed" in plan and "TEMP B-TREE" not in plan, plan
        return
    # Never the archive walked by time, checking each article for the byline (before
    # 0069, all 100,000 articles read for an author of 511 old ones).
    assert "using articles_article_first_published_at" not in plan, plan
    assert "article_edition_feed" not in plan, plan
    if slug == RARE:
        return  # 30 bylines: read whole, through either index, and sorted, as is cheapest
    # What is left after the cursor PostgreSQL may read from the index and sort; the first
    # slice it walks in order and stops.
    assert "byline_author_feed" in plan, plan
    listing = Article.objects.published().in_edition("uk").by_author(author)
    assert _read_from_index(plan) <= listing.before(cursor).count() + 1, plan
    if not deep:
        assert _read_from_index(plan) <= 32, plan
        assert not any(line.strip(" ->").startswith("Sort") for line in plan.splitlines()), plan


@sqlite_only
def test_the_listing_walks_the_index_without_the_planners_statistics(archive):
    """A SQLite database grown through the admin may never have been analysed."""
    plan = _plan(archive[COMMON], None)
    assert "byline_author_feed" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("slug", [COMMON, FORMER])
def test_the_slices_hold_the_articles_of_the_sorted_listing(archive, slug):
    author = archive[slug]
    start = {COMMON: 601, FORMER: 151}[slug]
    expected = list(
        Article.objects.published()
        .in_edition("uk")
        .filter(bylines__author=author)
        .order_by("-first_published_at", "-id")
        .values_list("pk", flat=True)[start : start + 30]
    )
    listing = Article.objects.published().in_edition("uk").by_author(author)
    heads, _next = feed_items.page(listing, _deep(author), 30)
    assert [head.pk for head in heads] == expected
