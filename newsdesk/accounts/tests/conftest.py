"""Accounts in the roles the newsroom has, and the admin's two sign-in steps."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from newsdesk.editorial import roles

PASSWORD = "correct horse battery"  # noqa: S105 - the tests' own accounts


def make_user(username: str, *groups: str, language: str = "en", **extra: Any) -> Any:
    user = get_user_model().objects.create_user(
        username, f"{username}@newsdesk.test", PASSWORD, **extra
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(
        preferred_language=language
    )
    return user


@pytest.fixture
def editor(db) -> Any:
    return make_user("editor", roles.EDITORS)


@pytest.fixture
def contributor(db) -> Any:
    return make_user("contributor", roles.CONTRIBUTORS)


@pytest.fixture
def administrator(db) -> Any:
    return make_user("chief", roles.ADMINISTRATORS)


def app_for(user: Any) -> TOTPDevice:
    """A confirmed authenticator app for ``user``."""
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def code_of(device: TOTPDevice, *, step: int = 0) -> str:
    device.refresh_from_db()
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=step)
    return f"{code:06d}"


def password_sign_in(client: Any, username: str, password: str = PASSWORD, **extra: Any) -> Any:
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def signed_in_as(client: Any) -> str | None:
    """The id of the user the client's session belongs to, if any."""
    return client.session.get("_auth_user_id")
