"""Read replicas: anonymous public reads go to a replica, everything else to the primary.

Configured from ``DATABASE_REPLICA_URLS`` (``settings/base.py`` defines the aliases
``replica_1``, ``replica_2``… and installs :class:`ReplicaRouter` and
:class:`ReplicaMiddleware` only when it is set). The rules (docs/decisions/0016):

- Reads go to the primary unless a unit of work has opted in to a replica. A request opts in
  when it is a GET or HEAD outside the admin from a reader without a session cookie: the
  pages Varnish caches. Editors, the admin, forms, management commands, the scheduler and
  shells always read the primary, so nobody who edits ever reads a lagging copy.
- One replica per request, chosen at random: pages built from several queries never mix
  two replicas' points in time.
- Read your writes: the first write in a unit of work pins the rest of it to the primary.
- Raw SQL on ``django.db.connection`` runs on the primary and does not pin.
- Migrations run on the primary only; rows read from either side may be related.
- After a change readers can see, every reader reads the primary for a few seconds
  (:func:`hold_primary`, ``NEWSDESK_REPLICA_HOLD_SECONDS``, default 5). The purge that
  follows a publish makes Varnish fetch the page again at once; from a replica that has
  not replayed the commit yet, the old page would be cached for its whole ``s-maxage``.

A replica that lags longer than the hold serves older pages; the router cannot see lag:
monitor it, and take a replica out of ``DATABASE_REPLICA_URLS`` when it falls behind.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

from newsdesk.http_policy import is_reader_request

REPLICA_PREFIX = "replica_"
HOLD_KEY = "replicas:primary-until"
HOLD_SECONDS = 5

# The alias reads go to in this unit of work (a request, a thread); None is the primary.
# A context variable, not a thread-local: it follows a request through sync_to_async.
_read_alias: ContextVar[str | None] = ContextVar("newsdesk_read_alias", default=None)


def replica_aliases() -> list[str]:
    """The replica aliases in ``DATABASES``, in order."""
    return sorted(alias for alias in settings.DATABASES if alias.startswith(REPLICA_PREFIX))


def reading_alias() -> str:
    """Where a read in this unit of work goes now."""
    return _read_alias.get() or DEFAULT_DB_ALIAS


def choose_replica() -> str | None:
    """One replica at random, or None (the primary) when there is none."""
    aliases = replica_aliases()
    return random.choice(aliases) if aliases else None  # noqa: S311 - spreads load, no secret


@contextmanager
def reads_from(alias: str | None) -> Iterator[str]:
    """Send this block's reads to the replica ``alias`` (None: the primary) until it writes.

    An alias that is not a configured replica means the primary. Yields where reads go.
    """
    token = _read_alias.set(alias if alias in replica_aliases() else None)
    try:
        yield reading_alias()
    finally:
        _read_alias.reset(token)


def hold_primary(seconds: float | None = None) -> None:
    """Send every process's reader requests to the primary for ``seconds`` from now.

    Called after a change readers can see is committed, before the front caches are told:
    their fetches of the changed pages must not beat replication. Kept in the shared cache;
    if the cache is down, readers go on reading replicas. Without replicas it does nothing.
    """
    if not replica_aliases():
        return
    hold = getattr(settings, "NEWSDESK_REPLICA_HOLD_SECONDS", HOLD_SECONDS)
    hold = hold if seconds is None else seconds
    cache.set(HOLD_KEY, time.time() + hold, timeout=max(1, int(hold) + 1))


def primary_held() -> bool:
    """Whether a :func:`hold_primary` is still running."""
    until = cache.get(HOLD_KEY)
    return until is not None and time.time() < until


def pin_to_primary() -> None:
    """Send the rest of this unit of work's reads to the primary (read your writes)."""
    _read_alias.set(None)


class ReplicaRouter:
    """Django database router: reads where :func:`reading_alias` says, writes to the primary."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        return reading_alias()

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        # Django asks here before every INSERT, UPDATE, DELETE, select_for_update and
        # get_or_create: from then on this unit of work must see what it wrote.
        pin_to_primary()
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # Replicas hold the primary's rows: a row read from one may point at a row read
        # from the other.
        ours = {DEFAULT_DB_ALIAS, *replica_aliases()}
        if obj1._state.db in ours and obj2._state.db in ours:
            return True
        return None

    def allow_migrate(
        self, db: str, app_label: str, model_name: str | None = None, **hints: Any
    ) -> bool:
        # Replicas copy the primary's schema through replication; migrating them would fail
        # (read-only) or fork it.
        return db == DEFAULT_DB_ALIAS


def may_read_replica(request: HttpRequest) -> bool:
    """A reader's request (:func:`newsdesk.http_policy.is_reader_request`), and no change
    was published in the last few seconds."""
    return is_reader_request(request) and not primary_held()


class ReplicaMiddleware:
    """Reads of a reader's request go to one replica; every other request reads the primary.

    Placed before any middleware that reads the database, so that the whole request,
    sessions and users included, follows one rule.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with reads_from(choose_replica() if may_read_replica(request) else None):
            return self.get_response(request)
