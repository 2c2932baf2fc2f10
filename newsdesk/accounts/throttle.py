"""Sign-in throttling, per account and per client address, counted in the shared cache.

Failures are counted per fixed window with the cache's atomic ``incr`` (Redis INCR in
production, so every worker shares the count). When ``NEWSDESK_LOGIN_FAILURES_PER_ACCOUNT``
failed sign-ins for one account name, or ``NEWSDESK_LOGIN_FAILURES_PER_CLIENT`` from one
client address, fall in one ``NEWSDESK_LOGIN_WINDOW_SECONDS`` window, a lock is set for
that name or address lasting a whole window from then: every sign-in it covers is refused,
the right password included.

An account name is counted whether or not the account exists, and a refusal reads the same
for both, so the throttle tells nobody which names are real. Django's ``ModelBackend``
already hashes a password for a missing user, so a failure costs the same time either way.
"""

from __future__ import annotations

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from newsdesk.throttles import client_address

PREFIX = "login-throttle"


@dataclass(frozen=True)
class Limits:
    per_account: int
    per_client: int
    window: int  # seconds
    delay: float  # seconds a failed or refused sign-in waits before its answer


def limits() -> Limits:
    return Limits(
        per_account=int(getattr(settings, "NEWSDESK_LOGIN_FAILURES_PER_ACCOUNT", 5)),
        per_client=int(getattr(settings, "NEWSDESK_LOGIN_FAILURES_PER_CLIENT", 20)),
        window=int(getattr(settings, "NEWSDESK_LOGIN_WINDOW_SECONDS", 900)),
        delay=float(getattr(settings, "NEWSDESK_LOGIN_FAILURE_DELAY_SECONDS", 1.0)),
    )


def _account_key(username: str, window: int) -> str:
    # Hashed: a cache key has a length limit and a restricted alphabet; names have neither.
    digest = hashlib.sha256(username.strip().casefold().encode()).hexdigest()[:32]
    return f"{PREFIX}:account:{digest}:{window}"


def _client_key(request: HttpRequest, window: int) -> str:
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    return f"{PREFIX}:client:{digest}:{window}"


def _window(now: float, length: int) -> int:
    return int(now // length)


def _keys(request: HttpRequest | None, username: str, now: float) -> list[tuple[str, int]]:
    """(counter key, failures allowed) for the account name and, given a request, the client."""
    limit = limits()
    window = _window(now, limit.window)
    keys = [(_account_key(username, window), limit.per_account)]
    if request is not None:
        keys.append((_client_key(request, window), limit.per_client))
    return keys


def _lock_key(counter_key: str) -> str:
    # The counter's key without its window number: a lock outlives the window it began in.
    return "lock:" + counter_key.rpartition(":")[0]


def seconds_locked(request: HttpRequest | None, username: str, *, now: float | None = None) -> int:
    """How many seconds sign-ins for ``username`` from this client stay refused (0: none)."""
    moment = time.time() if now is None else now
    locks = cache.get_many([_lock_key(key) for key, _ in _keys(request, username, moment)])
    until = max((float(value) for value in locks.values() if value), default=0.0)
    return max(1, math.ceil(until - moment)) if until > moment else 0


def record_failure(request: HttpRequest | None, username: str, *, now: float | None = None) -> None:
    """Count one failed sign-in against the account name and the client address; lock
    whichever reached its limit for a whole window."""
    moment = time.time() if now is None else now
    length = limits().window
    for key, allowed in _keys(request, username, moment):
        cache.add(key, 0, timeout=length + 1)
        try:
            failures = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=length + 1)
            failures = 1
        if failures >= allowed:
            cache.set(_lock_key(key), moment + length, timeout=length + 1)


def forget_account(username: str, *, now: float | None = None) -> None:
    """A successful sign-in clears its account's count (not its client's: one right
    password must not buy a client another round of guesses at other accounts). It cannot
    happen while a lock holds."""
    moment = time.time() if now is None else now
    cache.delete(_account_key(username, _window(moment, limits().window)))


def pause() -> None:
    """The delay before answering a failed or refused sign-in."""
    seconds = limits().delay
    if seconds > 0:
        time.sleep(seconds)
