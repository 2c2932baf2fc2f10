"""Tags on the article form: typed, added without replacing, and a form that stays small at
archive scale (decision 0036)."""

# ruff: noqa: RUF001 - Cyrillic queries and names are what these tests are about

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from newsdesk.articles.models import Article, TagLink
from newsdesk.editorial.autocomplete import URL_NAME
from newsdesk.taxonomy.models import Tag
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

from .conftest import make_user
from .payloads import article_payload

EDIT = "wagtailsnippets_articles_article:edit"
ADD = "wagtailsnippets_articles_article:add"
FORM_BUDGET = 300_000  # bytes (DESIGN.md: an article form's HTML ≤ 300 KB)


def many_tags(count: int, *, start: int = 0) -> None:
    locale = factories.edition("uk")
    Tag.objects.bulk_create(
        Tag(locale=locale, name=f"Тема {n:05}", slug=f"tema-{n:05}")
        for n in range(start, start + count)
    )


def search(client, q: str, edition: str = "uk") -> list[str]:
    response = client.get(reverse(URL_NAME), {"edition": edition, "q": q})
    assert response.status_code == 200, response.content
    return [row["label"] for row in response.json()["results"]]


@pytest.fixture
def kharkiv() -> Tag:
    return factories.tag("uk", "kharkiv", name="Харків")


@pytest.fixture
def budget() -> Tag:
    return factories.tag("uk", "biudzhet", name="Бюджет")


@pytest.fixture
def tagged(make_article, war, budget) -> Article:
    article = make_article(war)
    article.tags.set([budget])
    article.save_revision()
    return article


def chosen_ids(html: bytes) -> list[str]:
    soup = WagtailTestUtils.get_soup(html)
    return [i["value"] for i in soup.select("[data-nd-autocomplete] input[type=hidden]")]


def test_the_form_renders_only_the_articles_tags_and_stays_small(
    client, editor, tagged, budget, django_assert_max_num_queries
) -> None:
    many_tags(2_000)
    sign_in(client, editor)

    # Pinned at what the form costs with any number of tags: the widget reads the chosen
    # tags with the article, never the edition's list.
    with django_assert_max_num_queries(60):
        response = client.get(reverse(EDIT, args=[tagged.pk]))

    assert response.status_code == 200
    assert len(response.content) <= FORM_BUDGET
    page = response.content.decode()
    assert chosen_ids(response.content) == [str(budget.pk)]
    assert "Бюджет" in page
    assert "Тема 00001" not in page
    assert '<select name="tags"' not in page


def test_the_form_costs_the_same_queries_with_two_or_two_thousand_tags(
    client, editor, tagged, django_assert_num_queries
) -> None:
    sign_in(client, editor)
    url = reverse(EDIT, args=[tagged.pk])
    client.get(url)  # the editing session, once
    many_tags(2)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    many_tags(2_000, start=2)
    with django_assert_num_queries(len(few)):
        client.get(url)


def test_adding_a_tag_keeps_the_old_ones(client, editor, tagged, war, reporter, budget, kharkiv):
    sign_in(client, editor)
    payload = article_payload(section=war, authors=[reporter], article=tagged)
    payload["tags"] = [budget.pk, kharkiv.pk]

    response = client.post(reverse(EDIT, args=[tagged.pk]), payload)

    assert response.status_code == 302, response.content.decode()[-3000:]
    latest = Article.objects.get(pk=tagged.pk).get_latest_revision_as_object()
    assert sorted(tag.name for tag in latest.tags.all()) == ["Бюджет", "Харків"]


def test_tags_published_from_the_form_reach_the_tags_listings(
    client, editor, make_article, war, reporter, budget, kharkiv
):
    """The tag's listing reads its links' own copy of the time (decision 0068): the
    admin's Publish dates a new tag's link and drops a removed one's."""
    article = make_article(war, live=True)
    article.tags = [budget]  # type: ignore[assignment]  # modelcluster assigns the relation
    article.save()
    sign_in(client, editor)
    payload = article_payload(section=war, authors=[reporter], article=article, action="publish")
    payload["tags"] = [kharkiv.pk]

    response = client.post(reverse(EDIT, args=[article.pk]), payload)

    assert response.status_code == 302, response.content.decode()[-3000:]
    listing = Article.objects.published().in_edition("uk")
    assert list(listing.tagged(kharkiv)) == [article]
    assert list(listing.tagged(budget)) == []
    assert TagLink.objects.get(article=article).published_at == article.first_published_at


