"""The in-process cache of the embedded stack and the tests: Django's ``LocMemCache``,
with the many-key read a page makes in one pass.

A listing reads its kept items and the stamps of every key they show with ``get_many``
(``frontcache.fragments.lookup``): about a hundred names a page. Django's base
``get_many`` calls ``get`` once per name, taking the lock and checking each name against
memcached's key rules every time; checking the rules was most of the read's cost. No
memcached stands behind this cache: production's is Redis, which takes any key.
"""

from __future__ import annotations

import pickle
import time
from collections import OrderedDict
from collections.abc import Iterable
from threading import Lock
from typing import Any

from django.core.cache.backends.locmem import LocMemCache


class LocalCache(LocMemCache):
    # LocMemCache's own state, set by its __init__ (django-stubs does not declare it).
    _cache: OrderedDict[str, bytes]
    _expire_info: dict[str, float | None]
    _lock: Lock

    def validate_key(self, key: str) -> None:
        """Nothing to check: memcached's key rules (250 characters, no spaces) bind neither
        this cache nor Redis."""

    def get_many(self, keys: Iterable[str], version: int | None = None) -> dict[str, Any]:
        """The live entries of ``keys`` in one pass under the lock, each marked as just
        used, as ``get`` marks it; an expired entry met on the way is dropped, as ``get``
        drops it."""
        names = {self.make_key(key, version=version): key for key in keys}
        pickled: dict[str, bytes] = {}
        with self._lock:
            now = time.time()
            for name, key in names.items():
                expiry = self._expire_info.get(name, -1)
                if expiry is None or expiry > now:
                    pickled[key] = self._cache[name]
                    self._cache.move_to_end(name, last=False)
                elif expiry != -1:
                    del self._cache[name], self._expire_info[name]
        return {key: pickle.loads(value) for key, value in pickled.items()}  # noqa: S301 - our own entries
