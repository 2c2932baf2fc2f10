"""Previews at public addresses: a session that still owes a second factor is nobody's."""

from __future__ import annotations

from newsdesk.editorial import roles
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

from .conftest import make_user, password_sign_in


def test_outside_the_admin_an_unverified_session_is_nobodys(client, demo_newsroom):
    editor = make_user("desk", roles.EDITORS)
    draft = factories.draft("en", "work-in-progress", lead="One paragraph.")
    password_sign_in(client, "desk")
    assert client.get(draft.get_url()).status_code == 404
    sign_in(client, editor)
    assert client.get(draft.get_url()).status_code == 200
