"""Timeline entries as readers see them: dated, sourced rows, and the same rows by source.

Shared by the story page and the timeline blocks of article bodies; plain objects, no
queries (the entries come with their articles, ``TimelineEntryQuerySet.for_display``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from django.utils import dateformat, formats
from django.utils.translation import gettext as _

from newsdesk.stories.models import TimelineEntry

from . import presentation
from .presentation import Link

DAY_FORMAT = "j E Y"


def http_url(url: str | None) -> str:
    """``url`` if it is an http(s) link, else "" (never a ``javascript:`` or ``data:`` link)."""
    return url if url and urlsplit(url).scheme.lower() in ("http", "https") else ""


@dataclass(frozen=True)
class Row:
    """One timeline entry as readers see it."""

    day: dt.date
    when: str
    iso: str
    precision: str
    statement: str
    speaker: str
    speaker_role: str
    figure: str
    figure_value: Decimal | None
    unit: str
    source_name: str
    source_url: str
    status: str
    status_name: str
    article: Link | None


@dataclass
class SourceClaims:
    """Everything one source said, oldest first, and how much of it held up."""

    speaker: str
    role: str
    rows: list[Row] = field(default_factory=list)
    counts: list[tuple[str, str, int]] = field(default_factory=list)  # code, name, count


def number(value: Decimal) -> str:
    """A figure in the active language: "11,000" or "11 000"; decimals only when present."""
    places = 0 if value == value.to_integral_value() else None
    return formats.number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


def visible(article: Any, now: dt.datetime) -> bool:
    """Whether readers may open ``article`` (the same test as ``ArticleQuerySet.published``)."""
    return bool(
        article is not None
        and article.live
        and article.first_published_at is not None
        and article.first_published_at <= now
        and (article.expire_at is None or article.expire_at > now)
    )


def row(entry: TimelineEntry, edition: str, now: dt.datetime) -> Row:
    moment = entry.moment
    when = dateformat.format(entry.occurred_on, DAY_FORMAT)
    if moment is not None:
        when = f"{when}, {moment:%H:%M}"
    article = entry.article if entry.article_id else None
    return Row(
        day=entry.occurred_on,
        when=when,
        iso=moment.isoformat(timespec="minutes") if moment else entry.occurred_on.isoformat(),
        precision=entry.precision,
        statement=entry.statement,
        speaker=entry.speaker,
        speaker_role=entry.speaker_role,
        figure=number(entry.figure) if entry.figure is not None else "",
        figure_value=entry.figure,
        unit=entry.unit,
        source_name=entry.source_name,
        source_url=http_url(entry.source_url),
        status=entry.status,
        status_name=str(dict(TimelineEntry.STATUSES).get(entry.status, entry.status)),
        article=Link(presentation.article_path(edition, article.slug), article.headline)
        if article is not None and visible(article, now)
        else None,
    )


def rows(entries: Any, edition: str, now: dt.datetime) -> list[Row]:
    return [row(entry, edition, now) for entry in entries]


def claims_by_source(found: list[Row]) -> list[SourceClaims]:
    """Rows grouped by who said them; the most quoted source first, then by name."""
    groups: dict[str, SourceClaims] = {}
    for item in found:
        name = item.speaker or _("Unattributed")
        group = groups.setdefault(name, SourceClaims(name, item.speaker_role))
        group.rows.append(item)
    names = dict(TimelineEntry.STATUSES)
    for group in groups.values():
        tally = Counter(item.status for item in group.rows)
        group.counts = [
            (code, str(names[code]), tally[code])
            for code, _name in TimelineEntry.STATUSES
            if tally[code]
        ]
    return sorted(groups.values(), key=lambda g: (-len(g.rows), g.speaker.casefold()))
