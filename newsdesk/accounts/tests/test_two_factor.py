"""Two-factor sign-in: required per role, enrolment first, no path around it."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from newsdesk.accounts import policy
from newsdesk.accounts.models import SecurityEvent
from newsdesk.editorial import roles
from newsdesk.testing.factories import sign_in

from .conftest import PASSWORD, app_for, code_of, make_user, password_sign_in, signed_in_as


def test_the_default_policy_requires_a_second_factor_of_publishing_roles(db):
    assert set(policy.required_roles()) == {
        roles.ADMINISTRATORS,
        roles.EDITORS,
        roles.SECTION_EDITORS,
    }
    assert set(policy.required_roles()) <= set(Group.objects.values_list("name", flat=True))


def test_an_editor_without_a_factor_is_sent_to_enrol_before_anything(client, editor):
    assert password_sign_in(client, "editor").status_code == 302
    for path in (
        "/admin/",
        "/admin/account/",
        "/admin/snippets/articles/article/",
        "/admin/users/",
    ):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/two-factor/set-up/?next="), path


def test_enrolling_an_app_verifies_the_session_and_gives_recovery_codes(client, editor):
    password_sign_in(client, "editor")
    page = client.get("/admin/two-factor/set-up/?next=/admin/")
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    wrong = client.post("/admin/two-factor/set-up/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors
    assert client.get("/admin/").status_code == 302
    # django-otp's own throttle delays the next try after a failure; the test moves past it.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)

    done = client.post("/admin/two-factor/set-up/", {"code": code_of(device), "next": "/admin/"})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/admin/").status_code == 200
    assert SecurityEvent.objects.filter(event="two_factor_enrolled", username="editor").exists()


def test_the_next_sign_in_asks_for_a_code(client, editor):
    device = app_for(editor)
    password_sign_in(client, "editor")
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/two-factor/verify/")

    wrong = client.post("/admin/two-factor/verify/", {"code": "123456", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "That code is not valid" in wrong.content.decode()
    assert SecurityEvent.objects.filter(event="two_factor_failed").count() == 1
    # The device's own throttle delays the next try; the test moves past it.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)

    right = client.post("/admin/two-factor/verify/", {"code": code_of(device), "next": "/admin/"})
    assert right.status_code == 302 and right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_signs_in_once(client, editor):
    app_for(editor)
    sign_in(client, editor)
    codes = client.post("/admin/two-factor/", {"action": "recovery-codes"}).context["codes"]
    client.logout()

    password_sign_in(client, "editor")
    used = client.post("/admin/two-factor/verify/", {"code": codes[0], "next": "/admin/"})
    assert used.status_code == 302
    client.logout()
    password_sign_in(client, "editor")
    again = client.post("/admin/two-factor/verify/", {"code": codes[0], "next": "/admin/"})
    assert again.status_code == 200


def test_a_stolen_password_cannot_enrol_a_factor_beside_the_owners(client, editor):
    app_for(editor)
    password_sign_in(client, "editor")
    for path in ("/admin/two-factor/set-up/", "/admin/two-factor/keys/add/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/two-factor/verify/")
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_a_role_without_the_requirement_signs_in_with_a_password(client, contributor):
    password_sign_in(client, "contributor")
    assert client.get("/admin/").status_code == 200


def test_a_contributor_who_set_up_a_factor_is_asked_for_it(client, contributor):
    app_for(contributor)
    password_sign_in(client, "contributor")
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")


def test_a_superuser_counts_as_an_administrator(client, db):
    make_user("root", is_superuser=True, is_staff=True)
    password_sign_in(client, "root")
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/set-up/")


def test_a_new_password_sign_in_asks_for_the_second_factor_again(client, editor):
    device = app_for(editor)
    password_sign_in(client, "editor")
    client.post("/admin/two-factor/verify/", {"code": code_of(device), "next": "/admin/"})
    assert client.get("/admin/").status_code == 200
    password_sign_in(client, "editor")
    assert client.get("/admin/").status_code == 302


def test_a_password_reset_does_not_sign_in(client, editor, settings):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = True
    response = client.post("/admin/password_reset/", {"email": "editor@newsdesk.test"})
    assert response.status_code == 302
    link = re.search(r"(/admin/password_reset/confirm/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    new = "a brand new long passphrase"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert signed_in_as(client) is None
    password_sign_in(client, "editor", new)
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/set-up/")
    assert SecurityEvent.objects.filter(event="password_changed", username="editor").exists()
    assert SecurityEvent.objects.filter(event="password_reset_requested").exists()


@pytest.mark.parametrize(
    ("language", "heading"),
    [("uk", "Налаштуйте двофакторну автентифікацію"), ("en", "Set up two-factor authentication")],
)
def test_the_enrolment_page_speaks_the_editors_language(client, db, language, heading):
    make_user(f"editor-{language}", roles.EDITORS, language=language)
    password_sign_in(client, f"editor-{language}")
    page = client.get("/admin/two-factor/set-up/").content.decode()
    assert heading in page


def test_the_factories_sign_in_verified(client, editor):
    sign_in(client, editor)
    assert client.get("/admin/").status_code == 200
    assert PASSWORD
