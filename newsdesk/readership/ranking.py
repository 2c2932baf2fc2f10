"""Most read: an edition's published articles with the most views in the last 24 hours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from newsdesk.articles.models import Article

from .counting import PREFIX, hour_of

MOST_READ_LIMIT = 5
# The list changes slowly and is the same for every reader: a minute, as long as a page.
TIMEOUT = 60
WINDOW_HOURS = 24


@dataclass(frozen=True)
class MostRead:
    article_id: int
    url: str
    headline: str
    views: int


def cache_key(edition: str) -> str:
    return f"{PREFIX}:most-read:{edition}"


def rank(edition: str, now: dt.datetime | None = None) -> list[MostRead]:
    """One query: the hourly rows of the window, summed per published article."""
    since = hour_of(now or timezone.now()) - dt.timedelta(hours=WINDOW_HOURS - 1)
    rows = (
        Article.objects.published()
        .in_edition(edition)
        .filter(hourly_views__hour__gte=since)
        .annotate(views=Sum("hourly_views__count"))
        .only("slug", "headline", "first_published_at")
        .order_by("-views", "-first_published_at", "-id")[:MOST_READ_LIMIT]
    )
    return [
        MostRead(
            row.pk,
            reverse("site:article", kwargs={"edition": edition, "slug": row.slug}),
            row.headline,
            int(row.views or 0),
        )
        for row in rows
    ]


def most_read(edition: str) -> list[MostRead]:
    """:func:`rank` through the cache, so that pages showing it cost no query when warm."""
    found = cache.get(cache_key(edition))
    if found is None:
        found = rank(edition)
        cache.set(cache_key(edition), found, TIMEOUT)
    return found
