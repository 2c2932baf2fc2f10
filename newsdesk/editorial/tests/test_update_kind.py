"""The kind of a public note: chosen beside the note, logged on publish, then reset."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from newsdesk.articles.models import Article, UpdateLogEntry
from newsdesk.testing.factories import sign_in

from .payloads import article_payload

EDIT = "wagtailsnippets_articles_article:edit"


def _post(client, article: Article, *, war, reporter, kind: str, note: str):
    payload = article_payload(
        section=war,
        authors=[reporter],
        article=article,
        headline="Обстріл Харкова: двоє загиблих",
        update_note=note,
        action="publish",
    )
    payload["update_kind"] = kind
    return client.post(reverse(EDIT, args=[article.pk]), payload)


def test_a_correction_is_logged_as_one_and_the_kind_is_reset(
    client, editor, make_article, war, reporter
) -> None:
    article = make_article(war, live=True)
    sign_in(client, editor)

    response = _post(
        client, article, war=war, reporter=reporter, kind="correction", note="Загиблих двоє."
    )

    assert response.status_code == 302
    entry = UpdateLogEntry.objects.get(article=article)
    assert (entry.kind, entry.text) == (UpdateLogEntry.CORRECTION, "Загиблих двоє.")
    article.refresh_from_db()
    assert (article.update_kind, article.update_note) == (UpdateLogEntry.UPDATE, "")
    assert article.updated_at == entry.created_at
    # The next edit starts from a plain update, in the stored draft as on the article.
    assert article.latest_revision.content["update_kind"] == UpdateLogEntry.UPDATE


def test_the_kind_is_offered_on_the_publishing_tab(client, editor, make_article, war) -> None:
    article = make_article(war, live=True)
    sign_in(client, editor)

    form = client.get(reverse(EDIT, args=[article.pk])).context["form"]

    assert [value for value, _label in form.fields["update_kind"].choices] == [
        "update",
        "correction",
        "clarification",
    ]


@pytest.mark.parametrize(
    ("kind", "note", "field", "message"),
    [
        (
            "retraction",
            "Загиблих двоє.",
            "update_kind",
            "Unknown kind of note: retraction. Choose update, correction or clarification.",
        ),
        (
            "correction",
            "   ",
            "update_note",
            "A correction or a clarification needs a public note saying what changed.",
        ),
        (
            "clarification",
            "",
            "update_note",
            "A correction or a clarification needs a public note saying what changed.",
        ),
    ],
)
def test_bad_kind_or_missing_note_is_refused_with_a_clear_message(
    client, editor, make_article, war, reporter, kind: str, note: str, field: str, message: str
) -> None:
    article = make_article(war, live=True)
    sign_in(client, editor)

    response = _post(client, article, war=war, reporter=reporter, kind=kind, note=note)

    assert response.status_code == 200
    with translation.override("en"):
        assert message in [str(error) for error in response.context["form"].errors[field]]
    assert not UpdateLogEntry.objects.filter(article=article).exists()
    article.refresh_from_db()
    assert article.headline == "Обстріл Харкова"
