"""Surrogate keys, ``Last-Modified`` and the app's own page cache on public responses.

Around each public request the middleware collects the keys the view notes, writes them in
the ``xkey`` header (Varnish indexes its objects by them) and sets ``Last-Modified`` to
the newest change among them (:mod:`.clock`). Django's ``ConditionalGetMiddleware``, which
stands outside it, adds the ETag and answers 304s.

With ``NEWSDESK_PAGE_CACHE`` on (the embedded default, where no Varnish stands in front),
anonymous GETs of public responses are also kept in the app's cache for their
``s-maxage``, each entry with its keys and the time its render began: once a purge stamps
any of those keys later than that, the entry no longer counts. Requests with a session
cookie (editors) and the admin bypass it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.http import http_date

from newsdesk.http_policy import is_admin_path, is_reader_request

from . import clock, fragments, keys

CACHEABLE_STATUS = (200, 301, 404)
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
    return PAGE_PREFIX + hashlib.sha256(request.get_full_path().encode()).hexdigest()


class FrontCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_admin_path(request.path):
            return self.get_response(request)
        use_page_cache = settings.NEWSDESK_PAGE_CACHE and is_reader_request(request)
        if use_page_cache:
            hit = self._lookup(request)
            if hit is not None:
                return hit
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
