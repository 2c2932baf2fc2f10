"""The article body's timeline blocks: every embedded story's entries in one query.

Only an article whose body embeds a timeline pays for it, and only once whatever the number
of timeline blocks. Stories of the other edition are not loaded, so a block that points at
one shows nothing.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from newsdesk.articles.body import vocabulary
from newsdesk.frontcache import keys as surrogate
from newsdesk.stories.models import Story, TimelineEntry

from . import timelines
from .presentation import Link


def embedded_story_ids(raw_blocks: list[dict]) -> set[int]:
    return vocabulary.chosen([raw_blocks], "reader").stories


def load(raw_blocks: list[dict], edition: str) -> dict[int, Story]:
    """The embedded stories of ``edition`` by id, each with ``timeline_rows`` (all of its
    entries, oldest first; a block shows its own date range of them) and ``timeline_url``.
    A story without entries is left out: its block would be empty."""
    ids = embedded_story_ids(raw_blocks)
    if not ids:
        return {}
    surrogate.note(*(surrogate.story(pk) for pk in ids))
    entries = (
        TimelineEntry.objects.shown()
        .filter(story_id__in=ids, story__locale__language_code=edition)
        .for_display()
        .select_related("story")
        .chronological()
    )
    now = timezone.now()
    stories: dict[int, Any] = {}
    # An entry links our report once it is out: its publication must re-render the body.
    surrogate.note(*(surrogate.article(entry.article_id) for entry in entries if entry.article_id))
    for entry in entries:
        story = stories.get(entry.story_id)
        if story is None:
            story = stories[entry.story_id] = entry.story
            story.timeline_rows = []
            story.timeline_url = story.get_absolute_url(edition) + "#timeline"
        story.timeline_rows.append(timelines.row(entry, edition, now))
    return stories


def story_link(article: Any, edition: str) -> Link | None:
    """The story an article belongs to; no query when it came with the article
    (``ArticleQuerySet.for_article_page`` selects it)."""
    if article.story_id is None:
        return None
    # Trashing or renaming the story purges the pages that link to it.
    surrogate.note(surrogate.story(article.story_id))
    story = article.story
    if story is None or story.locale_id != article.locale_id or story.trashed_at is not None:
        return None
    return Link(story.get_absolute_url(edition), story.title)
