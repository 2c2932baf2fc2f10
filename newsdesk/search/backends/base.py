"""The interface every search backend implements, and what the SQL backends share.

A backend indexes :class:`~newsdesk.search.documents.IndexDocument` rows, removes them,
and answers a :class:`SearchQuery` with a page of :class:`Hit` (ids, highlighted headline
and snippet) and a total that is exact up to :data:`CANDIDATES` and a lower bound past it.
An OpenSearch backend would implement the same methods.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils import timezone

from ..documents import IndexDocument
from ..models import Document
from ..snippets import Fragment, highlight, snippet

# How many of the newest matches are ranked. The work of a query is bounded by this, not
# by how many articles of a 1,000,000-article archive contain a common word.
CANDIDATES = 1000
# Recency boost: a fresh article counts up to twice its text relevance; the extra halves
# every week, so relevance decides among older articles.
RECENCY_HALF_LIFE_DAYS = 7.0


@dataclass(frozen=True)
class SearchQuery:
    terms: tuple[str, ...]
    edition: str
    section_id: int | None = None
    label: str | None = None
    start: dt.datetime | None = None  # inclusive
    end: dt.datetime | None = None  # exclusive
    offset: int = 0
    limit: int = 20


@dataclass(frozen=True)
class Hit:
    article_id: int
    score: float
    headline: list[Fragment] = field(default_factory=list)
    snippet: list[Fragment] = field(default_factory=list)


@dataclass(frozen=True)
class Results:
    hits: list[Hit]
    total: int
    # True when more than ``total`` articles match: only the newest ``CANDIDATES`` were
    # counted and ranked.
    more: bool
    # Every candidate's article id, best first: the desk's listing narrows by these.
    matched: tuple[int, ...] = ()


class SearchBackend(Protocol):
    # Whether several processes may write the index at once (a parallel rebuild).
    concurrent_writers: bool

    def prepare(self, documents: Sequence[IndexDocument]) -> Any:
        """What ``write`` stores for these documents: their keys and vectors, made in
        Python without touching the database, so that a rebuild can make them in worker
        processes while one process writes (SQLite). Plain values, to pass between
        processes."""
        ...

    def write(self, prepared: Any) -> None:
        """Add or replace the documents ``prepare`` made this from."""
        ...

    def remove(self, article_ids: Sequence[int]) -> None:
        """Drop these articles from the index; unknown ids are ignored."""
        ...

    def loading(self) -> AbstractContextManager[None]:
        """Around many ``index`` calls (a rebuild): what makes a bulk load cheaper and the
        index quick to read afterwards."""
        ...

    def indexed_ids(self) -> Iterator[int]:
        """Every article id in the index (for a rebuild to drop what is no longer live)."""
        ...

    def search(self, query: SearchQuery) -> Results: ...


@dataclass(frozen=True)
class Candidate:
    article_id: int
    published_at: dt.datetime
    relevance: float


def edition_word(edition: str) -> str:
    return f"ed{edition}"


def facet_words(*, edition: str, section_id: int, labels: Iterable[str]) -> str:
    """Filter values as words of their own, searched together with the text."""
    return " ".join(
        [edition_word(edition), f"sec{section_id}", *(f"lb{label}" for label in labels)]
    )


def query_facets(query: SearchQuery) -> list[str]:
    words = []
    if query.section_id is not None:
        words.append(f"sec{query.section_id}")
    if query.label:
        words.append(f"lb{query.label}")
    return words


def score(candidate: Candidate, now: dt.datetime) -> float:
    age_days = max((now - candidate.published_at).total_seconds(), 0) / 86400
    return candidate.relevance * (1 + math.pow(2, -age_days / RECENCY_HALF_LIFE_DAYS))


def finish(candidates: list[Candidate], query: SearchQuery) -> Results:
    """Rank the bounded candidate set, keep one page, and cut snippets for that page only
    (one query for the page's stored text)."""
    now = timezone.now()
    ranked = sorted(
        candidates,
        key=lambda c: (score(c, now), c.published_at, c.article_id),
        reverse=True,
    )
    page = ranked[query.offset : query.offset + query.limit]
    texts = {
        row.article_id: row
        for row in Document.objects.filter(article_id__in=[c.article_id for c in page]).only(
            "article_id", "headline", "lead", "body"
        )
    }
    terms = set(query.terms)
    hits = []
    for candidate in page:
        row = texts.get(candidate.article_id)
        if row is None:
            continue  # removed since the candidates were read
        hits.append(
            Hit(
                article_id=candidate.article_id,
                score=score(candidate, now),
                headline=highlight(row.headline, terms),
                snippet=snippet([row.lead, row.body], terms),
            )
        )
    return Results(
        hits=hits,
        total=len(candidates),
        more=len(candidates) >= CANDIDATES,
        matched=tuple(c.article_id for c in ranked),
    )
