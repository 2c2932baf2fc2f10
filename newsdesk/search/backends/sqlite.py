"""SQLite FTS5: the embedded default.

``search_fts`` holds each document's keys (never the reader's text) in the columns
headline, lead, body (each key once), tags and facets, under a rowid that orders by
published time (``Document.key``); for each key it keeps the columns it is in, not its
positions (decision 0072). A query matches the text columns and the filter words, walks the
matches newest first (FTS5 reads its doclists in rowid order and stops at the LIMIT), and
ranks only those :data:`~.base.CANDIDATES` rows, on the keys of their headline, lead and
tags as PostgreSQL does (decision 0070): ``ORDER BY rank`` would score every match of a
common word in the archive before returning one, and FTS5's ``bm25`` on the candidates
read every one's positions in its body, 30 to 50 ms for 1,000 at a million articles.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from ..documents import KEY_ID_BITS, KEY_ID_MASK, IndexDocument, key_bounds
from ..models import Document
from ..text import distinct_key_text, key_text
from .base import CANDIDATES, Candidate, Results, SearchQuery, facet_words, finish, query_facets

# What a match in each ranked column is worth, as PostgreSQL's weights A and B; a word's
# repeats count less and less (term frequency saturating as in BM25, k1 = 1.2).
WEIGHTS = {"headline": 10.0, "lead": 4.0, "tags": 4.0}
SATURATION = 1.2
NEWEST = (
    "SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND rowid BETWEEN %s AND %s "
    "ORDER BY rowid DESC LIMIT %s"
)
TEXT_COLUMNS = "{headline lead body tags}"
INSERT_KEYS = (
    "INSERT INTO search_fts (rowid, headline, lead, body, tags, facets) "
    "VALUES (%s, %s, %s, %s, %s, %s)"
)
INSERT_DOCUMENT = (
    "INSERT INTO search_document (article_id, key, edition, section_id, labels, "
    "published_at, headline, lead, body, tags) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


@dataclass(frozen=True)
class Prepared:
    """Rows to write: the documents' (``search_document``'s columns) and their keys'
    (``search_fts``'s, under the document's key as rowid)."""

    documents: list[tuple[Any, ...]]
    keys: list[tuple[int, str, str, str, str, str]]


# A rebuild's connection: a 256 MB page cache (negative: in KiB) and the file read
# through memory, up to 4 GiB of it.
LOADING_PRAGMAS = {"cache_size": -262_144, "mmap_size": 4 << 30}


def _pragma(cursor: Any, name: str) -> int | None:
    """A pragma's value; ``None`` where it does not apply (no file to map in memory)."""
    cursor.execute(f"PRAGMA {name}")
    row = cursor.fetchone()
    return None if row is None else int(row[0])


def _phrase(word: str) -> str:
    # Keys hold only letters and digits; quoting still makes each one a plain string to
    # FTS5, whatever it is.
    return '"' + word.replace('"', '""') + '"'


def match_expression(terms: Sequence[str], facets: Sequence[str]) -> str:
    """An FTS5 query made only of our own quoted words: every term in a text column, every
    filter word in the facets column."""
    expression = f"{TEXT_COLUMNS} : ({' AND '.join(_phrase(term) for term in terms)})"
    if facets:
        expression += f" AND facets : ({' AND '.join(_phrase(word) for word in facets)})"
    return expression


