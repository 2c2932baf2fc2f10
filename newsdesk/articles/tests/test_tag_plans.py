"""A tag's listing is read from the tag's index in publication order (decision 0068):
the first slice and a deep one stop after the slice's rows, on both databases, read from
each database's own plan. No sort of the tag's articles."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from newsdesk.articles.models import Article, TagLink
from newsdesk.articles.query import Cursor
from newsdesk.articles.tests import listing_plans
from newsdesk.site import feed_items
from newsdesk.taxonomy.models import Tag
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db

sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own planner")

ARTICLES = 3000
# Every third article carries the common tag (1,000 of them), every hundredth the rare
# one; the others share twenty tags, as an archive's articles do.
COMMON, RARE = "common", "rare"


@pytest.fixture
def archive() -> dict[str, Tag]:
    """An edition of ``ARTICLES`` published articles, one a minute back from now, their
    links dated as the write path dates them, written in bulk."""
    edition, section = factories.edition("uk"), factories.section("uk")
    tags = {slug: factories.tag("uk", slug) for slug in (COMMON, RARE)}
    others = [factories.tag("uk", f"other-{n}") for n in range(20)]
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
    links = []
    for n, article in enumerate(created):
        chosen = [others[n % len(others)]]
        if n % 3 == 0:
            chosen.append(tags[COMMON])
        if n % 100 == 0:
            chosen.append(tags[RARE])
        links += [
            TagLink(article=article, tag=tag, published_at=article.link_time) for tag in chosen
        ]
    TagLink.objects.bulk_create(links, batch_size=1000)
    return tags


@pytest.fixture
def analysed(archive: dict[str, Tag]) -> dict[str, Tag]:
    """The archive with the planner's statistics, as the archive generator leaves a
    database and as autovacuum keeps PostgreSQL's."""
    with connection.cursor() as cursor:
        for table in ("articles_article", "articles_article_tags", "wagtailcore_locale"):
            cursor.execute(f"ANALYZE {table}")
    return archive


def _plan(tag: Tag, cursor: Cursor | None) -> str:
    return listing_plans.plan(Article.objects.published().in_edition("uk").tagged(tag), cursor)


def _deep(tag: Tag) -> Cursor:
    """The cursor of a slice 600 articles into the tag's listing (5 into the rare tag's)."""
    listing = Article.objects.published().in_edition("uk").tagged(tag).newest_first()
    return Cursor.after(listing[600 if tag.slug == COMMON else 5])


def _read_from_index(plan: str) -> int:
    return listing_plans.read_from_index(plan, "article_tag_feed")


@pytest.mark.parametrize("deep", [False, True], ids=["first slice", "deep slice"])
@pytest.mark.parametrize("slug", [COMMON, RARE])
def test_the_listing_walks_the_tags_index_in_order(analysed, slug, deep):
    tag = analysed[slug]
    cursor = _deep(tag) if deep else None
    plan = _plan(tag, cursor)
    if connection.vendor == "sqlite":
        assert "article_tag_feed" in plan and "TEMP B-TREE" not in plan, plan
        return
    # Never the archive walked by time, checking each article for the tag (before 0068,
    # 92,752 articles read for a tag on one in sixty-five of 100,000).
    assert "using articles_article_first_published_at" not in plan, plan
    assert "article_edition_feed" not in plan, plan
    if slug == RARE:
        return  # 30 links: read whole, through either index, and sorted, as is cheapest
    # What is left of the common tag after the cursor (here 399 links) PostgreSQL may read
    # from the index and sort; the first slice it walks in order and stops.
    assert "article_tag_feed" in plan, plan
    listing = Article.objects.published().in_edition("uk").tagged(tag)
    assert _read_from_index(plan) <= listing.before(cursor).count() + 1, plan
    if not deep:
        assert _read_from_index(plan) <= 32, plan
        assert not any(line.strip(" ->").startswith("Sort") for line in plan.splitlines()), plan


@sqlite_only
def test_the_listing_walks_the_index_without_the_planners_statistics(archive):
    """A SQLite database grown through the admin may never have been analysed."""
    plan = _plan(archive[COMMON], None)
    assert "article_tag_feed" in plan and "TEMP B-TREE" not in plan, plan


def test_the_slices_hold_the_articles_of_the_sorted_listing(archive):
    tag = archive[COMMON]
    expected = list(
        Article.objects.published()
        .in_edition("uk")
        .filter(tags=tag)
        .order_by("-first_published_at", "-id")
        .values_list("pk", flat=True)[601:631]
    )
    listing = Article.objects.published().in_edition("uk").tagged(tag)
    heads, _next = feed_items.page(listing, _deep(tag), 30)
    assert [head.pk for head in heads] == expected
