"""The few articles every edition needs besides the stream of news, and the fronts.

One article with a public update log, one draft that was never published and one article
scheduled for tomorrow, in both editions: tests and the demo tour check that the first
shows its log and that the other two answer 404. Each is found again by a fixed
translation key, whatever seed the load ran with.
"""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

import datetime as dt
import random

from newsdesk.articles.models import Article, UpdateLogEntry
from newsdesk.fronts.models import Front, FrontItem
from newsdesk.publishing import actions

from .catalogue import Catalogue, translation_key
from .filing import Archive, Slugs, build, date_back, file_story
from .phrases import kind
from .writer import Picture, write

UPDATED_KEY = translation_key("showcase:updated")
DRAFT_KEY = translation_key("showcase:draft")
SCHEDULED_KEY = translation_key("showcase:scheduled")
FRONT_KEY = translation_key("front")
FRONT_TITLES = {"uk": "Головна", "en": "Home"}
TOP_STORIES = 5
MAX_BLOCKS = 8

UPDATE_NOTE = (
    "Додано коментар міського голови та уточнені дані про пошкодження.",
    "Added a comment from the mayor and updated figures on the damage.",
)
UPDATE_PARAGRAPH = (
    "Міський голова повідомив, що всі пошкоджені будинки обстежили інженери; мешканцям "
    "двох під’їздів запропонували тимчасове житло.",
    "The mayor said engineers had inspected all the damaged buildings and that residents of "
    "two stairwells had been offered temporary housing.",
)
PUBLISHED_AGO = dt.timedelta(hours=3)
UPDATED_AFTER = dt.timedelta(minutes=75)


def ensure_showcase(
    *,
    catalogue: Catalogue,
    pictures: list[Picture],
    slugs: Slugs,
    archive: Archive,
    rng: random.Random,
    now: dt.datetime,
) -> int:
    """Create whichever showcase articles are missing; returns how many articles it made."""
    made = 0
    existing = set(
        Article.objects.filter(
            translation_key__in=[UPDATED_KEY, DRAFT_KEY, SCHEDULED_KEY]
        ).values_list("translation_key", flat=True)
    )
    if UPDATED_KEY not in existing:
        moment = now - PUBLISHED_AGO
        story = write(kind("strike"), rng, moment=moment, pictures=pictures)
        articles = file_story(
            story,
            key=UPDATED_KEY,
            moment=moment,
            catalogue=catalogue,
            slugs=slugs,
            archive=archive,
            rng=rng,
            now=now,
        )
        for code, article in articles.items():
            _update(article, code, at=min(moment + UPDATED_AFTER, now))
        made += len(articles)
    if DRAFT_KEY not in existing:
        story = write(kind("government"), rng, moment=now, pictures=pictures)
        for code in story.editions:
            article = build(story, code, key=DRAFT_KEY, catalogue=catalogue, slugs=slugs)
            actions.save_draft(article=article, user=None)
            made += 1
    if SCHEDULED_KEY not in existing:
        go_live_at = now + dt.timedelta(days=1)
        story = write(kind("finance"), rng, moment=go_live_at, pictures=pictures)
        for code in story.editions:
            article = build(story, code, key=SCHEDULED_KEY, catalogue=catalogue, slugs=slugs)
            actions.schedule(article=article, go_live_at=go_live_at, user=None)
            made += 1
    return made


def _update(article: Article, code: str, *, at: dt.datetime) -> None:
    """Publish a substantive update with a public note, as the desk would an hour later."""
    i = 0 if code == "uk" else 1
    body = list(article.body.raw_data)
    body.append({"type": "paragraph", "value": f"<p>{UPDATE_PARAGRAPH[i]}</p>"})
    if len(body) > MAX_BLOCKS:
        del body[-2]  # the body keeps its usual length; the new paragraph closes it
    article.body = body
    revision = actions.publish(article=article, user=None, update_note=UPDATE_NOTE[i])
    date_back(article, revision, at)
    UpdateLogEntry.objects.filter(article=article, revision=revision).update(created_at=at)
    Article.objects.filter(pk=article.pk).update(updated_at=at)


def ensure_fronts(catalogue: Catalogue) -> None:
    """A front per edition, its top stories the latest live articles from different sections."""
    for code, locale in catalogue.locales.items():
        front = Front.objects.filter(locale=locale).first()
        if front is None:
            front = Front(locale=locale, translation_key=FRONT_KEY, title=FRONT_TITLES[code])
        elif front.items.exists():
            continue
        latest = list(Article.objects.published().in_edition(code).newest_first()[:60])
        picked: list[Article] = []
        for article in latest:
            if article.section_id not in {a.section_id for a in picked}:
                picked.append(article)
        picked += [a for a in latest if a not in picked]
        front.items = [  # type: ignore[misc]  # modelcluster assigns children
            FrontItem(article=a, sort_order=n) for n, a in enumerate(picked[:TOP_STORIES])
        ]
        front.save()
        front.save_revision(log_action=True)
