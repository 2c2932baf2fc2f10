"""The import verb for many articles at once: the write path's rows, written a batch at a
time (decision 0056).

:func:`add_articles` leaves, for each new article, what :func:`actions.save_draft` and
:func:`actions.publish` (with ``first_published_at``) leave for one: the row, its tags and
bylines, its first revision, the audit entries (``wagtail.edit``, and for a published one
``wagtail.publish`` and ``newsdesk.publish.original_time``) with their security-log copies,
the slug history and Wagtail's reference index. It writes each kind of row with one
statement for the whole batch, inside one transaction, and validates every article first
with the model's own rules (the addresses for the whole batch in one query).

What the outputs derive (search documents, archive months, front-cache purges) is not done
per article: one :data:`events.content_loaded` is sent for the batch after the commit.
Wagtail's own search index, which nothing here reads (decision 0039), is not written, as
for the archive generator (decision 0011).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail.models import ModelLogEntry, ReferenceIndex, Revision

from newsdesk.articles.models import EARLIEST_ORIGINAL, Article, Byline, PublishedSlug, TagLink

from .events import announce_loaded
from .handlers import BACKDATE_ACTION
from .security import copy_audit_entries

_FOREIGN_KEYS = [field.name for field in Article._meta.concrete_fields if field.many_to_one]


@dataclass
class NewArticle:
    """One article to add: unsaved, its section loaded, its tags and bylines set on it.

    ``first_published_at``: published, dated at that original first publication (in the
    past, as :func:`actions.publish` requires of it); None: saved as a draft."""

    article: Article
    first_published_at: dt.datetime | None = None


@dataclass
class Added:
    """What :func:`add_articles` did: the articles written, and for each one it refused
    (by its place in the batch) why."""

    articles: list[Article] = field(default_factory=list)
    refused: dict[int, ValidationError] = field(default_factory=dict)


def add_articles(*, batch: Sequence[NewArticle]) -> Added:
    """Validate every article of ``batch`` and write those that pass, in one transaction.

    A refused article is left out and reported in ``Added.refused``; the others are written
    whole. The cost in queries is the same for 10 articles as for 500 (images in a body
    are the blocks' own lookups)."""
    added = Added()
    refused = _validate(batch)
    added.refused = refused
    accepted = [item for place, item in enumerate(batch) if place not in refused]
    if not accepted:
        return added
    with transaction.atomic():
        _write(accepted)
        live = [item.article.pk for item in accepted if item.article.live]
        announce_loaded(Article, live)
    added.articles = [item.article for item in accepted]
    return added


def _validate(batch: Sequence[NewArticle]) -> dict[int, ValidationError]:
    refused: dict[int, ValidationError] = {}
    for place, item in enumerate(batch):
        article = item.article
        try:
            if article.pk is not None:
                raise ValidationError(_("Only a new article can be added."))
            moment = item.first_published_at
            if moment is not None:
                article.original_published_at = moment
            # The foreign keys are the database's to hold (a bad one fails the batch's
            # commit); looking each up here would cost a query per article and field.
            article.clean_fields(exclude=_FOREIGN_KEYS)
            # The addresses are checked below, for the whole batch at once.
            article.clean(check_address=False)
        except ValidationError as exc:
            refused[place] = exc
    by_slug: dict[tuple[int, str], int] = {}
    for place, item in enumerate(batch):
        if place in refused:
            continue
        key = (item.article.locale_id, item.article.slug)
        if key in by_slug:
            refused[place] = _slug_taken()
        else:
            by_slug[key] = place
    for key in _addresses_taken(by_slug):
        refused[by_slug[key]] = _slug_taken()
    return refused


def _slug_taken() -> ValidationError:
    return ValidationError({"slug": _("Another article in this edition already uses this slug.")})


def _addresses_taken(wanted: dict[tuple[int, str], int]) -> set[tuple[int, str]]:
    """Which (edition, slug) of ``wanted`` an article uses or used: one query."""
    if not wanted:
        return set()
    slugs = {slug for _locale, slug in wanted}
    locales = {locale for locale, _slug in wanted}
    current = Article.objects.filter(locale_id__in=locales, slug__in=slugs).values_list(
        "locale_id", "slug"
    )
    former = PublishedSlug.objects.filter(locale_id__in=locales, slug__in=slugs).values_list(
        "locale_id", "slug"
    )
    return {pair for pair in current.union(former) if pair in wanted}


def _write(batch: Sequence[NewArticle]) -> None:
    now = timezone.now()
    articles = [item.article for item in batch]
    for article in articles:
        # As save_draft leaves it before its first revision.
        article.live = False
        article.has_unpublished_changes = False
        # A new article has no rows of its own yet: its revision and the reference index
        # read these from memory, not with a query each.
        for relation in get_all_child_relations(article):
            name = relation.get_accessor_name()
            if name not in getattr(article, "_cluster_related_objects", {}):
                setattr(article, name, [])
    for item in batch:
        moment = item.first_published_at
        if moment is None:
            item.article.has_unpublished_changes = True
        else:
            # As Revision.publish and the publish handler leave a first publication dated
            # at its original time.
            item.article.live = True
            item.article.first_published_at = moment
            item.article.last_published_at = now
    Article.objects.bulk_create(articles)
    links = [
        TagLink(article_id=article.pk, tag_id=tag.pk, published_at=article.link_time)
        for article in articles
        for tag in article.tags.all()
    ]
    TagLink.objects.bulk_create(links)
    bylines: list[Byline] = []
    for article in articles:
        for order, byline in enumerate(article.bylines.all()):
            byline.article = article
            byline.sort_order = order
            byline.published_at = article.link_time
            bylines.append(byline)
    Byline.objects.bulk_create(bylines)

    kind = ContentType.objects.get_for_model(Article, for_concrete_model=False)
    base = Article.get_base_content_type()
    revisions = [
        Revision(
            content_type=kind,
            base_content_type=base,
            object_id=str(article.pk),
            created_at=now,
            content=_first_revision(article),
            object_str=str(article),
        )
        for article in articles
    ]
    Revision.objects.bulk_create(revisions)
    # Two statements for the batch, not a row each.
    ids = [article.pk for article in articles]
    Article.objects.filter(pk__in=ids).update(
        latest_revision=Subquery(
            Revision.objects.filter(
                base_content_type=base, object_id=Cast(OuterRef("pk"), CharField())
            ).values("pk")[:1]
        )
    )
    Article.objects.filter(pk__in=ids, live=True).update(live_revision=F("latest_revision"))

    entries: list[ModelLogEntry] = []
    slugs: list[PublishedSlug] = []
    for item, revision in zip(batch, revisions, strict=True):
        article = item.article
        article.latest_revision = revision
        entries.append(_entry(article, "wagtail.edit", revision, now, content_changed=True))
        moment = item.first_published_at
        if moment is None:
            continue
        article.live_revision = revision
        entries.append(_entry(article, "wagtail.publish", revision, now, content_changed=True))
        data = {
            "original_published_at": moment.astimezone(dt.UTC).isoformat(),
            "published_at": now.astimezone(dt.UTC).isoformat(),
        }
        entries.append(_entry(article, BACKDATE_ACTION, revision, now, data=data))
        slugs.append(PublishedSlug(article=article, locale_id=article.locale_id, slug=article.slug))
    ModelLogEntry.objects.bulk_create(entries)
    copy_audit_entries(entries)
    PublishedSlug.objects.bulk_create(slugs)
    ReferenceIndex.objects.bulk_create(_references(articles, kind, base), ignore_conflicts=True)


def _first_revision(article: Article) -> dict[str, Any]:
    """The revision's content as ``save_draft`` records it: the saved draft, before the
    publish makes it live (the row is written in its final state at once)."""
    content: dict[str, Any] = article.serializable_data()
    content.update(
        live=False,
        has_unpublished_changes=False,
        first_published_at=None,
        last_published_at=None,
        latest_revision=None,
        live_revision=None,
    )
    return content


def _entry(
    article: Article,
    action: str,
    revision: Revision,
    now: dt.datetime,
    *,
    content_changed: bool = False,
    data: dict[str, str] | None = None,
) -> ModelLogEntry:
    return ModelLogEntry(
        content_type=ContentType.objects.get_for_model(Article, for_concrete_model=False),
        object_id=str(article.pk),
        label=str(article) or f"Article object ({article.pk})",
        action=action,
        data=data or {},
        timestamp=now,
        revision=revision,
        content_changed=content_changed,
    )


def _references(
    articles: Sequence[Article], kind: ContentType, base: ContentType
) -> list[ReferenceIndex]:
    """Wagtail's reference index ("usage" of sections, authors, images), as a save writes it."""
    return [
        ReferenceIndex(
            content_type=kind,
            base_content_type=base,
            object_id=str(article.pk),
            to_content_type_id=to_type,
            to_object_id=to_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for article in articles
        for to_type, to_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(article)
        )
    ]


def usable_original(moment: dt.datetime | None, *, now: dt.datetime) -> bool:
    """Whether ``moment`` can date a first publication: known, not ahead, not before the
    earliest the model takes."""
    return moment is not None and EARLIEST_ORIGINAL <= moment <= now
