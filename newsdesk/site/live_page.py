"""Live coverage on the article page, and the poll that open pages make.

The page loads its updates in one query (pinned first, then the newest); the poll costs one
indexed query whatever the number of updates: the article row with the count of updates
after the reader's cursor and the newest update's cursor, as subqueries on the
``(article, published_at, id)`` index.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import dateformat

from newsdesk.articles.models import LIVE, LIVE_ENDED, NOT_LIVE, Article
from newsdesk.articles.query import Cursor
from newsdesk.editions import kyiv
from newsdesk.frontcache import keys as surrogate
from newsdesk.live.models import PAGE_LIMIT, LiveUpdate

from .presentation import SHORT_DAY_FORMAT, Link


@dataclass(frozen=True)
class LiveEntry:
    anchor: str
    title: str
    body: Any
    time: str
    iso: str
    author: Link
    pinned: bool
    key_event: bool
    edited: str
    edited_iso: str
    correction: str
    promoted: Link | None
    cursor: str
    published_at: dt.datetime
    author_name: str


@dataclass(frozen=True)
class LiveCoverage:
    ended: bool
    pinned: list[LiveEntry]
    entries: list[LiveEntry]
    key_events: list[LiveEntry]
    poll_url: str
    poll_seconds: int
    cursor: str
    started_at: dt.datetime | None

    @property
    def newest_first(self) -> list[LiveEntry]:
        """Every update shown, pinned or not, newest first (for structured data)."""
        return sorted(
            self.pinned + self.entries, key=lambda entry: entry.published_at, reverse=True
        )


def poll_path(edition: str, slug: str) -> str:
    return reverse("site:live_updates", kwargs={"edition": edition, "slug": slug})


def fragment_path(edition: str, slug: str) -> str:
    return reverse("site:live_fragment", kwargs={"edition": edition, "slug": slug})


def _stamp(moment: dt.datetime, today: dt.date) -> str:
    local = kyiv(moment)
    stamp = local.strftime("%H:%M")
    if local.date() != today:
        stamp = f"{dateformat.format(local, SHORT_DAY_FORMAT)}, {stamp}"
    return stamp


def entry(update: LiveUpdate, edition: str, *, today: dt.date) -> LiveEntry:
    """What the page shows of one update (its author and promoted article already loaded)."""
    author = update.author
    promoted = update.promoted_to
    return LiveEntry(
        anchor=f"update-{update.pk}",
        title=update.title,
        body=update.body,
        time=_stamp(update.published_at, today),
        iso=kyiv(update.published_at).isoformat(timespec="minutes"),
        author=Link(author.get_absolute_url(edition), author.name),
        pinned=update.pinned,
        key_event=update.key_event,
        edited=_stamp(update.edited_at, today) if update.edited_at else "",
        edited_iso=kyiv(update.edited_at).isoformat(timespec="minutes") if update.edited_at else "",
        correction=update.correction,
        # Only once the article is out: a draft would be a link to a 404.
        promoted=Link(promoted.get_url(), promoted.headline)
        if promoted is not None and promoted.live
        else None,
        cursor=update.cursor.encode(),
        published_at=update.published_at,
        author_name=author.name,
    )


def build(article: Article, edition: str, *, now: dt.datetime) -> LiveCoverage | None:
    """The live section of an article page (one query), or None for an ordinary article."""
    if article.coverage not in (LIVE, LIVE_ENDED) or article.pk is None:
        return None
    updates = list(LiveUpdate.objects.of_article(article).for_page()[:PAGE_LIMIT])
    today = kyiv(now).date()
    entries = [entry(update, edition, today=today) for update in updates]
    newest = max(updates, key=lambda u: (u.published_at, u.pk), default=None)
    return LiveCoverage(
        ended=article.coverage == LIVE_ENDED,
        pinned=[item for item in entries if item.pinned],
        entries=[item for item in entries if not item.pinned],
        key_events=sorted(
            (item for item in entries if item.key_event),
            key=lambda item: item.published_at,
            reverse=True,
        ),
        poll_url=poll_path(edition, article.slug),
        # The page carries the default; every poll answers with the interval in force.
        poll_seconds=settings.NEWSDESK_LIVE_POLL_SECONDS,
        cursor=newest.cursor.encode() if newest is not None else "",
        started_at=article.first_published_at,
    )


@dataclass(frozen=True)
class PollState:
    ended: bool
    count: int
    cursor: str


def poll(edition: str, slug: str, cursor: Cursor | None) -> PollState | None:
    """How many updates the published live article has after ``cursor``, and the newest
    one's cursor: one query. None when there is no such live (or ended) article."""
    updates = LiveUpdate.objects.filter(article=OuterRef("pk"))
    newer = (
        updates.after(cursor)
        .order_by()
        .values("article")
        .annotate(total=Count("pk"))
        .values("total")
    )
    newest = updates.newest_first()
    row = (
        Article.objects.published()
        .in_edition(edition)
        .filter(slug=slug)
        .exclude(coverage=NOT_LIVE)
        .annotate(
            new_count=Coalesce(Subquery(newer), Value(0), output_field=IntegerField()),
            newest_at=Subquery(newest.values("published_at")[:1]),
            newest_id=Subquery(newest.values("id")[:1]),
        )
        .values("pk", "coverage", "new_count", "newest_at", "newest_id")
        .first()
    )
    if row is None:
        return None
    surrogate.note(surrogate.article(row["pk"]))
    latest = ""
    if row["newest_id"] is not None:
        latest = Cursor(published_at=row["newest_at"], id=row["newest_id"]).encode()
    return PollState(ended=row["coverage"] == LIVE_ENDED, count=row["new_count"], cursor=latest)


def newer_entries(
    edition: str, slug: str, cursor: Cursor | None, *, now: dt.datetime
) -> list[LiveEntry] | None:
    """The updates published after ``cursor``, newest first, for the "new updates" button:
    two queries (the article, its updates). None when there is no such live (or ended) article."""
    article = (
        Article.objects.published()
        .in_edition(edition)
        .filter(slug=slug)
        .exclude(coverage=NOT_LIVE)
        .only("pk")
        .first()
    )
    if article is None:
        return None
    surrogate.note(surrogate.article(article.pk))
    rows = (
        LiveUpdate.objects.of_article(article)
        .after(cursor)
        .select_related("author", "promoted_to")
        .newest_first()[:PAGE_LIMIT]
    )
    today = kyiv(now).date()
    return [entry(update, edition, today=today) for update in rows]
