"""Sections, tags and authors of a WordPress import, got or made a batch at a time.

Each is known by its natural key: in the source, its record (``category:<slug>``,
``post_tag:<slug>``, ``author:<login>``); in the edition, its slug. A batch costs the same
four statements however many it holds: the records, whether their rows still exist, the
edition's rows of those slugs, the new rows with their records. An existing section, tag
or author of the same slug is used, never doubled (decision 0042).

Rows are written with ``bulk_create``: no ``post_save``, so neither Wagtail's own search
index (which nothing reads, decision 0039) nor a purge per row; the batch of posts that
uses them purges the edition's directories once (``publishing.bulk``, decision 0056).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from django.db import models
from django.utils import timezone
from wagtail.models import Locale

from newsdesk.articles.slugs import slug_from_headline
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag

from .models import ImportedItem

CREATED, SKIPPED = "created", "skipped"


@dataclass(frozen=True)
class Kind:
    """One of the three: its model, the record's prefix and what names and slugs may hold."""

    model: Any
    prefix: str
    slug_length: int
    name_length: int


SECTION = Kind(Section, "category", 80, 80)
TAG = Kind(Tag, "post_tag", 100, 80)
AUTHOR = Kind(Author, "author", 120, 120)


@dataclass(frozen=True)
class Wanted:
    """A term or author as the export names it: ``raw`` is its WordPress slug or login."""

    raw: str
    name: str

    def key(self, kind: Kind) -> str:
        return f"{kind.prefix}:{self.raw or self.name}"


@dataclass(frozen=True)
class Got:
    """What became of one: the row's id and the outcome, or why none could be had."""

    pk: int | None
    outcome: str = SKIPPED
    failure: str = ""


def slug_of(raw: str, fallback: str, *, max_length: int) -> str:
    """Our slug rules applied to a WordPress slug (percent-encoded UTF-8 for Cyrillic)."""
    return slug_from_headline(unquote(raw) or fallback, max_length=max_length)


def get_or_make(
    kind: Kind, wanted: Sequence[Wanted], *, source: str, locale: Locale
) -> dict[str, Got]:
    """Each of ``wanted`` as a row of the edition, made when missing, with its record; by
    the record's key (two of one key are one). Call inside the batch's transaction."""
    found: dict[str, Got] = {}
    keys = {want.key(kind): want for want in wanted}
    records = dict(
        ImportedItem.objects.filter(source=source, key__in=keys).values_list("key", "object_id")
    )
    alive = set(
        kind.model.objects.filter(pk__in=set(records.values())).values_list("pk", flat=True)
    )
    rest: dict[Wanted, str] = {}
    for key, want in keys.items():
        if records.get(key) in alive:
            found[key] = Got(records[key])
            continue
        name = want.name if kind is AUTHOR else unquote(want.name)
        slug = slug_of(want.raw, name, max_length=kind.slug_length)
        if kind is AUTHOR:
            slug = slug or "author"
        if not slug:
            found[key] = Got(None, failure=f"no slug can be made of «{want.raw or want.name}»")
            continue
        rest[want] = slug
    existing = dict(
        kind.model.objects.filter(locale=locale, slug__in=set(rest.values())).values_list(
            "slug", "pk"
        )
    )
    made: dict[str, models.Model] = {}
    for want, slug in rest.items():
        if slug not in existing and slug not in made:
            name = (want.name or want.raw) if kind is AUTHOR else (unquote(want.name) or slug)
            made[slug] = kind.model(locale=locale, slug=slug, name=name[: kind.name_length])
    kind.model.objects.bulk_create(list(made.values()))
    now = timezone.now()
    remembered = []
    counted: set[str] = set()
    for want, slug in rest.items():
        created = slug in made and slug not in counted
        counted.add(slug)
        pk = existing[slug] if slug in existing else made[slug].pk
        found[want.key(kind)] = Got(pk, CREATED if created else SKIPPED)
        remembered.append(
            ImportedItem(
                source=source, key=want.key(kind), kind=kind.prefix, object_id=pk, imported_at=now
            )
        )
    # A record whose row was deleted since points at the new one.
    ImportedItem.objects.bulk_create(
        remembered,
        update_conflicts=True,
        unique_fields=["source", "key"],
        update_fields=["kind", "object_id", "imported_at"],
    )
    return found
