"""Who must sign in with a second factor, and what a session has proved.

A session is *verified* once its user has given a second factor since signing in with a
password; it has *re-authenticated* when the user last proved themselves (password or
second factor). Both are kept in the session as times, so they end with it.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

VERIFIED_KEY = "accounts.verified"
REAUTHENTICATED_KEY = "accounts.reauthenticated_at"
SIGNED_IN_KEY = "accounts.signed_in_at"
ACTIVE_KEY = "accounts.active_at"

# Roles as named by editorial.roles; superusers count as Administrators.
ADMINISTRATORS = "Administrators"


def required_roles() -> frozenset[str]:
    return frozenset(getattr(settings, "NEWSDESK_TWO_FACTOR_ROLES", ()))


def has_second_factor(user: Any) -> bool:
    """Whether ``user`` has a confirmed authenticator app or a security key (recovery codes
    alone do not count: they are a way back, not a factor to enrol)."""
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists() or user.webauthn_keys.exists()
    )


def requires_second_factor(user: Any) -> bool:
    """Whether ``user`` must give a second factor before reaching anything signed-in: their
    role requires it, or they have enrolled one (a factor, once there, is always asked)."""
    if not user.is_authenticated:
        return False
    roles = required_roles()
    if roles:
        if user.is_superuser and ADMINISTRATORS in roles:
            return True
        if user.groups.filter(name__in=roles).exists():
            return True
    return has_second_factor(user)


def is_verified(request: HttpRequest) -> bool:
    return bool(request.session.get(VERIFIED_KEY))


def mark_verified(request: HttpRequest, method: str) -> None:
    verify_session(request.session, method)


def verify_session(session: SessionBase, method: str) -> None:
    """Mark ``session`` as having given a second factor (``method``) just now."""
    now = time.time()
    session[VERIFIED_KEY] = {"method": method, "at": now}
    session[REAUTHENTICATED_KEY] = now


def mark_reauthenticated(request: HttpRequest) -> None:
    request.session[REAUTHENTICATED_KEY] = time.time()


def reauthenticated_recently(request: HttpRequest) -> bool:
    at = request.session.get(REAUTHENTICATED_KEY)
    window = int(getattr(settings, "NEWSDESK_REAUTHENTICATE_MINUTES", 10)) * 60
    return at is not None and time.time() - float(at) <= window


def recovery_device(user: Any) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).first()


RECOVERY_DEVICE_NAME = "recovery"
