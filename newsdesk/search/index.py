"""Keeping the index in step with what readers can see.

Publishing announces every change with ``content_changed`` after the transaction commits
(:mod:`newsdesk.publishing.events`); :mod:`.handlers` passes it here. A publish or update
reindexes the article from its published row; anything else removes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import documents
from .backends import get_backend

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


def rebuild(*, batch_size: int = BATCH_SIZE) -> RebuildReport:
    """Index every published article in batches, then drop entries of articles that are
    no longer published. The index stays usable throughout: nothing is cleared first."""
    backend = get_backend()
    live: set[int] = set()
    with backend.loading():
        for batch in documents.published_ids(batch_size):
            found = documents.build(batch)
            backend.index(found)
            live.update(document.article_id for document in found)
    stale = [pk for pk in backend.indexed_ids() if pk not in live]
    for start in range(0, len(stale), batch_size):
        backend.remove(stale[start : start + batch_size])
    return RebuildReport(indexed=len(live), removed=len(stale))
