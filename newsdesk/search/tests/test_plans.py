"""The work of a query is bounded by the candidates, not by the archive: what each
database is asked to do, read from its own plan."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.search import vectors
from newsdesk.search.backends import PostgreSQLBackend, SearchQuery, postgresql, sqlite
from newsdesk.search.backends.base import CANDIDATES, facet_words
from newsdesk.search.text import keys, parse_query

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the PostgreSQL backend's plan"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 backend's plan")


# An archive of 20,000 documents, one every three hours back from a fixed time (about 83
# months): "common" in every one, "half" in every other, "rare" in one of them about
# six and a half years old. Written straight into the index (their articles need not
# exist: the foreign key is checked at a commit, and the rows are gone before the test's
# end), then analysed, as production tables are.
NEWEST = dt.datetime(2026, 6, 15, 12, 0, tzinfo=dt.UTC)
ARCHIVE = """
INSERT INTO search_document
    (article_id, key, edition, section_id, labels, published_at, headline, lead, body, tags,
     vector)
SELECT 10000000 + n, n, 'uk', 1, '', published_at, 'h', '', '', '',
    setweight(to_tsvector('simple', 'common'
        || CASE WHEN n %% 2 = 0 THEN ' half' ELSE '' END
        || CASE WHEN n = 19000 THEN ' rare' ELSE '' END), 'A')
    || setweight(to_tsvector('simple', 'eduk sec1 pm'
        || to_char(published_at AT TIME ZONE 'UTC', 'YYYYMM')), 'D')
FROM generate_series(1, 20000) AS n,
    LATERAL (SELECT %s - n * interval '3 hours' AS published_at) AS at
"""


@pytest.fixture
def archive(db):
    with connection.cursor() as cursor:
        cursor.execute(ARCHIVE, [NEWEST])
        cursor.execute("ANALYZE search_document")
    yield
    with connection.cursor() as cursor:  # before Django checks the deferred foreign keys
        cursor.execute("DELETE FROM search_document WHERE article_id >= 10000000")


def _search(text: str) -> tuple[tuple[int, ...], list[str]]:
    """The candidates' ids and the plan of each tier the search ran."""
    with CaptureQueriesContext(connection) as queries:
        results = PostgreSQLBackend().search(SearchQuery(terms=tuple(text.split()), edition="uk"))
    tiers = [q["sql"] for q in queries if "vector @@" in q["sql"] and "ts_rank" not in q["sql"]]
    plans = []
    with connection.cursor() as cursor:
        for sql in tiers:
            cursor.execute("EXPLAIN ANALYZE " + sql)
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return results.matched, plans


def _rows_read(plan: str) -> int:
    """The rows a tier read from the table."""
    heap = re.search(r"Bitmap Heap Scan on search_document .*?actual time=\S+ rows=(\d+)", plan)
    assert heap, plan
    return int(heap[1])


MONTHS_APART = re.compile(
    r"Index Cond: \(\(vector @@ '[^)]*common[^)]*'::tsquery\) AND \(vector @@ '[^)]*pm20"
)

MONTHS_INSIDE = re.compile(
    r"Index Cond: \(vector @@ '[^)]*common[^)]*& \( '[^)]*pm20[^)]*\)'::tsquery\)$", re.M
)


def _matches_of(n: int) -> int:
    return 10000000 + n


