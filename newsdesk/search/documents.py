"""What the index holds for an article, built from the published rows in a few queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch

from newsdesk.articles.body import loading, vocabulary
from newsdesk.articles.body.vocabulary import Loaded
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


def build(article_ids: Iterable[int]) -> list[IndexDocument]:
    """Documents of those of ``article_ids`` that readers can see now (three queries, and
    one per edition whose bodies embed a timeline)."""
    articles = list(
        Article.objects.published()
        .filter(pk__in=list(article_ids))
        .select_related("locale")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("name", "translation_key")))
        .order_by("pk")
    )
    keys = {tag.translation_key for article in articles for tag in article.tags.all()}
    names: dict[Any, list[str]] = {}
    for key, name in Tag.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "name"
    ):
        names.setdefault(key, []).append(name)
    loaded = _loaded(articles)
    return [
        _document(article, names, loaded.get(article.locale.language_code)) for article in articles
    ]


def _loaded(articles: list[Article]) -> dict[str, Loaded]:
    """Each edition's embedded timelines for the bodies of ``articles``: one query for an
    edition whose bodies embed any, none otherwise."""
    found = {}
    for edition in {article.locale.language_code for article in articles}:
        bodies = [a.body.raw_data for a in articles if a.locale.language_code == edition]
        chosen = vocabulary.chosen(bodies, "search")
        found[edition] = Loaded(timelines=loading.timelines(chosen.stories, edition))
    return found


def _document(
    article: Article, names: dict[Any, list[str]], loaded: Loaded | None = None
) -> IndexDocument:
    assert article.first_published_at is not None  # noqa: S101 - published rows have one
    tag_names: list[str] = []
    for tag in article.tags.all():
        for name in names.get(tag.translation_key, [tag.name]):
            for spelling in (name, romanise_ukrainian(name)):
                if spelling not in tag_names:
                    tag_names.append(spelling)
    return IndexDocument(
        article_id=article.pk,
        edition=article.locale.language_code,
        section_id=article.section_id,
        labels=tuple(article.display_labels),
        published_at=article.first_published_at,
        headline=article.headline,
        lead=article.lead,
        body=body_text(article, loaded),
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
