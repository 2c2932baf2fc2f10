"""The second-factor pages and the security log in the admin."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

URL_NAMESPACE = "accounts"


@hooks.register("register_admin_urls")
def register_account_urls() -> list[Any]:
    urls = [
        path("", views.manage, name="manage"),
        path("set-up/", views.enrol, name="enrol"),
        path("verify/", views.verify, name="verify"),
        path("confirm/", views.confirm, name="confirm"),
        path("keys/add/", views.webauthn_register, name="webauthn_register"),
        path("keys/sign-in/", views.webauthn_authenticate, name="webauthn_authenticate"),
    ]
    return [
        path("two-factor/", include((urls, URL_NAMESPACE))),
        path("security-log/", views.security_log_view, name="accounts_security_log"),
    ]


class SecurityLogMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm("accounts.view_securityevent")


@hooks.register("register_reports_menu_item")
def register_security_log_menu_item() -> MenuItem:
    return SecurityLogMenuItem(
        _("Security log"), reverse("accounts_security_log"), icon_name="lock", order=900
    )


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request: HttpRequest) -> dict[str, Any]:
    return {
        "url": reverse(f"{URL_NAMESPACE}:manage"),
        "label": _("Two-factor authentication"),
        "help_text": _("Authenticator app, security keys and recovery codes."),
    }
