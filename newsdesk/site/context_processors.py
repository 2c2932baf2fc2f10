"""What every reader page may show beside its own content, read through the cache.

Both values are lazy: a page that does not show them (the admin, an error page) never
reads them, and a page that does pays no query while the cache holds them.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import DatabaseError
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from newsdesk.breaking.current import current
from newsdesk.frontcache import keys as surrogate
from newsdesk.readership.ranking import most_read

from .middleware import edition_of_path

logger = logging.getLogger(__name__)


def _banner(edition: str) -> Any:
    try:
        return current(edition)
    except DatabaseError:
        logger.warning("Breaking banner unavailable", exc_info=True)
        return None


def _most_read(edition: str) -> Any:
    try:
        found = most_read(edition)
    except DatabaseError:
        logger.warning("Most-read list unavailable", exc_info=True)
        return []
    surrogate.note_articles(item.article_id for item in found)
    return found


def reader(request: HttpRequest) -> dict[str, Any]:
    edition = edition_of_path(request.path)
    if edition is None:
        return {}
    return {
        "breaking": SimpleLazyObject(lambda: _banner(edition)),
        "most_read": SimpleLazyObject(lambda: _most_read(edition)),
    }
