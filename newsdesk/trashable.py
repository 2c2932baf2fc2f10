"""What puts a row in the trash (decisions 0034, 0048): the time and the editor. A row in the
trash is off the site and kept with its revisions until the retention period ends; the
write path alone sets and clears both fields."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Trashable(models.Model):
    trashed_at = models.DateTimeField(
        _("moved to the trash"), null=True, blank=True, editable=False, db_index=True
    )
    trashed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moved to the trash by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True
