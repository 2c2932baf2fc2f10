from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin


class Story(TranslatableMixin, models.Model):
    """A running subject, one per edition; translations share ``translation_key``."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="story_slug_per_edition"),
        ]

    def __str__(self) -> str:
        return self.title
