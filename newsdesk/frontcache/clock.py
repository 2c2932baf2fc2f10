"""The key clock: when each surrogate key last changed, kept in the shared cache.

A purge stamps its keys with the time. A response's ``Last-Modified`` is the newest stamp
among its keys, and what the app keeps in its own cache (pages, fragments) stays valid only
while no key it shows has been stamped since it began to render: bumping a stamp is the
embedded cache's purge ("versioned keys"). Comparing with the start of the render, not with
the stamps read after it, closes the race with a purge that lands mid-render.

A key never stamped (or evicted, or lost with a Redis restart) is stamped when first read:
with the time a render began, or with now when a cached copy is checked — so a lost stamp
costs a miss or a 200 where a 304 would have done, never a stale page.
"""

from __future__ import annotations

import time
from collections.abc import Collection

from django.core.cache import cache

PREFIX = "frontcache:clock:"
# Longer than any page stays in a cache: a stamp must outlive the entries that used it.
TIMEOUT = 7 * 24 * 3600


def _name(key: str) -> str:
    return PREFIX + key


def stamp(keys: Collection[str], when: float | None = None) -> None:
    """Record that ``keys`` changed at ``when`` (now)."""
    now = time.time() if when is None else when
    cache.set_many({_name(key): now for key in keys}, TIMEOUT)


def read(keys: Collection[str], *, unknown: float | None = None) -> dict[str, float]:
    """The stamps of ``keys``: one cache round trip, and one more to stamp any missing.

    A missing stamp is set to ``unknown`` (now by default). A render passes its start
    time, so a key it shows for the first time does not count as changed during it; a
    lookup passes nothing, so a stamp lost since the render is a change.
    """
    names = {_name(key): key for key in keys}
    found = cache.get_many(list(names))
    stamps = {names[name]: value for name, value in found.items()}
    missing = [key for key in keys if key not in stamps]
    if missing:
        # Two requests may both stamp a missing key; the later stamp wins, which at worst
        # costs the earlier one's cached copy a miss.
        when = time.time() if unknown is None else unknown
        cache.set_many({_name(key): when for key in missing}, TIMEOUT)
        stamps.update(dict.fromkeys(missing, when))
    return stamps


def unchanged_since(keys: Collection[str], moment: float) -> bool:
    """True when none of ``keys`` was stamped after ``moment`` (a missing stamp counts as
    changed now)."""
    return max(read(keys).values(), default=0.0) <= moment
