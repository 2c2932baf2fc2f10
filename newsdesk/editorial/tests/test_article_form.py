"""The article form's smaller parts: a labelled headline that wraps, and a warning on a
"Read also" pick that readers would not see."""

# ruff: noqa: RUF001 - Ukrainian headlines

from __future__ import annotations

from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from newsdesk.articles.models import Article, ReadAlsoPick
from newsdesk.testing.factories import sign_in

from .payloads import article_payload

EDIT = "wagtailsnippets_articles_article:edit"
ADD = "wagtailsnippets_articles_article:add"
UNPUBLISHED = "This article is not published: readers will not see it under Read also until it is."


def test_the_headline_has_a_visible_label_and_wraps(client, editor, war) -> None:
    sign_in(client, editor)

    soup = WagtailTestUtils.get_soup(client.get(f"{reverse(ADD)}?locale=uk").content)

    headline = soup.select_one("#id_headline")
    assert headline is not None and headline.name == "textarea"
    label = soup.select_one("label[for=id_headline]")
    assert label is not None and label.get_text(strip=True).startswith("Headline")
    assert "w-sr-only" not in (label.get("class") or [])


def test_a_headline_typed_over_lines_is_saved_as_one(client, editor, war, reporter) -> None:
    sign_in(client, editor)
    payload = article_payload(
        section=war, authors=[reporter], headline="Обстріл\r\nХаркова:  що відомо"
    )

    response = client.post(f"{reverse(ADD)}?locale=uk", payload)

    assert response.status_code == 302
    assert Article.objects.get().headline == "Обстріл Харкова: що відомо"


def test_a_read_also_pick_of_a_draft_warns_the_editor(client, editor, make_article, war) -> None:
    article = make_article(war, headline="Обстріл Харкова", live=True)
    draft = make_article(war, headline="Чернетка про ППО")
    published = make_article(war, headline="Опубліковано вчора", live=True)
    ReadAlsoPick.objects.create(article=article, target=draft, sort_order=0)
    ReadAlsoPick.objects.create(article=article, target=published, sort_order=1)
    article.save_revision()
    sign_in(client, editor)

    page = client.get(reverse(EDIT, args=[article.pk])).content.decode()

    assert page.count(UNPUBLISHED) == 1  # the draft's pick, not the published one's


def test_a_submitted_pick_of_a_draft_is_warned_of_too(
    client, editor, make_article, war, reporter
) -> None:
    article = make_article(war, headline="Обстріл Харкова")
    draft = make_article(war, headline="Чернетка про ППО")
    sign_in(client, editor)
    payload = article_payload(section=war, authors=[reporter], article=article, headline="")
    picks = inline_formset([{"target": draft.pk, "id": "", "ORDER": "1"}])
    payload.update(nested_form_data({"read_also_picks": picks}))

    response = client.post(reverse(EDIT, args=[article.pk]), payload)

    assert response.status_code == 200  # the empty headline keeps the form on screen
    assert UNPUBLISHED in response.content.decode()
