"""View counting: the beacon touches only the cache; the flush writes hourly rows, once;
most read ranks the last 24 hours of published articles."""

from __future__ import annotations

import datetime as dt

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.readership import counting, ranking
from newsdesk.readership.models import ArticleViews
from newsdesk.readership.tasks import flush_views

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def _load(demo_newsroom) -> None:
    """The demo newsroom without the view counts the demo seeds: each test counts its own."""
    ArticleViews.objects.all().delete()


def _articles(edition: str, count: int) -> list[Article]:
    rows = list(Article.objects.published().in_edition(edition).newest_first()[:count])
    assert len(rows) == count
    return rows


def _beacon(
    client, edition: str, article_id: object, *, agent: str = BROWSER, method="post", **extra
):
    url = f"/{edition}/read/{article_id}/"
    return getattr(client, method)(url, HTTP_USER_AGENT=agent, **extra)


def _writes(queries: CaptureQueriesContext) -> list[str]:
    verbs = ("INSERT", "UPDATE", "DELETE")
    return [
        q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith(verbs)
    ]


def test_the_beacon_counts_in_the_cache_and_writes_nothing(client, demo_newsroom):
    _load(demo_newsroom)
    (article,) = _articles("en", 1)

    with CaptureQueriesContext(connection) as queries:
        responses = [
            _beacon(client, "en", article.pk, REMOTE_ADDR=f"192.0.2.{n}") for n in range(3)
        ]

    assert [r.status_code for r in responses] == [204, 204, 204]
    assert _writes(queries) == []
    assert len(queries) <= 1  # at most the "is it published" lookup, then cached
    assert not ArticleViews.objects.exists()
    hour = counting.hour_of(timezone.now())
    assert cache.get(counting.count_key(hour, article.pk)) == 3
    assert counting.pending() == {(article.pk, hour): 3}
    assert "Set-Cookie" not in responses[0].headers
    assert not responses[0].cookies


def test_crawlers_are_not_counted(client, demo_newsroom):
    _load(demo_newsroom)
    (article,) = _articles("en", 1)
    for agent in ("Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0", ""):
        assert _beacon(client, "en", article.pk, agent=agent).status_code == 204
    assert counting.pending() == {}


@pytest.mark.parametrize(
    ("address", "method", "status", "message"),
    [
        ("abc", "post", 400, "The article number must be a positive whole number."),
        ("-5", "post", 400, "The article number must be a positive whole number."),
        ("999999", "post", 404, "There is no such published article in this edition."),
        ("OTHER", "post", 404, "There is no such published article in this edition."),
        ("DRAFT", "post", 404, "There is no such published article in this edition."),
        ("OWN", "get", 405, "Views are counted by POST only."),
    ],
)
def test_bad_beacons_get_a_clear_client_error(
    client, demo_newsroom, address: str, method: str, status: int, message: str
):
    _load(demo_newsroom)
    (own,) = _articles("en", 1)
    (other,) = _articles("uk", 1)
    draft = Article.objects.filter(live=False, locale__language_code="en").first()
    assert draft is not None
    ids = {"OWN": own.pk, "OTHER": other.pk, "DRAFT": draft.pk}

    response = _beacon(client, "en", ids.get(address, address), method=method)

    assert response.status_code == status
    assert response.content.decode() == message
    assert counting.pending() == {}


def test_the_beacon_needs_no_csrf_token(demo_newsroom):
    from django.test import Client

    _load(demo_newsroom)
    (article,) = _articles("uk", 1)
    strict = Client(enforce_csrf_checks=True)
    assert _beacon(strict, "uk", article.pk).status_code == 204


@pytest.mark.dated
def test_flush_writes_hourly_rows_and_is_idempotent(demo_newsroom):
    _load(demo_newsroom)
    first, second = _articles("uk", 2)
    now = timezone.now()
    earlier = now - dt.timedelta(hours=1)
    for _ in range(4):
        counting.record(first.pk, now)
    counting.record(second.pk, now)
    for _ in range(2):
        counting.record(first.pk, earlier)

    written = counting.flush(now)

    rows = {(r.article_id, r.hour, r.count) for r in ArticleViews.objects.all()}
    hour, before = counting.hour_of(now), counting.hour_of(earlier)
    assert written == 3
    assert rows == {(first.pk, hour, 4), (second.pk, hour, 1), (first.pk, before, 2)}
    assert all(r.hour.minute == r.hour.second == 0 for r in ArticleViews.objects.all())

    counting.flush(now)  # again, nothing new: the same rows
    assert {(r.article_id, r.hour, r.count) for r in ArticleViews.objects.all()} == rows

    counting.record(second.pk, now)
    flush_views.enqueue()  # the background task does the same
    assert ArticleViews.objects.get(article=second, hour=hour).count == 2
    assert ArticleViews.objects.count() == 3


def test_flush_keeps_the_larger_count_when_the_cache_was_emptied(demo_newsroom):
    _load(demo_newsroom)
    (article,) = _articles("en", 1)
    for _ in range(5):
        counting.record(article.pk)
    counting.flush()
    cache.clear()
    counting.record(article.pk)
    counting.flush()
    assert ArticleViews.objects.get(article=article).count == 5


def test_flush_command_runs_once_and_refuses_a_bad_interval(demo_newsroom, capsys):
    from django.core.management.base import CommandError

    _load(demo_newsroom)
    (article,) = _articles("en", 1)
    counting.record(article.pk)
    call_command("flush_views")
    assert "1 hourly rows written" in capsys.readouterr().out
    with pytest.raises(CommandError, match=r"--interval must be more than 0 seconds\."):
        call_command("flush_views", "--loop", "--interval", "0")


