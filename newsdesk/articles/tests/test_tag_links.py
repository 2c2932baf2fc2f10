"""A tag's listing walks the tag's links in publication order (decision 0068): each link
carries its article's first publication time while the article is live, the write path
keeps it in step, and the listing shows what the articles sorted by their own time and
id show, page after page."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.db import connection
from django.utils import timezone

from newsdesk.articles.models import Article, TagLink
from newsdesk.publishing import actions, bulk
from newsdesk.site import feed_items
from newsdesk.testing import factories

pytestmark = [pytest.mark.django_db, pytest.mark.dated]

MIGRATION = importlib.import_module("newsdesk.articles.migrations.0011_tag_link_published_at")


def sorted_by_article(tag, code: str = "uk") -> list[int]:
    """The tag's listing as it was read before its links carried a time: the articles
    through the relation, sorted by their own time and id."""
    articles = Article.objects.published().in_edition(code).filter(tags=tag)
    return list(articles.order_by("-first_published_at", "-id").values_list("pk", flat=True))


def listed(tag, code: str = "uk", size: int = 2) -> list[int]:
    """Every slice of the tag's listing as its page reads them (the heads, by keyset),
    checked against the same slices of the rows (the API's)."""
    listing = Article.objects.published().in_edition(code).tagged(tag)
    found: list[int] = []
    cursor = None
    while True:
        heads, next_cursor = feed_items.page(listing, cursor, size)
        rows = listing.page(cursor, size)
        assert [row.pk for row in rows.items] == [head.pk for head in heads]
        assert rows.next_cursor == next_cursor
        found += [head.pk for head in heads]
        if next_cursor is None:
            return found
        cursor = next_cursor


def link_times(article: Article) -> dict[int, dt.datetime | None]:
    return dict(TagLink.objects.filter(article=article).values_list("tag_id", "published_at"))


def test_the_listing_pages_as_the_sorted_articles_with_ties_and_other_articles_left_out():
    kharkiv, other = factories.tag("uk", "kharkiv"), factories.tag("uk", "odesa")
    english = factories.tag("en", "kharkiv-en")
    moment = timezone.now() - dt.timedelta(hours=3)
    for n in range(3):
        factories.published("uk", f"same-{n}", at=moment, tags=[kharkiv, other])
    factories.published("uk", "older", at=moment - dt.timedelta(days=2), tags=[kharkiv])
    factories.published("uk", "newest", tags=[kharkiv])
    factories.published("uk", "untagged")
    factories.published("uk", "elsewhere", tags=[other])
    factories.published("en", "english", tags=[english])
    factories.draft("uk", "a-draft", tags=[kharkiv])
    factories.scheduled(
        "uk", "tomorrow", go_live_at=timezone.now() + dt.timedelta(days=1), tags=[kharkiv]
    )

    expected = sorted_by_article(kharkiv)
    assert len(expected) == 5
    assert listed(kharkiv) == expected
    assert listed(kharkiv, size=30) == expected
    assert listed(other) == sorted_by_article(other)
    assert listed(english, "en") == sorted_by_article(english, "en")
    assert listed(kharkiv, "en") == []


def test_a_publication_dates_the_links_and_an_unpublish_clears_them_until_it_is_back():
    kharkiv = factories.tag("uk", "kharkiv")
    earlier = factories.published(
        "uk", "earlier", at=timezone.now() - dt.timedelta(hours=1), tags=[kharkiv]
    )
    article = factories.draft("uk", "story", tags=[kharkiv])
    assert link_times(article) == {kharkiv.pk: None}

    actions.publish(article=article)
    first = article.first_published_at
    assert link_times(article) == {kharkiv.pk: first}
    assert listed(kharkiv) == sorted_by_article(kharkiv)

    actions.unpublish(article=article)
    assert link_times(article) == {kharkiv.pk: None}
    assert article.pk not in listed(kharkiv)

    # Back on the site in its place: an article keeps its first publication.
    actions.publish(article=article)
    assert link_times(article) == {kharkiv.pk: first}
    assert listed(kharkiv) == sorted_by_article(kharkiv) == [article.pk, earlier.pk]


def test_a_removed_tag_takes_the_article_off_and_an_added_one_lists_it_at_its_time():
    kharkiv, odesa = factories.tag("uk", "kharkiv"), factories.tag("uk", "odesa")
    article = factories.published(
        "uk", "story", at=timezone.now() - dt.timedelta(days=1), tags=[kharkiv]
    )
    factories.published("uk", "newer", tags=[odesa])

    article.tags = [odesa]  # type: ignore[assignment]  # modelcluster assigns the relation
    actions.publish(article=article)

    assert listed(kharkiv) == sorted_by_article(kharkiv) == []
    assert link_times(article) == {odesa.pk: article.first_published_at}
    assert listed(odesa) == sorted_by_article(odesa)
    assert listed(odesa)[-1] == article.pk


def test_an_earlier_revision_published_again_brings_its_tags_back():
    kharkiv, odesa = factories.tag("uk", "kharkiv"), factories.tag("uk", "odesa")
    article = factories.article("uk", "story", tags=[kharkiv])
    first = actions.publish(article=article)
    article.tags = [odesa]  # type: ignore[assignment]
    actions.publish(article=article)
    assert listed(kharkiv) == []

    actions.publish_revision(revision=first)

    assert link_times(article) == {kharkiv.pk: article.first_published_at}
    assert listed(kharkiv) == sorted_by_article(kharkiv) == [article.pk]
    assert listed(odesa) == sorted_by_article(odesa) == []


def test_a_tag_changed_in_a_draft_waits_for_the_publish():
    kharkiv, odesa = factories.tag("uk", "kharkiv"), factories.tag("uk", "odesa")
    article = factories.published("uk", "story", tags=[kharkiv])

    article.tags = [kharkiv, odesa]  # type: ignore[assignment]
    actions.save_draft(article=article)

    assert listed(odesa) == sorted_by_article(odesa) == []
    assert listed(kharkiv) == [article.pk]


def test_a_scheduled_article_is_listed_at_the_time_it_goes_out_and_off_at_its_expiry(clock):
    kharkiv = factories.tag("uk", "kharkiv")
    go_live = timezone.now() + dt.timedelta(hours=2)
    article = factories.scheduled("uk", "later", go_live_at=go_live, tags=[kharkiv])
    factories.published("uk", "now", tags=[kharkiv])
    assert link_times(article) == {kharkiv.pk: None}

    clock.move_to(go_live + dt.timedelta(minutes=5))
    assert actions.publish_due().published == [str(article)]
    article.refresh_from_db()
    assert link_times(article) == {kharkiv.pk: article.first_published_at}
    assert article.first_published_at >= go_live
    assert listed(kharkiv) == sorted_by_article(kharkiv)
    assert listed(kharkiv)[0] == article.pk

    Article.objects.filter(pk=article.pk).update(expire_at=timezone.now())
    clock.shift(dt.timedelta(minutes=1))
    assert actions.publish_due().expired == [str(article)]
    assert link_times(article) == {kharkiv.pk: None}
    assert listed(kharkiv) == sorted_by_article(kharkiv)
    assert article.pk not in listed(kharkiv)


def test_an_original_time_dates_the_links_then():
    kharkiv = factories.tag("uk", "kharkiv")
    factories.published("uk", "recent", at=timezone.now() - dt.timedelta(days=1), tags=[kharkiv])
    original = timezone.now() - dt.timedelta(days=400)
    article = factories.article("uk", "archive-piece", tags=[kharkiv])

    actions.publish(article=article, first_published_at=original)

    assert link_times(article) == {kharkiv.pk: original}
    assert listed(kharkiv) == sorted_by_article(kharkiv)
    assert listed(kharkiv)[-1] == article.pk


def test_the_trash_takes_the_links_off_and_a_restore_leaves_a_draft():
    kharkiv = factories.tag("uk", "kharkiv")
    article = factories.published("uk", "story", tags=[kharkiv])

    actions.trash(article=article)
    assert link_times(article) == {kharkiv.pk: None}
    actions.restore(article=article)
    assert link_times(article) == {kharkiv.pk: None}
    assert listed(kharkiv) == sorted_by_article(kharkiv) == []


def test_an_import_writes_dated_links_for_its_published_articles_only():
    kharkiv = factories.tag("uk", "kharkiv")
    factories.published("uk", "already-here", tags=[kharkiv])
    now = timezone.now()
    batch = [
        bulk.NewArticle(
            factories.article("uk", f"imported-{n}", tags=[kharkiv]),
            now - dt.timedelta(days=n + 1),
        )
        for n in range(3)
    ]
    batch.append(bulk.NewArticle(factories.article("uk", "imported-draft", tags=[kharkiv])))

    added = bulk.add_articles(batch=batch)

    assert not added.refused
    for item in batch:
        assert link_times(item.article) == {kharkiv.pk: item.first_published_at}
    assert len(listed(kharkiv)) == 4
    assert listed(kharkiv) == sorted_by_article(kharkiv)


def test_the_migration_fills_the_links_as_the_write_path_dates_them():
    kharkiv, odesa = factories.tag("uk", "kharkiv"), factories.tag("uk", "odesa")
    factories.published("uk", "one", tags=[kharkiv, odesa])
    factories.published("uk", "two", at=timezone.now() - dt.timedelta(days=3), tags=[odesa])
    factories.draft("uk", "draft", tags=[kharkiv])
    withdrawn = factories.published("uk", "withdrawn", tags=[kharkiv])
    actions.unpublish(article=withdrawn)
    written = sorted(TagLink.objects.values_list("pk", "published_at"))
    assert {moment is None for _pk, moment in written} == {True, False}

    TagLink.objects.update(published_at=None)
    with connection.cursor() as cursor:
        cursor.execute(MIGRATION.FILL)

    assert sorted(TagLink.objects.values_list("pk", "published_at")) == written
