"""Keeping the index in step with what readers can see.

Publishing announces every change with ``content_changed`` after the transaction commits
(:mod:`newsdesk.publishing.events`); :mod:`.handlers` passes it here. A publish or update
reindexes the article from its published row; anything else removes it.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import multiprocessing.pool
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, connections

from . import documents
from .backends import SearchBackend, get_backend

BATCH_SIZE = 500


def index_articles(article_ids: Sequence[int]) -> int:
    """Reindex these articles as readers see them now; those not published are removed.
    Returns how many were indexed."""
    backend = get_backend()
    found = documents.build(article_ids)
    backend.write(backend.prepare(found))
    indexed = {document.article_id for document in found}
    gone = [pk for pk in article_ids if pk not in indexed]
    if gone:
        backend.remove(gone)
    return len(found)


def remove_articles(article_ids: Sequence[int]) -> None:
    get_backend().remove(article_ids)


@dataclass(frozen=True)
class RebuildReport:
    indexed: int
    removed: int


def rebuild(*, batch_size: int = BATCH_SIZE, jobs: int = 1) -> RebuildReport:
    """Index every published article in batches, then drop entries of articles that are
    no longer published. The index stays usable throughout: nothing is cleared first.

    With ``jobs`` above one, that many worker processes read the batches and make their
    keys and vectors, most of a document's cost and one core's work in Python. Where the
    database takes concurrent writers (PostgreSQL) each worker writes its own batches;
    SQLite has one writer, this process, which writes each batch while the workers make
    the next ones. Inside a transaction (a test's) the batches run here, in order."""
    backend = get_backend()
    live: set[int] = set()
    with _workers(jobs) as pool, backend.loading():
        for indexed in _index_all(backend, batch_size, pool, jobs):
            live.update(indexed)
    stale = [pk for pk in backend.indexed_ids() if pk not in live]
    for start in range(0, len(stale), batch_size):
        backend.remove(stale[start : start + batch_size])
    return RebuildReport(indexed=len(live), removed=len(stale))


def _prepare_batch(article_ids: Sequence[int]) -> tuple[list[int], Any]:
    """The ids of these articles that are published, and their rows to write."""
    found = documents.build(article_ids)
    return [document.article_id for document in found], get_backend().prepare(found)


def _write(prepared: tuple[list[int], Any]) -> list[int]:
    ids, rows = prepared
    get_backend().write(rows)
    return ids


def _index_batch(article_ids: Sequence[int]) -> list[int]:
    return _write(_prepare_batch(article_ids))


@contextlib.contextmanager
def _workers(jobs: int) -> Iterator[multiprocessing.pool.Pool | None]:
    """``jobs`` forked worker processes, or none for one job or inside a transaction.

    They are forked before this process opens a connection of its own for the rebuild: a
    forked worker must not inherit one (two processes would talk over one socket, or one
    SQLite handle). Each opens its own on its first query."""
    if jobs <= 1 or connection.in_atomic_block:
        yield None
        return
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield pool


def _index_all(
    backend: SearchBackend, batch_size: int, pool: multiprocessing.pool.Pool | None, jobs: int
) -> Iterator[list[int]]:
    """The ids indexed, batch by batch, in this process or in the pool's."""
    batches = documents.published_ids(batch_size)
    if pool is None:
        yield from map(_index_batch, batches)
        return
    # Eight bytes an id, read by this process: the pool feeds its workers from a thread of
    # its own, and a query there would open a connection nobody closes.
    ready = (array("q", batch) for batch in batches)
    if backend.concurrent_writers:
        yield from pool.imap_unordered(_index_batch, list(ready))
        return
    # One writer: each worker has at most two batches waiting for it, so that workers
    # faster than the writer do not pile the archive up in memory.
    waiting: collections.deque[multiprocessing.pool.AsyncResult[tuple[list[int], Any]]]
    waiting = collections.deque()
    for batch in ready:
        waiting.append(pool.apply_async(_prepare_batch, (batch,)))
        if len(waiting) >= 2 * jobs:
            yield _write(waiting.popleft().get())
    while waiting:
        yield _write(waiting.popleft().get())
