"""What the index holds for an article, built from the published rows in a few queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from newsdesk.articles import labels
from newsdesk.articles.body import loading, vocabulary
from newsdesk.articles.body.vocabulary import Loaded
from newsdesk.articles.models import LIVE as COVERAGE_LIVE
from newsdesk.articles.models import Article
from newsdesk.articles.slugs import romanise_ukrainian
from newsdesk.taxonomy.models import Tag

# 30 bits of article id beside the published second in an FTS5 rowid (see ``Document.key``).
KEY_ID_BITS = 30
KEY_ID_MASK = (1 << KEY_ID_BITS) - 1


@dataclass(frozen=True)
class IndexDocument:
    """One published article as every backend indexes it."""

    article_id: int
    edition: str
    section_id: int
    labels: tuple[str, ...]
    published_at: dt.datetime
    headline: str
    lead: str
    body: str
    # Names of the article's tags, of their translations and their Latin spelling, so
    # that "Kharkiv" finds an article tagged "Харків" and the other way round.
    tags: str

    @property
    def key(self) -> int:
        return make_key(self.published_at, self.article_id)


def make_key(published_at: dt.datetime, article_id: int) -> int:
    return (int(published_at.timestamp()) << KEY_ID_BITS) | (article_id & KEY_ID_MASK)


def key_bounds(start: dt.datetime | None, end: dt.datetime | None) -> tuple[int, int]:
    """The smallest and largest keys of articles published in [start, end)."""
    low = make_key(start, 0) if start else 0
    high = make_key(end, 0) - 1 if end else (1 << 62)
    return low, high


def body_text(article: Article, loaded: Loaded | None = None) -> str:
    """The readable text of the body, from its stored data (the body's vocabulary says what
    each block contributes); ``loaded`` holds the embedded timelines."""
    return vocabulary.text(article.body.raw_data, loaded or Loaded())


# What a document is made of, read as plain values: a rebuild reads a million rows, and
# building a model instance for each cost more than the rest of reading them.
FIELDS = (
    "pk",
    "locale__language_code",
    "section_id",
    "labels",
    "updated_at",
    "coverage",
    "first_published_at",
    "headline",
    "lead",
    "body",
)


def build(article_ids: Iterable[int]) -> list[IndexDocument]:
    """Documents of those of ``article_ids`` that readers can see now (three queries, and
    one per edition whose bodies embed a timeline)."""
    rows = list(
        Article.objects.published()
        .filter(pk__in=list(article_ids))
        .order_by("pk")
        .values_list(*FIELDS)
    )
    tags = _tag_names([row[0] for row in rows])
    loaded = _loaded([(row[1], row[9].raw_data) for row in rows])
    return [_document(row, tags.get(row[0], []), loaded.get(row[1], Loaded())) for row in rows]


def _tag_names(article_ids: list[int]) -> dict[int, list[str]]:
    """Each article's tag names with those of their translations and their Latin spelling,
    so that "Kharkiv" finds an article tagged "Харків" and the other way round (two
    queries)."""
    links = list(
        Article.tags.through.objects.filter(article_id__in=article_ids)
        .order_by("article_id", "tag__name")
        .values_list("article_id", "tag__name", "tag__translation_key")
    )
    names: dict[Any, list[str]] = {}
    for key, name in Tag.objects.filter(
        translation_key__in={key for _id, _name, key in links}
    ).values_list("translation_key", "name"):
        names.setdefault(key, []).append(name)
    found: dict[int, list[str]] = {}
    for article_id, name, key in links:
        spellings = found.setdefault(article_id, [])
        for each in names.get(key, [name]):
            for spelling in (each, romanise_ukrainian(each)):
                if spelling not in spellings:
                    spellings.append(spelling)
    return found


def _loaded(bodies: list[tuple[str, Any]]) -> dict[str, Loaded]:
    """Each edition's embedded timelines for ``bodies`` (edition, stored blocks): one query
    for an edition whose bodies embed any, none otherwise."""
    found = {}
    for edition in {edition for edition, _body in bodies}:
        chosen = vocabulary.chosen([body for each, body in bodies if each == edition], "search")
        found[edition] = Loaded(timelines=loading.timelines(chosen.stories, edition))
    return found


def _document(row: tuple[Any, ...], tag_names: list[str], loaded: Loaded) -> IndexDocument:
    (pk, edition, section_id, chosen, updated_at, coverage, published_at, headline, lead, body) = (
        row
    )
    return IndexDocument(
        article_id=pk,
        edition=edition,
        section_id=section_id,
        labels=tuple(
            labels.displayed(chosen, updated=bool(updated_at), live=coverage == COVERAGE_LIVE)
        ),
        published_at=published_at,
        headline=headline,
        lead=lead,
        body=vocabulary.text(body.raw_data, loaded),
        tags=" · ".join(tag_names),
    )


def published_ids(batch_size: int) -> Iterator[Sequence[int]]:
    """Ids of every published article, in batches, by keyset on id."""
    last = 0
    while True:
        batch = list(
            Article.objects.published()
            .filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not batch:
            return
        yield batch
        last = batch[-1]
