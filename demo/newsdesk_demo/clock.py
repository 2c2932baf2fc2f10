"""When the demo newsroom publishes: around the clock, busier by day than by night."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random

from newsdesk.editions import kyiv

# Relative output per Kyiv hour: a night editor files alerts and strikes; the day desk
# files everything else.
HOURLY = (
    0.35, 0.25, 0.2, 0.2, 0.25, 0.4, 0.7, 1.0, 1.3, 1.5, 1.5, 1.5,
    1.4, 1.4, 1.4, 1.4, 1.4, 1.3, 1.2, 1.1, 1.0, 0.9, 0.7, 0.5,
)  # fmt: skip
STEP = dt.timedelta(minutes=10)
FRESHEST = dt.timedelta(minutes=3)


def publication_times(
    rng: random.Random, *, count: int, days: int, now: dt.datetime
) -> list[dt.datetime]:
    """``count`` moments over the ``days`` days before ``now``, oldest first.

    Stratified over the cumulative day-and-night curve, so the moments cover the whole
    window evenly (the oldest falls in its first hours) without clumping.
    """
    start = now - dt.timedelta(days=days)
    end = now - FRESHEST
    bins: list[dt.datetime] = []
    moment = start
    while moment < end:
        bins.append(moment)
        moment += STEP
    cumulative = list(itertools.accumulate(HOURLY[kyiv(b).hour] for b in bins))
    total = cumulative[-1]
    times = []
    for k in range(count):
        target = (k + rng.random()) / count * total
        index = min(bisect.bisect_left(cumulative, target), len(bins) - 1)
        times.append(min(bins[index] + STEP * rng.random(), end))
    return sorted(times)
