"""Edition routing and the security headers every public page carries."""

from __future__ import annotations

from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from newsdesk.editions import DEFAULT_EDITION, EDITIONS
from newsdesk.http_policy import is_admin_path, is_preview

# A cached page cannot carry a per-request nonce, so public pages allow no inline
# script or style at all; embeds may frame only the privacy-enhanced players.
_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
CONTENT_SECURITY_POLICY = f"{_POLICY}; frame-ancestors 'none'"
# A preview is the reader page rendered for the admin's side panel, an iframe on the
# admin's own origin: that origin, and no other, may frame it.
PREVIEW_CONTENT_SECURITY_POLICY = f"{_POLICY}; frame-ancestors 'self'"


# The editors' admin (Wagtail's) starts its choosers and date pickers with inline scripts
# and styles elements inline, so it needs 'unsafe-inline' for both (Wagtail gives them no
# nonce); it needs no eval, and scripts, requests, images and frames stay on our origin, so
# an injected script cannot load more code or post what it reads elsewhere with fetch.
# What it never needs: plugins, another base URL, forms posting elsewhere, or being framed
# by another site (clickjacking of an editor's Publish). Checked in Chromium by
# tests/functional/test_admin_browser.py.
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


def edition_of_path(path: str) -> str | None:
    head = path.lstrip("/").split("/", 1)[0]
    return head if head in EDITIONS else None


class EditionMiddleware:
    """Activates the edition's language from the path prefix (/uk/…, /en/…).

    The admin keeps each editor's own language (Wagtail's account preference); every other
    path falls back to the default edition, so error pages are never in a browser's language
    that the site does not speak.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_admin_path(request.path):
            return self.get_response(request)
        edition = edition_of_path(request.path) or DEFAULT_EDITION
        request.edition = edition  # type: ignore[attr-defined]
        with translation.override(edition):
            response = self.get_response(request)
            response.setdefault("Content-Language", edition)
        return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_admin_path(request.path):
            response.setdefault("Content-Security-Policy", ADMIN_CONTENT_SECURITY_POLICY)
            response.setdefault("Referrer-Policy", "same-origin")
        else:
            policy = (
                PREVIEW_CONTENT_SECURITY_POLICY if is_preview(request) else CONTENT_SECURITY_POLICY
            )
            response.setdefault("Content-Security-Policy", policy)
            response.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
            response.setdefault("Permissions-Policy", "interest-cohort=()")
        response.setdefault("X-Content-Type-Options", "nosniff")
        return response


class DatabaseOutageMiddleware:
    """A reader's page whose database does not answer (stopped, unreachable, restarting) is
    the site's 503 in the edition's language, at once and with ``Retry-After``; what the
    front caches hold keeps serving meanwhile. Other errors stay 500s."""

    RETRY_AFTER = 30

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        return outage_answer(request, exception)


def outage_answer(request: HttpRequest, exception: BaseException) -> HttpResponse | None:
    """The site's 503 when ``exception`` says the database does not answer and ``request``
    is a reader's; None otherwise. Asked for a view's exception (the middleware above) and
    for one raised outside any view (``views.server_error``: the page cache's session lookup
    runs before the view, decision 0047)."""
    if is_admin_path(request.path) or not isinstance(exception, OperationalError | InterfaceError):
        return None
    from .views import service_unavailable

    return service_unavailable(request, DatabaseOutageMiddleware.RETRY_AFTER)
