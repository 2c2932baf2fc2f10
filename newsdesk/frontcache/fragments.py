"""Parts of a page kept in the app's cache for as long as nothing they show has changed.

A fragment is stored with the surrogate keys of what it shows and the time its computation
began; a purge of any of those keys after that time makes it a miss, exactly as for the
page cache. The keys are noted for the response either way, so the page that shows a
cached fragment is purged with it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from typing import Any, TypeVar

from django.core.cache import cache

from . import clock, keys

T = TypeVar("T")
PREFIX = "frontcache:fragment:"


def cached(name: str, compute: Callable[[], tuple[T, Collection[str]]], timeout: int) -> T:
    """The value ``compute`` returns with its keys, from the cache while still valid."""
    entry: Any = cache.get(PREFIX + name)
    if entry is not None:
        value, shown, started = entry
        if clock.unchanged_since(shown, started):
            keys.note(*shown)
            return value  # type: ignore[no-any-return]
    started = time.time()
    value, shown = compute()
    shown = frozenset(shown)
    clock.read(shown, unknown=started)
    cache.set(PREFIX + name, (value, shown, started), timeout)
    keys.note(*shown)
    return value
