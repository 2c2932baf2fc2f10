"""Demo corrections and readership: a corrected article in both editions, so that the
article page, its JSON-LD, the feeds and the corrections page all show a correction, and
a few hours of view counts, so that "Most read" is not empty.

Both are idempotent: a second run finds the correction in place and the counts stored.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db.models import Exists, OuterRef

from newsdesk.articles.models import Article, UpdateLogEntry
from newsdesk.publishing import actions
from newsdesk.readership.counting import hour_of
from newsdesk.readership.models import ArticleViews

from .filing import date_back

CORRECTION_NOTE = {
    "uk": "Попередня версія статті містила помилку в назві населеного пункту.",
    "en": "An earlier version of this article misspelled the name of a settlement.",
}
# How long after publication the desk corrected it (or now, if that is sooner).
CORRECTED_AFTER = dt.timedelta(minutes=95)
MOST_READ_ARTICLES = 8
VIEW_HOURS = 6


def ensure_corrections_and_views(*, now: dt.datetime, seed: int) -> None:
    ensure_correction(now=now)
    ensure_views(now=now, seed=seed)


def ensure_correction(*, now: dt.datetime) -> int:
    """Correct one translated article in both editions, through the real publish action;
    returns how many articles were corrected (0 when a correction is already there)."""
    corrected = UpdateLogEntry.objects.filter(kind=UpdateLogEntry.CORRECTION)
    if corrected.exists():
        return 0
    twin = (
        Article.objects.published()
        .in_edition("en")
        .filter(translation_key=OuterRef("translation_key"))
    )
    chosen = (
        Article.objects.published()
        .in_edition("uk")
        .filter(Exists(twin), updated_at__isnull=True, first_published_at__lt=now)
        .newest_first()
        .values_list("translation_key", flat=True)
        .first()
    )
    if chosen is None:
        return 0
    made = 0
    for article in Article.objects.published().filter(translation_key=chosen):
        assert article.first_published_at is not None  # noqa: S101 - published above
        at = min(now, article.first_published_at + CORRECTED_AFTER)
        revision = actions.publish(
            article=article,
            user=None,
            update_kind=UpdateLogEntry.CORRECTION,
            update_note=CORRECTION_NOTE[article.edition],
        )
        date_back(article, revision, at)
        UpdateLogEntry.objects.filter(article=article, revision=revision).update(created_at=at)
        Article.objects.filter(pk=article.pk).update(updated_at=at)
        made += 1
    return made


def ensure_views(*, now: dt.datetime, seed: int = 1) -> int:
    """Hourly view counts for the newest articles of each edition over the last hours;
    returns the rows added (none when they are there)."""
    rng = random.Random(f"views:{seed}")  # noqa: S311 - demo numbers, not security
    current = hour_of(now)
    rows = []
    for edition in ("uk", "en"):
        newest = list(
            Article.objects.published()
            .in_edition(edition)
            .newest_first()
            .values_list("pk", flat=True)[:MOST_READ_ARTICLES]
        )
        for rank, article_id in enumerate(newest):
            for back in range(VIEW_HOURS):
                count = rng.randint(20, 400) * (MOST_READ_ARTICLES - rank)
                rows.append(
                    ArticleViews(
                        article_id=article_id, hour=current - dt.timedelta(hours=back), count=count
                    )
                )
    before = ArticleViews.objects.count()
    ArticleViews.objects.bulk_create(rows, ignore_conflicts=True)
    return ArticleViews.objects.count() - before
