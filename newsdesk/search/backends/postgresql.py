"""PostgreSQL full-text search: ``search_document.vector`` with a GIN index.

The vector is built from our own keys with the ``simple`` configuration (no dictionary,
no stemming of its own): headline weighted A, lead and tag names B, body C, and the filter
words D. A query takes the newest :data:`~.base.CANDIDATES` matches of the edition by
``(edition, published_at DESC)``, and ``ts_rank`` runs on those rows only, in the outer
query. For a common word the planner walks that index newest first and stops at the
limit; for a rare one it reads the few GIN matches and sorts them. Either way no query
ranks every match in the archive.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from django.db import connection

from ..documents import IndexDocument
from ..models import Document
from ..text import key_text
from .base import CANDIDATES, Candidate, Results, SearchQuery, facet_words, finish, query_facets

# ts_rank weights of D, C, B, A. Filter words (D) are never part of the ranked query.
WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"

UPSERT = """
INSERT INTO search_document
    (article_id, key, edition, section_id, labels, published_at, headline, lead, body, tags,
     vector)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s,
    setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B')
    || setweight(to_tsvector('simple', %s), 'C') || setweight(to_tsvector('simple', %s), 'D'))
ON CONFLICT (article_id) DO UPDATE SET
    key = EXCLUDED.key, edition = EXCLUDED.edition, section_id = EXCLUDED.section_id,
    labels = EXCLUDED.labels, published_at = EXCLUDED.published_at,
    headline = EXCLUDED.headline, lead = EXCLUDED.lead, body = EXCLUDED.body,
    tags = EXCLUDED.tags, vector = EXCLUDED.vector
"""

# plainto_tsquery reads its argument as plain words joined by AND: no operator typed by
# a reader could mean anything, and the argument is made of our keys anyway.
SEARCH = """
SELECT newest.article_id, newest.published_at,
       ts_rank('{weights}', newest.vector, plainto_tsquery('simple', %s))
FROM (
    SELECT article_id, published_at, vector FROM search_document
    WHERE edition = %s AND vector @@ plainto_tsquery('simple', %s){dates}
    ORDER BY published_at DESC, article_id DESC
    LIMIT %s
) AS newest
"""


class PostgreSQLBackend:
    def index(self, documents: Sequence[IndexDocument]) -> None:
        if not documents:
            return
        rows = [
            (
                d.article_id,
                d.key,
                d.edition,
                d.section_id,
                " ".join(d.labels),
                d.published_at,
                d.headline,
                d.lead,
                d.body,
                d.tags,
                key_text(d.headline),
                f"{key_text(d.lead)} {key_text(d.tags)}",
                key_text(d.body),
                facet_words(edition=d.edition, section_id=d.section_id, labels=d.labels),
            )
            for d in documents
        ]
        with connection.cursor() as cursor:
            cursor.executemany(UPSERT, rows)

    def remove(self, article_ids: Sequence[int]) -> None:
        Document.objects.filter(article_id__in=list(article_ids)).delete()

    def indexed_ids(self) -> Iterator[int]:
        return Document.objects.values_list("article_id", flat=True).iterator()

    def search(self, query: SearchQuery) -> Results:
        if not query.terms:
            return Results(hits=[], total=0, more=False)
        terms = " ".join(query.terms)
        dates, date_params = "", list[Any]()
        if query.start is not None:
            dates += " AND published_at >= %s"
            date_params.append(query.start)
        if query.end is not None:
            dates += " AND published_at < %s"
            date_params.append(query.end)
        sql = SEARCH.format(weights=WEIGHTS, dates=dates)
        params: list[Any] = [
            terms,
            query.edition,
            " ".join([terms, *query_facets(query)]),
            *date_params,
            CANDIDATES,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        candidates = [
            Candidate(article_id=article_id, published_at=published_at, relevance=rank)
            for article_id, published_at, rank in rows
        ]
        return finish(candidates, query)
