"""The index follows ``content_changed``: publish and update reindex, the rest removes."""

from __future__ import annotations

import logging
from typing import Any

from django.dispatch import receiver

from newsdesk.publishing.events import content_changed

from .index import index_articles, remove_articles

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
