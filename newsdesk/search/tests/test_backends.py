"""The backend of the database in use (SQLite FTS5 or PostgreSQL), through its interface."""

# ruff: noqa: RUF001 - Ukrainian words and apostrophes are the subject

from __future__ import annotations

import datetime as dt
import importlib
from types import SimpleNamespace

import pytest
from django.db import connection
from django.utils import timezone

from newsdesk.articles import labels
from newsdesk.publishing import actions
from newsdesk.search.backends import (
    PostgreSQLBackend,
    SearchBackend,
    SearchQuery,
    SQLiteBackend,
    get_backend,
)
from newsdesk.search.backends import base as backend_base
from newsdesk.search.backends.sqlite import match_expression
from newsdesk.search.models import Document
from newsdesk.search.text import parse_query
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db


def found(text: str, edition: str = "uk", **filters) -> list[int]:
    query = SearchQuery(terms=parse_query(text).terms, edition=edition, **filters)
    return [hit.article_id for hit in get_backend().search(query).hits]


def test_backend_follows_the_database_vendor():
    expected = {"sqlite": SQLiteBackend, "postgresql": PostgreSQLBackend}[connection.vendor]
    assert isinstance(get_backend(), expected)
    backend: SearchBackend = get_backend()  # type-checked against the Protocol
    assert backend.search(SearchQuery(terms=(), edition="uk")).hits == []


def test_ukrainian_words_in_any_case_and_inflection(publish):
    kharkiv = publish(headline="Обстріл Харкова: пошкоджено лікарню", lead="Ракети влучили вночі.")
    publish(headline="Київ готується до зими", lead="Енергетики ремонтують мережі.")
    assert found("харків") == [kharkiv.pk]
    assert found("ХАРКОВІ") == [kharkiv.pk]
    assert found("обстріли лікарні") == [kharkiv.pk]
    assert found("ракетою") == [kharkiv.pk]
    assert found("Львів") == []


@pytest.mark.parametrize("typed", ["м'ята", "м’ята", "мʼята", "м`ята", "М‘ЯТА"])
def test_every_apostrophe_is_one(publish, typed):
    article = publish(headline="Ціни на м’яту й чай зросли", body=["Дар'я продає мʼяту на ринку."])
    assert found(typed) == [article.pk]
    assert found("Дар’я") == [article.pk]


def test_english_words_and_plurals(publish):
    article = publish(
        "en", headline="Drones strike an oil depot", lead="Firefighters battled the blaze."
    )
    assert found("drone strikes", "en") == [article.pk]
    assert found("firefighter", "en") == [article.pk]
    assert found("drone", "uk") == []


def test_latin_and_cyrillic_names_through_tag_translations(publish):
    uk_tag, en_tag = factories.tag_pair("Харків", "Kharkiv")
    uk_article = publish(headline="Енергетики відновили світло", tags=[uk_tag])
    en_article = publish("en", headline="Power restored overnight", tags=[en_tag])
    assert found("Kharkiv", "uk") == [uk_article.pk]
    assert found("Харкові", "en") == [en_article.pk]
    assert found("kharkiv", "en") == [en_article.pk]


def test_headline_ranks_above_body(publish):
    earlier = timezone.now() - dt.timedelta(hours=2)
    in_body = publish(headline="Новини дня", body=["Згадали й про Одесу."], at=earlier)
    in_headline = publish(headline="Одеса без світла", at=earlier)
    assert found("одеса") == [in_headline.pk, in_body.pk]


def test_recency_breaks_ties(publish):
    old = publish(headline="Вибухи в Одесі", at=timezone.now() - dt.timedelta(days=60))
    new = publish(headline="Вибухи в Одесі", at=timezone.now() - dt.timedelta(hours=1))
    assert found("вибухи одеса") == [new.pk, old.pk]


def test_filters_by_section_label_and_dates(publish):
    war = factories.section("uk", "viina", name="Війна")
    economy = factories.section("uk", "ekonomika", name="Економіка")
    now = timezone.now()
    a = publish(headline="Ціни на пальне", in_section=economy, at=now - dt.timedelta(days=10))
    b = publish(headline="Пальне для армії", in_section=war, labels=[labels.EXCLUSIVE], at=now)
    assert set(found("пальне")) == {a.pk, b.pk}
    assert found("пальне", section_id=economy.pk) == [a.pk]
    assert found("пальне", label=labels.EXCLUSIVE) == [b.pk]
    assert found("пальне", start=now - dt.timedelta(days=11), end=now - dt.timedelta(days=9)) == [
        a.pk
    ]
    assert found("пальне", start=now - dt.timedelta(days=1)) == [b.pk]
    assert found("пальне", section_id=war.pk, label=labels.OPINION) == []


def test_edition_is_a_filter(publish):
    uk = publish(headline="Zelensky у Вашингтоні")
    en = publish("en", headline="Zelensky in Washington")
    assert found("zelensky", "uk") == [uk.pk]
    assert found("zelensky", "en") == [en.pk]


def test_drafts_are_not_indexed_and_unpublish_removes(publish, django_capture_on_commit_callbacks):
    factories.draft(headline="Чернетка про Херсон")
    article = publish(headline="Херсон під обстрілом")
    assert found("херсон") == [article.pk]
    with django_capture_on_commit_callbacks(execute=True):
        actions.unpublish(article=article)
    assert found("херсон") == []
    assert not Document.objects.filter(article_id=article.pk).exists()


