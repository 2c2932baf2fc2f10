"""HTTP behaviour of what the API's views answer: the preflight, cache headers, the ETag
and the language. The lifetimes are the site's HTTP policy (``newsdesk.http_policy``).

It wraps the URL patterns rather than living in middleware, so it covers what ninja
answers by itself (the OpenAPI document, 404s, 405s, validation errors) as well as the
operations. What must hold for every answer, a page-cache hit and a 304 included (CORS,
the rate limit), is :mod:`.middleware`'s.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import set_response_etag

from newsdesk.editions import EDITIONS
from newsdesk.http_policy import API, PREFLIGHT, no_store, public

ALLOWED_METHODS = "GET, OPTIONS"
# Fetch exposes only CORS-safelisted response headers unless told otherwise.
EXPOSED_HEADERS = "ETag, Retry-After, RateLimit, RateLimit-Policy"
# The API's own words (its index, the OpenAPI document, its errors) are English.
OWN_LANGUAGE = "en"
_LANGUAGE_NOTE = "api_language"

View = Callable[..., HttpResponseBase]


def json_error(status: int, detail: str) -> HttpResponse:
    return HttpResponse(
        json.dumps({"detail": detail}), status=status, content_type="application/json"
    )


def cors(response: HttpResponseBase) -> HttpResponseBase:
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
    cors(response)
    response["Access-Control-Allow-Methods"] = "GET"
    response["Access-Control-Allow-Headers"] = "If-None-Match"
    response["Access-Control-Max-Age"] = str(PREFLIGHT.browser)
    return public(response, PREFLIGHT)


def is_refused_preflight(response: HttpResponseBase) -> bool:
    return response.status_code == 204 and "Access-Control-Allow-Methods" not in response


def answers_in(request: HttpRequest, edition: str) -> None:
    """Note that the view answers with content of ``edition`` (one article, say), for
    ``Content-Language``; lists say it in their ``edition`` parameter."""
    setattr(request, _LANGUAGE_NOTE, edition)


def content_language(request: HttpRequest, kwargs: dict[str, object]) -> str:
    noted = getattr(request, _LANGUAGE_NOTE, None)
    if isinstance(noted, str):
        return noted
    asked = kwargs.get("edition") or request.GET.get("edition")
    return asked if isinstance(asked, str) and asked in EDITIONS else OWN_LANGUAGE


def read_only(view: View) -> View:
    """The preflight, the ETag, cache headers and ``Content-Language`` around one API view.

    The 304 for ``If-None-Match`` is ``ConditionalGetMiddleware``'s, as everywhere else;
    the CORS headers it would drop are added outside it, by the API's middleware.
    """

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        if request.method == "OPTIONS":
            return preflight(request)
        response = view(request, *args, **kwargs)
        # Set here, inside the page cache, so that a kept entry replays it.
        response["Content-Language"] = content_language(request, kwargs)
        if response.status_code == 200 and request.method == "GET":
            public(response, API)
            if isinstance(response, HttpResponse):
                set_response_etag(response)
        elif not response.has_header("Cache-Control"):
            # A 404 may be a draft about to go out; an error must not stick in a shared cache.
            no_store(response)
        return response

    return wrapped


def not_found(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    """Any other address under /api/v1/: a JSON 404, not the reader site's HTML page."""
    return json_error(404, "No such API address. The OpenAPI document lists them all.")