class SQLiteBackend:
    # SQLite has one writer at a time: other processes would wait for its lock.
    concurrent_writers = False

    def prepare(self, documents: Sequence[IndexDocument]) -> Prepared:
        """Each document's row, and its row of keys for FTS5."""
        adapt = connection.ops.adapt_datetimefield_value
        return Prepared(
            documents=[
                (
                    d.article_id,
                    d.key,
                    d.edition,
                    d.section_id,
                    " ".join(d.labels),
                    adapt(d.published_at),
                    d.headline,
                    d.lead,
                    d.body,
                    d.tags,
                )
                for d in documents
            ],
            keys=[
                (
                    d.key,
                    key_text(d.headline),
                    key_text(d.lead),
                    # Repeats rank a headline, a lead, tags; a body they only lengthen.
                    distinct_key_text(d.body),
                    key_text(d.tags),
                    facet_words(edition=d.edition, section_id=d.section_id, labels=d.labels),
                )
                for d in documents
            ],
        )

    def write(self, prepared: Prepared) -> None:
        if not prepared.documents:
            return
        # No savepoint inside a caller's transaction: FTS5 writes what it holds in memory
        # to disk at every savepoint, a segment to merge later.
        with transaction.atomic(savepoint=False):
            # The delete trigger takes the old FTS rows with the documents.
            Document.objects.filter(article_id__in=[row[0] for row in prepared.documents]).delete()
            with connection.cursor() as cursor:
                cursor.executemany(INSERT_DOCUMENT, prepared.documents)
                cursor.executemany(INSERT_KEYS, prepared.keys)

    @contextlib.contextmanager
    def loading(self) -> Iterator[None]:
        """Many batches to come: FTS5 merges the segments the batches write again and
        again, reading back what it wrote, and at the end merges them into one, so that a
        query reads one doclist per word rather than hundreds.

        Meanwhile the connection keeps a large page cache and reads the file through
        memory: with SQLite's default 2 MB cache every merge read its pages again with a
        system call each (a third of a 20,000-article rebuild's time, more as the index
        grows). Both are put back afterwards, for a connection that lives on."""
        with connection.cursor() as cursor:
            before = {name: _pragma(cursor, name) for name in LOADING_PRAGMAS}
            before = {name: value for name, value in before.items() if value is not None}
            for name in before:
                cursor.execute(f"PRAGMA {name} = {LOADING_PRAGMAS[name]}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
                for name, value in before.items():
                    cursor.execute(f"PRAGMA {name} = {value}")

    def remove(self, article_ids: Sequence[int]) -> None:
        Document.objects.filter(article_id__in=list(article_ids)).delete()

    def indexed_ids(self) -> Iterator[int]:
        return Document.objects.values_list("article_id", flat=True).iterator()

    def search(self, query: SearchQuery) -> Results:
        if not query.terms:
            return Results(hits=[], total=0, more=False)
        low, high = key_bounds(query.start, query.end)
        facets = [f"ed{query.edition}", *query_facets(query)]
        with connection.cursor() as cursor:
            cursor.execute(NEWEST, [match_expression(query.terms, facets), low, high, CANDIDATES])
            rowids = [rowid for (rowid,) in cursor.fetchall()]
            ranked = _ranked_columns(cursor, rowids)
        terms = set(query.terms)
        candidates = [
            Candidate(
                article_id=rowid & KEY_ID_MASK,
                published_at=dt.datetime.fromtimestamp(rowid >> KEY_ID_BITS, tz=dt.UTC),
                relevance=relevance(terms, ranked.get(rowid, {})),
            )
            for rowid in rowids
        ]
        return finish(candidates, query)


def _ranked_columns(cursor: Any, rowids: list[int]) -> dict[int, dict[str, str]]:
    """The ranked columns' keys of these rows, as FTS5 holds them (one statement)."""
    if not rowids:
        return {}
    columns = ", ".join(WEIGHTS)
    cursor.execute(
        f"SELECT rowid, {columns} FROM search_fts "  # noqa: S608 - constants only
        f"WHERE rowid IN ({', '.join(['%s'] * len(rowids))})",
        rowids,
    )
    return {rowid: dict(zip(WEIGHTS, texts, strict=True)) for rowid, *texts in cursor.fetchall()}


def relevance(terms: set[str], columns: dict[str, str]) -> float:
    """How well a row's headline, lead and tags (space-separated keys) match ``terms``:
    each column's weight for each term found there, the more repeats the less each adds."""
    score = 0.0
    for column, text in columns.items():
        keys = text.split()
        for term in terms:
            found = keys.count(term)
            if found:
                score += WEIGHTS[column] * found / (found + SATURATION)
    return score
