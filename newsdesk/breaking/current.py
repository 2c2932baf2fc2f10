"""The banner readers see, read through the cache so that a page costs no query for it.

The cached value is the edition's upcoming and current banners with their start and expiry
times, so the choice of what to show is made at read time: a banner appears at its start
and disappears at its expiry even while the cache entry lives on. Saving or deleting a
banner drops the entry; it also lives at most :data:`TIMEOUT` seconds, so an article that
is unpublished leaves the banner within a minute, as it leaves the cached pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from newsdesk.editions import EDITIONS

TIMEOUT = 60
VERSION = 1


@dataclass(frozen=True)
class Banner:
    text: str
    url: str
    starts_at: dt.datetime
    expires_at: dt.datetime


def cache_key(edition: str) -> str:
    return f"breaking:v{VERSION}:{edition}"


def forget() -> None:
    cache.delete_many([cache_key(code) for code in EDITIONS])


def _load(edition: str, now: dt.datetime) -> list[Banner]:
    from newsdesk.articles.models import Article

    from .models import BreakingBanner

    live = Article.objects.published().values("pk")
    rows = (
        BreakingBanner.objects.filter(
            locale__language_code=edition,
            active=True,
            expires_at__gt=now,
            article_id__in=live,
        )
        .select_related("article")
        .only("text", "starts_at", "expires_at", "article__slug")
        .order_by("-starts_at", "-id")[:5]
    )
    return [
        Banner(
            row.text,
            reverse("site:article", kwargs={"edition": edition, "slug": row.article.slug}),
            row.starts_at,
            row.expires_at,
        )
        for row in rows
    ]


def current(edition: str, now: dt.datetime | None = None) -> Banner | None:
    """The newest banner of the edition that has started and not expired, or None."""
    now = now or timezone.now()
    banners = cache.get(cache_key(edition))
    if banners is None:
        banners = _load(edition, now)
        cache.set(cache_key(edition), banners, TIMEOUT)
    for banner in banners:
        if banner.starts_at <= now < banner.expires_at:
            return banner
    return None