def test_a_tag_of_the_other_edition_is_refused_with_a_message(client, editor, war, reporter):
    english = factories.tag("en", "kharkiv", name="Kharkiv")
    sign_in(client, editor)
    payload = article_payload(section=war, authors=[reporter])
    payload["tags"] = [english.pk]

    response = client.post(f"{reverse(ADD)}?locale=uk", payload)

    assert response.status_code == 200
    assert "This tag belongs to the other edition or no longer exists." in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("kh", ["Харків"]),  # the official romanisation: "Kharkiv"
        ("Хар", ["Харків"]),
        ("харків", ["Харків"]),  # case-insensitive in Cyrillic, SQLite included
        ("KHARK", ["Харків"]),
        ("оборона", ["Повітряна оборона"]),  # a later word of the name
        ("oborona", ["Повітряна оборона"]),
        ("бюд", ["Бюджет"]),
        ("zzz", []),
        ("   ", []),
    ],
)
def test_search_by_prefix_and_romanisation(client, editor, kharkiv, budget, query, found):
    factories.tag("uk", "povitriana-oborona", name="Повітряна оборона")
    factories.tag("en", "kharkiv", name="Kharkiv")  # the other edition's twin
    sign_in(client, editor)

    assert search(client, query) == found


def test_a_cyrillic_query_finds_an_english_tag(client, editor):
    factories.tag("en", "kharkiv", name="Kharkiv")
    sign_in(client, editor)

    assert search(client, "Хар", edition="en") == ["Kharkiv"]


def test_search_answers_a_page_of_results_at_most(client, editor):
    many_tags(50)
    sign_in(client, editor)

    assert len(search(client, "тема")) == 20


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"edition": "de", "q": "kh"}, 400, "Unknown edition."),
        ({"q": "kh"}, 400, "Unknown edition."),
    ],
)
def test_search_with_bad_input(client, editor, params, status, message):
    sign_in(client, editor)

    response = client.get(reverse(URL_NAME), params)

    assert (response.status_code, response.json()) == (status, {"error": message})


def test_search_needs_a_role_that_edits_articles(client, db):
    reader = make_user("reader")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in(client, reader)

    response = client.get(reverse(URL_NAME), {"edition": "uk", "q": "kh"})

    assert response.status_code == 403


def test_an_editor_creates_a_tag_in_the_edition(client, editor, kharkiv):
    sign_in(client, editor)

    response = client.post(reverse(URL_NAME), {"edition": "uk", "name": " Повітряна  оборона "})

    assert response.status_code == 201
    tag = Tag.objects.get(pk=response.json()["id"])
    assert (tag.locale.language_code, tag.name, tag.slug) == (
        "uk",
        "Повітряна оборона",
        "povitriana-oborona",
    )
    # The same name again is the same tag, whatever its case.
    again = client.post(reverse(URL_NAME), {"edition": "uk", "name": "харків"})
    assert (again.status_code, again.json()) == (200, {"id": kharkiv.pk, "label": "Харків"})


def test_a_new_tag_whose_slug_is_taken_gets_the_next_one(client, editor):
    factories.tag("uk", "kyiv", name="Kyiv")
    sign_in(client, editor)

    response = client.post(reverse(URL_NAME), {"edition": "uk", "name": "Київ"})

    assert Tag.objects.get(pk=response.json()["id"]).slug == "kyiv-2"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "A tag needs a name with letters or digits."),
        ("«»—", "A tag needs a name with letters or digits."),
        ("Х" * 101, "A tag's name has at most 100 characters."),
    ],
)
def test_creating_a_tag_with_a_bad_name(client, editor, name, message):
    sign_in(client, editor)

    response = client.post(reverse(URL_NAME), {"edition": "uk", "name": name})

    assert (response.status_code, response.json()) == (400, {"error": message})
    assert not Tag.objects.exists()


def test_a_role_without_tag_creation_cannot_create_one(client, db):
    writer = make_user("writer")
    writer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "add_article", "change_article"])
    )
    sign_in(client, writer)

    response = client.post(reverse(URL_NAME), {"edition": "uk", "name": "Нова тема"})

    assert (response.status_code, response.json()) == (
        403,
        {"error": "Your role cannot create tags."},
    )
    assert not Tag.objects.exists()
    page = client.get(f"{reverse(ADD)}?locale=uk").content.decode()
    assert "data-may-create" not in page


def test_errors_speak_the_editors_language(client, db) -> None:
    editor_uk = make_user("redaktor", "Editors", language="uk")
    sign_in(client, editor_uk)

    response = client.post(reverse(URL_NAME), {"edition": "uk", "name": ""})

    body: dict[str, Any] = response.json()
    assert body["error"] != "A tag needs a name with letters or digits."
    assert "назв" in body["error"]
