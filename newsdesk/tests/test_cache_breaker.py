"""The standby behind the breaker (decision 0061): while Redis is skipped, a worker keeps
what it writes for a few seconds and reads it back; counts go on. The outage is real: the
cache points at a local port where nothing listens."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import override_settings

from newsdesk import cache_breaker, throttles

STANDBY_SECONDS = 10


@pytest.fixture
def redis_down() -> Iterator[None]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    caches = {
        "default": {
            "BACKEND": "newsdesk.cache_breaker.GuardedRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.1,
                "SOCKET_TIMEOUT": 0.1,
                "STANDBY_SECONDS": STANDBY_SECONDS,
            },
        }
    }
    with override_settings(CACHES=caches):
        yield


def test_what_a_worker_writes_in_an_outage_it_reads_back_for_a_few_seconds_only(redis_down, clock):
    cache.set("page", "kept", timeout=3600)
    cache.set_many({"a": 1, "b": 2}, timeout=None)
    assert cache.get("page") == "kept"
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    assert cache.add("page", "other") is False
    clock.shift(STANDBY_SECONDS + 1)  # an hour and "forever" both end with the standby
    assert cache.get("page") is None
    assert cache.get_many(["a", "b"]) == {}


def test_counts_go_on_in_an_outage(redis_down):
    limit = throttles.Rate.parse("2/m")
    used = [throttles.take("throttle:test", "192.0.2.1", limit).used for _ in range(3)]
    assert used == [1, 2, 3]
    assert throttles.take("throttle:test", "192.0.2.1", limit).exceeded


def test_a_call_the_standby_does_not_keep_is_a_quiet_failure(redis_down):
    cache.set("page", "kept")
    cache.delete("page")
    assert cache.get("page") is None
    assert cache.keys("*") is None  # django-redis's answer to a failed call
    assert cache.ttl("page") is None


def test_the_standby_is_one_per_address_and_process():
    assert cache_breaker.standby_for("redis://x/0") is cache_breaker.standby_for("redis://x/0")
    assert cache_breaker.standby_for("redis://x/0") is not cache_breaker.standby_for("redis://y/0")
