"""The archive's editions, sections, tags and authors, found or created in bulk.

Each item exists once per edition and its two editions share a ``translation_key``, as
the demo's catalogue does; an item already there (from ``load_demo``, an earlier archive
run or an editor) is found by its slug, or by its twin's key, and reused as it is.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from wagtail.models import Locale

from newsdesk.editions import EDITIONS
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag
from newsdesk_demo.catalogue import translation_key

from . import names
from .names import Entry


@dataclass(frozen=True)
class Catalogue:
    """Primary keys by edition code, in the order of the entries (tags: by popularity)."""

    locales: dict[str, int]
    sections: dict[str, list[int]]
    desks: list[str]
    tags: dict[str, list[int]]
    authors: dict[str, list[int]]


def ensure_locales() -> dict[str, int]:
    """Both editions' locales, created as the migrations create them if someone removed them."""
    return {code: Locale.objects.get_or_create(language_code=code)[0].pk for code in EDITIONS}


@transaction.atomic
def ensure_catalogue(*, sections: int, tags: int, authors: int) -> Catalogue:
    locales = ensure_locales()
    section_entries = names.sections(sections)
    return Catalogue(
        locales=locales,
        sections=_ensure(
            Section,
            section_entries,
            locales,
            lambda entry, i, order: {"description": "", "sort_order": 100 + order},
        ),
        desks=[entry.desk for entry in section_entries],
        tags=_ensure(Tag, names.tags(tags), locales, lambda entry, i, order: {}),
        authors=_ensure(
            Author,
            names.authors(authors),
            locales,
            lambda entry, i, order: {"role": entry.role[i], "bio": entry.bio[i]},
        ),
    )


def _ensure(
    model: type[models.Model],
    entries: list[Entry],
    locales: dict[str, int],
    extra: Callable[[Entry, int, int], dict[str, Any]],
) -> dict[str, list[int]]:
    """The pk of every entry in every edition, creating what is missing in one bulk insert."""
    manager = model._default_manager
    by_slug: dict[str, dict[str, tuple[int, uuid.UUID]]] = {}
    by_key: dict[str, dict[uuid.UUID, int]] = {}
    for code, locale_id in locales.items():
        rows = manager.filter(locale_id=locale_id).values_list("slug", "pk", "translation_key")
        by_slug[code] = {slug: (pk, key) for slug, pk, key in rows}
        by_key[code] = {key: pk for pk, key in by_slug[code].values()}
    found: dict[str, list[int]] = {code: [] for code in locales}
    pending: list[tuple[str, int, models.Model]] = []
    for order, entry in enumerate(entries):
        hits = {code: by_slug[code].get(entry.slug[EDITIONS.index(code)]) for code in locales}
        keys = [hit[1] for hit in hits.values() if hit is not None]
        key = keys[0] if keys else translation_key(f"archive:{entry.key}")
        for code, locale_id in locales.items():
            i = EDITIONS.index(code)
            hit = hits[code]
            pk = hit[0] if hit else by_key[code].get(key)
            found[code].append(pk or 0)  # 0 until the bulk insert below gives it a pk
            if pk is None:
                fields = {"name": entry.name[i], "slug": entry.slug[i], **extra(entry, i, order)}
                obj = model(locale_id=locale_id, translation_key=key, **fields)
                pending.append((code, order, obj))
    created = manager.bulk_create([obj for _code, _order, obj in pending], batch_size=1000)
    for (code, order, _obj), obj in zip(pending, created, strict=True):
        found[code][order] = obj.pk
    return found
