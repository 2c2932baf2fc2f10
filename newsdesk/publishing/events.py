"""What publishing tells the outputs: one signal, delivered from an outbox.

Caches, the front-cache purge, search indexing and sitemaps listen here; publishing never
imports them (DESIGN.md: content ← editorial ← outputs).

:func:`announce` writes an :class:`~newsdesk.publishing.models.OutboxEntry` inside the
change's own transaction and delivers it once that transaction commits. A rolled-back change
leaves no row and purges nothing; a process killed between the commit and the delivery
leaves the row, which the outbox worker delivers (decision 0033).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from django.apps import apps
from django.db import transaction
from django.db.models import Q, QuerySet
from django.dispatch import Signal
from django.utils import timezone

from .models import OutboxEntry

logger = logging.getLogger(__name__)

# sender: the model class; instance: the article;
# verb: "publish" | "update" | "unpublish" | "expire" | "trash" | "restore" (a story's);
# note_kind: the kind of the public note this change added ("update", "correction",
# "clarification"), or "" when it added none
content_changed = Signal()

# sender: the model class; ids: the primary keys of many rows written at once by a bulk
# verb (``publishing.bulk``: an import's batch). Each output catches up on them in bulk:
# one pass for the batch, not one per article.
content_loaded = Signal()

# How long one delivery may take before another worker may try the row again.
LEASE = dt.timedelta(seconds=60)
# A failed delivery waits this long, doubled per attempt, up to RETRY_CAP.
RETRY_BASE = dt.timedelta(seconds=15)
RETRY_CAP = dt.timedelta(minutes=30)


def announce(instance: object, verb: str, *, note_kind: str = "") -> None:
    """Record that ``instance`` changed for readers; deliver it after the commit."""
    opts = instance._meta  # type: ignore[attr-defined]
    entry = OutboxEntry.objects.create(
        created_at=timezone.now(),
        model=opts.label_lower,
        object_id=instance.pk,  # type: ignore[attr-defined]
        verb=verb,
        note_kind=note_kind,
    )
    transaction.on_commit(lambda: deliver(entry.pk))


def announce_loaded(model: type, ids: Sequence[int]) -> None:
    """Tell the outputs, once the transaction commits, that ``ids`` arrived in bulk.

    No outbox row: a process killed between the commit and this leaves the search
    documents and archive months to ``newsdesk manage reconcile``, which finds both, and
    the pages that could show the articles to their ``s-maxage`` (decision 0056)."""
    if not ids:
        return
    found = list(ids)

    def send() -> None:
        for receiver, answer in content_loaded.send_robust(sender=model, ids=found):
            if isinstance(answer, Exception):
                # Committed work must not turn into an error; reconcile catches up.
                logger.error("Bulk catch-up failed in %s: %r", receiver, answer)

    transaction.on_commit(send)


def _lease(pk: int, now: dt.datetime) -> bool:
    """Take the row for one delivery. One UPDATE: on PostgreSQL and SQLite alike only one
    of two racing workers sees its row count be 1."""
    free = Q(leased_until__isnull=True) | Q(leased_until__lte=now)
    return bool(OutboxEntry.objects.filter(free, pk=pk).update(leased_until=now + LEASE))


def deliver(pk: int) -> bool:
    """Send one entry's ``content_changed`` and delete the row; False if another worker
    holds it, it is gone, or a receiver failed (the row stays, to be tried again later)."""
    now = timezone.now()
    if not _lease(pk, now):
        return False
    entry = OutboxEntry.objects.filter(pk=pk).first()
    if entry is None:
        return False
    model = apps.get_model(entry.model)
    # The base manager: a story in the trash is hidden from the default one.
    instance = model._base_manager.filter(pk=entry.object_id).first()
    try:
        if instance is not None:
            content_changed.send(
                sender=model, instance=instance, verb=entry.verb, note_kind=entry.note_kind
            )
    except Exception as exc:
        # The change itself is committed: a failing output must not turn it into an error
        # for the editor. The row stays and is tried again with a growing pause.
        logger.exception("Outbox delivery failed: %s", entry)
        pause = min(RETRY_BASE * 2**entry.attempts, RETRY_CAP)
        OutboxEntry.objects.filter(pk=pk).update(
            attempts=entry.attempts + 1,
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
            leased_until=timezone.now() + pause,
        )
        return False
    OutboxEntry.objects.filter(pk=pk).delete()
    return True


def pending(*, now: dt.datetime | None = None) -> QuerySet[OutboxEntry, int]:
    """The ids of entries any worker may deliver now, oldest first."""
    now = now or timezone.now()
    free = Q(leased_until__isnull=True) | Q(leased_until__lte=now)
    return OutboxEntry.objects.filter(free).order_by("id").values_list("pk", flat=True)


def process_outbox(*, limit: int = 1000) -> tuple[int, int]:
    """Deliver what is left in the outbox (after a crash, or a failed receiver).

    Returns (delivered, failed or taken by another worker). Bounded by ``limit`` per call so
    that one tick of the scheduler never runs away.
    """
    delivered = skipped = 0
    for pk in list(pending()[:limit]):
        if deliver(pk):
            delivered += 1
        else:
            skipped += 1
    return delivered, skipped
