"""PostgreSQL full-text search: ``search_document.vector`` with a GIN index.

The vector is built from our own keys with the ``simple`` configuration (no dictionary,
no stemming of its own): headline weighted A, lead and tag names B, body C, and the filter
words D. A query takes the newest :data:`~.base.CANDIDATES` matches of the edition and
``ts_rank`` runs on those rows only, each read by its key in the outer query.

The matches are looked for in the newest slice of the edition's time span first (1/32 of
it), then in all of it. Each document carries its edition and the month it was published
in as filter words, so the slice is a query the word index answers alone (the words, the
edition's word, any of the slice's months): only the matches inside those months are read
from the table. The whole span is searched only when the slice held fewer than the
candidates (a one-time filter in the plan), and the candidates are the newest of what was
searched last, which holds every match newer than its start. The words are only ever
looked up through the word index (decision 0065): the planner, multiplying word
frequencies as if independent, would otherwise read the whole table for words frequent
in the other edition.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from django.db import connection, transaction

from .. import vectors
from ..documents import IndexDocument
from ..models import Document
from ..text import keys
from .base import (
    CANDIDATES,
    Candidate,
    Results,
    SearchQuery,
    edition_word,
    facet_words,
    finish,
    query_facets,
)

# ts_rank weights of D, C, B, A. Filter words (D) are never part of the ranked query.
WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"

# A batch is copied into a temporary table, its vectors already in PostgreSQL's text form
# (:mod:`..vectors`), and written in one statement: no statement and no parsing per row.
INCOMING = """
CREATE TEMPORARY TABLE IF NOT EXISTS search_incoming (
    article_id bigint, key bigint, edition varchar(8), section_id integer,
    labels varchar(200), published_at timestamptz, headline text, lead text, body text,
    tags text, vector tsvector
) ON COMMIT DELETE ROWS
"""
COPY = "COPY search_incoming FROM STDIN"
UPSERT = """
INSERT INTO search_document
    (article_id, key, edition, section_id, labels, published_at, headline, lead, body, tags,
     vector)
SELECT article_id, key, edition, section_id, labels, published_at, headline, lead, body, tags,
    vector
FROM search_incoming
ON CONFLICT (article_id) DO UPDATE SET
    key = EXCLUDED.key, edition = EXCLUDED.edition, section_id = EXCLUDED.section_id,
    labels = EXCLUDED.labels, published_at = EXCLUDED.published_at,
    headline = EXCLUDED.headline, lead = EXCLUDED.lead, body = EXCLUDED.body,
    tags = EXCLUDED.tags, vector = EXCLUDED.vector
"""
# The word index, as migration 0001 creates it: dropped while an empty index is filled in
# bulk and built once at the end, which is many times cheaper than growing it row by row.
WORD_INDEX = "search_document_vector"
CREATE_WORD_INDEX = f"CREATE INDEX IF NOT EXISTS {WORD_INDEX} ON search_document USING gin (vector)"
BUILD_MEMORY = "512MB"

# How much of the edition's time span the first slice covers: 1/32 of ten years is about
# four months, which holds the newest 1,000 matches of two common words.
FIRST_SLICE = 32

# The query is our keys quoted and joined by AND (``vectors.query``): no operator typed
# by a reader could mean anything, and the keys hold only letters and digits anyway.
MATCH = "edition = %(edition)s AND vector @@ %(match)s::tsquery{dates}"
SEARCH = """
WITH span AS MATERIALIZED (
    SELECT max(published_at) AS newest, max(published_at) - min(published_at) AS width
    FROM search_document WHERE edition = %(edition)s{dates}
),
slice AS MATERIALIZED (
    SELECT newest - width / {first} AS start, (%(match)s || ' & (' || (
        SELECT string_agg(quote_literal('{period}' || to_char(month, 'YYYYMM')), ' | ')
        FROM generate_series(
            date_trunc('month', (newest - width / {first}) AT TIME ZONE 'UTC'),
            newest AT TIME ZONE 'UTC', interval '1 month'
        ) AS month
    ) || ')')::tsquery AS match
    FROM span
),
recent AS MATERIALIZED (
    SELECT article_id, published_at FROM search_document
    WHERE edition = %(edition)s AND vector @@ (SELECT match FROM slice)
        AND published_at >= (SELECT start FROM slice){dates}
),
every AS MATERIALIZED (
    SELECT article_id, published_at FROM search_document
    WHERE (SELECT count(*) FROM recent) < %(limit)s AND {match}
),
newest AS (
    SELECT article_id, published_at FROM (
        SELECT * FROM recent WHERE (SELECT count(*) FROM recent) >= %(limit)s
        UNION ALL SELECT * FROM every
    ) AS found
    ORDER BY published_at DESC, article_id DESC
    LIMIT %(limit)s
)
SELECT newest.article_id, newest.published_at, (
    SELECT ts_rank('{weights}', document.vector, %(terms)s::tsquery)
    FROM search_document AS document WHERE document.article_id = newest.article_id
) FROM newest
"""

# Each document also carries the month it was published in (UTC) as a filter word, so
# that the slice is looked for in the word index alone: its matches are the postings of
# the query's words that are also among the few thousand of the slice's months, and only
# those rows are read from the table. Searched for by the range alone, every match of
# two common words in the whole archive was read to be tested against it (74,502 rows,
# 39,657 table pages at 1,000,000 articles).
PERIOD = "pm"


def period_word(published_at: dt.datetime) -> str:
    return f"{PERIOD}{published_at.astimezone(dt.UTC):%Y%m}"


def word_vector(document: IndexDocument) -> str:
    """The document's vector: headline A, lead and tag names B, body C, filter words D."""
    facets = facet_words(
        edition=document.edition, section_id=document.section_id, labels=document.labels
    )
    return vectors.vector(
        [
            (keys(document.headline), "A"),
            (keys(document.lead) + keys(document.tags), "B"),
            (keys(document.body), "C"),
            ([*facets.split(), period_word(document.published_at)], "D"),
        ]
    )


