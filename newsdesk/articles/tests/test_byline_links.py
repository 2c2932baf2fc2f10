"""An author's listing walks the author's bylines in publication order (decision 0069):
each byline carries its article's first publication time while the article is live, the
write path keeps it in step, and the listing shows what the articles sorted by their own
time and id show, page after page."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.db import connection
from django.utils import timezone

from newsdesk.articles.models import Article, Byline
from newsdesk.publishing import actions, bulk
from newsdesk.site import feed_items
from newsdesk.testing import factories

pytestmark = [pytest.mark.django_db, pytest.mark.dated]

MIGRATION = importlib.import_module("newsdesk.articles.migrations.0012_byline_published_at")


def sorted_by_article(author, code: str = "uk") -> list[int]:
    """The author's listing as it was read before the bylines carried a time: the
    articles through the relation, sorted by their own time and id."""
    articles = Article.objects.published().in_edition(code).filter(bylines__author=author)
    return list(articles.order_by("-first_published_at", "-id").values_list("pk", flat=True))


def listed(author, code: str = "uk", size: int = 2) -> list[int]:
    """Every slice of the author's listing as the page reads them (the heads, by keyset),
    checked against the same slices of the rows (the API's)."""
    listing = Article.objects.published().in_edition(code).by_author(author)
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


def byline_times(article: Article) -> dict[int, dt.datetime | None]:
    return dict(Byline.objects.filter(article=article).values_list("author_id", "published_at"))


def signed(*authors) -> list[Byline]:
    return [Byline(author=person, sort_order=n) for n, person in enumerate(authors)]


def test_the_listing_pages_as_the_sorted_articles_with_ties_and_other_articles_left_out():
    koval, other = factories.author("uk", "olena-koval"), factories.author("uk", "ivan-bondar")
    english = factories.author("en", "olena-koval-en")
    moment = timezone.now() - dt.timedelta(hours=3)
    for n in range(3):
        factories.published("uk", f"same-{n}", at=moment, authors=[koval, other])
    factories.published("uk", "older", at=moment - dt.timedelta(days=2), authors=[koval])
    factories.published("uk", "newest", authors=[koval])
    factories.published("uk", "unsigned", authors=[])
    factories.published("uk", "elsewhere", authors=[other])
    factories.published("en", "english", authors=[english])
    factories.draft("uk", "a-draft", authors=[koval])
    factories.scheduled(
        "uk", "tomorrow", go_live_at=timezone.now() + dt.timedelta(days=1), authors=[koval]
    )

    expected = sorted_by_article(koval)
    assert len(expected) == 5
    assert listed(koval) == expected
    assert listed(koval, size=30) == expected
    assert listed(other) == sorted_by_article(other)
    assert listed(english, "en") == sorted_by_article(english, "en")
    assert listed(koval, "en") == []


def test_a_publication_dates_the_bylines_and_an_unpublish_clears_them_until_it_is_back():
    koval = factories.author("uk", "olena-koval")
    earlier = factories.published(
        "uk", "earlier", at=timezone.now() - dt.timedelta(hours=1), authors=[koval]
    )
    article = factories.draft("uk", "story", authors=[koval])
    assert byline_times(article) == {koval.pk: None}

    actions.publish(article=article)
    first = article.first_published_at
    assert byline_times(article) == {koval.pk: first}
    assert listed(koval) == sorted_by_article(koval)

    actions.unpublish(article=article)
    assert byline_times(article) == {koval.pk: None}
    assert article.pk not in listed(koval)

    # Back on the site in its place: an article keeps its first publication.
    actions.publish(article=article)
    assert byline_times(article) == {koval.pk: first}
    assert listed(koval) == sorted_by_article(koval) == [article.pk, earlier.pk]


def test_a_removed_byline_takes_the_article_off_and_an_added_one_lists_it_at_its_time():
    koval, bondar = factories.author("uk", "olena-koval"), factories.author("uk", "ivan-bondar")
    article = factories.published(
        "uk", "story", at=timezone.now() - dt.timedelta(days=1), authors=[koval]
    )
    factories.published("uk", "newer", authors=[bondar])

    article.bylines = signed(bondar)  # type: ignore[assignment]  # modelcluster assigns it
    actions.publish(article=article)

    assert listed(koval) == sorted_by_article(koval) == []
    assert byline_times(article) == {bondar.pk: article.first_published_at}
    assert listed(bondar) == sorted_by_article(bondar)
    assert listed(bondar)[-1] == article.pk


def test_an_earlier_revision_published_again_brings_its_bylines_back():
    koval, bondar = factories.author("uk", "olena-koval"), factories.author("uk", "ivan-bondar")
    article = factories.article("uk", "story", authors=[koval])
    first = actions.publish(article=article)
    article.bylines = signed(bondar)  # type: ignore[assignment]
    actions.publish(article=article)
    assert listed(koval) == []

    actions.publish_revision(revision=first)

    assert byline_times(article) == {koval.pk: article.first_published_at}
    assert listed(koval) == sorted_by_article(koval) == [article.pk]
    assert listed(bondar) == sorted_by_article(bondar) == []


def test_a_byline_changed_in_a_draft_waits_for_the_publish():
    koval, bondar = factories.author("uk", "olena-koval"), factories.author("uk", "ivan-bondar")
    article = factories.published("uk", "story", authors=[koval])

    article.bylines = signed(koval, bondar)  # type: ignore[assignment]
    actions.save_draft(article=article)

    assert listed(bondar) == sorted_by_article(bondar) == []
    assert listed(koval) == [article.pk]


def test_a_scheduled_article_is_listed_at_the_time_it_goes_out_and_off_at_its_expiry(clock):
    koval = factories.author("uk", "olena-koval")
    go_live = timezone.now() + dt.timedelta(hours=2)
    article = factories.scheduled("uk", "later", go_live_at=go_live, authors=[koval])
    factories.published("uk", "now", authors=[koval])
    assert byline_times(article) == {koval.pk: None}

    clock.move_to(go_live + dt.timedelta(minutes=5))
    assert actions.publish_due().published == [str(article)]
    article.refresh_from_db()
    assert byline_times(article) == {koval.pk: article.first_published_at}
    assert listed(koval) == sorted_by_article(koval)
    assert listed(koval)[0] == article.pk

    Article.objects.filter(pk=article.pk).update(expire_at=timezone.now())
    clock.shift(dt.timedelta(minutes=1))
    assert actions.publish_due().expired == [str(article)]
    assert byline_times(article) == {koval.pk: None}
    assert listed(koval) == sorted_by_article(koval)
    assert article.pk not in listed(koval)


def test_an_original_time_dates_the_bylines_then():
    koval = factories.author("uk", "olena-koval")
    factories.published("uk", "recent", at=timezone.now() - dt.timedelta(days=1), authors=[koval])
    original = timezone.now() - dt.timedelta(days=400)
    article = factories.article("uk", "archive-piece", authors=[koval])

    actions.publish(article=article, first_published_at=original)

    assert byline_times(article) == {koval.pk: original}
    assert listed(koval) == sorted_by_article(koval)
    assert listed(koval)[-1] == article.pk


def test_the_trash_takes_the_bylines_off_and_a_restore_leaves_a_draft():
    koval = factories.author("uk", "olena-koval")
    article = factories.published("uk", "story", authors=[koval])

    actions.trash(article=article)
    assert byline_times(article) == {koval.pk: None}
    actions.restore(article=article)
    assert byline_times(article) == {koval.pk: None}
    assert listed(koval) == sorted_by_article(koval) == []


def test_an_import_writes_dated_bylines_for_its_published_articles_only():
    koval = factories.author("uk", "olena-koval")
    factories.published("uk", "already-here", authors=[koval])
    now = timezone.now()
    batch = [
        bulk.NewArticle(
            factories.article("uk", f"imported-{n}", authors=[koval]),
            now - dt.timedelta(days=n + 1),
        )
        for n in range(3)
    ]
    batch.append(bulk.NewArticle(factories.article("uk", "imported-draft", authors=[koval])))

    added = bulk.add_articles(batch=batch)

    assert not added.refused
    for item in batch:
        assert byline_times(item.article) == {koval.pk: item.first_published_at}
    assert len(listed(koval)) == 4
    assert listed(koval) == sorted_by_article(koval)


def test_the_migration_fills_the_bylines_as_the_write_path_dates_them():
    koval, bondar = factories.author("uk", "olena-koval"), factories.author("uk", "ivan-bondar")
    factories.published("uk", "one", authors=[koval, bondar])
    factories.published("uk", "two", at=timezone.now() - dt.timedelta(days=3), authors=[bondar])
    factories.draft("uk", "draft", authors=[koval])
    withdrawn = factories.published("uk", "withdrawn", authors=[koval])
    actions.unpublish(article=withdrawn)
    written = sorted(Byline.objects.values_list("pk", "published_at"))
    assert {moment is None for _pk, moment in written} == {True, False}

    Byline.objects.update(published_at=None)
    with connection.cursor() as cursor:
        cursor.execute(MIGRATION.FILL)

    assert sorted(Byline.objects.values_list("pk", "published_at")) == written


def test_an_author_and_a_tag_together_page_as_the_sorted_articles():
    """The API's ``?tag=`` and ``?author=`` together: both name the listing's keyset, the
    author's read last, and either copy is the article's own time."""
    koval, kharkiv = factories.author("uk", "olena-koval"), factories.tag("uk", "kharkiv")
    moment = timezone.now() - dt.timedelta(hours=3)
    for n in range(3):
        factories.published("uk", f"both-{n}", at=moment, authors=[koval], tags=[kharkiv])
    factories.published("uk", "signed-only", authors=[koval])
    factories.published("uk", "tagged-only", authors=[], tags=[kharkiv])
    listing = Article.objects.published().in_edition("uk").tagged(kharkiv).by_author(koval)
    expected = list(
        Article.objects.filter(bylines__author=koval, tags=kharkiv)
        .order_by("-first_published_at", "-id")
        .values_list("pk", flat=True)
    )

    found, cursor = [], None
    while True:
        page = listing.page(cursor, 2)
        found += [row.pk for row in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor

    assert len(expected) == 3
    assert found == expected
