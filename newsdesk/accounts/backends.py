"""The only authentication backend: Django's, behind the sign-in throttle."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from . import throttle


class ThrottledModelBackend(ModelBackend):
    """Refuses every sign-in for a throttled account name or client address, the right
    password included, whatever form or view asked (``PermissionDenied`` stops Django's
    ``authenticate`` at once). The admin's sign-in form says why (``forms.LoginForm``)."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if username is not None and throttle.seconds_locked(request, username):
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)