def search_sql(*, dates: str) -> str:
    """The statement for a query, ``dates`` being its date conditions (constants only)."""
    match = MATCH.format(dates=dates)
    return SEARCH.format(
        weights=WEIGHTS, dates=dates, match=match, first=FIRST_SLICE, period=PERIOD
    )


class PostgreSQLBackend:
    concurrent_writers = True

    def index(self, documents: Sequence[IndexDocument]) -> None:
        if not documents:
            return
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.execute(INCOMING)
            with cursor.copy(COPY) as copy:
                for d in documents:
                    copy.write_row(
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
                            word_vector(d),
                        )
                    )
            cursor.execute(UPSERT)
            # Within a longer transaction (a test's) the next batch must not see this one.
            cursor.execute("TRUNCATE search_incoming")

    @contextlib.contextmanager
    def loading(self) -> Iterator[None]:
        """Many batches to come. Into an empty index they go without the word index, built
        once at the end; the table's statistics are renewed either way, since the plan of a
        query depends on them.

        Inside a caller's transaction (a test's, a restore's) the word index stays: dropping
        it would lock readers out until that commit, and PostgreSQL builds no index on a
        table whose rows still have constraint checks pending."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM search_document)")
            (filled,) = cursor.fetchone()
            bulk = not filled and not connection.in_atomic_block
            if bulk:
                cursor.execute(f"DROP INDEX IF EXISTS {WORD_INDEX}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                if bulk:
                    cursor.execute(f"SET maintenance_work_mem = '{BUILD_MEMORY}'")
                    cursor.execute(CREATE_WORD_INDEX)
                    cursor.execute("RESET maintenance_work_mem")
                cursor.execute("ANALYZE search_document")

    def remove(self, article_ids: Sequence[int]) -> None:
        Document.objects.filter(article_id__in=list(article_ids)).delete()

    def indexed_ids(self) -> Iterator[int]:
        return Document.objects.values_list("article_id", flat=True).iterator()

    def search(self, query: SearchQuery) -> Results:
        if not query.terms:
            return Results(hits=[], total=0, more=False)
        dates = ""
        params: dict[str, Any] = {
            "terms": vectors.query(query.terms),
            "edition": query.edition,
            # The edition's own filter word too: words common in the other edition are
            # then never read from the table to be refused by the edition column.
            "match": vectors.query(
                [*query.terms, *query_facets(query), edition_word(query.edition)]
            ),
            "limit": CANDIDATES,
        }
        if query.start is not None:
            dates += " AND published_at >= %(start)s"
            params["start"] = query.start
        if query.end is not None:
            dates += " AND published_at < %(end)s"
            params["end"] = query.end
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            # The planner multiplies the frequencies of a query's words as if they were
            # independent: an English word frequent in the English edition, searched for
            # with the Ukrainian edition's word, looked like 110,000 matches, and reading
            # the whole table looked cheaper than the word index (15 s for none at
            # 1,000,000). The words are only ever looked up through the word index.
            # (One statement with the search: the cursor binds on the client.)
            cursor.execute(f"SET LOCAL enable_seqscan = off; {search_sql(dates=dates)}", params)
            cursor.nextset()
            rows = cursor.fetchall()
        candidates = [
            Candidate(article_id=article_id, published_at=published_at, relevance=rank)
            for article_id, published_at, rank in rows
        ]
        return finish(candidates, query)
