"""Loads the demo newsroom: ``load_demo`` tops the archive up to a number of live articles.

Story number ``i`` of seed ``s`` always has the same translation key and makes the same
choices, so a second run with the same numbers finds everything in place and writes
nothing, and a bigger number only adds the stories that are missing. Publication times
are spread over the ``days`` days before the moment the stories are added.
"""

from __future__ import annotations

import datetime as dt
import random
import time
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from newsdesk.articles.models import Article
from newsdesk.editions import kyiv

from .catalogue import ensure_catalogue, translation_key
from .clock import publication_times
from .corrections import ensure_corrections_and_views
from .filing import Archive, Slugs, file_story
from .images import ensure_pictures
from .indexing import indexed_once
from .live import ensure_live_coverage
from .phrases import KINDS, Kind
from .seeding import seeded
from .showcase import ensure_fronts, ensure_showcase
from .stories import ensure_story
from .writer import LANGUAGES, write

# Most stories appear in both editions; some only in one, as on the real site.
BOTH, ONLY_UK = 0.8, 0.92
NIGHT_DESK = {"air-defence": 3, "strike": 2}  # extra weight for these kinds at night


@dataclass(frozen=True)
class LoadReport:
    created: int
    live: int
    images: int
    seconds: float

    def summary(self) -> str:
        return (
            f"Created {self.created} articles; {self.live} live across both editions, "
            f"{self.images} images ready ({self.seconds:.1f} s)."
        )


def load_demo(
    *, articles: int = 240, days: int = 12, seed: int = 1, now: dt.datetime | None = None
) -> LoadReport:
    """Top the archive up to at least ``articles`` live articles (both editions together).

    The showcase articles (a draft and a scheduled one per edition) come on top. With the
    same ``seed`` and ``now`` the result is the same, article for article.
    """
    if articles < 1:
        raise ValueError("articles must be at least 1")
    if days < 1:
        raise ValueError("days must be at least 1")
    started = time.perf_counter()
    now = now or timezone.now()
    with transaction.atomic():
        catalogue = ensure_catalogue()
        pictures = ensure_pictures()
        slugs, archive = Slugs(), Archive.load()
        with indexed_once(Article):
            created = ensure_showcase(
                catalogue=catalogue,
                pictures=pictures,
                slugs=slugs,
                archive=archive,
                rng=seeded(seed, "showcase"),
                now=now,
            )
            created += ensure_live_coverage(
                catalogue=catalogue, pictures=pictures, slugs=slugs, now=now
            )
            live = Article.objects.filter(live=True).count()
            plan = _plan(seed, needed=articles - live)
            times = publication_times(
                seeded(seed, "times", len(plan)), count=len(plan), days=days, now=now
            )
            headlines = set(Article.objects.values_list("headline", flat=True))
            for (index, editions), moment in zip(plan, times, strict=True):
                rng = seeded(seed, "story", index)
                kind = _pick_kind(rng, moment)
                story = write(
                    kind, rng, moment=moment, pictures=pictures, editions=editions, avoid=headlines
                )
                headlines.update(text.headline for text in story.texts.values())
                made = file_story(
                    story,
                    key=_story_key(seed, index),
                    moment=moment,
                    catalogue=catalogue,
                    slugs=slugs,
                    archive=archive,
                    rng=rng,
                    now=now,
                )
                created += len(made)
        ensure_story(catalogue, now=now)
        ensure_fronts(catalogue)
        ensure_corrections_and_views(now=now, seed=seed)
        live = Article.objects.filter(live=True).count()
    return LoadReport(
        created=created, live=live, images=len(pictures), seconds=time.perf_counter() - started
    )


def _story_key(seed: int, index: int) -> uuid.UUID:
    return translation_key(f"story:{seed}:{index}")


def _plan(seed: int, *, needed: int) -> list[tuple[int, tuple[str, ...]]]:
    """The missing stories (index, editions) that bring the live count up by ``needed``."""
    plan: list[tuple[int, tuple[str, ...]]] = []
    if needed <= 0:
        return plan
    keys_in_use = set(Article.objects.values_list("translation_key", flat=True))
    index = 0
    while needed > 0:
        if _story_key(seed, index) not in keys_in_use:
            editions = _editions(seeded(seed, "editions", index))
            plan.append((index, editions))
            needed -= len(editions)
        index += 1
    return plan


def _editions(rng: random.Random) -> tuple[str, ...]:
    roll = rng.random()
    if roll < BOTH:
        return LANGUAGES
    return ("uk",) if roll < ONLY_UK else ("en",)


def _pick_kind(rng: random.Random, moment: dt.datetime) -> Kind:
    night = kyiv(moment).hour < 7
    weights = [kind.weight * (NIGHT_DESK.get(kind.code, 1) if night else 1) for kind in KINDS]
    return rng.choices(KINDS, weights=weights)[0]