@postgresql_only
@pytest.mark.parametrize("wide", [False, True], ids=["narrow-tiers", "wide-tiers"])
def test_postgresql_finds_common_words_in_the_newest_months_only(archive, monkeypatch, wide):
    if wide:  # as a tier of a large archive is: its months hold many postings
        monkeypatch.setattr(postgresql, "MONTHS_INSIDE", 0)
    matched, plans = _search("half common")
    # The newest 1,000 of the 10,000 matches: every other document back from the newest.
    assert sorted(matched) == [_matches_of(n) for n in range(2, 2001, 2)]
    # Two tiers of months (2, then the 14 the first one's matches called for), each answered
    # by the word index, each reading only its own matches from the table.
    assert len(plans) == 2
    assert all("Bitmap Index Scan on search_document_vector" in plan for plan in plans)
    assert all("'pm20" in plan and "Rows Removed by" not in plan for plan in plans)
    # A wide tier's months are a key of their own beside the words' (decision 0070): the
    # index steps through the two together instead of reading every posting of the
    # tier's months. A narrow tier's are in the words' query: the index reads at most
    # their postings, even for words that have no match.
    assert [bool(MONTHS_APART.search(plan)) for plan in plans] == [wide, wide]
    assert [bool(MONTHS_INSIDE.search(plan)) for plan in plans] == [not wide, not wide]
    assert sum(map(_rows_read, plans)) < 2 * CANDIDATES


@postgresql_only
def test_postgresql_reads_a_rare_word_from_the_word_index_alone(archive):
    matched, plans = _search("rare")
    assert matched == (_matches_of(19000),)
    # None in the newest two months: the rest of the archive is searched by the word alone
    # and the time, and only its one match is read.
    assert len(plans) == 2
    assert all("Bitmap Index Scan on search_document_vector" in plan for plan in plans)
    assert "'pm20" not in plans[-1]
    assert sum(map(_rows_read, plans)) == 1


@postgresql_only
def test_postgresql_word_index_keeps_its_pending_list_short():
    # Every search reads all of the pending list (decision 0067).
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'search_document_vector'")
        assert cursor.fetchone()[0] == [f"gin_pending_list_limit={postgresql.PENDING_LIMIT}"]


def test_tiers_are_sized_by_the_matches_found_so_far():
    # 240 matches in 2 months, 760 more wanted: 6.3 months at that rate, with the margin 10.
    assert postgresql.next_tier(found=240, searched=2, wanted=760) == 10
    # Never less than half the months searched so far.
    assert postgresql.next_tier(found=999, searched=10, wanted=1) == 5


def test_months_are_counted_back_across_a_year_in_utc():
    kyiv = dt.timezone(dt.timedelta(hours=2))
    newest = dt.datetime(2027, 3, 1, 1, 0, tzinfo=kyiv)  # still February in UTC
    oldest = dt.datetime(2026, 11, 30, 23, 0, tzinfo=dt.UTC)
    months = postgresql.months_back(newest, oldest)
    assert [postgresql.period_word(month) for month in months] == [
        "pm202702",
        "pm202701",
        "pm202612",
        "pm202611",
    ]
    assert months[-1] == dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    assert postgresql.months_back(oldest, oldest) == [months[-1]]


@postgresql_only
@pytest.mark.parametrize(
    "columns",
    [
        [(["обстріл", "харк", "обстріл"], "A"), ([], "B"), (["мост", "харк"], "C")],
        [(["слово"] * 300, "A"), (["слово", "інше"] * 200, "C"), (["eduk", "sec4"], "D")],
        [(["a"] * 20_000, "C"), (["a", "b"], "D")],
        [(["b", "a"] * 127, "A"), (["a", "c"], "B"), (["a"] * 3, "C")],
        [(["x" * 2048, "коротке", "x" * 10], "B"), ([], "A"), (["ed"], "D")],
    ],
    ids=["plain", "repeated", "past-the-last-position", "too-long-word", "near-limits"],
)
def test_vectors_written_in_python_equal_postgresql_own(columns):
    built = " || ".join("setweight(to_tsvector('simple', %s), %s)" for _column in columns)
    params = [value for words, weight in columns for value in (" ".join(words), weight)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {built} = %s::tsvector, {built}::text",
            [*params, vectors.vector(columns), *params],
        )
        equal, expected = cursor.fetchone()
    assert equal, expected[:500]


