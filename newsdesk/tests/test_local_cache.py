"""The in-process cache reads many keys as Django's LocMemCache reads them one by one."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.core.cache.backends.locmem import LocMemCache

from newsdesk.local_cache import LocalCache


def _pair(name: str, **options: int) -> tuple[LocMemCache, LocalCache]:
    params = {"OPTIONS": options}
    return LocMemCache(f"plain:{name}", params), LocalCache(f"local:{name}", params)


def test_get_many_answers_what_one_get_per_key_answers():
    for cache in _pair("answers"):
        cache.set_many({"a": 1.5, "b": ("html", frozenset({"s1"}), 2.0), "none": None}, 60)
        cache.set("other-version", "v2", 60, version=2)
        found = cache.get_many(["a", "b", "none", "missing", "other-version"])
        assert found == {"a": 1.5, "b": ("html", frozenset({"s1"}), 2.0), "none": None}
        assert cache.get_many(["other-version", "a"], version=2) == {"other-version": "v2"}
        assert cache.get_many([]) == {}


def test_an_expired_entry_is_left_out_and_dropped():
    for cache in _pair("expiry"):
        now = dt.datetime.now(dt.UTC)
        with time_machine.travel(now, tick=False):
            cache.set("short", 1, 10)
            cache.set("long", 2, 100)
            cache.set("forever", 3, None)
        with time_machine.travel(now + dt.timedelta(seconds=11), tick=False):
            assert cache.get_many(["short", "long", "forever"]) == {"long": 2, "forever": 3}
            assert not cache.has_key("short")


def test_a_read_keeps_an_entry_from_the_next_cull():
    for cache in _pair("cull", MAX_ENTRIES=3, CULL_FREQUENCY=3):
        cache.set_many({"old": 1, "middle": 2, "new": 3}, 60)
        cache.get_many(["old"])  # read: now the most recently used
        cache.set("newest", 4, 60)  # past MAX_ENTRIES: a third, the least recently used, go
        assert cache.get_many(["old", "middle", "new", "newest"]) == {
            "old": 1,
            "new": 3,
            "newest": 4,
        }


def test_a_key_memcached_would_refuse_is_kept():
    cache = LocalCache("local:keys", {})
    name = "listing-frame:f1:uk:/uk/sections/a b/" + "x" * 300  # a space, past 250
    cache.set(name, "frame", 60)
    assert cache.get_many([name]) == {name: "frame"}
