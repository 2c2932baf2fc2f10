"""PostgreSQL full-text search: ``search_document.vector`` with a GIN index.

The vector is built from our own keys with the ``simple`` configuration (no dictionary,
no stemming of its own): headline weighted A, lead and tag names B, body C, and the filter
words D. A query takes the newest :data:`~.base.CANDIDATES` matches of the edition and
``ts_rank`` runs on those rows only, read by their keys in one last statement, on a
second, small vector kept in the row: the headline's, lead's and tags' words (decision
0070). The body's words find an article but do not rank it: among matches with none of
the words in the headline, lead or tags, the newest come first.

The matches are looked for month by month, newest first, in tiers (decision 0067). Each
document carries its edition and the UTC month it was published in as filter words, so a
tier is a query the word index answers alone (the words, the edition's word, any of the
tier's months): only the matches inside those months are read from the table. The first
tier is the newest 1/32 of the edition's months; each next one is sized by how many
matches the months before it held, and the search stops once the candidates are found,
which then hold every match newer than the last tier's start. The words are only ever
looked up through the word index (decision 0065): the planner, multiplying word
frequencies as if independent, would otherwise read the whole table for words frequent
in the other edition.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
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
    tags text, vector tsvector, rank_vector tsvector
) ON COMMIT DELETE ROWS
"""
COPY = "COPY search_incoming FROM STDIN"
UPSERT = """
INSERT INTO search_document
    (article_id, key, edition, section_id, labels, published_at, headline, lead, body, tags,
     vector, rank_vector)
SELECT article_id, key, edition, section_id, labels, published_at, headline, lead, body, tags,
    vector, rank_vector
FROM search_incoming
ON CONFLICT (article_id) DO UPDATE SET
    key = EXCLUDED.key, edition = EXCLUDED.edition, section_id = EXCLUDED.section_id,
    labels = EXCLUDED.labels, published_at = EXCLUDED.published_at,
    headline = EXCLUDED.headline, lead = EXCLUDED.lead, body = EXCLUDED.body,
    tags = EXCLUDED.tags, vector = EXCLUDED.vector, rank_vector = EXCLUDED.rank_vector
"""
# The word index, as migrations 0001 and 0003 leave it: dropped while an empty index is
# filled in bulk and built once at the end, which is many times cheaper than growing it row
# by row. Its pending list is short (``gin_pending_list_limit``, in kB): a search reads
# all of it, each entry tested against each word of the query, until it is merged
# (decision 0067).
WORD_INDEX = "search_document_vector"
PENDING_LIMIT = 256
CREATE_WORD_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {WORD_INDEX} ON search_document USING gin (vector) "
    f"WITH (gin_pending_list_limit = {PENDING_LIMIT})"
)
BUILD_MEMORY = "512MB"

# The first tier of months searched: 1/32 of the edition's months (about four of ten
# years), which holds the newest 1,000 matches of two common words.
FIRST_TIER = 32
# A tier after the first covers what the matches found so far say will hold the rest of
# the candidates, with this margin; at least half the months searched so far (so a
# thinning archive is still crossed in a few steps).
MARGIN = 1.5

# The query is our keys quoted and joined by AND (``vectors.query``): no operator typed
# by a reader could mean anything, and the keys hold only letters and digits anyway.
SPAN = """
SELECT min(published_at), max(published_at), (
    SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'search_document'::regclass
) FROM search_document WHERE edition = %(edition)s{dates}
"""
# (The edition is the query's filter word alone: a condition on the edition's column would
# let the planner read every row of the edition through the time index to test its words.)
TIER = """
SELECT article_id FROM search_document WHERE vector @@ %(match)s::tsquery{months}{dates}
ORDER BY published_at DESC, article_id DESC LIMIT %(wanted)s
"""
# A wide tier's months are a condition of their own on the word index, not part of the
# words' query: the index then takes two keys and steps through both together, each
# skipping to the other's next row, and reads few of the months' postings. Joined into
# one query ("words & (m1 | m2 | …)"), the months, each rarer than a common word, are
# what the index walks: every posting of every month of the tier (36 months: 300,000
# postings, 61 ms; apart: 4 ms). But apart, the words' key walks its own rarest word's
# postings to the end when it has no match (Ukrainian words in the English edition), so
# a narrow tier, whose months hold fewer postings than this, keeps them in its query:
# then the index walks at most those.
MONTHS = " AND vector @@ %(months)s::tsquery"
MONTHS_INSIDE = 50_000
# Ranking reads the small vector kept in the row (decision 0070); a row written before it
# existed ranks on the same words filtered from its whole vector, read out of line.
RANK = """
SELECT article_id, extract(epoch FROM published_at)::float8,
    ts_rank(%(weights)s::float4[], coalesce(rank_vector, ts_filter(vector, '{a,b}')),
        %(terms)s::tsquery)
FROM search_document WHERE article_id = ANY(%(ids)s)
"""

# Each document also carries the month it was published in (UTC) as a filter word, so
# that a tier is looked for in the word index alone: its matches are the postings of the
# query's words that are also among the few thousand of the tier's months, and only
# those rows are read from the table. Searched for by the range alone, every match of
# two common words in the whole archive was read to be tested against it (74,502 rows,
# 39,657 table pages at 1,000,000 articles).
PERIOD = "pm"


def period_word(published_at: dt.datetime) -> str:
    return f"{PERIOD}{published_at.astimezone(dt.UTC):%Y%m}"


