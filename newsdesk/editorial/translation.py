"""Make "Translate" (wagtail.contrib.simple_translation) produce a safe draft.

Wagtail copies every field of the source, so the copy of a published article would be saved
live at once, still in the source language, filed under the other edition's section and
tags, with the source's bylines, schedule and lock. The copy is fixed up before it is saved:
it starts as an unpublished draft that points at the target edition's twins where they
exist (matched by ``translation_key``). Links inside the body (Read also and timeline
blocks, rich-text links to our articles) and the editors' Read also picks follow to their
twins too; those without a twin stay as they are, and the draft's edit form lists them
(:func:`other_edition_links`) until an editor replaces or removes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.dispatch import receiver
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
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

    remap_links(article)


RICH_TEXT_BLOCKS = {"paragraph": None, "fact_box": "body"}
HREF = re.compile(r'href="([^"]*)"')


def _article_at(href: str) -> Article | None:
    """Our article that a rich-text link points at, by its reader address."""
    path = urlsplit(href).path
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.view_name != "site:article":
        return None
    return (
        Article.objects.filter(
            locale__language_code=match.kwargs["edition"], slug=match.kwargs["slug"]
        )
        .select_related("locale")
        .first()
    )


def _twin(model: Any, obj_id: Any, locale: Any) -> Any:
    source = model.objects.filter(pk=obj_id).only("translation_key").first()
    if source is None:
        return None
    return model.objects.filter(locale=locale, translation_key=source.translation_key).first()


def _rewrite_hrefs(html: str, locale: Any) -> str:
    def follow(found: re.Match[str]) -> str:
        linked = _article_at(found.group(1))
        if linked is None or linked.locale_id == locale.pk:
            return found.group(0)
        twin = _twin(Article, linked.pk, locale)
        return f'href="{twin.get_url()}"' if twin is not None else found.group(0)

    return HREF.sub(follow, html)


def _walk_body(article: Article, visit: Callable[[str, Any], Any]) -> list[dict[str, Any]]:
    """The body's raw data, each block's value replaced by ``visit(type, value)``."""
    raw = article.body.get_prep_value() if article.body else []
    return [{**block, "value": visit(block["type"], block["value"])} for block in raw]


def remap_links(article: Article) -> None:
    """Point the copy's links to our articles and stories at their twins in its edition."""
    locale = article.locale

    def visit(kind: str, value: Any) -> Any:
        if kind == "read_also" and value.get("article"):
            twin = _twin(Article, value["article"], locale)
            return {**value, "article": twin.pk} if twin is not None else value
        if kind == "timeline" and value.get("story"):
            twin = _twin(Story, value["story"], locale)
            return {**value, "story": twin.pk} if twin is not None else value
        if kind in RICH_TEXT_BLOCKS:
            key = RICH_TEXT_BLOCKS[kind]
            if key is None:
                return _rewrite_hrefs(value, locale)
            return {**value, key: _rewrite_hrefs(value.get(key) or "", locale)}
        return value

    article.body = _walk_body(article, visit)  # type: ignore[assignment]  # raw data
    for pick in article.read_also_picks.all():
        twin = _twin(Article, pick.target_id, locale)
        if twin is not None:
            pick.target = twin


def other_edition_links(article: Article) -> list[str]:
    """What the article links to in the other edition: its body's Read also and timeline
    blocks, rich-text links and the Read also picks, each as an editor names it."""
    if article.locale_id is None:
        return []
    found: list[str] = []
    article_ids: list[int] = []
    story_ids: list[int] = []

    def visit(kind: str, value: Any) -> Any:
        if kind == "read_also" and value.get("article"):
            article_ids.append(value["article"])
        elif kind == "timeline" and value.get("story"):
            story_ids.append(value["story"])
        elif kind in RICH_TEXT_BLOCKS:
            key = RICH_TEXT_BLOCKS[kind]
            html = value if key is None else value.get(key) or ""
            for href in HREF.findall(html):
                linked = _article_at(href)
                if linked is not None and linked.locale_id != article.locale_id:
                    found.append(_("Link to “%(headline)s”") % {"headline": linked.headline})
        return value

    _walk_body(article, visit)
    article_ids += [pick.target_id for pick in article.read_also_picks.all() if pick.target_id]
    for linked in Article.objects.filter(pk__in=article_ids).exclude(locale=article.locale_id):
        found.append(_("Read also: “%(headline)s”") % {"headline": linked.headline})
    for story in Story.objects.filter(pk__in=story_ids).exclude(locale=article.locale_id):
        found.append(_("Timeline: “%(title)s”") % {"title": story.title})
    return found
