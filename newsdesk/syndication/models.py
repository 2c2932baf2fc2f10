"""How many published articles each edition has per month, and when the newest change
among them happened: what the sitemap index needs, without reading the articles."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArchiveMonth(models.Model):
    """One calendar month (UTC) of an edition's archive.

    Kept in step by :mod:`newsdesk.syndication.receivers` on every ``content_changed``;
    ``newsdesk manage rebuild_archive_months`` recounts everything (after a bulk import
    that bypassed the publish action, for instance).
    """

    edition = models.CharField(_("edition"), max_length=8)
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    articles = models.PositiveIntegerField(_("published articles"), default=0)
    lastmod = models.DateTimeField(_("last change"))

    class Meta:
        verbose_name = _("archive month")
        verbose_name_plural = _("archive months")
        ordering = ["edition", "month"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "month"], name="archive_month_per_edition"),
        ]

    def __str__(self) -> str:
        return f"{self.edition} {self.month:%Y-%m}"