def word_vectors(document: IndexDocument) -> tuple[str, str]:
    """The document's vector (headline A, lead and tag names B, body C, filter words D)
    and its ranking vector: the A and B words alone, as ``ts_filter(vector, '{a,b}')``
    has them (they come first, so their positions are the same)."""
    facets = facet_words(
        edition=document.edition, section_id=document.section_id, labels=document.labels
    )
    ranked = [(keys(document.headline), "A"), (keys(document.lead) + keys(document.tags), "B")]
    whole = vectors.vector(
        [
            *ranked,
            (keys(document.body), "C"),
            ([*facets.split(), period_word(document.published_at)], "D"),
        ]
    )
    return whole, vectors.vector(ranked)


def months_back(newest: dt.datetime, oldest: dt.datetime) -> list[dt.datetime]:
    """The first instants of the UTC months from ``newest``'s back to ``oldest``'s."""
    newest, oldest = newest.astimezone(dt.UTC), oldest.astimezone(dt.UTC)
    month = dt.datetime(newest.year, newest.month, 1, tzinfo=dt.UTC)
    months = []
    while month > oldest or (month.year, month.month) == (oldest.year, oldest.month):
        months.append(month)
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return months


def next_tier(*, found: int, searched: int, wanted: int) -> int:
    """How many more months to search, ``found`` matches (at least one) having been found
    in the newest ``searched`` months and ``wanted`` being the candidates still missing."""
    return max(math.ceil(wanted * searched / found * MARGIN), (searched + 1) // 2)


class PostgreSQLBackend:
    concurrent_writers = True

    def prepare(self, documents: Sequence[IndexDocument]) -> list[tuple[Any, ...]]:
        """The rows to copy: each document with its word and ranking vectors."""
        return [
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
                *word_vectors(d),
            )
            for d in documents
        ]

    def write(self, prepared: list[tuple[Any, ...]]) -> None:
        if not prepared:
            return
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.execute(INCOMING)
            with cursor.copy(COPY) as copy:
                for row in prepared:
                    copy.write_row(row)
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
        params: dict[str, Any] = {"edition": query.edition}
        if query.start is not None:
            dates += " AND published_at >= %(start)s"
            params["start"] = query.start
        if query.end is not None:
            dates += " AND published_at < %(end)s"
            params["end"] = query.end
        # The edition's own filter word too: words common in the other edition are then
        # never read from the table to be refused by the edition column.
        match = vectors.query([*query.terms, *query_facets(query), edition_word(query.edition)])
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            # The planner multiplies the frequencies of a query's words as if they were
            # independent: an English word frequent in the English edition, searched for
            # with the Ukrainian edition's word, looked like 110,000 matches, and reading
            # the whole table looked cheaper than the word index (15 s for none at
            # 1,000,000). The words are only ever looked up through the word index.
            # (One statement with the first query: the cursor binds on the client.)
            cursor.execute(f"SET LOCAL enable_seqscan = off; {SPAN.format(dates=dates)}", params)
            cursor.nextset()
            oldest, newest, documents = cursor.fetchone()
            if newest is None:
                return finish([], query)
            months = months_back(newest, oldest)
            found = self._newest_matches(
                cursor, match, months, documents / len(months), dates, params
            )
            cursor.execute(
                RANK, {"weights": WEIGHTS, "terms": vectors.query(query.terms), "ids": found}
            )
            rows = cursor.fetchall()
        candidates = [
            Candidate(
                article_id=article_id,
                published_at=dt.datetime.fromtimestamp(published, tz=dt.UTC),
                relevance=rank,
            )
            for article_id, published, rank in rows
        ]
        return finish(candidates, query)

    @staticmethod
    def _newest_matches(
        cursor: Any,
        match: str,
        months: list[dt.datetime],
        monthly: float,
        dates: str,
        params: dict[str, Any],
    ) -> list[int]:
        """The ids of the newest :data:`CANDIDATES` matches, newest first, searched for in
        tiers of months, newest first: each tier is a query the word index answers alone
        (the words, and any of the tier's months), so only its own matches are read from
        the table. Once the matches reach the candidates every match newer than the last
        tier's start has been found. When the matches found so far say the rest of the
        archive holds about what is still wanted, or nothing was found in the newest
        months, the rest is searched by the words alone and the time: one statement,
        reading every match it holds from the table. ``monthly``: about how many documents
        a month holds (both editions: the month words are shared)."""
        found: list[int] = []
        searched, size = 0, max(1, len(months) // FIRST_TIER)
        while len(found) < CANDIDATES and searched < len(months):
            wanted = CANDIDATES - len(found)
            if size < len(months) - searched and (found or not searched):
                tier = " | ".join(
                    vectors.query([period_word(month)])
                    for month in months[searched : searched + size]
                )
                if size * monthly <= MONTHS_INSIDE:
                    statement = TIER.format(months="", dates=dates)
                    values = {**params, "match": f"{match} & ({tier})", "wanted": wanted}
                else:
                    statement = TIER.format(months=MONTHS, dates=dates)
                    values = {**params, "match": match, "months": tier, "wanted": wanted}
                cursor.execute(statement, values)
                searched += size
            else:
                older = {**params, "match": match, "wanted": wanted}
                before = ""
                if searched:
                    before, older["before"] = " AND published_at < %(before)s", months[searched - 1]
                cursor.execute(TIER.format(months="", dates=dates + before), older)
                searched = len(months)
            found += [article_id for (article_id,) in cursor.fetchall()]
            if found:
                size = next_tier(
                    found=len(found), searched=searched, wanted=CANDIDATES - len(found)
                )
        return found
