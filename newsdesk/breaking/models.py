"""A breaking-news banner: one line across the top of every page of an edition, linking
to the article, until it expires."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BreakingBanner(models.Model):
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    text = models.CharField(
        _("text"), max_length=200, help_text=_("One short line, as readers will see it.")
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A published article of the same edition."),
    )
    starts_at = models.DateTimeField(_("shown from"), default=timezone.now)
    expires_at = models.DateTimeField(
        _("shown until"), help_text=_("The banner disappears by itself at this time.")
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Clear to take the banner down at once.")
    )

    class Meta:
        verbose_name = _("breaking-news banner")
        verbose_name_plural = _("breaking-news banners")
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["locale", "active", "expires_at"], name="banner_current"),
        ]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        now = timezone.now()
        # Only a banner that is to be shown must end in the future: taking down an old
        # one (clearing "active") must stay possible after it has expired.
        if self.active and self.expires_at and self.expires_at <= now:
            errors.setdefault("expires_at", []).append(
                ValidationError(_("The expiry time must be in the future."))
            )
        if self.starts_at and self.expires_at and self.expires_at <= self.starts_at:
            errors.setdefault("expires_at", []).append(
                ValidationError(_("The expiry time must come after the start time."))
            )
        if self.article_id and self.locale_id:
            from newsdesk.articles.models import Article

            article = Article.objects.filter(pk=self.article_id).only("locale_id").first()
            if article is not None and article.locale_id != self.locale_id:
                errors.setdefault("article", []).append(
                    ValidationError(_("This article belongs to the other edition."))
                )
            elif not Article.objects.published().filter(pk=self.article_id).exists():
                errors.setdefault("article", []).append(
                    ValidationError(_("This article is not published; readers could not open it."))
                )
        if errors:
            raise ValidationError(errors)
