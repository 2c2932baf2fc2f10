"""Every change readers can see purges the keys of what changed, after its transaction
commits (a rolled-back change purges nothing).

This app is installed after every other output, so its ``content_changed`` receiver runs
last: the app-level caches the other receivers drop (most read, the search index) are
fresh before the front cache asks for the page again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model

from newsdesk.articles.models import Article
from newsdesk.breaking.models import BreakingBanner
from newsdesk.fronts.models import Front
from newsdesk.people.models import Author
from newsdesk.publishing.events import content_changed, content_loaded
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story, TimelineEntry
from newsdesk.taxonomy.models import Tag

from . import keys
from .purge import purge


@receiver(content_changed, dispatch_uid="frontcache.article")
def on_content_changed(
    sender: Any, instance: Any, verb: str, note_kind: str = "", **kwargs: Any
) -> None:
    if isinstance(instance, Article):
        purge(keys.of_article_change(instance, note_kind=note_kind))
    elif type(instance) in ON_SAVE:  # a story trashed or restored
        purge(ON_SAVE[type(instance)](instance))


@receiver(content_loaded, dispatch_uid="frontcache.articles_loaded")
def on_content_loaded(sender: Any, ids: list[int], **kwargs: Any) -> None:
    if sender is Article:
        purge(keys.of_articles_loaded(ids))


def _edition(instance: Any) -> str:
    return str(instance.locale.language_code)


# What a change of each non-article model purges. Taxonomy names also appear on article
# pages, which keep the old name until their s-maxage runs out (decision 0015).
ON_SAVE: dict[type[Model], Callable[[Any], set[str]]] = {
    Section: lambda s: {keys.section(s.pk), keys.chrome(_edition(s)), keys.directory(_edition(s))},
    Tag: lambda t: {keys.tag(t.pk), keys.directory(_edition(t))},
    Author: lambda a: {keys.author(a.pk), keys.directory(_edition(a))},
    Story: lambda s: {keys.story(s.pk), keys.directory(_edition(s))},
    TimelineEntry: lambda e: {keys.story(e.story_id)},
    Front: lambda f: {keys.home(_edition(f))},
    BreakingBanner: lambda b: {keys.chrome(_edition(b))},
    # A new focal point or file gives the image new renditions, at new addresses.
    get_image_model(): lambda i: {keys.image(i.pk)},
}


def _purge_on_commit(sender: type[Model], instance: Any, **kwargs: Any) -> None:
    found = ON_SAVE[sender](instance)
    transaction.on_commit(lambda: purge(found))


for model in ON_SAVE:
    post_save.connect(_purge_on_commit, sender=model, dispatch_uid=f"frontcache.{model.__name__}")
    post_delete.connect(
        _purge_on_commit, sender=model, dispatch_uid=f"frontcache.{model.__name__}.delete"
    )
