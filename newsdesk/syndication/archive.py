"""Calendar months of the archive: their bounds, and the summary the sitemap index reads.

A month sitemap lists the articles first published in one UTC calendar month. Past months
barely change as the archive grows, so their URLs and contents stay put; a month that
ever holds more than 50,000 articles is split into numbered pages.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max
from django.db.models.functions import TruncMonth
from django.utils import timezone

from newsdesk.articles.models import Article
from newsdesk.articles.query import ArticleQuerySet
from newsdesk.editions import EDITIONS

from .models import ArchiveMonth

# sitemaps.org protocol: "no more than 50,000 URLs" per sitemap file.
URLS_PER_SITEMAP = 50_000
# Far beyond any real archive; keeps a hand-made page number from overflowing OFFSET.
MAX_PAGES = 10_000
PERIOD = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<page>[1-9]\d{0,4}))?", re.ASCII)


@dataclass(frozen=True)
class Period:
    """A page of a month sitemap, as named in its URL (``2026-02``, ``2026-02-2``)."""

    month: dt.date
    page: int = 1

    @property
    def start(self) -> dt.datetime:
        return dt.datetime(self.month.year, self.month.month, 1, tzinfo=dt.UTC)

    @property
    def end(self) -> dt.datetime:
        return month_after(self.start)

    def slug(self) -> str:
        name = f"{self.month:%Y-%m}"
        return name if self.page == 1 else f"{name}-{self.page}"


def month_after(moment: dt.datetime) -> dt.datetime:
    """The first instant of the month after ``moment``'s (on the 31st too: there is no
    31 June to step to)."""
    first = moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if first.month == 12:
        return first.replace(year=first.year + 1, month=1)
    return first.replace(month=first.month + 1)


def first_of_month(moment: dt.datetime) -> dt.date:
    utc = moment.astimezone(dt.UTC)
    return dt.date(utc.year, utc.month, 1)


def parse_period(raw: str, *, now: dt.datetime | None = None) -> Period | None:
    """The period a sitemap URL names, or None for anything we never link to: a month
    that does not exist, year 0, a month still to come, page 1 spelt out."""
    match = PERIOD.fullmatch(raw)
    if match is None:
        return None
    year, month = int(match["year"]), int(match["month"])
    page = int(match["page"]) if match["page"] else 1
    if year < 1 or not 1 <= month <= 12 or match["page"] == "1" or page > MAX_PAGES:
        return None
    first = dt.date(year, month, 1)
    if first > first_of_month(now or timezone.now()):
        return None
    return Period(first, page)


def pages(articles: int) -> int:
    return max(1, -(-articles // URLS_PER_SITEMAP))


def _in_month(edition: str, month: dt.date) -> ArticleQuerySet:
    period = Period(month)
    return (
        Article.objects.published()
        .in_edition(edition)
        .filter(first_published_at__gte=period.start, first_published_at__lt=period.end)
    )


def refresh_month(edition: str, moment: dt.datetime) -> ArchiveMonth | None:
    """Recount the month of ``moment`` in ``edition``: one aggregate over that month's
    rows (an index range), whatever the size of the archive."""
    month = first_of_month(moment)
    found = _in_month(edition, month).aggregate(
        n=Count("id"),
        first=Max("first_published_at"),
        last=Max("last_published_at"),
        updated=Max("updated_at"),
    )
    with transaction.atomic():
        if not found["n"]:
            ArchiveMonth.objects.filter(edition=edition, month=month).delete()
            return None
        lastmod = max(m for m in (found["first"], found["last"], found["updated"]) if m)
        row, _created = ArchiveMonth.objects.update_or_create(
            edition=edition, month=month, defaults={"articles": found["n"], "lastmod": lastmod}
        )
        return row


def months_of(article_ids: list[int]) -> list[tuple[str, dt.datetime]]:
    """The (edition, first instant of the month) the published ones of these articles fall
    in, each once: one query."""
    rows = (
        Article.objects.filter(pk__in=article_ids, first_published_at__isnull=False)
        .annotate(month=TruncMonth("first_published_at", tzinfo=dt.UTC))
        .values_list("locale__language_code", "month")
        .distinct()
    )
    return sorted(set(rows))


def counted() -> list[ArchiveMonth]:
    """Every month of both editions as the articles say it should be (one grouped scan per
    edition), unsaved."""
    rows: list[ArchiveMonth] = []
    for edition in EDITIONS:
        grouped = (
            Article.objects.published()
            .in_edition(edition)
            .annotate(month=TruncMonth("first_published_at", tzinfo=dt.UTC))
            .values("month")
            .annotate(
                n=Count("id"),
                first=Max("first_published_at"),
                last=Max("last_published_at"),
                updated=Max("updated_at"),
            )
            .order_by("month")
        )
        for group in grouped:
            lastmod = max(m for m in (group["first"], group["last"], group["updated"]) if m)
            month = group["month"]
            month = month.date() if isinstance(month, dt.datetime) else month
            rows.append(
                ArchiveMonth(edition=edition, month=month, articles=group["n"], lastmod=lastmod)
            )
    return rows


def rebuild() -> int:
    """Recount every month of both editions from the articles; returns how many months
    hold articles. For the management command."""
    rows = counted()
    with transaction.atomic():
        ArchiveMonth.objects.all().delete()
        ArchiveMonth.objects.bulk_create(rows)
    return len(rows)


def out_of_step() -> list[str]:
    """The months whose stored count or last change differs from the articles', as
    "edition YYYY-MM" (what reconciliation reports)."""
    want = {(row.edition, row.month): (row.articles, row.lastmod) for row in counted()}
    have = {
        (row.edition, row.month): (row.articles, row.lastmod) for row in ArchiveMonth.objects.all()
    }
    return sorted(
        f"{edition} {month:%Y-%m}"
        for edition, month in want.keys() | have.keys()
        if want.get((edition, month)) != have.get((edition, month))
    )
