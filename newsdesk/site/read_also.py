""" "Read also" under an article: what the editors picked, then what is closest to it.

The ranking, in tiers, newest first within each tier:

0. the editors' picks (``ReadAlsoPick``), in their order;
1. articles of the same story;
2. articles sharing a tag;
3. articles of the same section.

Only published articles of the edition, never the article itself, each at most once, at
most :data:`RELATED_LIMIT` in all. The targets of the body's read-also blocks come back in
the same query, so the whole of it costs one query (two at most, by contract).
"""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL

from newsdesk.articles.models import Article, ReadAlsoPick

RELATED_LIMIT = 5
PICKED, SAME_STORY, SHARED_TAG, SAME_SECTION = 0, 1, 2, 3


def _picked_ids(article: Article) -> list[int] | None:
    """The pick targets in order when they are held in memory (a preview, a revision
    rendered as an object), else None: stored picks are then read inside the query."""
    in_memory = getattr(article, "_cluster_related_objects", {})
    if article.pk is None or "read_also_picks" in in_memory:
        picks = sorted(article.read_also_picks.all(), key=lambda pick: pick.sort_order or 0)
        return [pick.target_id for pick in picks if pick.target_id]
    return None


def picks_are_stored(article: Article) -> bool:
    """The editors' picks are those in the database, not a form's or a revision's."""
    return _picked_ids(article) is None


def _pick_position(article: Article) -> Any:
    picked = _picked_ids(article)
    if picked is None:
        stored = ReadAlsoPick.objects.filter(article_id=article.pk, target_id=OuterRef("pk"))
        return Subquery(stored.order_by("sort_order").values("sort_order")[:1])
    if not picked:
        return Value(None, output_field=IntegerField())
    return Case(
        *[When(pk=target, then=Value(position)) for position, target in enumerate(picked)],
        default=Value(None),
        output_field=IntegerField(),
    )


def _tier(article: Article, tag_ids: list[int]) -> Case:
    """The best tier an article reaches; NULL when it is not related at all."""
    tiers = [When(pick_position__isnull=False, then=Value(PICKED))]
    if article.story_id:
        tiers.append(When(story_id=article.story_id, then=Value(SAME_STORY)))
    if tag_ids:
        shared = Article.tags.through.objects.filter(article_id=OuterRef("pk"), tag_id__in=tag_ids)
        tiers.append(When(Exists(shared), then=Value(SHARED_TAG)))
    tiers.append(When(section_id=article.section_id, then=Value(SAME_SECTION)))
    return Case(*tiers, default=Value(None), output_field=IntegerField())


def _sort_key(row: Article) -> tuple[Any, ...]:
    published = row.first_published_at
    return (
        row.tier,
        row.pick_position if row.pick_position is not None else 0,
        -(published.timestamp() if published else 0),
        -row.pk,
    )


def _candidates(article: Article, edition: str, tag_ids: list[int], linked_ids: set[int]) -> RawSQL:
    """The ids worth ranking: each tier's newest few, each read through an index of its own
    (section, story, the tags' rows), the picks and the body's read-also targets, so the
    ranking runs over a few dozen rows, never the edition.

    One ``id IN (… UNION ALL …)``: an ``OR`` of ``IN`` subqueries would make PostgreSQL
    filter the whole table. Each part is wrapped as a derived table, where SQLite, too,
    allows its ``LIMIT``. A tier gives twice the limit: an article found in several tiers
    ranks in its best one, and the margin keeps enough of the next tier's own best.
    """
    newest = Article.objects.published().in_edition(edition).order_by("-first_published_at", "-id")
    if article.pk is not None:
        newest = newest.exclude(pk=article.pk)
    limit = 2 * RELATED_LIMIT
    parts: list[QuerySet[Any, Any]] = [newest.filter(section_id=article.section_id)[:limit]]
    if article.story_id:
        parts.append(newest.filter(story_id=article.story_id)[:limit])
    if tag_ids:
        tagged = Article.tags.through.objects.filter(tag_id__in=tag_ids).values("article_id")
        parts.append(newest.filter(pk__in=tagged)[:limit])
    picked = _picked_ids(article)
    if picked is None:
        parts.append(ReadAlsoPick.objects.filter(article_id=article.pk).values_list("target_id"))
    elif picked:
        parts.append(Article.objects.filter(pk__in=picked))
    if linked_ids:
        parts.append(Article.objects.filter(pk__in=linked_ids))
    selects: list[str] = []
    params: list[Any] = []
    for number, part in enumerate(parts):
        if part.model is Article:
            part = part.values_list("pk")
        sql, part_params = part.query.sql_with_params()
        # The SQL is the ORM's own, its values stay parameters.
        selects.append(f"SELECT * FROM ({sql}) AS read_also_{number}")  # noqa: S608
        params.extend(part_params)
    return RawSQL(" UNION ALL ".join(selects), params)  # noqa: S611 - parameters, as above


def related_and_linked(
    article: Article, edition: str, tag_ids: list[int], linked_ids: set[int]
) -> tuple[list[Article], dict[int, Article]]:
    """Up to :data:`RELATED_LIMIT` ranked articles for "Read also", and the published
    targets of the body's read-also blocks by id: one query for both."""
    rows = (
        Article.objects.published()
        .filter(pk__in=_candidates(article, edition, tag_ids, linked_ids))
        .annotate(pick_position=_pick_position(article))
        .annotate(tier=_tier(article, tag_ids))
        .select_related("locale")
        .defer("body", "sources")
    )
    found = list(rows)
    related = sorted(
        (
            row
            for row in found
            if row.tier is not None and row.pk != article.pk and row.locale.language_code == edition
        ),
        key=_sort_key,
    )[:RELATED_LIMIT]
    return related, {row.pk: row for row in found if row.pk in linked_ids}
