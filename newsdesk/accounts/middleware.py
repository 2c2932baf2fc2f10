"""Signed-in sessions: their idle timeout and absolute lifetime, the second factor a role
requires, and a fresh proof of identity before account and group changes.

It stands after Django's authentication middleware. A request without a session cookie (a
reader's) passes at no cost; see ``http_policy.has_session_cookie``.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponseBase, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from newsdesk.http_policy import has_session_cookie, is_admin_path, private

from . import policy

_current: contextvars.ContextVar[HttpRequest | None] = contextvars.ContextVar(
    "accounts_request", default=None
)

# Changes to accounts and roles ask for a proof of identity of the last few minutes.
REAUTHENTICATE_PREFIXES = ("/admin/users/", "/admin/groups/")
# How often the last-activity time is written (a write per request would be a write per
# click for nothing).
ACTIVITY_RESOLUTION_SECONDS = 60


def current_request() -> HttpRequest | None:
    """The request being answered in this thread, for receivers of model signals."""
    return _current.get()


def _minutes(name: str, default: int) -> int:
    return int(getattr(settings, name, default)) * 60


def _open_paths(*, enrolled: bool) -> tuple[str, ...]:
    """Admin paths a signed-in user who still owes a second factor may reach: the way to
    give it if they have one, the way to set one up if they have none (never both: a
    stolen password must not enrol a factor of its own beside the owner's)."""
    steps = (
        ("accounts:verify", "accounts:webauthn_authenticate")
        if enrolled
        else ("accounts:enrol", "accounts:webauthn_register")
    )
    return (
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        # what every admin page loads: the script catalogue and the icons
        reverse("wagtailadmin_javascript_catalog"),
        reverse("wagtailadmin_sprite"),
        *(reverse(name) for name in steps),
    )


def _to(name: str, request: HttpRequest) -> HttpResponseRedirect:
    return private(
        HttpResponseRedirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
    )


class AccountSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        token = _current.set(request)
        try:
            return self.check(request) or self.get_response(request)
        finally:
            _current.reset(token)

    def check(self, request: HttpRequest) -> HttpResponseBase | None:
        if not has_session_cookie(request) or not request.user.is_authenticated:
            return None
        session = request.session
        now = time.time()
        signed_in = float(session.get(policy.SIGNED_IN_KEY, now))
        active = float(session.get(policy.ACTIVE_KEY, signed_in))
        idle = _minutes("NEWSDESK_SESSION_IDLE_MINUTES", 30)
        lifetime = _minutes("NEWSDESK_SESSION_MAX_HOURS", 12) * 60
        if now - active > idle or now - signed_in > lifetime:
            logout(request)
            if is_admin_path(request.path):
                messages.info(request, _("Your session has ended. Please sign in again."))
                return _to("wagtailadmin_login", request)
            return None
        if policy.SIGNED_IN_KEY not in session:
            session[policy.SIGNED_IN_KEY] = now
        if now - active >= ACTIVITY_RESOLUTION_SECONDS or policy.ACTIVE_KEY not in session:
            session[policy.ACTIVE_KEY] = now

        admin = is_admin_path(request.path)
        if not policy.is_verified(request) and policy.requires_second_factor(request.user):
            if not admin:
                # Outside the admin (previews at public addresses) a session that owes a
                # second factor is nobody's.
                request.user = AnonymousUser()
                return None
            enrolled = policy.has_second_factor(request.user)
            if request.path.startswith(_open_paths(enrolled=enrolled)):
                return None
            return _to("accounts:verify" if enrolled else "accounts:enrol", request)
        if (
            admin
            and request.path.startswith(REAUTHENTICATE_PREFIXES)
            and not policy.reauthenticated_recently(request)
        ):
            return _to("accounts:confirm", request)
        return None
