"""Sections, tags and authors of both editions, created once and linked as translations."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from wagtail.models import Locale, TranslatableMixin

from newsdesk.articles.slugs import slug_from_headline
from newsdesk.editions import EDITIONS
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag

from . import directory

NAMESPACE = uuid.UUID("6f0c7c1e-3b1d-4a4e-9b8e-5d0e2f1a7c42")


def translation_key(name: str) -> uuid.UUID:
    """A stable translation key, so a reload finds what an earlier load made."""
    return uuid.uuid5(NAMESPACE, name)


@dataclass
class Catalogue:
    locales: dict[str, Locale]
    sections: dict[tuple[str, str], Section]
    tags: dict[tuple[str, str], Tag]
    authors: dict[tuple[str, str], Author]


def ensure_catalogue() -> Catalogue:
    """Get or create every section, tag and author of the demo, in both editions."""
    locales = {code: Locale.objects.get(language_code=code) for code in EDITIONS}
    sections = {}
    for order, entry in enumerate(directory.SECTIONS, start=1):
        made = _ensure_pair(
            Section,
            locales,
            f"section:{entry.key}",
            {
                code: {
                    "name": entry.name[i],
                    "slug": entry.slug[i],
                    "description": entry.description[i],
                    "sort_order": order * 10,
                }
                for i, code in enumerate(EDITIONS)
            },
        )
        sections.update({(entry.key, code): obj for code, obj in made.items()})
    tags = {}
    for key, names in directory.TAGS.items():
        made = _ensure_pair(
            Tag,
            locales,
            f"tag:{key}",
            {
                "uk": {"name": names[0], "slug": slug_from_headline(names[0])},
                "en": {"name": names[1], "slug": key},
            },
        )
        tags.update({(key, code): obj for code, obj in made.items()})
    authors = {}
    for author in directory.AUTHORS:
        made = _ensure_pair(
            Author,
            locales,
            f"author:{author.key}",
            {
                code: {
                    "name": author.name[i],
                    "slug": slug_from_headline(author.name[i]),
                    "role": author.role[i],
                    "bio": author.bio[i],
                }
                for i, code in enumerate(EDITIONS)
            },
        )
        authors.update({(author.key, code): obj for code, obj in made.items()})
    return Catalogue(locales=locales, sections=sections, tags=tags, authors=authors)


def _ensure_pair(
    model: type[TranslatableMixin],
    locales: dict[str, Locale],
    name: str,
    fields: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """Both editions of one item, found by slug or created; a new twin joins the other's key."""
    found = {
        code: model._default_manager.filter(locale=locales[code], slug=values["slug"]).first()
        for code, values in fields.items()
    }
    keys = [obj.translation_key for obj in found.values() if obj is not None]
    key = keys[0] if keys else translation_key(name)
    for code, values in fields.items():
        if found[code] is None:
            # An editor may have renamed the twin since: it keeps the key, not the slug.
            found[code] = model._default_manager.filter(
                locale=locales[code], translation_key=key
            ).first() or model._default_manager.create(
                locale=locales[code], translation_key=key, **values
            )
    return found