@postgresql_only
def test_a_document_vector_matches_by_our_keys(publish):
    article = publish(headline="Обстріл Харкова", body=["Ракети влучили в міст."])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT vector @@ %s::tsquery, vector @@ %s::tsquery FROM search_document "
            "WHERE article_id = %s",
            [vectors.query(keys("харків ракета")), vectors.query(keys("київ")), article.pk],
        )
        assert cursor.fetchone() == (True, False)
    assert facet_words(edition="uk", section_id=1, labels=[]).split() == ["eduk", "sec1"]


@postgresql_only
def test_ranking_reads_a_small_vector_in_the_row_and_ranks_as_the_whole_one_did(publish):
    long_body = [
        f"Абзац {n}: ракети над Харковом, дрони, уламки, пожежа, рятувальники." for n in range(90)
    ]
    in_headline = publish(headline="Ракети над Харковом", lead="Тривога", body=long_body)
    in_lead = publish(headline="Ніч над містом", lead="Ракети над Харковом", body=long_body)
    in_body = publish(headline="Ніч над містом", lead="Тривога", body=long_body)
    ids = [in_headline.pk, in_lead.pk, in_body.pk]
    query = SearchQuery(terms=parse_query("ракети харків").terms, edition="uk")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT bool_and(rank_vector = ts_filter(vector, '{a,b}')),"
            " max(pg_column_size(rank_vector)), min(pg_column_size(vector))"
            " FROM search_document WHERE article_id = ANY(%s)",
            [ids],
        )
        same, small, whole = cursor.fetchone()
    # The body is not ranked on: only the headline's, lead's and tags' words are kept.
    assert same
    assert small * 10 < whole
    written = PostgreSQLBackend().search(query)
    assert list(written.matched) == ids

    # A row written before the column existed ranks on the same words of its whole vector.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE search_document SET rank_vector = NULL")
    before = PostgreSQLBackend().search(query)
    assert before.matched == written.matched
    # (The recency boost moves with the clock between the two searches.)
    assert [hit.score for hit in before.hits] == pytest.approx(
        [hit.score for hit in written.hits], rel=1e-6
    )


@sqlite_only
def test_sqlite_walks_the_word_index_newest_first_without_sorting(publish):
    publish(headline="Тривога в Одесі")
    expression = sqlite.match_expression(parse_query("тривога одеса").terms, ["eduk"])
    with connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN QUERY PLAN " + sqlite.NEWEST,
            [expression, 0, 1 << 62, 3],
        )
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    # The virtual table answers the ORDER BY itself (a temporary b-tree would mean every
    # match is read and sorted before the limit).
    assert "VIRTUAL TABLE INDEX" in plan
    assert "TEMP B-TREE" not in plan


def test_a_document_carries_the_utc_month_it_was_published_in():
    kyiv = dt.timezone(dt.timedelta(hours=2))
    # Past midnight on New Year's Day in Kyiv is still December in UTC.
    assert postgresql.period_word(dt.datetime(2027, 1, 1, 0, 30, tzinfo=kyiv)) == "pm202612"
    assert postgresql.period_word(dt.datetime(2027, 1, 1, 2, 0, tzinfo=kyiv)) == "pm202701"


def test_sqlite_relevance_weighs_the_headline_first_and_repeats_less_and_less():
    terms = {"обстріл", "харк"}
    in_headline = sqlite.relevance(terms, {"headline": "обстріл харк", "lead": "", "tags": ""})
    in_lead = sqlite.relevance(terms, {"headline": "ніч", "lead": "обстріл харк", "tags": ""})
    once = sqlite.relevance(terms, {"headline": "", "lead": "харк", "tags": ""})
    twice = sqlite.relevance(terms, {"headline": "", "lead": "харк харк", "tags": ""})
    assert in_headline > in_lead > twice > once > 0
    assert twice < 2 * once
    # Only the body matched: the row does not rank, and the newest such come first.
    assert sqlite.relevance(terms, {"headline": "ніч", "lead": "", "tags": ""}) == 0
    assert sqlite.relevance(terms, {}) == 0
