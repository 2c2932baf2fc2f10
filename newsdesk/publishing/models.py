"""What publishing still owes the outputs, and the scheduler's pulse.

An :class:`OutboxEntry` is written in the same transaction as the change it announces, so a
committed publish always leaves either its derived work done (search document, archive
month, front-cache purge) or a row saying it is still to do. Decision 0033.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxEntry(models.Model):
    """One ``content_changed`` announcement not yet delivered to the outputs.

    Delivered right after its transaction commits; if the process dies first, the outbox
    worker (``process_outbox``, or each tick of ``publish_due --loop``) delivers it. A
    delivery takes a lease first, so two workers do not deliver the same row at once; a
    worker that dies holding one lets it lapse.
    """

    created_at = models.DateTimeField(_("created"))
    model = models.CharField(_("model"), max_length=100, help_text=_("app_label.model_name"))
    object_id = models.BigIntegerField(_("object id"))
    verb = models.CharField(_("verb"), max_length=20)
    note_kind = models.CharField(_("kind of note"), max_length=20, blank=True, default="")
    leased_until = models.DateTimeField(_("leased until"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True, default="")

    class Meta:
        verbose_name = _("outbox entry")
        verbose_name_plural = _("outbox")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.verb} {self.model}#{self.object_id}"


class Heartbeat(models.Model):
    """The last time a background loop finished a tick (one row per loop, by name)."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    beat_at = models.DateTimeField(_("last beat"))
    interval_seconds = models.FloatField(_("interval in seconds"))

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return f"{self.name} {self.beat_at:%Y-%m-%d %H:%M:%S}"
