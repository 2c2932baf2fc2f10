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
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)

DEFAULT_BREAKER_SECONDS = 5.0


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


class _GuardedClient:
    """The django-redis client, each public method behind the breaker. A skipped call
    raises ``ConnectionInterrupted`` as a failed one does, so django-redis answers it the
    same way (a miss, a no-op) without waiting."""

    def __init__(self, client: Any, breaker: Breaker) -> None:
        self._client = client
        self._breaker = breaker

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if name.startswith("_") or not callable(attribute):
            return attribute
        breaker = self._breaker

        def guarded(*args: Any, **kwargs: Any) -> Any:
            if not breaker.allow():
                raise ConnectionInterrupted(connection=None)
            try:
                result = attribute(*args, **kwargs)
            except ConnectionInterrupted:
                breaker.failed()
                raise
            breaker.succeeded()
            return result

        return guarded


class GuardedRedisCache(RedisCache):
    """django-redis's cache with :class:`Breaker` around every call. Options as
    django-redis's, plus ``BREAKER_SECONDS``; ``IGNORE_EXCEPTIONS`` must be on."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        seconds = float(options.pop("BREAKER_SECONDS", DEFAULT_BREAKER_SECONDS))
        if not options.get("IGNORE_EXCEPTIONS"):
            raise ValueError("GuardedRedisCache needs IGNORE_EXCEPTIONS: a skipped call is a miss")
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(str(server), seconds)
        self._guarded: _GuardedClient | None = None

    @property
    def client(self) -> Any:
        if self._guarded is None:
            self._guarded = _GuardedClient(super().client, self.breaker)
        return self._guarded
