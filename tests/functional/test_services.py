"""The real components, over real connections, when the environment names them.

CI runs the whole suite twice: on SQLite with the in-process cache, and with DATABASE_URL
and REDIS_URL set. These tests check that the second run really talks to those servers.
"""

from __future__ import annotations

import os

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import override_settings


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="DATABASE_URL does not name a PostgreSQL server",
)
@pytest.mark.django_db
def test_postgresql_is_used_when_named():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="DATABASE_URL is set")
@pytest.mark.django_db
def test_sqlite_is_the_embedded_default():
    assert connection.vendor == "sqlite"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone() == (1,)


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_redis_cache_round_trip():
    from django_redis.cache import RedisCache

    assert isinstance(caches["default"], RedisCache)
    cache.set("newsdesk:test:ping", {"edition": "uk"}, 30)
    assert cache.get("newsdesk:test:ping") == {"edition": "uk"}
    cache.delete("newsdesk:test:ping")


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_redis_outage_degrades_to_a_miss():
    from django.conf import settings

    down = dict(settings.CACHES["default"], LOCATION="redis://127.0.0.1:1/0")
    with override_settings(CACHES={"default": settings.CACHES["default"], "down": down}):
        unreachable = caches["down"]
        assert unreachable.get("anything", "fallback") == "fallback"
        unreachable.set("anything", 1)  # must not raise
