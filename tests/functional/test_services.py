"""The real components, over real connections, when the environment names them.

CI runs the whole suite twice: on SQLite with the in-process cache, and with DATABASE_URL
and REDIS_URL set. These tests check that the second run really talks to those servers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]


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


# A request's end as Django's handlers signal it, in the production settings on SQLite:
# prints whether the connection of the first query is the one the second query uses.
KEPT_CONNECTION = """\
import django
django.setup()
from django.core.signals import request_finished
from django.db import connection
for request in range(2):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    if request == 0:
        first = connection.connection
    request_finished.send(sender=None)
print(connection.connection is first, first is not None)
"""


def test_sqlite_connections_outlive_a_request_in_production(tmp_path):
    """Opening SQLite per request (its pragmas, an empty page cache) cost more than serving a
    kept article page; connections persist as PostgreSQL's do (decision 0063)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE", "DJANGO"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
        "SECRET_KEY": "settings-test",
        "NEWSDESK_HOME": str(tmp_path),
    }
    done = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", KEPT_CONNECTION],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
    assert (tmp_path / "newsdesk.sqlite3").exists()
