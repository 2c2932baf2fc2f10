"""Per-client limits counted in the shared cache: who the client is, and how many requests
of one kind it has made in the current window.

Each limit is a fixed window counted with the cache's atomic ``incr`` (Redis INCR in
production), so every worker shares one count. The read API's quota
(:mod:`newsdesk.api.ratelimit`), the page cache's misses (:mod:`newsdesk.frontcache`),
searches and view beacons all count here, each under its own scope. Behind Varnish the
same limits are held at the edge with vmod_vsthrottle (``deploy/varnish/default.vcl``);
the app counts what reaches it. When the cache does not answer, a count reads as zero: the
site serves rather than refuses.

It imports nothing of the project's.
"""

from __future__ import annotations

import ipaddress
import math
import time
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

_PERIODS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hour": 3600, "d": 86400, "day": 86400}


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int

    @classmethod
    def parse(cls, text: str, *, setting: str = "NEWSDESK_API_RATE") -> Rate:
        """``"300/m"``: 300 requests per minute (``s``, ``m``, ``h`` or ``d``)."""
        count, _slash, period = text.partition("/")
        if not count.isdigit() or int(count) < 1 or period not in _PERIODS:
            raise ValueError(f"{setting} must look like '300/m', not {text!r}")
        return cls(int(count), _PERIODS[period])

    @classmethod
    def setting(cls, name: str, default: str) -> Rate:
        return cls.parse(str(getattr(settings, name, default)), setting=name)


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


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(text: str, *, setting: str) -> tuple[Network, ...]:
    """``"66.249.64.0/19, 2001:4860:4801::/48"``: IP networks separated by commas or spaces
    (a bare address is a network of one). A bad entry raises ``ValueError`` naming
    ``setting`` and the entry."""
    networks = []
    for entry in text.replace(",", " ").split():
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ValueError(
                f"{setting}: {entry!r} is not an IP network such as 66.249.64.0/19"
            ) from None
    return tuple(networks)


@lru_cache(maxsize=8)
def _networks(text: str) -> tuple[Network, ...]:
    return parse_networks(text, setting="networks")


def is_in_networks(address: str, networks: str) -> bool:
    """Whether the client ``address`` (as :func:`client_address` gives it) lies in one of
    ``networks`` (the text of a setting, parsed once). An IPv4 client seen through an IPv6
    socket (``::ffff:66.249.66.1``) counts as its IPv4 address."""
    if not networks:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip in network for network in _networks(networks))


def take(scope: str, client: str, limit: Rate, *, now: float | None = None) -> Quota:
    """Count one request of ``client`` against its window of ``scope``."""
    moment = time.time() if now is None else now
    window = int(moment // limit.seconds)
    key = f"{scope}:{client}:{limit.seconds}:{window}"
    cache.add(key, 0, timeout=limit.seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=limit.seconds + 1)
        used = 1
    reset = max(1, math.ceil((window + 1) * limit.seconds - moment))
    return Quota(limit, int(used or 0), reset)
