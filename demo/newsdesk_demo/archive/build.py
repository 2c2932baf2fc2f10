"""Builds an archive of realistic size for benchmarks, writing rows in bulk.

The articles are live and complete for readers (feed, article, section, tag and author
pages, feeds and sitemaps read them through the one read path), but they bypass the
publish action: no revision, no audit-log entry, no change event. See
docs/decisions/0011-archive-generator.md for why, and what follows from it.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
import warnings
from dataclasses import dataclass, field
from typing import TextIO

from django.core.management import call_command, get_commands
from django.db import connection
from django.db.models import Max
from django.utils import timezone

from newsdesk.articles.models import Article, PublishedSlug
from newsdesk_demo.catalogue import translation_key
from newsdesk_demo.images import ensure_pictures
from newsdesk_demo.writer import Picture

from . import pipeline
from .catalogue import ensure_catalogue
from .progress import Progress
from .rows import Composer
from .writer import writer_for

SEARCH_COMMAND = "rebuild_search_index"
SYNDICATION_APP = "newsdesk.syndication"


class ArchiveError(ValueError):
    """Sizes the generator cannot build an archive from; nothing has been written."""


@dataclass(frozen=True)
class ArchiveReport:
    articles: int
    tags: int
    bylines: int
    sections: int
    tag_names: int
    authors: int
    seconds: float
    derived: dict[str, float] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        line = (
            f"Added {self.articles:,} articles ({self.tags:,} tag links, {self.bylines:,} "
            f"bylines) over {self.sections} sections, {self.tag_names:,} tags and "
            f"{self.authors} authors per edition in {self.seconds:.1f} s "
            f"({self.rate:,.0f} articles/s)"
        )
        if self.derived:
            line += "; then " + ", ".join(f"{n} {s:.1f} s" for n, s in self.derived.items())
        return line + "."


def check(*, articles: int, years: int, sections: int, tags: int, authors: int, batch: int) -> None:
    """Raise :class:`ArchiveError` for sizes no archive can have."""
    for name, value in (
        ("articles", articles),
        ("years", years),
        ("sections", sections),
        ("tags", tags),
        ("authors", authors),
        ("batch", batch),
    ):
        if value < 1:
            raise ArchiveError(f"--{name} must be at least 1, not {value}.")


def build_archive(
    *,
    articles: int = 1_000_000,
    years: int = 10,
    sections: int = 50,
    tags: int = 20_000,
    authors: int = 500,
    seed: int = 1,
    batch: int = 5000,
    derived: bool = True,
    now: dt.datetime | None = None,
    progress: TextIO | None = None,
) -> ArchiveReport:
    """Add ``articles`` live articles over the ``years`` before ``now`` to the database.

    Sections, tags and authors are found or created first, in both editions. The same
    ``seed`` on the same database gives the same archive. With ``derived``, the search
    index and syndication summaries are rebuilt afterwards (timed apart in the report).
    """
    check(
        articles=articles, years=years, sections=sections, tags=tags, authors=authors, batch=batch
    )
    started = time.perf_counter()
    now = now or timezone.now()
    catalogue = ensure_catalogue(sections=sections, tags=tags, authors=authors)
    pictures = _pictures()
    highest = Article.objects.aggregate(top=Max("pk"))["top"] or 0
    composer = Composer(
        seed=seed,
        # Keys of a second run with the same seed must not meet the first run's.
        salt=translation_key(f"archive-run:{highest}").int,
        catalogue=catalogue,
        pictures=pictures,
        years=years,
        now=now,
        total=articles,
    )
    writer = writer_for(
        check_slugs=highest > 0 or PublishedSlug.objects.exists(),
    )
    bar = Progress(articles, progress)
    written, tag_links, bylines = 0, 0, 0
    with writer.tuned():
        for chunk in pipeline.batches(composer.drafts(), batch):
            done = writer.write(chunk)
            written, tag_links, bylines = (
                written + done.articles,
                tag_links + done.tags,
                bylines + done.bylines,
            )
            bar.advance(done.articles)
    bar.finish()
    seconds = time.perf_counter() - started
    return ArchiveReport(
        articles=written,
        tags=tag_links,
        bylines=bylines,
        sections=len(catalogue.desks),
        tag_names=len(catalogue.tags["uk"]),
        authors=len(catalogue.authors["uk"]),
        seconds=seconds,
        derived=settle(derived=derived),
    )


def _pictures() -> list[Picture]:
    # Restoring the demo images makes renditions, and Wagtail leaves each one's spooled
    # buffer unclosed (wagtail/wagtail#14055). The buffers are in memory: collect them
    # here, warning silenced, rather than in whatever code the collector next runs in.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        pictures = ensure_pictures()
        gc.collect()
    return pictures


def derived_commands() -> list[str]:
    """The commands that recompute tables derived from the articles, which a bulk load
    bypasses: the search index and whatever ``rebuild_*`` the syndication app offers."""
    commands = get_commands()
    names = [SEARCH_COMMAND] if SEARCH_COMMAND in commands else []
    names += sorted(
        name
        for name, app in commands.items()
        if name.startswith("rebuild_") and app == SYNDICATION_APP and name not in names
    )
    return names


def settle(*, derived: bool) -> dict[str, float]:
    """What follows a bulk load, each step timed: the planner's statistics always, then,
    with ``derived``, the tables derived from the articles.

    Statistics first: after a bulk load they describe empty tables (or none), and
    autovacuum may be off or not yet round; without them PostgreSQL plans every query as
    if each table were tiny, the rebuilds' own included (the search index's read of the
    tags became a parallel scan of every tag link, 0.8 s a batch at 1,000,000)."""
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    seconds = {"analyze": time.perf_counter() - started}
    if derived:
        for name in derived_commands():
            started = time.perf_counter()
            call_command(name, verbosity=0)
            seconds[name] = time.perf_counter() - started
    return seconds
