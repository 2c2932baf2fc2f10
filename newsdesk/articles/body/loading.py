"""The objects bodies choose, loaded for many bodies at once: one query per kind."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from newsdesk.stories.models import TimelineEntry

from .markup import Timeline


def timelines(story_ids: Collection[int], edition: str) -> dict[int, Timeline]:
    """The embedded stories of ``edition`` with their entries, oldest first, in one query
    (none without ids). A story of the other edition, or one without entries, is left out:
    its block shows nothing."""
    if not story_ids:
        return {}
    found: dict[int, tuple[Any, list[Any]]] = {}
    entries = (
        TimelineEntry.objects.shown()
        .filter(story_id__in=story_ids, story__locale__language_code=edition)
        .select_related("story", "story__locale")
        .chronological()
    )
    for entry in entries:
        found.setdefault(entry.story_id, (entry.story, []))[1].append(entry)
    return {
        pk: Timeline(story.title, story.get_url() + "#timeline", rows)
        for pk, (story, rows) in found.items()
    }


def published_articles(article_ids: Collection[int]) -> dict[int, Any]:
    """The published ones of ``article_ids``, with what a link to them shows (no query
    without ids)."""
    from newsdesk.articles.models import Article

    if not article_ids:
        return {}
    rows = Article.objects.published().select_related("locale").only("headline", "slug", "locale")
    return rows.in_bulk(list(article_ids))
