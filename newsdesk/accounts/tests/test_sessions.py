"""Session limits, re-authentication before account changes, and sign-out by POST only."""

from __future__ import annotations

import datetime as dt

from django.conf import settings as django_settings

from newsdesk.accounts.models import SecurityEvent
from newsdesk.testing.factories import sign_in

from .conftest import PASSWORD, make_user, signed_in_as


def test_thirty_idle_minutes_end_an_admin_session(client, editor, clock):
    sign_in(client, editor)
    clock.shift(dt.timedelta(minutes=29))
    assert client.get("/admin/").status_code == 200
    clock.shift(dt.timedelta(minutes=29))
    assert client.get("/admin/").status_code == 200
    clock.shift(dt.timedelta(minutes=31))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert signed_in_as(client) is None


def test_activity_does_not_keep_a_session_past_its_lifetime(client, editor, clock, settings):
    settings.NEWSDESK_SESSION_MAX_HOURS = 1
    sign_in(client, editor)
    for minutes in (20, 20, 19):
        clock.shift(dt.timedelta(minutes=minutes))
        assert client.get("/admin/").status_code == 200
    clock.shift(dt.timedelta(minutes=2))
    assert client.get("/admin/").status_code == 302
    assert signed_in_as(client) is None


def test_sessions_live_less_than_a_day():
    assert django_settings.SESSION_COOKIE_AGE <= 24 * 3600
    assert django_settings.SESSION_COOKIE_HTTPONLY


def test_user_and_group_changes_ask_for_the_password_again(client, administrator, clock):
    sign_in(client, administrator)
    assert client.get("/admin/users/").status_code == 200
    clock.shift(dt.timedelta(minutes=11))
    for path in ("/admin/users/", f"/admin/users/edit/{administrator.pk}/", "/admin/groups/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/two-factor/confirm/?next="), path
    assert client.get("/admin/").status_code == 200

    wrong = client.post("/admin/two-factor/confirm/", {"secret": "not it", "next": "/admin/users/"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors
    assert client.get("/admin/users/").status_code == 302

    right = client.post("/admin/two-factor/confirm/", {"secret": PASSWORD, "next": "/admin/users/"})
    assert right["Location"] == "/admin/users/"
    assert client.get("/admin/users/").status_code == 200


def test_a_post_to_the_users_views_without_a_fresh_proof_changes_nothing(
    client, administrator, clock
):
    victim = make_user("reporter")
    sign_in(client, administrator)
    clock.shift(dt.timedelta(minutes=11))
    response = client.post(f"/admin/users/delete/{victim.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/confirm/")
    victim.refresh_from_db()


def test_a_get_to_logout_changes_nothing(client, editor):
    sign_in(client, editor)
    response = client.get("/admin/logout/")
    assert response.status_code == 405
    assert "sessionid" not in response.cookies
    assert signed_in_as(client) == str(editor.pk)
    home = client.get("/admin/")
    assert home.status_code == 200
    assert "successfully logged out" not in home.content.decode()


def test_a_post_to_logout_signs_out_and_is_logged(client, editor):
    sign_in(client, editor)
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert signed_in_as(client) is None
    assert SecurityEvent.objects.filter(event="logout", username="editor").exists()
