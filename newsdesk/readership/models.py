"""How often each article was read, per hour: nothing about who read it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleViews(models.Model):
    """Views of one article in one clock hour (UTC, starting on the hour)."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="hourly_views",
    )
    hour = models.DateTimeField(_("hour"))
    count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("article views")
        verbose_name_plural = _("article views")
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="article_views_per_hour"),
        ]
        # Most read: the last 24 hours of every article, summed per article.
        indexes = [models.Index(fields=["hour", "article"], name="article_views_by_hour")]

    def __str__(self) -> str:
        return f"{self.article_id} {self.hour:%Y-%m-%d %H}:00 {self.count}"
