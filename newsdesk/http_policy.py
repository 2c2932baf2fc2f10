"""The site's HTTP policy, decided once: which paths are the admin's, which requests are a
reader's, how long each kind of response may be kept and by whom, and absolute addresses.

Every output (reader pages, feeds and sitemaps, the API, search) and the middleware that
serve them (the front cache, the replica router, edition routing) read it from here, so a
lifetime or a prefix cannot drift between them. It imports nothing of the project's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

ADMIN_PREFIXES = ("/admin/",)
SAFE_METHODS = ("GET", "HEAD")

R = TypeVar("R", bound=HttpResponseBase)


@dataclass(frozen=True)
class Lifetime:
    """How long a public response may be kept: by the browser (``max-age``), by shared
    caches (``s-maxage``; Varnish, the app's page cache), and past that while revalidating
    or while the origin fails (RFC 5861)."""

    browser: int
    shared: int | None = None
    stale_while_revalidate: int | None = None
    stale_if_error: int | None = None

    def directives(self) -> dict[str, Any]:
        named = {
            "max_age": self.browser,
            "s_maxage": self.shared,
            "stale_while_revalidate": self.stale_while_revalidate,
            "stale_if_error": self.stale_if_error,
        }
        return {"public": True} | {
            name: value for name, value in named.items() if value is not None
        }


# Browsers keep a reader page a minute: nothing can purge them. Shared caches keep it five:
# every editorial change purges the pages it touches by key (newsdesk.frontcache), so
# s-maxage bounds only what changes with the clock (most read, a banner's expiry). What a
# page is built from ("Read also") is kept as long, for the same reason.
BROWSER_CACHE_SECONDS = 60
SHARED_CACHE_SECONDS = 300
# Reader pages, feeds, sitemaps, robots.txt and the timeline exports. A day of
# stale-if-error keeps the site up through an origin outage.
PAGE = Lifetime(
    browser=BROWSER_CACHE_SECONDS,
    shared=SHARED_CACHE_SECONDS,
    stale_while_revalidate=30,
    stale_if_error=86400,
)
# The read API: an article's correction must reach partners within a minute, so browsers
# keep a minute; shared caches keep longer, because a change purges them by key. A partner
# must not be handed a copy hours old when the origin is down, hence the short grace.
API = Lifetime(browser=60, shared=600, stale_while_revalidate=30, stale_if_error=600)
# The poll of an open live page: every reader with the same newest update asks the same
# address, so a few seconds in the front cache absorb a spike.
LIVE_POLL = Lifetime(browser=5, shared=5, stale_if_error=60)
# A CORS preflight's answer never changes; browsers keep it a day.
PREFLIGHT = Lifetime(browser=86400)


def is_admin_path(path: str) -> bool:
    """The editors' admin: its own language, no reader headers, never cached or replicated."""
    return path.startswith(ADMIN_PREFIXES)


def has_session_cookie(request: HttpRequest) -> bool:
    """Whether the request may belong to a signed-in editor. Asked of the cookie, not of the
    session, so that a reader's request never costs a session lookup."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def is_reader_request(request: HttpRequest) -> bool:
    """A reader's request: a GET or HEAD outside the admin, without a session cookie. Such a
    request may be answered from a cache and may read a replica."""
    return (
        request.method in SAFE_METHODS
        and not is_admin_path(request.path)
        and not has_session_cookie(request)
    )


def client_address(request: HttpRequest) -> str:
    """The client's IP. Behind ``NEWSDESK_API_PROXY_COUNT`` trusted proxies (Varnish, a load
    balancer) it is the entry they appended to X-Forwarded-For; a client cannot forge it,
    since proxies append to whatever the client sent. The read API's rate limit and the
    sign-in throttle both count by it."""
    proxies = int(getattr(settings, "NEWSDESK_API_PROXY_COUNT", 0))
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-min(proxies, len(hops))] if hops else remote


def public(response: R, lifetime: Lifetime | None = None) -> R:
    """Mark ``response`` cacheable by anyone for ``lifetime`` (reader pages' by default)."""
    patch_cache_control(response, **(lifetime or PAGE).directives())
    return response


def private(response: R) -> R:
    """An editor's view (a preview, a draft): kept by no cache, not even the browser's."""
    response["Cache-Control"] = "private, no-store"
    return response


def no_store(response: R) -> R:
    """An error or a count that must not stick in any cache."""
    response["Cache-Control"] = "no-store"
    return response


def last_modified(response: R, moment: dt.datetime | None) -> R:
    """Date ``response`` by the newest change it shows. Django's ``ConditionalGetMiddleware``
    then adds the ETag and answers ``If-None-Match`` and ``If-Modified-Since`` with 304s, as
    it does for every GET; nothing here computes either."""
    if moment is not None:
        response["Last-Modified"] = http_date(moment.timestamp())
    return response


def absolute(path: str) -> str:
    """``path`` on the public origin (``BASE_URL``), for links that leave the site: feeds,
    sitemaps, the API, sharing tags, canonical and hreflang links."""
    return settings.BASE_URL.rstrip("/") + path
