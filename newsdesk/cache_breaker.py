"""The Redis cache behind a circuit breaker: a cache that does not answer is skipped for a
while, so a hung Redis costs a page one short timeout, not one per cache call.

A dead Redis refuses connections at once; a hung one (stopped, swapping, a full network
buffer) accepts them and never answers, and every ``get`` waited for its socket timeout:
pages took 2 to 7 s. django-redis already turns a failed call into a miss
(``IGNORE_EXCEPTIONS``); :class:`GuardedRedisCache` adds the breaker around its client
(decision 0031):

- closed: calls go through; the first that fails (timeout, refused, reset) opens it;
- open: for ``BREAKER_SECONDS`` no call reaches Redis — each answers as a miss at once;
- then one call of one thread is let through as a trial: if Redis answers, the breaker
  closes; if not, it stays open for another period.

The breaker is one per Redis address and process, shared by the threads' cache objects
(Django makes one per thread). It says when it opens and closes in the log, once each.

While Redis is skipped, each process keeps what it would have written in a small
in-process **standby** (:class:`Standby`) for at most ``STANDBY_SECONDS`` (default 10 s)
and reads from it: a page, a kept fragment or a per-client count made during the outage
serves the next request of the same worker instead of being rendered or counted from
nothing again (decision 0061). Another worker may serve a copy that one of them purged,
for those few seconds at most; a count is the worker's own, not the site's, until Redis
answers again.
"""

from __future__ import annotations

import inspect
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)

DEFAULT_BREAKER_SECONDS = 5.0
DEFAULT_STANDBY_SECONDS = 10.0
# Enough for a worker's pages, fragments and counts over a few seconds; LocMemCache culls
# a third of them past this.
STANDBY_ENTRIES = 3000


class Breaker:
    """Whether to try the cache now. ``attempts`` counts the calls let through, so tests
    and drills can bound what an outage costs without timing anything."""

    def __init__(self, name: str, seconds: float, clock: Callable[[], float] = time.monotonic):
        self.name = name
        self.seconds = seconds
        self.clock = clock
        self.attempts = 0
        self.opened_at: float | None = None
        self._trial = False
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None

    def allow(self) -> bool:
        with self._lock:
            if self.opened_at is None:
                self.attempts += 1
                return True
            if not self._trial and self.clock() - self.opened_at >= self.seconds:
                self._trial = True
                self.attempts += 1
                return True
            return False

    def succeeded(self) -> None:
        with self._lock:
            if self.opened_at is not None:
                logger.warning("The cache at %s answers again: using it", self.name)
            self.opened_at = None
            self._trial = False

    def failed(self) -> None:
        with self._lock:
            if self.opened_at is None:
                logger.warning(
                    "The cache at %s did not answer: skipping it for %.0f s",
                    self.name,
                    self.seconds,
                )
            self.opened_at = self.clock()
            self._trial = False


_breakers: dict[str, Breaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(name: str, seconds: float = DEFAULT_BREAKER_SECONDS) -> Breaker:
    with _breakers_lock:
        if name not in _breakers:
            _breakers[name] = Breaker(name, seconds)
        return _breakers[name]


class Standby:
    """A process's own short-lived cache for while Redis is skipped: the django-redis
    client's calls that a page, a fragment or a count makes, answered in memory, every
    entry kept at most ``seconds``. Any other call raises ``ConnectionInterrupted``, which
    django-redis answers as before (a miss, a no-op)."""

    CALLS = frozenset(
        {"get", "set", "add", "get_many", "set_many", "delete", "delete_many", "incr", "decr"}
        | {"has_key", "touch"}
    )

    def __init__(self, name: str, seconds: float) -> None:
        self.seconds = seconds
        self.memory = LocMemCache(
            f"standby:{name}", {"TIMEOUT": seconds, "OPTIONS": {"MAX_ENTRIES": STANDBY_ENTRIES}}
        )

    def _timeout(self, timeout: Any) -> float:
        if timeout is DEFAULT_TIMEOUT or timeout is None:
            return self.seconds
        return min(float(timeout), self.seconds)

    def answer(self, name: str, method: Callable[..., Any], args: Any, kwargs: Any) -> Any:
        """What the client's ``method`` (called ``name``) would have answered, from memory."""
        if name not in self.CALLS:
            raise ConnectionInterrupted(connection=None)
        given = inspect.signature(method).bind(*args, **kwargs)
        given.apply_defaults()
        a = given.arguments
        memory, version = self.memory, a.get("version")
        if name == "get":
            return memory.get(a["key"], a["default"], version)
        if name == "get_many":
            return memory.get_many(a["keys"], version)
        if name == "has_key":
            return memory.has_key(a["key"], version)
        if name in ("incr", "decr"):
            change = memory.incr if name == "incr" else memory.decr
            return change(a["key"], a["delta"], version)  # ValueError when missing, as Redis's
        if name == "delete":
            return int(memory.delete(a["key"], version))
        if name == "delete_many":
            memory.delete_many(a["keys"], version)
            return 0
        timeout = self._timeout(a.get("timeout"))
        if name == "set_many":
            memory.set_many(a["data"], timeout, version)
            return None
        if name == "touch":
            return memory.touch(a["key"], timeout, version)
        if name == "add" or a.get("nx"):
            return memory.add(a["key"], a["value"], timeout, version)
        if a.get("xx") and not memory.has_key(a["key"], version):
            return False
        memory.set(a["key"], a["value"], timeout, version)
        return True


_standbys: dict[str, Standby] = {}


def standby_for(name: str, seconds: float = DEFAULT_STANDBY_SECONDS) -> Standby:
    with _breakers_lock:
        if name not in _standbys:
            _standbys[name] = Standby(name, seconds)
        return _standbys[name]


class _GuardedClient:
    """The django-redis client, each public method behind the breaker. A skipped or failed
    call is answered by the process's :class:`Standby` without waiting, or, for a call the
    standby does not keep, raises ``ConnectionInterrupted`` so that django-redis answers it
    as a failure (a miss, a no-op)."""

    def __init__(self, client: Any, breaker: Breaker, standby: Standby) -> None:
        self._client = client
        self._breaker = breaker
        self._standby = standby

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if name.startswith("_") or not callable(attribute):
            return attribute
        breaker, standby = self._breaker, self._standby

        def guarded(*args: Any, **kwargs: Any) -> Any:
            if not breaker.allow():
                return standby.answer(name, attribute, args, kwargs)
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted:
                breaker.failed()
                return standby.answer(name, attribute, args, kwargs)
            breaker.succeeded()
            return result

        return guarded


class GuardedRedisCache(RedisCache):
    """django-redis's cache with :class:`Breaker` around every call and a :class:`Standby`
    behind it. Options as django-redis's, plus ``BREAKER_SECONDS`` and ``STANDBY_SECONDS``;
    ``IGNORE_EXCEPTIONS`` must be on."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        seconds = float(options.pop("BREAKER_SECONDS", DEFAULT_BREAKER_SECONDS))
        standby = float(options.pop("STANDBY_SECONDS", DEFAULT_STANDBY_SECONDS))
        if not options.get("IGNORE_EXCEPTIONS"):
            raise ValueError("GuardedRedisCache needs IGNORE_EXCEPTIONS: a skipped call is a miss")
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(str(server), seconds)
        self.standby = standby_for(str(server), standby)
        self._guarded: _GuardedClient | None = None

    @property
    def client(self) -> Any:
        if self._guarded is None:
            self._guarded = _GuardedClient(super().client, self.breaker, self.standby)
        return self._guarded
