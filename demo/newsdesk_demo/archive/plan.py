"""The archive's distributions: when stories go out, in which editions, under which labels,
and how often each section, tag and author comes up.

Everything draws from one seeded generator, in a fixed order, so a seed gives the same
archive (relative to the moment it is built) every time.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random

from newsdesk.articles import labels as codes
from newsdesk.editions import kyiv
from newsdesk_demo.clock import HOURLY

# Share of stories told in both editions: with it, about 70 % of articles have a twin
# (2t / (1 + t) for t = 0.54). A story told once is Ukrainian a little more often.
BOTH_EDITIONS = 0.54
UK_ONLY = 0.55
HOUR = dt.timedelta(hours=1)
# A translation goes out a few minutes after the original, as the demo's desk does it.
TRANSLATION_DELAY = (4 * 60, 35 * 60)
# Labels an editor adds to any story, (code, odds); the phrase banks add the kind's own.
EXTRA_LABELS: tuple[tuple[str, float], ...] = (
    (codes.EXCLUSIVE, 0.025),
    (codes.INTERVIEW, 0.015),
    (codes.ANALYSIS, 0.02),
    (codes.PHOTO, 0.01),
    (codes.VIDEO, 0.01),
)
AFFILIATE_DESKS = frozenset({"economy", "technology", "culture"})
AFFILIATE_ODDS = 0.01


class Zipf:
    """Ranks 0…n-1 with odds falling as 1 / (rank + 1) ** exponent: the long tail of tags."""

    def __init__(self, n: int, exponent: float) -> None:
        self.cumulative = list(itertools.accumulate(1 / (r + 1) ** exponent for r in range(n)))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> int:
        return bisect.bisect_left(self.cumulative, rng.random() * self.total)

    def sample(self, rng: random.Random, k: int) -> list[int]:
        """``k`` different ranks (fewer if there are not that many)."""
        k = min(k, len(self.cumulative))
        picked: list[int] = []
        while len(picked) < k:
            rank = self.draw(rng)
            if rank not in picked:
                picked.append(rank)
        return picked


class Timeline:
    """Publication moments over ``years`` up to ``now``: busier by day (Kyiv time), on
    weekdays, on days of big news, and more as the outlet grows.

    The moment of the ``k``-th of ``count`` articles is taken at (k + u) / count of the
    cumulative intensity, so moments come out in order without holding them all.
    """

    def __init__(self, rng: random.Random, *, years: int, now: dt.datetime, count: int) -> None:
        self.end = now - dt.timedelta(minutes=1)
        self.start = self.end - dt.timedelta(days=365 * years)
        hours = int((self.end - self.start) / HOUR)
        self.count = count
        weights = []
        burst_until, burst_factor = -1, 1.0
        day_factor, day = 1.0, -1
        for h in range(hours):
            local = kyiv(self.start + h * HOUR)
            if local.toordinal() != day:
                day = local.toordinal()
                day_factor = rng.uniform(0.8, 1.2) * (0.75 if local.weekday() >= 5 else 1.0)
                if rng.random() < 0.04:  # a day of big news
                    day_factor *= rng.uniform(1.6, 3.0)
            if h > burst_until and rng.random() < 0.004:  # breaking news: a few busy hours
                burst_until, burst_factor = h + rng.randint(2, 6), rng.uniform(2.0, 4.0)
            growth = 0.6 + 0.4 * h / hours
            burst = burst_factor if h <= burst_until else 1.0
            weights.append(HOURLY[local.hour] * day_factor * growth * burst)
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    def moment(self, rng: random.Random, k: int) -> dt.datetime:
        target = (min(k, self.count - 1) + rng.random()) / self.count * self.total
        h = min(bisect.bisect_left(self.cumulative, target), len(self.cumulative) - 1)
        before = self.cumulative[h - 1] if h else 0.0
        within = (target - before) / (self.cumulative[h] - before)
        return min(self.start + (h + within) * HOUR, self.end)

    def translated(self, rng: random.Random, moment: dt.datetime) -> dt.datetime:
        return min(moment + dt.timedelta(seconds=rng.uniform(*TRANSLATION_DELAY)), self.end)


def editions(rng: random.Random) -> tuple[str, ...]:
    if rng.random() < BOTH_EDITIONS:
        first = "uk" if rng.random() < UK_ONLY else "en"
        return (first, "en" if first == "uk" else "uk")
    return ("uk",) if rng.random() < UK_ONLY else ("en",)


def labels(
    rng: random.Random, *, kind_labels: tuple[str, ...], kind_odds: float, desk: str
) -> list[str]:
    """Most stories carry none; the kind's own label (Opinion, Review…) comes first."""
    chosen = []
    if kind_labels and rng.random() < kind_odds:
        chosen.append(rng.choice(kind_labels))
    roll = rng.random()
    for code, odds in EXTRA_LABELS:
        if roll < odds:
            if code not in chosen:
                chosen.append(code)
            break
        roll -= odds
    if desk in AFFILIATE_DESKS and not chosen and rng.random() < AFFILIATE_ODDS:
        chosen.append(codes.AFFILIATE)
    return chosen
