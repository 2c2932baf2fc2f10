from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from newsdesk.translatable import EditionPage, EditionQuerySet


class Tag(EditionPage, TranslatableMixin, index.Indexed, models.Model):
    """A topic, person or place ("Kharkiv", "Air defence"), one per edition."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    url_name = "site:tag"
    objects = EditionQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="tag_slug_per_edition"),
        ]

    def __str__(self) -> str:
        return self.name
