"""A front: the top stories an edition's editors put above the latest-news feed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, RevisionMixin, TranslatableMixin


class Front(RevisionMixin, TranslatableMixin, ClusterableModel, models.Model):
    """One per edition. Saving it publishes the new order at once (every save is a revision)."""

    title = models.CharField(_("title"), max_length=100, default="Home")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("front page")
        verbose_name_plural = _("front pages")

    def __str__(self) -> str:
        return f"{self.title} ({self.locale.language_code})"


class FrontItem(Orderable, models.Model):
    front = ParentalKey(Front, related_name="items", on_delete=models.CASCADE)
    article = models.ForeignKey(
        "articles.Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("top story")
        verbose_name_plural = _("top stories")

    def __str__(self) -> str:
        return str(self.article)
