"""A Redis outage degrades to rendering from the database, never to an error page; the
production settings keep database connections alive and serve hashed, compressed static
files.

The outage is real: django-redis with the options of ``settings/base.py`` pointed at a
local port where nothing listens (no Redis server is needed for this test).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from newsdesk.articles.models import Article

ROOT = Path(__file__).resolve().parents[2]
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


def settings_of(environment: dict[str, str]) -> dict:
    """Import the production settings in a fresh interpreter with ``environment``."""
    code = (
        "import json; from newsdesk.settings import production as s; print(json.dumps("
        "{'databases': s.DATABASES, 'caches': s.CACHES, 'storages': s.STORAGES,"
        " 'ignore': s.DJANGO_REDIS_IGNORE_EXCEPTIONS, 'debug': s.DEBUG}, default=str))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE", "DJANGO"))}
    env |= {"SECRET_KEY": "settings-test", **environment}
    done = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_production_settings_keep_connections_and_serve_compressed_static_files():
    configured = settings_of(
        {
            "DATABASE_URL": "postgres://newsdesk@db-primary:5432/newsdesk",
            "REDIS_URL": "redis://cache.internal:6379/0",
        }
    )
    database = configured["databases"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["CONN_MAX_AGE"] > 0  # persistent connections, one per worker
    assert database["CONN_HEALTH_CHECKS"] is True  # a connection the server dropped is redone
    cache_settings = configured["caches"]["default"]
    assert cache_settings["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache_settings["OPTIONS"] == REDIS_OPTIONS  # what the outage test above runs with
    assert configured["ignore"] is True
    assert configured["debug"] is False
    assert (
        configured["storages"]["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
