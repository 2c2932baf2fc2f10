"""What publishing tells the outputs: one signal, sent after the transaction commits.

Caches, the front-cache purge, search indexing and sitemaps listen here; publishing never
imports them (DESIGN.md: content ← editorial ← outputs).
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

# sender: the model class; instance: the article;
# verb: "publish" | "update" | "unpublish" | "expire";
# note_kind: the kind of the public note this change added ("update", "correction",
# "clarification"), or "" when it added none
content_changed = Signal()


def announce(instance: object, verb: str, *, note_kind: str = "") -> None:
    transaction.on_commit(
        lambda: content_changed.send(
            sender=type(instance), instance=instance, verb=verb, note_kind=note_kind
        )
    )
