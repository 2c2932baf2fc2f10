"""The read API's per-client rate limit, and the headers that let a client pace itself.

A fixed window counted with the cache's atomic ``incr`` (Redis INCR in production), so
every worker shares one count. It is taken in :class:`.middleware.ApiPolicyMiddleware`,
outside the page cache, so that a cached answer counts as much as a rendered one.

The headers follow draft-ietf-httpapi-ratelimit-headers-11 (the structured-field form
the draft has used since -08): ``RateLimit-Policy: "api";q=300;w=60`` names the quota,
``RateLimit: "api";r=<remaining>;t=<seconds to reset>`` says where the client stands.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponseBase

from newsdesk.http_policy import client_address

DEFAULT_RATE = "300/m"
POLICY_NAME = "api"

_PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


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


@dataclass(frozen=True)
class Quota:
    """Where one client stands after its latest request."""

    rate: Rate
    used: int
    reset: int  # whole seconds until the window ends, at least 1

    @property
    def exceeded(self) -> bool:
        return self.used > self.rate.requests

    @property
    def remaining(self) -> int:
        return max(0, self.rate.requests - self.used)


def rate() -> Rate:
    return Rate.parse(getattr(settings, "NEWSDESK_API_RATE", DEFAULT_RATE))


def take(request: HttpRequest, *, now: float | None = None) -> Quota:
    """Count this request against its client's window.

    When the cache is down the count reads as zero: the API serves rather than refuses.
    """
    limit = rate()
    moment = time.time() if now is None else now
    window = int(moment // limit.seconds)
    key = f"api-rate:{client_address(request)}:{limit.seconds}:{window}"
    cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=limit.seconds + 1)
        used = 1
    reset = max(1, math.ceil((window + 1) * limit.seconds - moment))
    return Quota(limit, used or 0, reset)


def annotate(response: HttpResponseBase, quota: Quota) -> HttpResponseBase:
    """The draft's two fields, and ``Retry-After`` (RFC 9110) when the client is over."""
    response["RateLimit-Policy"] = f'"{POLICY_NAME}";q={quota.rate.requests};w={quota.rate.seconds}'
    response["RateLimit"] = f'"{POLICY_NAME}";r={quota.remaining};t={quota.reset}'
    if quota.exceeded:
        response["Retry-After"] = str(quota.reset)
    return response
