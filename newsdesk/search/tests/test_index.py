"""Keeping the index in step: documents, the content_changed receiver and the rebuild."""

# ruff: noqa: RUF001 - Ukrainian words and apostrophes are the subject

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.rich_text import RichText

from newsdesk.publishing import actions
from newsdesk.search import documents, index
from newsdesk.search.models import Document
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db


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
    real_index = sqlite.SQLiteBackend.index

    def index_and_look(self, found):
        during.append(pragmas())
        real_index(self, found)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sqlite.SQLiteBackend, "index", index_and_look)
        report = index.rebuild()

    # The test database lives in memory: there is no file to map, and SQLite says so.
    applies = {name for name, value in before.items() if value is not None}
    assert "cache_size" in applies
    assert report.indexed == 1
    assert during == [{**before, **{name: sqlite.LOADING_PRAGMAS[name] for name in applies}}]
    assert before["cache_size"] != sqlite.LOADING_PRAGMAS["cache_size"]
    assert pragmas() == before
