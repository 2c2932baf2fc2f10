"""An editor sets up a security key and signs in with it, in Chromium with a virtual
authenticator (DevTools' WebAuthn domain): the admin's own script runs both ceremonies."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import override_settings

from newsdesk.accounts.models import SecurityEvent, WebAuthnKey

from .test_browser import CHROMIUM, browser, open_page  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
PASSWORD = "correct horse battery"  # noqa: S105 - the test's own account


def _sign_in_with_password(page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("form.login-form button[type=submit]")


# The dashboard shows avatars from Gravatar, which a test machine may not reach.
@override_settings(WAGTAIL_GRAVATAR_PROVIDER_URL=None)
def test_an_editor_enrols_a_security_key_and_signs_in_with_it(
    browser,  # noqa: F811 - the fixture
    live_server,
):
    # A transactional test before this one may have emptied the roles made by migrations.
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = get_user_model().objects.create_user("editor", "editor@newsdesk.test", PASSWORD)
    user.groups.add(editors)
    context, page, errors = open_page(browser, javascript=True)
    try:
        devtools = context.new_cdp_session(page)
        devtools.send("WebAuthn.enable")
        devtools.send(
            "WebAuthn.addVirtualAuthenticator",
            {
                "options": {
                    "protocol": "ctap2",
                    "transport": "usb",
                    "hasResidentKey": False,
                    "hasUserVerification": False,
                    "automaticPresenceSimulation": True,
                }
            },
        )
        _sign_in_with_password(page, live_server.url)
        page.wait_for_url("**/admin/two-factor/set-up/**")
        page.click("a[href^='/admin/two-factor/keys/add/']")
        page.fill("#id_name", "Desk key")
        page.click("[data-webauthn-start]")
        page.wait_for_selector("[data-testid=recovery-codes]")
        assert WebAuthnKey.objects.filter(user=user, name="Desk key").count() == 1
        assert page.locator("[data-testid=recovery-codes] li").count() == 10

        context.clear_cookies()
        _sign_in_with_password(page, live_server.url)
        page.wait_for_url("**/admin/two-factor/verify/**")
        page.click("[data-webauthn-start]")
        page.wait_for_url(f"{live_server.url}/admin/")
        assert page.locator(".w-dashboard").count() == 1
        assert SecurityEvent.objects.filter(
            event="two_factor_verified", details__method="webauthn"
        ).exists()
        assert errors == []
    finally:
        context.close()
