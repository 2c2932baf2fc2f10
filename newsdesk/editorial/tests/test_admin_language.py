"""Each editor reads the admin in their own language (Wagtail's account preference)."""

from __future__ import annotations

import pytest
from django.urls import reverse

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
