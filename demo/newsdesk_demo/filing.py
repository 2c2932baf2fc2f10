"""Turns written stories into articles and publishes them the way the desk would.

Every article goes through :func:`newsdesk.publishing.actions.publish` (a revision, the
live revision, the audit log and the publish side effects). The demo then dates that
history back to the moment the story is meant to have gone out, so "published 3 days
ago" in the feed agrees with the admin's history and the article's last-published time.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field

from wagtail.models import ModelLogEntry, Revision

from newsdesk.articles.models import Article, Byline, PublishedSlug
from newsdesk.articles.slugs import slug_from_headline
from newsdesk.publishing import actions

from .catalogue import Catalogue
from .writer import READ_ALSO, Story

# A translation goes out a little after the original.
TRANSLATION_DELAY = (dt.timedelta(minutes=4), dt.timedelta(minutes=35))


class Slugs:
    """Slugs taken in each edition, by live and past articles alike."""

    def __init__(self) -> None:
        self.taken: dict[int, set[str]] = {}
        for locale_id, slug in Article.objects.values_list("locale_id", "slug"):
            self.taken.setdefault(locale_id, set()).add(slug)
        for locale_id, slug in PublishedSlug.objects.values_list("locale_id", "slug"):
            self.taken.setdefault(locale_id, set()).add(slug)

    def claim(self, locale_id: int, headline: str) -> str:
        base = slug_from_headline(headline, max_length=100)
        taken = self.taken.setdefault(locale_id, set())
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        return slug


@dataclass
class Archive:
    """Live stories, each with the time its last edition went out, for "Read also" links."""

    entries: list[tuple[dt.datetime, dict[str, int]]] = field(default_factory=list)

    @classmethod
    def load(cls) -> Archive:
        grouped: dict[uuid.UUID, tuple[dt.datetime, dict[str, int]]] = {}
        rows = Article.objects.filter(live=True).values_list(
            "translation_key", "locale__language_code", "pk", "first_published_at"
        )
        for key, code, pk, moment in rows:
            assert moment is not None  # noqa: S101 - live rows have a first publication time
            last, pks = grouped.get(key, (moment, {}))
            pks[code] = pk
            grouped[key] = (max(last, moment), pks)
        return cls(entries=list(grouped.values()))

    def add(self, articles: dict[str, Article]) -> None:
        last = max(a.first_published_at for a in articles.values() if a.first_published_at)
        self.entries.append((last, {code: a.pk for code, a in articles.items()}))

    def pick_before(
        self, rng: random.Random, moment: dt.datetime, editions: tuple[str, ...]
    ) -> dict[str, int] | None:
        """One of the latest stories out in all ``editions`` before ``moment``, if any."""
        candidates = sorted(
            (when, pks)
            for when, pks in self.entries
            if when < moment and all(code in pks for code in editions)
        )
        return rng.choice(candidates[-40:])[1] if candidates else None


def file_story(
    story: Story,
    *,
    key: uuid.UUID,
    moment: dt.datetime,
    catalogue: Catalogue,
    slugs: Slugs,
    archive: Archive,
    rng: random.Random,
    now: dt.datetime,
) -> dict[str, Article]:
    """Publish every edition of ``story``: the first at ``moment``, twins soon after (not
    later than ``now``)."""
    _link_read_also(story, archive.pick_before(rng, moment, story.editions))
    articles = {}
    when = moment
    for code in story.editions:
        article = build(story, code, key=key, catalogue=catalogue, slugs=slugs)
        article.first_published_at = when
        revision = actions.publish(article=article, user=None)
        date_back(article, revision, when)
        articles[code] = article
        delay = rng.uniform(*(d.total_seconds() for d in TRANSLATION_DELAY))
        when = min(when + dt.timedelta(seconds=delay), now)
    archive.add(articles)
    return articles


def build(
    story: Story, code: str, *, key: uuid.UUID, catalogue: Catalogue, slugs: Slugs
) -> Article:
    """An unsaved article for one edition of ``story``, with its tags and bylines attached."""
    text = story.texts[code]
    locale = catalogue.locales[code]
    # A "Read also" that found nothing earlier to point at is dropped, not left empty.
    body = [
        block
        for block in text.body
        if block["type"] != READ_ALSO or block["value"].get("article") is not None
    ]
    article = Article(
        locale=locale,
        translation_key=key,
        headline=text.headline,
        slug=slugs.claim(locale.pk, text.headline),
        lead=text.lead,
        section=catalogue.sections[(story.kind.section, code)],
        labels=list(story.labels),
        hero_image_id=story.hero.pk if story.hero else None,
        hero_caption=text.hero_caption,
        hero_credit=text.hero_credit,
        hero_alt=text.hero_alt,
        body=body,
        sources=text.sources,
    )
    article.tags = [catalogue.tags[(tag, code)] for tag in story.tags]
    article.bylines = [  # type: ignore[misc]  # modelcluster assigns children
        Byline(author=catalogue.authors[(author, code)], sort_order=order)
        for order, author in enumerate(story.authors)
    ]
    return article


def date_back(article: Article, revision: Revision, when: dt.datetime) -> None:
    """Make the history of a just-published revision read as if it happened at ``when``."""
    Article.objects.filter(pk=article.pk).update(last_published_at=when)
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    ModelLogEntry.objects.filter(revision=revision).update(timestamp=when)
    article.last_published_at = when


def _link_read_also(story: Story, target: dict[str, int] | None) -> None:
    if target is None:
        return
    for code, text in story.texts.items():
        for block in text.body:
            if block["type"] == READ_ALSO:
                block["value"] = {"article": target[code]}
