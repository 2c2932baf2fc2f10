"""The story page (its coverage feed, full timeline, claims by source and figures over time)
and the timeline's JSON and CSV exports.

The page is a section-like listing (``views._listing``: the one read path, "More news" by
keyset) whose first page adds the timeline. It costs, whatever the archive holds: the
story with its twin's slug; the feed's heads, and the rows and renditions of its items not
yet kept (``feed_items``); the timeline entries with their articles; the section
navigation (usually cached). The exports cost two queries.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from newsdesk.articles.models import Article
from newsdesk.editions import other_edition
from newsdesk.frontcache import keys as surrogate
from newsdesk.http_policy import absolute, public
from newsdesk.stories.models import Story, TimelineEntry

from . import figures_chart, presentation, timelines, views
from .timelines import Row, SourceClaims, http_url, visible

CSV_COLUMNS = (
    "date",
    "time",
    "precision",
    "statement",
    "speaker",
    "speaker_kind",
    "speaker_role",
    "figure",
    "unit",
    "source_name",
    "source_url",
    "status",
    "article_url",
)


@dataclass
class Timeline:
    rows: list[Row]
    sources: list[SourceClaims]
    charts: list[figures_chart.Chart]
    json_url: str
    csv_url: str


def entries_of(story: Story) -> Any:
    return TimelineEntry.objects.of_story(story).for_display().chronological()


def timeline(story: Story, edition: str) -> Timeline:
    found = timelines.rows(entries_of(story), edition, timezone.now())
    kwargs = {"edition": edition, "slug": story.slug}
    return Timeline(
        rows=found,
        sources=timelines.claims_by_source(found),
        charts=figures_chart.charts(found, number=timelines.number),
        json_url=reverse("site:story_timeline_json", kwargs=kwargs),
        csv_url=reverse("site:story_timeline_csv", kwargs=kwargs),
    )


def load(edition: str, slug: str) -> Story:
    """The story of ``edition`` at ``slug``, with its translation's slug, or 404."""
    twin = other_edition(edition)
    found = Story.objects.with_translation_slug(twin).get_for_edition_or_404(edition, slug)
    surrogate.note(surrogate.story(found.pk))
    return found


def story(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    item = load(edition, slug)
    articles = Article.objects.published().in_edition(edition).in_story(item)
    return views._listing(
        request,
        edition,
        articles,
        path=item.get_absolute_url(),
        twin=item.get_translation_url(),
        heading=item.title,
        kind=_("Story"),
        intro=item.summary,
        feeds=lambda: presentation.feed_links(edition, "story", item.slug, item.title),
        template="site/story.html",
        first_page=lambda: {"timeline": timeline(item, edition)},
        shows=(surrogate.story(item.pk),),
    )


def _export_rows(item: Story, edition: str) -> list[dict[str, Any]]:
    now = timezone.now()
    exported = []
    for entry in entries_of(item):
        moment = entry.moment
        article = entry.article if entry.article_id else None
        exported.append(
            {
                "date": entry.occurred_on.isoformat(),
                "time": moment.strftime("%H:%M") if moment else None,
                "precision": entry.precision,
                "datetime": moment.isoformat() if moment else None,
                "statement": entry.statement,
                "speaker": entry.speaker,
                "speaker_kind": entry.speaker_kind,
                "speaker_role": entry.speaker_role,
                "figure": _plain(entry.figure),
                "unit": entry.unit,
                "source_name": entry.source_name,
                "source_url": http_url(entry.source_url),
                "status": entry.status,
                "article_url": absolute(presentation.article_path(edition, article.slug))
                if article is not None and visible(article, now)
                else None,
            }
        )
    return exported


def _plain(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def timeline_json(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    item = load(edition, slug)
    document = {
        "story": {
            "title": item.title,
            "slug": item.slug,
            "edition": edition,
            "url": absolute(item.get_absolute_url()),
            "summary": item.summary,
        },
        "entries": _export_rows(item, edition),
    }
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return public(HttpResponse(body, content_type="application/json; charset=utf-8"))


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): a
# text cell that does is written after an apostrophe, which spreadsheets show as text. A
# figure is a number and stays one, negative or not.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def timeline_csv(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    item = load(edition, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{item.slug}-timeline.csv"'
    writer = csv.DictWriter(response, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for exported in _export_rows(item, edition):
        writer.writerow({key: _cell(value) for key, value in exported.items()})
    return public(response)
