"""Keeping the index in step: documents, the content_changed receiver and the rebuild."""

# ruff: noqa: RUF001 - Ukrainian words and apostrophes are the subject

from __future__ import annotations

import pytest
from django.core.management import call_command
from wagtail.rich_text import RichText

from newsdesk.publishing import actions
from newsdesk.search import documents
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
