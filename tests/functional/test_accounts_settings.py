"""Production reads mail and the accounts' policy from the environment."""

from __future__ import annotations

import subprocess

import pytest

from .production_settings import production_settings

NAMES = (
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_USE_SSL",
    "WAGTAIL_PASSWORD_RESET_ENABLED",
    "NEWSDESK_TWO_FACTOR_ROLES",
    "SESSION_COOKIE_AGE",
)


def test_without_email_url_production_sends_no_mail_and_offers_no_reset():
    found = production_settings({"EMAIL_URL": ""}, *NAMES)
    assert found["EMAIL_BACKEND"] == "newsdesk.accounts.mail.UnconfiguredBackend"
    assert found["WAGTAIL_PASSWORD_RESET_ENABLED"] is False
    assert found["NEWSDESK_TWO_FACTOR_ROLES"] == ["Administrators", "Editors", "Section editors"]
    assert found["SESSION_COOKIE_AGE"] == 12 * 3600


def test_email_url_names_the_transport_and_turns_the_reset_on():
    found = production_settings({"EMAIL_URL": "smtps://desk:secret@mail.example"}, *NAMES)
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (found["EMAIL_HOST"], found["EMAIL_PORT"], found["EMAIL_USE_SSL"]) == (
        "mail.example",
        465,
        True,
    )
    assert found["WAGTAIL_PASSWORD_RESET_ENABLED"] is True


def test_a_malformed_email_url_stops_the_start_with_the_expected_form():
    with pytest.raises(subprocess.CalledProcessError) as failed:
        production_settings({"EMAIL_URL": "mail.example"}, "EMAIL_BACKEND")
    assert "EMAIL_URL must look like smtp://user:password@host:587" in failed.value.stderr


def test_the_roles_and_lifetimes_come_from_the_environment():
    found = production_settings(
        {"NEWSDESK_TWO_FACTOR_ROLES": "", "NEWSDESK_SESSION_MAX_HOURS": "8"}, *NAMES
    )
    assert found["NEWSDESK_TWO_FACTOR_ROLES"] == []
    assert found["SESSION_COOKIE_AGE"] == 8 * 3600
