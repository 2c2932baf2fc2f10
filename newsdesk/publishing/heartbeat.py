"""The scheduler's pulse: each tick of ``publish_due --loop`` writes the time it finished;
the admin's dashboard and ``/health`` read it and say when the scheduler is late.

A scheduler that stopped is silent: embargoes slip and the outbox fills, and nothing else
would tell anyone (decision 0035).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from .models import Heartbeat

SCHEDULER = "scheduler"

OK, LATE, NEVER = "ok", "late", "never"


def beat(*, name: str = SCHEDULER, interval: float, now: dt.datetime | None = None) -> None:
    """Record that the loop ``name``, ticking every ``interval`` seconds, has just ticked."""
    Heartbeat.objects.update_or_create(
        name=name,
        defaults={"beat_at": now or timezone.now(), "interval_seconds": interval},
    )


@dataclass(frozen=True)
class Pulse:
    state: str  # OK | LATE | NEVER
    last_beat: dt.datetime | None
    seconds_since: float | None
    late_after: float

    @property
    def late(self) -> bool:
        return self.state != OK


def pulse(*, name: str = SCHEDULER, now: dt.datetime | None = None) -> Pulse:
    """How the loop ``name`` is doing: late once it has missed about two ticks, and never
    less than ``NEWSDESK_SCHEDULER_LATE_SECONDS`` (one query)."""
    now = now or timezone.now()
    floor = float(settings.NEWSDESK_SCHEDULER_LATE_SECONDS)
    row = Heartbeat.objects.filter(name=name).first()
    if row is None:
        return Pulse(NEVER, None, None, floor)
    late_after = max(floor, 2 * row.interval_seconds + 5)
    since = (now - row.beat_at).total_seconds()
    return Pulse(LATE if since > late_after else OK, row.beat_at, since, late_after)
