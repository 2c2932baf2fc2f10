"""Live coverage on the reader site: the article page, the poll and the fragment it loads."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsdesk.articles.models import LIVE, LIVE_ENDED, NOT_LIVE, Article
from newsdesk.articles.query import Cursor
from newsdesk.live.models import POLL_CACHE_KEY, LiveSettings, LiveUpdate
from newsdesk.publishing import actions
from newsdesk.publishing.live import end_live_coverage, promote_live_update, publish_live_update
from newsdesk.testing import factories

from .conftest import Page

pytestmark = pytest.mark.django_db
BUDGET = 8


@pytest.fixture(autouse=True)
def poll_interval_uncached():
    """The poll interval is cached across requests (and, on Redis, across test runs)."""
    cache.delete(POLL_CACHE_KEY)
    yield
    cache.delete(POLL_CACHE_KEY)


def _at(update: LiveUpdate, minutes_ago: int) -> LiveUpdate:
    when = timezone.now() - dt.timedelta(minutes=minutes_ago)
    LiveUpdate.objects.filter(pk=update.pk).update(published_at=when)
    update.published_at = when
    return update


@pytest.fixture
def coverage():
    """An English live article with four updates, an hour apart, of every kind."""
    article = factories.live_article("en")
    first = _at(
        factories.live_update(
            article, "Alerts sounded.", title="Alert across the country", key_event=True
        ),
        240,
    )
    pinned = _at(factories.live_update(article, "Where to find shelter.", pinned=True), 180)
    fixed = _at(
        factories.live_update(
            article,
            "Debris fell in Dniprovskyi district.",
            correction="We first named the wrong district.",
        ),
        120,
    )
    fixed.body = factories.paragraphs("Debris fell in a courtyard in Dniprovskyi district.")
    publish_live_update(update=fixed)
    newest = _at(
        factories.live_update(article, "The all-clear sounded.", title="All-clear", key_event=True),
        60,
    )
    return article, {"first": first, "pinned": pinned, "fixed": fixed, "newest": newest}


def _poll(client, article: Article, after: str | None = None, **extra):
    url = reverse("site:live_updates", kwargs={"edition": "en", "slug": article.slug})
    return client.get(url, {"after": after} if after else {}, **extra)


def test_page_shows_updates_pinned_first_then_newest_with_key_events_and_markers(client, coverage):
    article, updates = coverage
    response = client.get(article.get_url())
    assert response.status_code == 200
    page = Page(response.content.decode())
    html = page.html
    order = [
        ("update", value)
        for tag, name, value in page.attributes
        if tag == "li" and name == "id" and value.startswith("update-")
    ]
    assert [value for _kind, value in order] == [
        f"update-{updates[name].pk}" for name in ("pinned", "newest", "fixed", "first")
    ]
    summary = html[
        html.index("live-key-events") : html.index("</nav>", html.index("live-key-events"))
    ]
    assert f'href="#update-{updates["newest"].pk}"' in summary
    assert f'href="#update-{updates["first"].pk}"' in summary
    assert summary.index("All-clear") < summary.index("Alert across the country")
    assert f'href="#update-{updates["pinned"].pk}"' not in summary
    text = page.visible_text
    assert "Correction: We first named the wrong district." in text
    assert text.count("Edited ") == 1
    assert "Olena Koval" in text and "Pinned" in text and "Key event" in text
    assert '<span class="label label-live">Live</span>' in html
    assert (
        "section",
        "data-live-poll-url",
        f"/en/news/{article.slug}/live.json",
    ) in page.attributes
    newest_cursor = updates["newest"].cursor.encode()
    assert ("section", "data-live-cursor", newest_cursor) in page.attributes
    assert not [
        s for s in page.scripts if "src" not in s and s.get("type") != "application/ld+json"
    ]


def test_a_reload_shows_an_update_published_since(client, coverage):
    article, _updates = coverage
    assert "Power is back" not in client.get(article.get_url()).content.decode()
    factories.live_update(article, "Power is back in most homes.")
    assert "Power is back in most homes." in client.get(article.get_url()).content.decode()


def test_ordinary_articles_show_no_live_section(client):
    article = factories.live_article("en", slug="budget", coverage=NOT_LIVE)
    html = client.get(article.get_url()).content.decode()
    assert "data-live" not in html and "label-live" not in html


def test_poll_costs_one_query_and_counts_updates_after_the_cursor(client, coverage):
    article, updates = coverage
    cursor = updates["fixed"].cursor.encode()
    _poll(client, article, cursor)  # the poll interval is then in the cache
    with CaptureQueriesContext(connection) as queries:
        response = _poll(client, article, cursor)
    assert len(queries) == 1
    assert response.status_code == 200
    assert "s-maxage=5" in response["Cache-Control"] and "public" in response["Cache-Control"]
    data = response.json()
    # The pinned update is older than the cursor; only the newest one came after it.
    assert data["count"] == 1
    assert data["notice"] == "1 new update"
    assert data["cursor"] == updates["newest"].cursor.encode()
    assert data["ended"] is False
    assert data["poll"] == 10

    fragment = client.get(data["fragment"])
    assert fragment.status_code == 200
    assert "s-maxage=5" in fragment["Cache-Control"]
    html = fragment.content.decode()
    assert f'id="update-{updates["newest"].pk}"' in html
    assert f'id="update-{updates["fixed"].pk}"' not in html
    assert f'data-live-cursor="{data["cursor"]}"' in html

    latest = _poll(client, article, data["cursor"]).json()
    assert latest["count"] == 0 and latest["fragment"] == "" and latest["cursor"] == data["cursor"]
    assert _poll(client, article).json()["count"] == 4


def test_poll_reports_a_new_update_with_the_plural_notice(client, coverage):
    article, updates = coverage
    cursor = updates["newest"].cursor.encode()
    factories.live_update(article, "Trains are running again.")
    factories.live_update(article, "Schools open at ten.")
    data = _poll(client, article, cursor).json()
    assert data["count"] == 2 and data["notice"] == "2 new updates"


def test_a_bad_cursor_is_a_400_in_json(client, coverage):
    article, _updates = coverage
    response = _poll(client, article, "not-a-cursor")
    assert response.status_code == 400
    assert response.json() == {"error": "This is not a valid cursor."}
    fragment = reverse("site:live_fragment", kwargs={"edition": "en", "slug": article.slug})
    assert client.get(fragment, {"after": "1-x"}).status_code == 400


def test_articles_that_are_not_live_or_not_published_have_no_poll(client):
    ordinary = factories.live_article("en", slug="budget", coverage=NOT_LIVE)
    response = _poll(client, ordinary)
    assert response.status_code == 404
    assert response.json() == {"error": "There is no live coverage here."}
    draft = factories.live_article("en", slug="draft-live", publish=False)
    assert draft.coverage == LIVE
    assert _poll(client, draft).status_code == 404
    assert (
        client.get(
            reverse("site:live_fragment", kwargs={"edition": "en", "slug": draft.slug})
        ).status_code
        == 404
    )
    # The other edition's address of an English article is not it.
    url = reverse("site:live_updates", kwargs={"edition": "uk", "slug": draft.slug})
    assert client.get(url).status_code == 404


def test_ended_coverage_says_so_and_stops_the_page_polling(client, coverage):
    article, updates = coverage
    end_live_coverage(article=article)
    data = _poll(client, article, updates["newest"].cursor.encode()).json()
    assert data["ended"] is True and data["count"] == 0
    html = client.get(article.get_url()).content.decode()
    assert "Live coverage has ended" in html
    assert "data-live-poll-url" not in html, "no polling once coverage has ended"
    assert "label-live" not in html
    assert f'id="update-{updates["newest"].pk}"' in html, "the updates stay"
    assert Article.objects.get(pk=article.pk).coverage == LIVE_ENDED


def test_the_desk_sets_the_poll_interval(client, coverage, django_capture_on_commit_callbacks):
    article, _updates = coverage
    with django_capture_on_commit_callbacks(execute=True):
        LiveSettings.objects.create(poll_seconds=60)
    assert _poll(client, article).json()["poll"] == 60


def test_cursor_orders_updates_published_in_the_same_instant_by_id(client, coverage):
    article, updates = coverage
    moment = updates["newest"].published_at
    twin = factories.live_update(article, "Same second.")
    LiveUpdate.objects.filter(pk=twin.pk).update(published_at=moment)
    data = _poll(client, article, Cursor(moment, updates["newest"].pk).encode()).json()
    assert data["count"] == 1


def test_live_article_page_stays_within_the_query_budget(client, demo_content):
    demo_content(articles=10)
    article = Article.objects.get(locale__language_code="en", coverage=LIVE)
    assert article.hero_image_id is not None
    counts = []
    for more in (0, 12):
        for number in range(more):
            factories.live_update(article, f"Update number {number}.", pinned=number % 5 == 0)
        client.get(article.get_url())  # warm: renditions made on first use
        with CaptureQueriesContext(connection) as queries:
            response = client.get(article.get_url())
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] <= BUDGET, counts
    assert counts[0] == counts[1], "more updates, same number of queries"


def test_a_promoted_update_links_to_its_article_once_published(client, coverage):
    article, updates = coverage
    promoted = promote_live_update(update=updates["newest"])
    html = client.get(article.get_url()).content.decode()
    assert f'href="{promoted.get_url()}"' not in html, "a draft is never linked"
    assert "Read the full story" not in html
    actions.publish(article=promoted)
    html = client.get(article.get_url()).content.decode()
    assert f'href="{promoted.get_url()}"' in html
    assert "Read the full story" in html


def test_feeds_show_the_live_label_while_coverage_is_live(client, coverage):
    article, _updates = coverage
    feed = Page(client.get(reverse("site:news", kwargs={"edition": "en"})).content.decode())
    assert ("span", "class", "label label-live") in feed.attributes
    end_live_coverage(article=article)
    feed = Page(client.get(reverse("site:news", kwargs={"edition": "en"})).content.decode())
    assert ("span", "class", "label label-live") not in feed.attributes
