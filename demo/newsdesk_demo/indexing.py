"""Bulk loading without re-indexing an article on every one of its saves."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import models
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def indexed_once(model: type[models.Model]) -> Iterator[None]:
    """Update the search and reference indexes once per saved row, when the block ends.

    Publishing saves an article three times (new draft, revision pointer, publish), and
    each save would rebuild the article's search entry and reference-index rows: two
    thirds of the work of a bulk load. The indexes end up exactly as if every save had
    updated them. Nothing is indexed if the block raises (its transaction rolls back).

    The search signal is switched off process-wide for the duration: use it in loaders
    that run before the server starts (the demo, tests), not inside a serving process.
    """
    saved: set[Any] = set()

    def remember(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
        if not kwargs.get("raw"):
            saved.add(instance.pk)

    searched = post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(remember, sender=model, weak=False)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(remember, sender=model)
        if searched:
            post_save.connect(post_save_signal_handler, sender=model)
    for instance in model._default_manager.filter(pk__in=saved).iterator():
        ReferenceIndex.create_or_update_for_object(instance)
        if searched:
            index.insert_or_update_object(instance)
