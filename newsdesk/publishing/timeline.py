"""The write path of a story's timeline: an entry goes to the trash and comes back.

An entry is public as soon as it is saved (it has no draft), so deleting one is what
readers notice at once: it leaves the story page, its JSON and CSV, the timelines that
articles embed and their feeds, and is kept with its revisions until the retention period
ends (decision 0055). Each verb is one transaction with an audit entry, which the security
log copies (:mod:`.security`), and an announcement that purges the story's pages.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from newsdesk.stories.models import TimelineEntry

from . import actions
from .events import announce

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


def trash_timeline_entry(*, entry: TimelineEntry, user: AbstractBaseUser | None = None) -> None:
    """Move an entry to the trash; nothing happens if it is there already."""
    with transaction.atomic():
        entry = TimelineEntry.everything.select_for_update().get(pk=entry.pk)
        if entry.trashed_at is not None:
            return
        _set_trashed(entry, timezone.now(), user)
        log(instance=entry, action=actions.TRASH_ACTION, user=user, data=_about(entry))


def restore_timeline_entry(*, entry: TimelineEntry, user: AbstractBaseUser | None = None) -> None:
    """Put an entry back in its story's timeline, at its own date; nothing happens if it is
    not in the trash. Raises ``TimelineEntry.DoesNotExist`` once it has been purged."""
    with transaction.atomic():
        entry = TimelineEntry.everything.select_for_update().get(pk=entry.pk)
        if entry.trashed_at is None:
            return
        _set_trashed(entry, None, user)
        log(instance=entry, action=actions.RESTORE_ACTION, user=user, data=_about(entry))


def _set_trashed(
    entry: TimelineEntry, when: dt.datetime | None, user: AbstractBaseUser | None
) -> None:
    # Not save(): Wagtail's reference index would look the entry up where it no longer is.
    TimelineEntry.everything.filter(pk=entry.pk).update(
        trashed_at=when, trashed_by=user if when else None
    )
    entry.trashed_at = when
    announce(entry, "trash" if when else "restore")  # the story's pages are purged


def _about(entry: TimelineEntry) -> dict[str, object]:
    """What the audit and security logs keep besides the entry's own id and label: the
    story it belongs to, so a reader of the log knows whose chronology changed."""
    return {"story_id": entry.story_id, "story": entry.story.title}
