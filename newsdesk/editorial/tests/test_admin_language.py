"""Each editor reads the admin in their own language (Wagtail's account preference)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.snippets.models import get_snippet_models

from newsdesk.editorial import roles
from newsdesk.testing.factories import sign_in

from .conftest import make_user


@pytest.mark.parametrize(
    ("language", "expected", "unexpected"),
    [("uk", "Панель", "Dashboard"), ("en", "Dashboard", "Панель")],
)
def test_the_dashboard_speaks_the_editors_language(
    client, db, language: str, expected: str, unexpected: str
) -> None:
    sign_in(client, make_user(f"editor-{language}", roles.EDITORS, language=language))

    response = client.get(reverse("wagtailadmin_home"))

    page = response.content.decode()
    assert f'lang="{language}"' in page
    assert expected in page
    assert unexpected not in page


@pytest.mark.parametrize(
    ("listing", "ukrainian", "english"),
    [
        ("wagtailsnippets_articles_article:list", "Додати статтю", "Add article"),
        ("wagtailsnippets_sections_section:list", "Додати рубрику", "Add section"),
        ("wagtailsnippets_people_author:list", "Додати автора", "Add author"),
        ("wagtailsnippets_fronts_front:list", "Додати головну сторінку", "Add front page"),
    ],
)
def test_add_buttons_put_our_models_in_the_accusative(
    client, db, listing: str, ukrainian: str, english: str
) -> None:
    for language, expected in (("uk", ukrainian), ("en", english)):
        sign_in(client, make_user(f"editor-{language}", roles.EDITORS, language=language))

        page = client.get(reverse(listing)).content.decode()

        assert expected in page
        if language == "uk":
            # Wagtail's own phrase with the nominative: "Додати стаття".
            assert "Додати стаття" not in page and "Додати рубрика" not in page


def _breadcrumbs(page: str) -> list[str]:
    trail = BeautifulSoup(page, "html.parser").select_one("[data-w-breadcrumbs]")
    assert trail is not None
    return [link.get_text(strip=True) for link in trail.find_all("a")]


@pytest.mark.parametrize(
    "listing",
    [
        "wagtailsnippets_articles_article:list",
        "wagtailsnippets_live_liveupdate:list",
        "wagtailsnippets_stories_story:list",
    ],
)
def test_snippet_breadcrumbs_speak_each_editors_language(client, db, listing: str) -> None:
    """The views are built once, with the URLconf, in the language of whichever request
    resolved an address first: each editor still reads their own."""
    for language, home in (("uk", "Головна"), ("en", "Home")):
        sign_in(client, make_user(f"editor-{language}", roles.EDITORS, language=language))

        assert _breadcrumbs(client.get(reverse(listing)).content.decode())[0] == home


@pytest.mark.parametrize("built_in", ["uk", "en"])
def test_every_snippet_viewsets_breadcrumbs_are_translated_when_shown(built_in: str) -> None:
    for model in get_snippet_models():
        with translation.override(built_in):
            items = model.snippet_viewset.breadcrumbs_items
        for language, home in (("uk", "Головна"), ("en", "Home")):
            with translation.override(language):
                assert str(items[0]["label"]) == home, model
