"""A Redis outage degrades to rendering from the database, never to an error page; the
production settings keep database connections alive and serve hashed, compressed static
files.

The outage is real: django-redis with the options of ``settings/base.py`` pointed at a
local port where nothing listens (no Redis server is needed for this test).
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from newsdesk import cache_breaker
from newsdesk.articles.models import Article

from .production_settings import production_settings

# The options REDIS_URL gets in settings/base.py (checked below against the real module).
REDIS_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": 0.1,
    "SOCKET_TIMEOUT": 0.1,
    "BREAKER_SECONDS": 5,
    "STANDBY_SECONDS": 10,
}
REDIS_BACKEND = "newsdesk.cache_breaker.GuardedRedisCache"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free again once closed: connections are refused


@contextmanager
def redis_down() -> Iterator[None]:
    """The default cache is django-redis on a port where nothing listens."""
    caches = {
        "default": {
            "BACKEND": REDIS_BACKEND,
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": REDIS_OPTIONS,
        }
    }
    with override_settings(CACHES=caches, DJANGO_REDIS_IGNORE_EXCEPTIONS=True):
        cache.set("newsdesk:outage", 1)  # must not raise
        # Kept by the worker's standby, not by Redis (decision 0061).
        assert cache.get("newsdesk:outage", "miss") == 1
        assert cache.keys("newsdesk:*") is None
        yield


@contextmanager
def throwaway_redis() -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """A redis-server of the test's own, on a free port, without persistence."""
    port = closed_port()
    command = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    process = subprocess.Popen([*command, "--appendonly", "no"], stdout=subprocess.DEVNULL)  # noqa: S603
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
        yield process, port
    finally:
        process.send_signal(signal.SIGCONT)
        process.terminate()
        process.wait(timeout=10)


REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


@pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed")
def test_a_hung_then_stopped_redis_costs_one_attempt_then_is_skipped_until_it_answers(
    client, demo_content, monkeypatch
):
    """Decision 0031: a hung (SIGSTOP) Redis accepts connections and never answers. The
    bound is counted, not timed: one cache call waits for its timeout and opens the breaker;
    every later call of every page is skipped until a trial finds Redis answering again.
    (``bench/edge_drill.py`` times the same.)"""
    demo_content(articles=3)
    article = Article.objects.published().in_edition("uk").newest_first().first()
    assert article is not None
    pages = [
        reverse("site:home", kwargs={"edition": "uk"}),
        reverse("site:article", kwargs={"edition": "uk", "slug": article.slug}),
        reverse("syndication:news_rss", kwargs={"edition": "uk"}),
    ]
    with throwaway_redis() as (redis, port):
        location = f"redis://127.0.0.1:{port}/7"
        caches = {
            "default": {"BACKEND": REDIS_BACKEND, "LOCATION": location, "OPTIONS": REDIS_OPTIONS}
        }
        with override_settings(CACHES=caches, NEWSDESK_PAGE_CACHE=True):
            breaker = cache_breaker.breaker_for(location)
            now = [1000.0]
            monkeypatch.setattr(breaker, "clock", lambda: now[0])
            for url in pages:
                client.get(url)
            assert client.get(pages[1])["X-Page-Cache"] == "hit"  # Redis is really in use

            redis.send_signal(signal.SIGSTOP)
            before = breaker.attempts
            for round_ in range(3):
                for url in pages:
                    response = client.get(url)
                    assert response.status_code == 200, url
                    assert article.headline in response.content.decode(), url
                    # Rendered once, then kept by the worker's standby (decision 0061).
                    assert response.get("X-Page-Cache") == (None if round_ == 0 else "hit"), url
            assert breaker.attempts - before == 1
            assert breaker.is_open

            now[0] += cache_breaker.DEFAULT_BREAKER_SECONDS  # one trial, still hung
            assert client.get(pages[0]).status_code == 200
            assert breaker.attempts - before == 2
            assert breaker.is_open

            redis.send_signal(signal.SIGCONT)
            now[0] += cache_breaker.DEFAULT_BREAKER_SECONDS
            client.get(pages[1])
            assert not breaker.is_open
            assert client.get(pages[1])["X-Page-Cache"] == "hit"

            # Stopped for good: the open connection breaks, new ones are refused.
            redis.kill()
            redis.wait(timeout=10)
            before = breaker.attempts
            for _ in range(3):
                for url in pages:
                    response = client.get(url)
                    assert response.status_code == 200, url
                    assert article.headline in response.content.decode(), url
            assert breaker.attempts - before == 1
            assert breaker.is_open


def test_the_guarded_cache_needs_django_redis_to_ignore_failures():
    with pytest.raises(ValueError, match="needs IGNORE_EXCEPTIONS"):
        cache_breaker.GuardedRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {}})


@pytest.mark.parametrize("page_cache", [False, True], ids=["origin", "page-cache"])
def test_pages_feeds_and_api_render_from_the_database_while_redis_is_down(
    client, demo_content, page_cache
):
    demo_content(articles=6)
    article = Article.objects.published().in_edition("uk").newest_first().first()
    assert article is not None
    addresses = [
        reverse("site:home", kwargs={"edition": "uk"}),
        reverse("site:article", kwargs={"edition": "uk", "slug": article.slug}),
        reverse("syndication:news_rss", kwargs={"edition": "uk"}),
        reverse("api:articles") + "?edition=uk",
    ]
    with override_settings(NEWSDESK_PAGE_CACHE=page_cache), redis_down():
        for _ in range(2):  # the second time a working cache would have answered
            for url in addresses:
                response = client.get(url)
                assert response.status_code == 200, url
                assert article.headline in response.content.decode(), url


def test_production_settings_keep_connections_and_serve_compressed_static_files():
    configured = production_settings(
        {
            "DATABASE_URL": "postgres://newsdesk@db-primary:5432/newsdesk",
            "REDIS_URL": "redis://cache.internal:6379/0",
        },
        "DATABASES",
        "CACHES",
        "STORAGES",
        "DJANGO_REDIS_IGNORE_EXCEPTIONS",
        "DEBUG",
    )
    database = configured["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["CONN_MAX_AGE"] > 0  # persistent connections, one per worker
    assert database["CONN_HEALTH_CHECKS"] is True  # a connection the server dropped is redone
    cache_settings = configured["CACHES"]["default"]
    assert cache_settings["BACKEND"] == REDIS_BACKEND
    assert cache_settings["OPTIONS"] == REDIS_OPTIONS  # what the outage test above runs with
    assert configured["DJANGO_REDIS_IGNORE_EXCEPTIONS"] is True
    assert configured["DEBUG"] is False
    assert (
        configured["STORAGES"]["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


@pytest.mark.parametrize(
    ("edition", "words"),
    [("uk", "Сайт ремонтують"), ("en", "The site is being repaired")],
)
def test_a_page_whose_database_does_not_answer_is_the_sites_503(client, db, edition, words):
    """The database stopped: every query fails at once. Readers get the site's own page in
    the edition's language with Retry-After, never a 500, and it is kept by no cache."""
    from django.db import OperationalError, connection

    def refuse(execute, sql, params, many, context):
        raise OperationalError("connection to server failed: Connection refused")

    client.raise_request_exception = False
    with connection.execute_wrapper(refuse):
        response = client.get(f"/{edition}/news/")
        admin = client.get("/admin/login/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert words in body
    assert '<link rel="stylesheet"' in body  # the site's own page, with its styles
    assert admin.status_code == 500  # the admin is not a reader's page