@pytest.mark.dated
def test_most_read_ranks_the_last_24_hours_of_published_articles(
    demo_newsroom, django_assert_num_queries
):
    _load(demo_newsroom)
    top, second, old_news, withdrawn = _articles("en", 4)
    (other_edition,) = _articles("uk", 1)
    hour = counting.hour_of(timezone.now())
    ArticleViews.objects.bulk_create(
        [
            ArticleViews(article=top, hour=hour, count=30),
            ArticleViews(article=top, hour=hour - dt.timedelta(hours=23), count=30),
            ArticleViews(article=second, hour=hour - dt.timedelta(hours=2), count=50),
            # Outside the window: 24 hours before the current hour.
            ArticleViews(article=old_news, hour=hour - dt.timedelta(hours=24), count=500),
            ArticleViews(article=withdrawn, hour=hour, count=900),
            ArticleViews(article=other_edition, hour=hour, count=800),
        ]
    )
    actions.unpublish(article=withdrawn)

    with django_assert_num_queries(1):
        ranked = ranking.rank("en")

    assert [(item.headline, item.views) for item in ranked] == [
        (top.headline, 60),
        (second.headline, 50),
    ]
    assert ranked[0].url == top.get_url()


def test_most_read_is_shown_from_the_cache(client, demo_newsroom, pages):
    _load(demo_newsroom)
    (article,) = _articles("en", 1)
    ArticleViews.objects.create(article=article, hour=counting.hour_of(timezone.now()), count=7)
    home = pages("en").home

    client.get(home)
    with CaptureQueriesContext(connection) as queries:
        body = client.get(home).content.decode()

    assert "Most read" in body and article.headline in body
    assert not [q for q in queries.captured_queries if "readership" in q["sql"]]


def _everything_the_cache_holds() -> str:
    """Every key and value the cache holds, as text: the in-process cache's own table, or
    every key of the Redis database the tests use, read over its connection."""
    local = getattr(cache, "_cache", None)
    if isinstance(local, dict):
        return " ".join(f"{key} {value!r}" for key, value in local.items())
    client = redis.Redis.from_url(str(settings.CACHES["default"]["LOCATION"]))
    held = []
    for key in client.scan_iter():
        kind = client.type(key)
        if kind == b"string":
            held.append(f"{key!r} {client.get(key)!r}")
        elif kind == b"hash":
            held.append(f"{key!r} {client.hgetall(key)!r}")
        elif kind == b"set":
            held.append(f"{key!r} {client.smembers(key)!r}")
        elif kind == b"zset":
            held.append(f"{key!r} {client.zrange(key, 0, -1, withscores=True)!r}")
        elif kind == b"list":
            held.append(f"{key!r} {client.lrange(key, 0, -1)!r}")
    assert held, "the beacons left nothing in the cache to look at"
    return " ".join(held)


def test_a_reader_counts_once_per_article_per_hour(client, demo_newsroom):
    """Decision 0032: 12,000 beacons from one client once bought the top of "Most read"."""
    _load(demo_newsroom)
    first, second = _articles("en", 2)
    answers = {_beacon(client, "en", first.pk).status_code for _ in range(40)}
    _beacon(client, "en", second.pk)
    _beacon(client, "en", first.pk, REMOTE_ADDR="198.51.100.4")  # another reader

    hour = counting.hour_of(timezone.now())
    assert answers == {204}
    assert counting.pending() == {(first.pk, hour): 2, (second.pk, hour): 1}

    later = timezone.now() + dt.timedelta(hours=1)
    token = counting.reader_token("127.0.0.1", BROWSER, later)
    assert token != counting.reader_token("127.0.0.1", BROWSER)  # unlinkable across hours
    assert counting.record(first.pk, later, reader=token)
    assert not counting.record(first.pk, later, reader=token)

    # Kept private: neither the address nor the browser string is stored, no page shows a count.
    article = first
    address, agent = "203.0.113.77", "Mozilla/5.0 (Secret Browser 99.1)"
    _beacon(client, "en", article.pk, agent=agent, REMOTE_ADDR=address)
    assert counting.pending()[(first.pk, hour)] == 3

    stored = _everything_the_cache_holds()
    assert address not in stored
    assert "Secret Browser" not in stored

    ArticleViews.objects.create(article=article, hour=counting.hour_of(timezone.now()), count=7919)
    cache.clear()
    pages = [
        client.get("/en/"),
        client.get(article.get_url()),
        client.get(f"/api/v1/articles/{article.pk}"),
    ]
    assert "Most read" in pages[0].content.decode()
    for page in pages:
        assert b"7919" not in page.content


def test_one_address_is_counted_only_so_often_whatever_browser_it_claims(
    client, demo_newsroom, settings
):
    _load(demo_newsroom)
    settings.NEWSDESK_BEACON_RATE = "5/h"
    articles = _articles("en", 3)
    answers = [
        _beacon(client, "en", article.pk, agent=f"{BROWSER} v{n}")
        for n in range(10)
        for article in articles
    ]
    assert {(r.status_code, r.content) for r in answers} == {(204, b"")}
    assert sum(counting.pending().values()) == 5
    # Another address has its own budget.
    _beacon(client, "en", articles[0].pk, REMOTE_ADDR="198.51.100.4")
    assert sum(counting.pending().values()) == 6


def test_the_bad_beacon_rate_setting_is_named(client, demo_newsroom, settings):
    _load(demo_newsroom)
    (article,) = _articles("en", 1)
    settings.NEWSDESK_BEACON_RATE = "lots"
    with pytest.raises(ValueError, match="NEWSDESK_BEACON_RATE must look like '300/m'"):
        _beacon(client, "en", article.pk)
