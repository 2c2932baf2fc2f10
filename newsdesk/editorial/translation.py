"""Make "Translate" (wagtail.contrib.simple_translation) produce a safe draft.

Wagtail copies every field of the source, so the copy of a published article would be saved
live at once, still in the source language, filed under the other edition's section and
tags, with the source's bylines, schedule and lock. The copy is fixed up before it is saved:
it starts as an unpublished draft that points at the target edition's twins where they
exist (matched by ``translation_key``).
"""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from wagtail.signals import copy_for_translation_done

from newsdesk.articles.models import NOTE_UPDATE, Article
from newsdesk.articles.slugs import free_slug
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story
from newsdesk.taxonomy.models import Tag


@receiver(copy_for_translation_done)
def prepare_article_translation(sender: Any, target_obj: Any, **kwargs: Any) -> None:
    if isinstance(target_obj, Article):
        prepare_translation(target_obj)


def prepare_translation(article: Article) -> None:
    """Turn an unsaved copy in its new locale into a draft of that edition."""
    locale = article.locale
    article.live = False
    article.has_unpublished_changes = True
    article.first_published_at = None
    article.last_published_at = None
    article.live_revision = None
    article.go_live_at = None
    article.expire_at = None
    article.expired = False
    article.locked = False
    article.locked_at = None
    article.locked_by = None
    article.update_note = ""
    article.update_kind = NOTE_UPDATE
    article.updated_at = None

    section = Section.objects.filter(
        locale=locale, translation_key=article.section.translation_key
    ).first()
    if section is not None:
        article.section = section
    # Without a twin the section stays; the edit form then asks for one of this edition.

    if article.story is not None:
        # The story's twin, or none: a story of the other edition would not validate.
        article.story = Story.objects.filter(
            locale=locale, translation_key=article.story.translation_key
        ).first()

    tag_keys = [tag.translation_key for tag in article.tags.all()]
    article.tags = list(Tag.objects.filter(locale=locale, translation_key__in=tag_keys))

    bylines = list(article.bylines.all())
    twins = {
        author.translation_key: author
        for author in Author.objects.filter(
            locale=locale, translation_key__in=[b.author.translation_key for b in bylines]
        )
    }
    kept = []
    for byline in bylines:
        twin = twins.get(byline.author.translation_key)
        if twin is not None:
            byline.author = twin
            kept.append(byline)
    article.bylines = kept  # type: ignore[misc]  # modelcluster assigns children

    article.slug = free_slug(article.slug, locale_id=locale.pk)
