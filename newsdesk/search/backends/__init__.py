"""Search backends: one per database vendor, chosen from the connection (no setting)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from .base import CANDIDATES, Hit, Results, SearchBackend, SearchQuery
from .postgresql import PostgreSQLBackend
from .sqlite import SQLiteBackend

__all__ = [
    "CANDIDATES",
    "Hit",
    "PostgreSQLBackend",
    "Results",
    "SQLiteBackend",
    "SearchBackend",
    "SearchQuery",
    "get_backend",
]

BY_VENDOR: dict[str, type[SearchBackend]] = {
    "sqlite": SQLiteBackend,
    "postgresql": PostgreSQLBackend,
}


def get_backend() -> SearchBackend:
    """The backend of the database in use (its index tables come with the migrations)."""
    try:
        return BY_VENDOR[connection.vendor]()
    except KeyError:
        raise ImproperlyConfigured(
            f"Search has no backend for the {connection.vendor} database."
        ) from None
