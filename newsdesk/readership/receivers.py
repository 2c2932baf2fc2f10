"""An article that leaves the site leaves the most-read list at once, not after the
list's cache runs out: the front cache is about to ask for the pages that showed it."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.dispatch import receiver

from newsdesk.publishing.events import content_changed

from .ranking import cache_key

GONE = ("unpublish", "expire")


@receiver(content_changed, dispatch_uid="readership.most_read")
def forget_most_read(sender: Any, instance: Any, verb: str, **kwargs: Any) -> None:
    if verb in GONE:
        cache.delete(cache_key(instance.locale.language_code))
