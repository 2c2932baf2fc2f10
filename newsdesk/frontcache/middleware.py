"""Surrogate keys, ``Last-Modified`` and the app's own page cache on public responses.

Around each public request the middleware collects the keys the view notes, writes them in
the ``xkey`` header (Varnish indexes its objects by them) and sets ``Last-Modified`` to
the newest change among them (:mod:`.clock`). Django's ``ConditionalGetMiddleware``, which
stands outside it, adds the ETag and answers 304s.

With ``NEWSDESK_PAGE_CACHE`` on (the embedded default, where no Varnish stands in front),
anonymous GETs of public responses are also kept in the app's cache for their
``s-maxage``, each entry with its keys and the time its render began: once a purge stamps
any of those keys later than that, the entry no longer counts. It holds what the edge holds
(decision 0031): an entry is named by the path and the known query parameters only
(:func:`newsdesk.http_policy.cache_address`); a reader's cookies are dropped, so only a
signed-in editor's session (and the admin) bypasses it; and each client may cause only so
many misses a minute (``NEWSDESK_MISS_RATE``) before it is answered 429; a search engine's
crawler, known by its network, has a larger budget (``NEWSDESK_CRAWLER_MISS_RATE``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.http import http_date
from django.utils.module_loading import import_string

from newsdesk import throttles
from newsdesk.http_policy import (
    SAFE_METHODS,
    cache_address,
    has_session_cookie,
    is_admin_path,
    is_reader_request,
)

from . import clock, fragments, keys

CACHEABLE_STATUS = (200, 301, 404)
MISS_SCOPE = "throttle:miss"
DEFAULT_MISS_RATE = "120/m"
CRAWLER_MISS_SCOPE = "throttle:crawler-miss"
DEFAULT_CRAWLER_MISS_RATE = "1200/m"
S_MAXAGE = re.compile(r"(?:^|,)\s*s-maxage=(\d+)")
PAGE_PREFIX = "frontcache:page:"
# Headers a cached entry replays; the outer middleware add the rest on every response.
REPLAYED = (
    "Content-Type",
    "Content-Language",
    "Cache-Control",
    "Location",
    keys.HEADER,
    "Last-Modified",
    "ETag",
)


def shared_max_age(response: HttpResponse) -> int:
    """The response's ``s-maxage``, or 0 when a shared cache must not keep it."""
    control = response.get("Cache-Control", "")
    found = S_MAXAGE.search(control)
    if found is None or "public" not in control or "private" in control:
        return 0
    return int(found.group(1))


def is_shareable(response: HttpResponse) -> bool:
    return (
        shared_max_age(response) > 0
        and not response.cookies
        and not response.streaming
        and response.status_code in CACHEABLE_STATUS
    )


def _entry_name(request: HttpRequest) -> str:
    return PAGE_PREFIX + hashlib.sha256(cache_address(request).encode()).hexdigest()


def is_signed_in(request: HttpRequest) -> bool:
    """Whether the request's session cookie names a signed-in user's session: one session
    lookup, asked only when such a cookie came. A made-up cookie is no one's."""
    if not has_session_cookie(request):
        return False
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore(request.COOKIES[settings.SESSION_COOKIE_NAME])
    return SESSION_KEY in session


def forget_cookies(request: HttpRequest) -> None:
    """What the edge does to a reader's request (``unset req.http.Cookie``): the page is
    the same for every reader, so no cookie may choose or split it."""
    request.COOKIES = {}
    request.META.pop("HTTP_COOKIE", None)


def too_many_misses(request: HttpRequest) -> HttpResponse | None:
    """Count a page-cache miss against its client; the answer when it is one too many. A
    client in the search engines' crawler networks counts against a budget of its own."""
    address = throttles.client_address(request)
    if throttles.is_in_networks(address, settings.NEWSDESK_CRAWLER_NETWORKS):
        scope = CRAWLER_MISS_SCOPE
        limit = throttles.Rate.setting("NEWSDESK_CRAWLER_MISS_RATE", DEFAULT_CRAWLER_MISS_RATE)
    else:
        scope = MISS_SCOPE
        limit = throttles.Rate.setting("NEWSDESK_MISS_RATE", DEFAULT_MISS_RATE)
    quota = throttles.take(scope, address, limit)
    if not quota.exceeded:
        return None
    # The site's branded page, named in settings as Django names its error handlers.
    view = import_string(settings.NEWSDESK_THROTTLED_VIEW)
    response: HttpResponse = view(request, quota.reset)
    return response


class FrontCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_admin_path(request.path):
            return self.get_response(request)
        if (
            settings.NEWSDESK_PAGE_CACHE
            and request.method in SAFE_METHODS
            and request.COOKIES
            and not is_signed_in(request)
        ):
            forget_cookies(request)
        use_page_cache = settings.NEWSDESK_PAGE_CACHE and is_reader_request(request)
        if use_page_cache:
            hit = self._lookup(request)
            if hit is not None:
                return hit
            # Media files are read from disk, not rendered: a page's pictures cost no budget.
            if not request.path.startswith(settings.MEDIA_URL):
                refused = too_many_misses(request)
                if refused is not None:
                    return refused
        # The page is the outermost fragment: those kept while it renders take its start.
        with fragments.rendering() as started, keys.collecting() as noted:
            response = self.get_response(request)
        if not is_shareable(response) or not noted:
            return response
        stamps = clock.read(noted, unknown=started)
        response[keys.HEADER] = keys.header_value(noted)
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date(max(stamps.values()))
        if use_page_cache and request.method == "GET":
            self._store(request, response, noted, started)
        return response

    def _lookup(self, request: HttpRequest) -> HttpResponse | None:
        entry: Any = cache.get(_entry_name(request))
        if entry is None:
            return None
        noted, started, status, headers, content = entry
        if not clock.unchanged_since(noted, started):
            return None  # purged since it began to render
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response

    def _store(
        self, request: HttpRequest, response: HttpResponse, noted: set[str], started: float
    ) -> None:
        headers = [(name, response[name]) for name in REPLAYED if response.has_header(name)]
        entry = (noted, started, response.status_code, headers, response.content)
        cache.set(_entry_name(request), entry, shared_max_age(response))
