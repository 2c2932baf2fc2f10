"""The read API's per-client rate limit, and the headers that let a client pace itself.

A fixed window counted with the cache's atomic ``incr`` (Redis INCR in production), so
every worker shares one count. It is taken in :class:`.middleware.ApiPolicyMiddleware`,
outside the page cache, so that a cached answer counts as much as a rendered one.

The headers follow draft-ietf-httpapi-ratelimit-headers-11 (the structured-field form
the draft has used since -08): ``RateLimit-Policy: "api";q=300;w=60`` names the quota,
``RateLimit: "api";r=<remaining>;t=<seconds to reset>`` says where the client stands.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase

from newsdesk.throttles import Quota, Rate, client_address
from newsdesk.throttles import take as take_from

DEFAULT_RATE = "300/m"
POLICY_NAME = "api"
SCOPE = "api-rate"

__all__ = ["Quota", "Rate", "annotate", "client_address", "rate", "take"]


def rate() -> Rate:
    return Rate.setting("NEWSDESK_API_RATE", DEFAULT_RATE)


def take(request: HttpRequest, *, now: float | None = None) -> Quota:
    """Count this request against its client's window.

    When the cache is down the count reads as zero: the API serves rather than refuses.
    """
    return take_from(SCOPE, client_address(request), rate(), now=now)


def annotate(response: HttpResponseBase, quota: Quota) -> HttpResponseBase:
    """The draft's two fields, and ``Retry-After`` (RFC 9110) when the client is over."""
    response["RateLimit-Policy"] = f'"{POLICY_NAME}";q={quota.rate.requests};w={quota.rate.seconds}'
    response["RateLimit"] = f'"{POLICY_NAME}";r={quota.remaining};t={quota.reset}'
    if quota.exceeded:
        response["Retry-After"] = str(quota.reset)
    return response
