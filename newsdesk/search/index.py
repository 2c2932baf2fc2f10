"""Keeping the index in step with what readers can see.

Publishing announces every change with ``content_changed`` after the transaction commits
(:mod:`newsdesk.publishing.events`); :mod:`.handlers` passes it here. A publish or update
reindexes the article from its published row; anything else removes it.
"""

from __future__ import annotations

import multiprocessing
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.db import connection, connections

from . import documents
from .backends import SearchBackend, get_backend

BATCH_SIZE = 500


def index_articles(article_ids: Sequence[int]) -> int:
    """Reindex these articles as readers see them now; those not published are removed.
    Returns how many were indexed."""
    backend = get_backend()
    found = documents.build(article_ids)
    backend.index(found)
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

    With ``jobs`` above one and a database that takes concurrent writers (PostgreSQL),
    that many processes build and write the batches side by side: most of a document's
    cost is Python making its keys and vector, one core's work, while the database writes
    the batch before. Inside a transaction (a test's) the batches run here, in order."""
    backend = get_backend()
    live: set[int] = set()
    with backend.loading():
        for indexed in _index_all(backend, batch_size, jobs):
            live.update(indexed)
    stale = [pk for pk in backend.indexed_ids() if pk not in live]
    for start in range(0, len(stale), batch_size):
        backend.remove(stale[start : start + batch_size])
    return RebuildReport(indexed=len(live), removed=len(stale))


def _index_batch(article_ids: Sequence[int]) -> list[int]:
    found = documents.build(article_ids)
    get_backend().index(found)
    return [document.article_id for document in found]


def _index_all(backend: SearchBackend, batch_size: int, jobs: int) -> Iterator[list[int]]:
    """The ids indexed, batch by batch, in this process or in ``jobs`` forked ones."""
    batches = documents.published_ids(batch_size)
    if jobs <= 1 or not backend.concurrent_writers or connection.in_atomic_block:
        yield from map(_index_batch, batches)
        return
    # Read here, before the fork: a pool feeds its workers from a thread of its own, and a
    # query there would open a connection nobody closes. Eight bytes an id.
    ready = [array("q", batch) for batch in batches]
    # A forked worker must not inherit an open connection: two processes would talk over
    # one socket. Each opens its own on its first query.
    connections.close_all()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap_unordered(_index_batch, ready)
