"""What every answer under /api/ carries, however it was made: CORS and the rate limit.

It stands outside ``ConditionalGetMiddleware`` and the front cache's middleware, so a
page-cache hit and a 304 pass through it as a rendered answer does; its headers are added
on the way out and never kept in a cached entry. Behind Varnish the app sees only misses,
and ``deploy/varnish/default.vcl`` holds the limit itself (decision 0022).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

from newsdesk.http_policy import no_store

from . import ratelimit
from .http import OWN_LANGUAGE, cors, is_refused_preflight, json_error

PREFIX = "/api/"


class ApiPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            # A preflight is the browser's, not a request of the client's: it costs nothing.
            answer = self.get_response(request)
            return answer if is_refused_preflight(answer) else cors(answer)
        quota = ratelimit.take(request)
        if quota.exceeded:
            response: HttpResponseBase = no_store(
                json_error(
                    429,
                    f"Too many requests from this address: try again in {quota.reset} seconds.",
                )
            )
            response["Content-Language"] = OWN_LANGUAGE
            response["X-Content-Type-Options"] = "nosniff"
        else:
            response = self.get_response(request)
        return cors(ratelimit.annotate(response, quota))
