"""Mail from EMAIL_URL; without it, no traceback and no false promise of a reset mail."""

from __future__ import annotations

import logging
import os

import pytest
from django.core.mail import get_connection, send_mail

from newsdesk.accounts.mail import UNCONFIGURED, MailConfigurationError, settings_from_url


def test_smtp_with_starttls_and_an_encoded_password():
    found = settings_from_url("smtp://desk%40newsdesk.test:p%40ss%3Aword@mail.example:2525")
    assert found == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "desk@newsdesk.test",
        "EMAIL_HOST_PASSWORD": "p@ss:word",
        "EMAIL_USE_SSL": False,
        "EMAIL_USE_TLS": True,
        "EMAIL_TIMEOUT": 10,
    }


def test_smtps_plain_smtp_console_and_none():
    assert settings_from_url("smtps://mail.example")["EMAIL_PORT"] == 465
    assert settings_from_url("smtps://mail.example")["EMAIL_USE_SSL"] is True
    plain = settings_from_url("smtp://relay.internal?tls=0")
    assert (plain["EMAIL_PORT"], plain["EMAIL_USE_TLS"]) == (25, False)
    assert settings_from_url("console:")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    assert settings_from_url("") == {"EMAIL_BACKEND": UNCONFIGURED}


@pytest.mark.parametrize("bad", ["mail.example", "http://mail.example", "smtp://", "smtp:///x"])
def test_a_malformed_url_is_refused_with_the_expected_form(bad):
    with pytest.raises(MailConfigurationError, match="smtp://user:password@host:587"):
        settings_from_url(bad)


def test_without_mail_a_message_is_dropped_with_one_line_and_no_traceback(caplog):
    connection = get_connection(UNCONFIGURED)
    with caplog.at_level(logging.WARNING, logger="newsdesk.mail"):
        sent = send_mail(
            "Review requested",
            "…",
            "desk@newsdesk.test",
            ["a@x.test", "b@x.test"],
            connection=connection,
        )
    assert sent == 0
    [line] = caplog.records
    assert line.exc_info is None
    assert line.getMessage() == (
        "mail not sent (EMAIL_URL is not set): 'Review requested' to 2 recipient(s)"
    )


def test_without_mail_the_sign_in_page_offers_no_reset(client, db, settings):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = False
    page = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "/admin/password_reset/" not in page
    assert "Ask an administrator" in page or "Попросіть адміністратора" in page
    assert client.get("/admin/password_reset/").status_code == 404


def test_with_mail_the_sign_in_page_offers_a_reset(client, db, settings):
    settings.WAGTAIL_PASSWORD_RESET_ENABLED = True
    page = client.get("/admin/login/").content.decode()
    assert "/admin/password_reset/" in page
    assert client.get("/admin/password_reset/").status_code == 200


def test_the_test_settings_send_no_mail_and_offer_no_reset(settings):
    assert settings.WAGTAIL_PASSWORD_RESET_ENABLED is False


def test_production_without_email_url_sends_nothing_and_the_demo_prints():
    from newsdesk.settings import base, dev

    if os.environ.get("EMAIL_URL"):
        pytest.skip("EMAIL_URL is set in this environment")
    assert base.EMAIL_BACKEND == UNCONFIGURED
    assert base.WAGTAIL_PASSWORD_RESET_ENABLED is False
    assert dev.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
    assert dev.WAGTAIL_PASSWORD_RESET_ENABLED is True
