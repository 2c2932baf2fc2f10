"""The work of a query is bounded by the candidates, not by the archive: what each
database is asked to do, read from its own plan."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection

from newsdesk.search import vectors
from newsdesk.search.backends import postgresql, sqlite
from newsdesk.search.backends.base import facet_words
from newsdesk.search.text import keys, parse_query

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the PostgreSQL backend's plan"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 backend's plan")


# An archive of 20,000 documents, one a minute back from now: "common" in every one,
# "half" in every other, "rare" in one of them 13 days old. Written straight into the
# index (their articles need not exist: the foreign key is checked at a commit, and the
# rows are gone before the test's end), then analysed, as production tables are.
ARCHIVE = """
INSERT INTO search_document
    (article_id, key, edition, section_id, labels, published_at, headline, lead, body, tags,
     vector)
SELECT 10000000 + n, n, 'uk', 1, '', now() - n * interval '1 minute', 'h', '', '', '',
    setweight(to_tsvector('simple', 'common'
        || CASE WHEN n % 2 = 0 THEN ' half' ELSE '' END
        || CASE WHEN n = 19000 THEN ' rare' ELSE '' END), 'A')
    || setweight(to_tsvector('simple', 'eduk sec1 pm'
        || to_char((now() - n * interval '1 minute') AT TIME ZONE 'UTC', 'YYYYMM')), 'D')
FROM generate_series(1, 20000) AS n
"""


@pytest.fixture
def archive(db):
    with connection.cursor() as cursor:
        cursor.execute(ARCHIVE)
        cursor.execute("ANALYZE search_document")
    yield
    with connection.cursor() as cursor:  # before Django checks the deferred foreign keys
        cursor.execute("DELETE FROM search_document WHERE article_id >= 10000000")


def _explain_analyze(limit: int, text: str, *, seqscan: bool = True) -> str:
    terms = vectors.query(text.split())
    params: dict[str, str | int] = {"terms": terms, "edition": "uk", "match": terms, "limit": limit}
    with connection.cursor() as cursor:
        if not seqscan:
            cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN ANALYZE " + postgresql.search_sql(dates=""), params)
        return "\n".join(row[0] for row in cursor.fetchall())


def _slice(plan: str, name: str) -> str:
    """The plan's lines for the CTE ``name``, up to the next CTE or the main query."""
    lines = plan.splitlines()
    start = next(n for n, line in enumerate(lines) if line.strip().startswith(f"CTE {name}"))
    depth = len(lines[start]) - len(lines[start].lstrip())
    block = [lines[start]]
    for line in lines[start + 1 :]:
        if len(line) - len(line.lstrip()) <= depth and line.strip():
            break
        block.append(line)
    return "\n".join(block)


def _ran(plan: str, name: str) -> bool:
    return "never executed" not in _slice(plan, name)


def _rows_read(plan: str, name: str) -> int:
    """The most rows any scan of the slice returned."""
    return max(int(n) for n in re.findall(r"actual time=\S+ rows=(\d+)", _slice(plan, name)))


@postgresql_only
def test_postgresql_answers_common_words_from_the_newest_slice(archive):
    # 20,000 minutes: the newest 1/32 holds 625 documents, 312 of them with "half": more
    # than 300 candidates, so the whole archive is never searched.
    plan = _explain_analyze(300, "half common")
    assert _ran(plan, "recent")
    assert not _ran(plan, "every")
    assert "One-Time Filter" in _slice(plan, "every")
    # (One more than the slice: the document exactly at its start counts.)
    assert _rows_read(plan, "recent") <= 626
    # Only the 300 candidates are ranked, each read by its key.
    assert "Index Scan using search_document_pkey" in plan
    assert "rows=1 loops=300" in plan


@postgresql_only
def test_postgresql_searches_the_whole_archive_when_the_slice_is_short(archive):
    plan = _explain_analyze(1000, "half common")
    assert _ran(plan, "recent") and _ran(plan, "every")
    with connection.cursor() as cursor:
        terms = vectors.query(["half", "common"])
        cursor.execute(
            postgresql.search_sql(dates=""),
            {"terms": terms, "edition": "uk", "match": terms, "limit": 1000},
        )
        found = [row[0] for row in cursor.fetchall()]
    # The newest 1,000 matches: every other minute back from now.
    assert sorted(found) == [10000000 + n for n in range(2, 2001, 2)]


@postgresql_only
def test_postgresql_widens_to_the_whole_archive_for_a_rare_word_through_the_word_index(
    archive,
):
    # At 20,000 rows reading the whole table is as cheap as the index; at a million the
    # planner takes the word index on its own.
    plan = _explain_analyze(1000, "rare", seqscan=False)
    assert _ran(plan, "every")
    assert "Bitmap Index Scan on search_document_vector" in _slice(plan, "every")
    with connection.cursor() as cursor:
        terms = vectors.query(["rare"])
        cursor.execute(
            postgresql.search_sql(dates=""),
            {"terms": terms, "edition": "uk", "match": terms, "limit": 1000},
        )
        assert [row[0] for row in cursor.fetchall()] == [10019000]


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


@sqlite_only
def test_sqlite_walks_the_word_index_newest_first_without_sorting(publish):
    publish(headline="Тривога в Одесі")
    expression = sqlite.match_expression(parse_query("тривога одеса").terms, ["eduk"])
    with connection.cursor() as cursor:
        cursor.execute(
            f"EXPLAIN QUERY PLAN SELECT rowid, bm25(search_fts, {sqlite.WEIGHTS}) "  # noqa: S608 - constants only
            "FROM search_fts WHERE search_fts MATCH %s AND rowid BETWEEN %s AND %s "
            "ORDER BY rowid DESC LIMIT %s",
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
