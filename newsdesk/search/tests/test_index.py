"""Keeping the index in step: documents, the content_changed receiver and the rebuild."""

# ruff: noqa: RUF001 - Ukrainian words and apostrophes are the subject

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.rich_text import RichText

from newsdesk.publishing import actions
from newsdesk.search import documents, index
from newsdesk.search.models import Document
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]


def test_document_holds_text_of_every_block_and_tag_names_in_both_scripts():
    uk_tag, _en_tag = factories.tag_pair("Харків", "Kharkiv")
    blocks = [
        ("paragraph", RichText("<p>Перший <b>абзац</b> &amp; ще</p>")),
        ("subheading", "Підзаголовок"),
        ("quote", {"text": "Цитата", "attribution": "Мер"}),
        ("fact_box", {"title": "Факти", "body": RichText("<ul><li>Пункт</li></ul>")}),
    ]
    article = factories.published(headline="Заголовок", lead="", tags=[uk_tag], blocks=blocks)
    (document,) = documents.build([article.pk])
    assert document.body.split("\n") == [
        "Перший абзац & ще",
        "Підзаголовок",
        "Цитата",
        "Мер",
        "Факти",
        "Пункт",
    ]
    assert set(document.tags.split(" · ")) == {"Харків", "kharkiv", "Kharkiv"}
    assert document.edition == "uk"


def test_drafts_are_not_documents():
    article = factories.draft(headline="Чернетка")
    assert documents.build([article.pk]) == []


def test_rebuild_indexes_published_and_drops_the_rest(publish, capsys):
    kept = publish(headline="Суми: світло повернули")
    gone = publish(headline="Полтава: сирени")
    # Changes made without the on-commit event: the index is now behind.
    actions.unpublish(article=gone)
    Document.objects.filter(article_id=kept.pk).delete()

    call_command("rebuild_search_index", batch_size=1)

    assert list(Document.objects.values_list("article_id", flat=True)) == [kept.pk]
    assert capsys.readouterr().out.startswith("Indexed 1 published articles; removed 1 stale")


def test_a_failing_index_never_breaks_a_publish(monkeypatch, django_capture_on_commit_callbacks):
    def broken(ids):
        raise RuntimeError("index down")

    monkeypatch.setattr("newsdesk.search.handlers.index_articles", broken)
    article = factories.published(headline="Херсон", capture=django_capture_on_commit_callbacks)
    assert article.live
    assert not Document.objects.filter(article_id=article.pk).exists()


def test_rebuild_refuses_nonsense_counts():
    with pytest.raises(CommandError, match="--jobs must be a positive number, not 0"):
        call_command("rebuild_search_index", jobs=0)
    with pytest.raises(CommandError, match="--batch-size must be a positive number, not -1"):
        call_command("rebuild_search_index", batch_size=-1)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="several writers at once: the PostgreSQL backend only (SQLite takes one)",
)
# Serialized rollback: the flush after a transactional test must leave the database as the
# next one restores it (test_backups.py's), not recreate content types under new ids.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rebuild_in_several_processes_writes_what_one_process_does():
    articles = [factories.published(headline=f"Херсон: зміна {n}", lead="") for n in range(7)]
    actions.unpublish(article=articles[3])
    written_at_publish = _vectors()
    # The index falls behind: one article's entry lost, a stale one left for a draft.
    Document.objects.filter(article_id=articles[0].pk).delete()
    draft = factories.draft(headline="Чернетка")
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_document (article_id, key, edition, section_id, labels,"
            " published_at, headline, lead, body, tags, vector)"
            " SELECT %s, key + 1000000, edition, section_id, labels, published_at, headline,"
            " lead, body, tags, vector FROM search_document WHERE article_id = %s",
            [draft.pk, articles[2].pk],
        )

    report = index.rebuild(batch_size=2, jobs=2)

    live = {a.pk for n, a in enumerate(articles) if n != 3}
    assert report == index.RebuildReport(indexed=6, removed=1)
    vectors = _vectors()
    assert set(vectors) == live
    assert all(vectors[pk] == written_at_publish[pk] for pk in live)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's one writer and its workers")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rebuild_on_sqlite_with_workers_writes_what_one_process_does(tmp_path):
    articles = [
        factories.published(headline=f"Херсон: зміна {n}", lead="Світло є.") for n in range(7)
    ]
    actions.unpublish(article=articles[3])
    # The index falls behind: one article's entry lost, a stale one left for a draft.
    Document.objects.filter(article_id=articles[0].pk).delete()
    draft = factories.draft(headline="Чернетка")
    stale = Document.objects.get(article_id=articles[2].pk)
    stale.article_id, stale.key = draft.pk, stale.key + 1_000_000
    stale.save(force_insert=True)
    # The workers read a file, as a real rebuild does: the test database is in memory.
    home = tmp_path / "home"
    home.mkdir()
    _copy_database(home / "newsdesk.sqlite3")

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env["NEWSDESK_HOME"] = str(home)
    command = [sys.executable, "-m", "newsdesk.cli", "manage", "rebuild_search_index"]
    done = subprocess.run(  # noqa: S603 - this interpreter, our own module
        [*command, "--jobs", "2", "--batch-size", "2"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Indexed 6 published articles; removed 1 stale"), done.stdout

    index.rebuild(batch_size=2)  # one process, here
    _copy_database(tmp_path / "one-process.sqlite3")
    one_process = _sqlite_rows(tmp_path / "one-process.sqlite3")
    workers = _sqlite_rows(home / "newsdesk.sqlite3")
    assert workers == one_process
    assert {row[0] for row in workers["search_document"]} == {
        a.pk for n, a in enumerate(articles) if n != 3
    }
    assert len(workers["search_fts"]) == 6


def _copy_database(path: Path) -> None:
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(path)) as copy:
        connection.connection.backup(copy)


def _sqlite_rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every indexed row of that database file: the documents' and their keys', in order."""
    found = {}
    with contextlib.closing(sqlite3.connect(path)) as database:
        for table, columns, order in (
            ("search_document", "*", "article_id"),
            ("search_fts", "rowid, *", "rowid"),
        ):
            rows = database.execute(f"SELECT {columns} FROM {table} ORDER BY {order}")  # noqa: S608
            found[table] = rows.fetchall()
    return found


def _vectors() -> dict[int, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT article_id, vector::text FROM search_document")
        return dict(cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 backend's pragmas")
def test_a_rebuild_on_sqlite_reads_through_a_large_cache_and_puts_the_connection_back():
    from newsdesk.search.backends import sqlite

    factories.published(headline="Одеса: світло повернули", lead="")

    def pragmas() -> dict[str, int | None]:
        with connection.cursor() as cursor:
            return {name: sqlite._pragma(cursor, name) for name in sqlite.LOADING_PRAGMAS}

    before = pragmas()
    during = []
    real_write = sqlite.SQLiteBackend.write

    def write_and_look(self, prepared):
        during.append(pragmas())
        real_write(self, prepared)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sqlite.SQLiteBackend, "write", write_and_look)
        report = index.rebuild()

    # The test database lives in memory: there is no file to map, and SQLite says so.
    applies = {name for name, value in before.items() if value is not None}
    assert "cache_size" in applies
    assert report.indexed == 1
    assert during == [{**before, **{name: sqlite.LOADING_PRAGMAS[name] for name in applies}}]
    assert before["cache_size"] != sqlite.LOADING_PRAGMAS["cache_size"]
    assert pragmas() == before
