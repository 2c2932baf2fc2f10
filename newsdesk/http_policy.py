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
from django.utils.http import http_date, urlencode

ADMIN_PREFIXES = ("/admin/",)
SAFE_METHODS = ("GET", "HEAD")
# Every query parameter a public route reads: the feeds' "More news" (``after``, and
# ``fragment`` for the slice the page's script appends), search (``q``, ``page`` and its
# filters), the live poll (``after``) and the read API's filters and cursors. The front
# caches key a request by these alone, sorted, so a random parameter cannot make a miss;
# ``deploy/varnish/default.vcl`` keeps the same list (a test compares them).
QUERY_PARAMETERS = frozenset(
    {
        "after",
        "fragment",
        "q",
        "page",
        "section",
        "label",
        "from",
        "to",
        "edition",
        "limit",
        "cursor",
        "tag",
        "author",
        "updated_since",
    }
)

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


# Uploaded files are served from the site's origin, so none may ever run as the site
# (decision 0027): a sandboxed document with no sources of its own, whatever a browser makes
# of the bytes. An image opened by itself still shows (img-src 'self').
UPLOAD_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; img-src 'self'"


def inert(response: R, *, attachment: bool) -> R:
    """Headers of an uploaded file: never active content, never sniffed into another type,
    and downloaded rather than shown unless it is an image of an allowed type."""
    response["Content-Security-Policy"] = UPLOAD_CONTENT_SECURITY_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    if attachment:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    return response


def is_admin_path(path: str) -> bool:
    """The editors' admin: its own language, no reader headers, never cached or replicated."""
    return path.startswith(ADMIN_PREFIXES)


def is_preview(request: HttpRequest) -> bool:
    """An editor's preview: Wagtail renders the reader view for a request of its own making,
    which passes through the whole middleware stack at the reader page's path and is marked
    ``is_preview`` once the view runs (so ask after ``get_response``)."""
    return bool(getattr(request, "is_preview", False))


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


def cache_address(request: HttpRequest) -> str:
    """The address a shared cache keys ``request`` by: its path and the parameters of
    :data:`QUERY_PARAMETERS` it carries, sorted by name (repeated ones keep their order, so
    the value a view reads, the last, stays the last); any other parameter is dropped."""
    kept = sorted(
        ((name, value) for name, value in request.GET.lists() if name in QUERY_PARAMETERS),
        key=lambda pair: pair[0],
    )
    query = urlencode(kept, doseq=True)
    return f"{request.path}?{query}" if query else request.path


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
