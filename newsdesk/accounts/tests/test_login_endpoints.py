"""One sign-in form: Wagtail's public one for private pages is not a second door."""

from __future__ import annotations

from .conftest import PASSWORD, signed_in_as


def test_the_public_login_form_leads_to_the_admins(client, editor):
    response = client.get("/wagtail/_util/login/?next=/uk/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=%2Fuk%2F"


def test_the_public_login_form_takes_no_password(client, editor):
    response = client.post("/wagtail/_util/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 405
    assert signed_in_as(client) is None


def test_an_outside_next_address_is_dropped(client, db):
    response = client.get("/wagtail/_util/login/?next=https://evil.example/")
    assert response["Location"] == "/admin/login/"
