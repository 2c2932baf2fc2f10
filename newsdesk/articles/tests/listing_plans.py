"""What the tag and author plan tests share: the plan of a listing's heads query, as
the listing pages run it, and the rows PostgreSQL read from an index in it."""

from __future__ import annotations

import re

from django.db import connection

from newsdesk.articles.query import ArticleQuerySet, Cursor
from newsdesk.site import feed_items

SLICE = 30


def plan(listing: ArticleQuerySet, cursor: Cursor | None) -> str:
    """The plan of the listing's slice after ``cursor``: its heads, newest first, one more
    than a slice (SQLite's ``EXPLAIN QUERY PLAN``, PostgreSQL's ``EXPLAIN ANALYZE``)."""
    query = listing.newest_first().before(cursor).values(*feed_items.HEAD_FIELDS)[: SLICE + 1]
    sql, params = query.query.sql_with_params()
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
    with connection.cursor() as db:
        db.execute(prefix + sql, params)
        rows = db.fetchall()
    return "\n".join(str(row[-1]) for row in rows)


def read_from_index(plan: str, index: str) -> int:
    """How many rows PostgreSQL read from ``index`` (``EXPLAIN ANALYZE``)."""
    line = next(line for line in plan.splitlines() if index in line)
    found = re.search(r"actual time=\S+ rows=(\d+)", line)
    assert found is not None, plan
    return int(found.group(1))
