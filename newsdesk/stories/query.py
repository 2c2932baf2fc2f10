"""Reads of a story's timeline: in date order, optionally a date range, with what a page shows."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import F

if TYPE_CHECKING:
    from .models import TimelineEntry  # noqa: F401 - the queryset's model, for type checkers


class TimelineEntryQuerySet(models.QuerySet["TimelineEntry"]):
    def shown(self) -> TimelineEntryQuerySet:
        """Entries of stories not in the trash (a trashed story takes its timeline along)."""
        return self.filter(story__trashed_at__isnull=True)

    def of_story(self, story: Any) -> TimelineEntryQuerySet:
        return self.filter(story=story)

    def between(self, start: dt.date | None, end: dt.date | None) -> TimelineEntryQuerySet:
        """Entries dated from ``start`` to ``end``, both included; either may be open."""
        found = self
        if start is not None:
            found = found.filter(occurred_on__gte=start)
        if end is not None:
            found = found.filter(occurred_on__lte=end)
        return found

    def chronological(self) -> TimelineEntryQuerySet:
        """Oldest first; within a day, an entry known only by its day comes first."""
        return self.order_by("occurred_on", F("occurred_time").asc(nulls_first=True), "id")

    def for_display(self) -> TimelineEntryQuerySet:
        """With the reporting article's address fields, in the same query."""
        return self.select_related("article").defer(
            *[
                f"article__{name}"
                for name in ("lead", "body", "sources", "hero_caption", "hero_credit", "hero_alt")
            ]
        )
