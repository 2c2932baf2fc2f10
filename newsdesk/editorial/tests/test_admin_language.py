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
