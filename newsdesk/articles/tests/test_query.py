"""The one read path: what readers may see, how it narrows, how it pages and labels."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from newsdesk.articles import labels
from newsdesk.articles.models import LIVE, Article
from newsdesk.articles.query import Cursor, InvalidCursor
from newsdesk.publishing import actions
from newsdesk.testing import factories

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


def slugs(queryset) -> list[str]:
    return list(queryset.values_list("slug", flat=True))


def test_published_holds_live_articles_and_leaves_out_drafts_scheduled_and_expired(clock):
    now = timezone.now()
    factories.published("uk", "out-now")
    factories.draft("uk", "still-a-draft")
    factories.scheduled("uk", "tomorrow", go_live_at=now + dt.timedelta(days=1))
    factories.published("uk", "expiring", expire_at=now + dt.timedelta(minutes=10))
    withdrawn = factories.published("uk", "withdrawn")
    actions.unpublish(article=withdrawn)

    assert set(slugs(Article.objects.published())) == {"out-now", "expiring"}
    # Past its expiry the article is gone at once, before the scheduler's tick unpublishes it.
    clock.shift(dt.timedelta(minutes=11))
    assert slugs(Article.objects.published()) == ["out-now"]


def test_narrowing_by_edition_section_tag_author_and_story():
    politics = factories.section("uk", "politics", name="Політика")
    kharkiv = factories.tag("uk")
    writer = factories.author("uk", "taras", name="Taras")
    energy = factories.story("uk")
    factories.published("uk", "plain")
    factories.published("uk", "in-politics", in_section=politics)
    factories.published("uk", "tagged", tags=[kharkiv])
    factories.published("uk", "by-taras", authors=[writer])
    factories.published("uk", "in-story", story=energy)
    factories.published("en", "english")
    uk = Article.objects.published().in_edition("uk")

    assert len(slugs(uk)) == 5
    assert slugs(Article.objects.published().in_edition("en")) == ["english"]
    assert slugs(uk.in_section(politics)) == ["in-politics"]
    assert slugs(uk.tagged(kharkiv)) == ["tagged"]
    assert slugs(uk.by_author(writer)) == ["by-taras"]
    assert slugs(uk.in_story(energy)) == ["in-story"]


def test_pages_follow_the_keyset_with_ties_on_the_same_moment_and_end_on_the_last_page():
    moment = timezone.now() - dt.timedelta(hours=1)
    older = factories.published("uk", "older", at=moment - dt.timedelta(seconds=1))
    same = [factories.published("uk", f"same-{n}", at=moment) for n in range(3)]
    newest = factories.published("uk", "newest")
    listing = Article.objects.published().in_edition("uk")

    first = listing.page(None, 2)
    assert [a.slug for a in first.items] == ["newest", same[2].slug]
    assert first.next_cursor == Cursor(moment, same[2].pk)
    second = listing.page(first.next_cursor, 2)
    # Rows published in the same instant are split by id, none skipped or shown twice.
    assert [a.slug for a in second.items] == [same[1].slug, same[0].slug]
    last = listing.page(second.next_cursor, 2)
    assert [a.slug for a in last.items] == [older.slug]
    assert last.next_cursor is None
    assert newest.first_published_at > moment


def test_a_cursor_round_trips_and_a_forged_one_is_refused():
    cursor = Cursor(dt.datetime(2026, 3, 29, 1, 30, 0, 250_000, tzinfo=dt.UTC), 42)
    assert Cursor.decode(cursor.encode()) == cursor
    for forged in ("", "nonsense", "12-x", "-1", "1-", "9" * 50, "1.5-2", "12 -3"):
        with pytest.raises(InvalidCursor):
            Cursor.decode(forged)


@pytest.mark.parametrize("code", [code for code, _name in labels.EDITORIAL])
def test_every_editorial_label_narrows_both_ways(code):
    factories.published("uk", "labelled", labels=[code])
    factories.published("uk", "other", labels=[c for c, _n in labels.EDITORIAL if c != code])
    factories.published("uk", "plain")
    listing = Article.objects.published()
    assert slugs(listing.labelled(code)) == ["labelled"]
    assert set(slugs(listing.without_label(code))) == {"other", "plain"}


def test_updated_follows_from_the_public_update_log():
    updated = factories.published("uk", "updated")
    actions.publish(article=updated, update_note="Casualty figures revised.")
    factories.published("uk", "fixed-silently")
    listing = Article.objects.published()
    assert slugs(listing.labelled(labels.UPDATED)) == ["updated"]
    assert slugs(listing.without_label(labels.UPDATED)) == ["fixed-silently"]


def test_live_follows_from_live_coverage():
    factories.published("uk", "live-now", coverage=LIVE)
    factories.published("uk", "plain")
    listing = Article.objects.published()
    assert slugs(listing.labelled(labels.LIVE)) == ["live-now"]
    assert slugs(listing.without_label(labels.LIVE)) == ["plain"]
