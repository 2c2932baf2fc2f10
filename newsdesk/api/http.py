"""HTTP behaviour shared by every address under /api/v1/: CORS, conditional GET, caching and
the per-client rate limit. The lifetimes are the site's HTTP policy (``newsdesk.http_policy``).

It wraps the URL patterns rather than living in middleware, so the API brings its own
rules without changing the site's middleware stack, and it covers what ninja answers by
itself (the OpenAPI document, 404s, 405s, validation errors) as well as the operations.
"""

from __future__ import annotations

import functools
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, set_response_etag

from newsdesk.http_policy import API, PREFLIGHT, no_store, public

DEFAULT_RATE = "300/m"
ALLOWED_METHODS = "GET, OPTIONS"
# Fetch exposes only CORS-safelisted response headers unless told otherwise.
EXPOSED_HEADERS = "ETag, Retry-After"

_PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}

View = Callable[..., HttpResponseBase]


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """``"300/m"``: 300 requests per minute (``s``, ``m``, ``h`` or ``d``)."""
        count, _slash, period = text.partition("/")
        if not count.isdigit() or int(count) < 1 or period not in _PERIODS:
            raise ValueError(f"NEWSDESK_API_RATE must look like '300/m', not {text!r}")
        return cls(int(count), _PERIODS[period])


def rate() -> Rate:
    return Rate.parse(getattr(settings, "NEWSDESK_API_RATE", DEFAULT_RATE))


def client_address(request: HttpRequest) -> str:
    """The client's IP. Behind ``NEWSDESK_API_PROXY_COUNT`` trusted proxies (Varnish, a load
    balancer) it is the entry they appended to X-Forwarded-For; a client cannot forge it,
    since proxies append to whatever the client sent."""
    proxies = int(getattr(settings, "NEWSDESK_API_PROXY_COUNT", 0))
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-min(proxies, len(hops))] if hops else remote


def retry_after(request: HttpRequest, *, now: float | None = None) -> int | None:
    """Count this request against its client's window; seconds to wait when over the limit.

    A fixed window counted with the cache's atomic ``incr`` (Redis INCR in production), so
    every worker shares one count. When the cache is down the API serves rather than refuses.
    """
    limit = rate()
    moment = time.time() if now is None else now
    window = int(moment // limit.seconds)
    key = f"api-rate:{client_address(request)}:{limit.seconds}:{window}"
    cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        hits = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=limit.seconds + 1)
        hits = 1
    if hits is None or hits <= limit.requests:
        return None
    return max(1, math.ceil((window + 1) * limit.seconds - moment))


def json_error(status: int, detail: str) -> HttpResponse:
    return HttpResponse(
        json.dumps({"detail": detail}), status=status, content_type="application/json"
    )


def _cors(response: HttpResponseBase) -> HttpResponseBase:
    # Public, read-only data: any origin may read it, never with credentials.
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response


def preflight(request: HttpRequest) -> HttpResponse:
    """The answer to a CORS preflight: GET only, no credentials."""
    response = HttpResponse(status=204)
    response["Allow"] = ALLOWED_METHODS
    requested = request.META.get("HTTP_ACCESS_CONTROL_REQUEST_METHOD")
    if requested is not None and requested.upper() != "GET":
        # No Access-Control-Allow-* headers: the browser refuses the request.
        return response
    _cors(response)
    response["Access-Control-Allow-Methods"] = "GET"
    response["Access-Control-Allow-Headers"] = "If-None-Match"
    response["Access-Control-Max-Age"] = str(PREFLIGHT.browser)
    return public(response, PREFLIGHT)


def read_only(view: View) -> View:
    """CORS, the rate limit, ETag / If-None-Match and cache headers around one API view."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        if request.method == "OPTIONS":
            return preflight(request)
        wait = retry_after(request)
        if wait is not None:
            limited = json_error(
                429, f"Too many requests from this address: try again in {wait} seconds."
            )
            limited["Retry-After"] = str(wait)
            return _cors(no_store(limited))
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and request.method == "GET":
            public(response, API)
            # The one place that answers 304s itself; everywhere else ConditionalGetMiddleware
            # does. Its 304 keeps only the caching headers (RFC 9110 §15.4.5) and drops
            # Access-Control-*, without which a browser withholds from a cross-origin script
            # the 304 that answers its own If-None-Match. So the 304 is made here, inside
            # _cors() below.
            if isinstance(response, HttpResponse):
                set_response_etag(response)
                response = (
                    get_conditional_response(request, etag=response["ETag"], response=response)
                    or response
                )
        else:
            # A 404 may be a draft about to go out; an error must not stick in a shared cache.
            if not response.has_header("Cache-Control"):
                no_store(response)
        return _cors(response)

    return wrapped


def not_found(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    """Any other address under /api/v1/: a JSON 404, not the reader site's HTML page."""
    return json_error(404, "No such API address. The OpenAPI document lists them all.")