def test_update_reindexes_the_new_text(publish, django_capture_on_commit_callbacks):
    article = publish(headline="Ремонт мосту в Дніпрі")
    article.headline = "Ремонт мосту в Запоріжжі"
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article)
    assert found("запоріжжя") == [article.pk]
    assert found("дніпро") == []


def test_only_the_newest_candidates_are_ranked(publish, monkeypatch):
    monkeypatch.setattr(backend_base, "CANDIDATES", 3)
    monkeypatch.setattr("newsdesk.search.backends.sqlite.CANDIDATES", 3)
    monkeypatch.setattr("newsdesk.search.backends.postgresql.CANDIDATES", 3)
    now = timezone.now()
    made = [
        publish(headline=f"Тривога номер {n}", at=now - dt.timedelta(hours=n)) for n in range(5)
    ]
    results = get_backend().search(SearchQuery(terms=parse_query("тривога").terms, edition="uk"))
    assert results.total == 3 and results.more
    assert {hit.article_id for hit in results.hits} == {a.pk for a in made[:3]}


def test_snippets_mark_the_matching_words(publish):
    publish(
        headline="Суд у Києві",
        lead="Заява <b>прокурора</b>.",
        body=["Довгий вступ. " * 20 + "Свідок розповів про обстріл Харкова вночі."],
    )
    (hit,) = get_backend().search(SearchQuery(terms=parse_query("харків").terms, edition="uk")).hits
    marked = [fragment.text for fragment in hit.snippet if fragment.mark]
    assert marked == ["Харкова"]
    assert hit.snippet[0].text == "…"
    assert [fragment.mark for fragment in hit.headline] == [False]


PATHOLOGICAL = [
    "x" * 100_000,
    "сло " * 50_000,
    "!!! ??? ... ---",
    '"',
    '""',
    "*",
    "a*",
    "NEAR(a b",
    "NEAR(a b, 5)",
    "a OR b",
    "a AND NOT b",
    "-a",
    "^a",
    "headline:a",
    "{headline}: a",
    "((((a",
    "a))))",
    "a\x00b",
    "\x00",
    "😀🔥 🇺🇦",
    "' OR 1=1 --",
    "a & b | !c <-> d",
    "'",
    "\\",
]


@pytest.mark.parametrize("text", PATHOLOGICAL)
def test_pathological_queries_never_reach_the_database_raw(publish, text):
    article = publish("en", headline="A B OR NEAR слово")
    terms = parse_query(text).terms
    results = get_backend().search(SearchQuery(terms=terms, edition="en"))
    # Whatever the reader typed, only its words are looked for, as plain words: the
    # article is found exactly when every word of the query is one of its own.
    found = bool(terms) and set(terms) <= set(parse_query(article.headline).terms)
    assert results.total == len(results.hits) == (1 if found else 0), terms
    assert [hit.article_id for hit in results.hits] == ([article.pk] if found else [])


def test_match_expression_quotes_every_word():
    expression = match_expression(["харк", 'a"b'], ["eduk", "sec4"])
    assert expression == (
        '{headline lead body tags} : ("харк" AND "a""b") AND facets : ("eduk" AND "sec4")'
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 table")
def test_the_word_index_keeps_columns_not_positions_and_its_rows_both_ways(publish):
    """``search/0005``: FTS5 keeps each word's columns, not its positions, and cuts keys
    at spaces alone (``ascii``); the table is made again around the same rows, either way.
    Words are still found by column, and removing a document still removes its words."""
    migration = importlib.import_module("newsdesk.search.migrations.0005_fts_column_detail")
    (operation,) = migration.Migration.operations
    kept = publish(headline="Херсон: світло повернули", lead="Енергетики працювали вночі.")
    gone = publish(headline="Херсон: вода є", lead="Енергетики й водоканал на місці.")
    before = _fts_rows()

    def table_and_matches() -> tuple[str, list[int], list[int], list[int]]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'")
            (sql,) = cursor.fetchone()
        return sql, found("херсон"), found("енергетики"), found("вночі")

    assert table_and_matches() == (
        _fts_sql("tokenize = 'ascii', detail = column, columnsize = 0"),
        [gone.pk, kept.pk],
        [gone.pk, kept.pk],
        [kept.pk],
    )
    with connection.cursor() as cursor:
        # The migration's own statements, outside Django's schema editor, which SQLite
        # refuses inside the test's transaction.
        editor = SimpleNamespace(connection=connection, execute=cursor.execute)
        operation.reverse_code(None, editor)
        assert table_and_matches() == (
            _fts_sql("tokenize = 'unicode61 remove_diacritics 0'"),
            [gone.pk, kept.pk],
            [gone.pk, kept.pk],
            [kept.pk],
        )
        assert _fts_rows() == before
        operation.code(None, editor)
    assert _fts_rows() == before

    Document.objects.filter(article_id=gone.pk).delete()
    assert table_and_matches()[1:] == ([kept.pk], [kept.pk], [kept.pk])


def _fts_sql(options: str) -> str:
    return (
        'CREATE VIRTUAL TABLE "search_fts" USING fts5(headline, lead, body, tags, facets, '
        f"{options})"
    )


def _fts_rows() -> list[tuple[object, ...]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid, * FROM search_fts ORDER BY rowid")
        return cursor.fetchall()
