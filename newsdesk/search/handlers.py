"""The index follows ``content_changed``: publish and update reindex, the rest removes."""

from __future__ import annotations

import logging
from typing import Any

from django.dispatch import receiver

from newsdesk.publishing.events import content_changed, content_loaded
from newsdesk.publishing.reconcile import Finding, reconciling

from . import documents
from .backends import get_backend
from .index import BATCH_SIZE, index_articles, remove_articles

logger = logging.getLogger(__name__)

REINDEX = frozenset({"publish", "update"})


@receiver(content_changed)
def on_content_changed(sender: Any, instance: Any, verb: str, **kwargs: Any) -> None:
    from newsdesk.articles.models import Article

    if not isinstance(instance, Article) or instance.pk is None:
        return
    try:
        if verb in REINDEX:
            index_articles([instance.pk])
        else:
            remove_articles([instance.pk])
    except Exception:
        # The change is committed; a failed index update must not turn it into an error
        # page for the editor. ``rebuild_search_index`` brings the index back in step.
        logger.exception("Search index not updated for article %s (%s)", instance.pk, verb)


@receiver(content_loaded, dispatch_uid="search.loaded")
def on_content_loaded(sender: Any, ids: list[int], **kwargs: Any) -> None:
    """Articles written in bulk (an import's batch): indexed a batch of documents at a time."""
    from newsdesk.articles.models import Article

    if sender is not Article:
        return
    for start in range(0, len(ids), BATCH_SIZE):
        index_articles(ids[start : start + BATCH_SIZE])


@receiver(reconciling, dispatch_uid="search.reconcile")
def reconcile_index(sender: Any, repair: bool, **kwargs: Any) -> list[Finding]:
    """Published articles without a document, documents of articles no longer published."""
    published: set[int] = set()
    for batch in documents.published_ids(BATCH_SIZE):
        published.update(batch)
    indexed = set(get_backend().indexed_ids())
    missing, stale = sorted(published - indexed), sorted(indexed - published)
    if repair:
        for start in range(0, len(missing), BATCH_SIZE):
            index_articles(missing[start : start + BATCH_SIZE])
        if stale:
            remove_articles(stale)
    return [Finding("search", f"article {pk} not indexed") for pk in missing] + [
        Finding("search", f"article {pk} indexed but not published") for pk in stale
    ]
