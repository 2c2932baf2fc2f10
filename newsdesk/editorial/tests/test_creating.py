"""An article exists only once an editor saves it: no autosaved ghosts holding addresses."""

from __future__ import annotations

from django.urls import reverse

from newsdesk.articles.models import Article
from newsdesk.testing.factories import sign_in

from .payloads import article_payload

ADD = "wagtailsnippets_articles_article:add"


def test_the_add_form_does_not_autosave(client, editor, war) -> None:
    sign_in(client, editor)

    page = client.get(f"{reverse(ADD)}?locale=uk").content.decode()

    assert 'name="headline"' in page
    assert "data-w-autosave-interval-value" not in page


def test_an_autosave_of_the_add_form_creates_nothing(client, editor, war, reporter) -> None:
    sign_in(client, editor)
    payload = article_payload(section=war, authors=[reporter], headline="Пентагон заявив")

    response = client.post(f"{reverse(ADD)}?locale=uk", payload, HTTP_ACCEPT="application/json")

    assert response.status_code == 400
    assert response.json() == {
        "success": False,
        "error_code": "not_created",
        "error_message": "A new article is saved only when you save it.",
    }
    assert not Article.objects.exists()


def test_saving_the_add_form_creates_one_article_at_the_headlines_address(
    client, editor, war, reporter
) -> None:
    sign_in(client, editor)
    payload = article_payload(section=war, authors=[reporter], headline="Пентагон заявив")
    autosave = client.post(f"{reverse(ADD)}?locale=uk", payload, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 400

    response = client.post(f"{reverse(ADD)}?locale=uk", payload | {"action-publish": "publish"})

    assert response.status_code == 302
    assert list(Article.objects.values_list("slug", "live")) == [("pentahon-zaiavyv", True)]


def test_the_edit_form_of_a_saved_article_still_autosaves(
    client, editor, make_article, war
) -> None:
    article = make_article(war)
    sign_in(client, editor)

    page = client.get(reverse("wagtailsnippets_articles_article:edit", args=[article.pk]))

    assert "data-w-autosave-interval-value" in page.content.decode()
