from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from newsdesk.translatable import EditionPage, EditionQuerySet


class Section(EditionPage, TranslatableMixin, index.Indexed, models.Model):
    """A desk of the newsroom ("Politics", "War"), one per edition, linked to its translation."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order in navigation"), default=100)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="edited_sections",
        verbose_name=_("section editors"),
        help_text=_("Section editors who may review and publish this section's articles."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("editors"),
    ]
    url_name = "site:section"
    objects = EditionQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="section_slug_per_edition"),
        ]

    def __str__(self) -> str:
        return self.name
