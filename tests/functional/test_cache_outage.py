"""A Redis outage degrades to rendering from the database, never to an error page; the
production settings keep database connections alive and serve hashed, compressed static
files.

The outage is real: django-redis with the options of ``settings/base.py`` pointed at a
local port where nothing listens (no Redis server is needed for this test).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from newsdesk.articles.models import Article

from .production_settings import production_settings

# The options REDIS_URL gets in settings/base.py (checked below against the real module).
REDIS_OPTIONS = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free again once closed: connections are refused


@contextmanager
def redis_down() -> Iterator[None]:
    """The default cache is django-redis on a port where nothing listens."""
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": REDIS_OPTIONS,
        }
    }
    with override_settings(CACHES=caches, DJANGO_REDIS_IGNORE_EXCEPTIONS=True):
        cache.set("newsdesk:outage", 1)  # must not raise
        assert cache.get("newsdesk:outage", "miss") == "miss"
        yield


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
    assert cache_settings["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache_settings["OPTIONS"] == REDIS_OPTIONS  # what the outage test above runs with
    assert configured["DJANGO_REDIS_IGNORE_EXCEPTIONS"] is True
    assert configured["DEBUG"] is False
    assert (
        configured["STORAGES"]["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
