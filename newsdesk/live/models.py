"""Live coverage: timestamped updates of a live article, each edited as a Wagtail snippet."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import RevisionMixin

from newsdesk.articles.models import LIVE, LIVE_ENDED
from newsdesk.articles.query import Cursor
from newsdesk.trashable import Trashable

from .blocks import LiveUpdateBodyBlock

if TYPE_CHECKING:
    from newsdesk.articles.models import Article

# What a page shows at most: a very long day of coverage; older updates stay in the admin.
PAGE_LIMIT = 200
NOT_LIVE_MESSAGE = _("Live updates can only be added to an article whose coverage is live.")


class LiveUpdateQuerySet(models.QuerySet["LiveUpdate"]):
    def of_article(self, article: Article) -> LiveUpdateQuerySet:
        return self.filter(article=article)

    def newest_first(self) -> LiveUpdateQuerySet:
        return self.order_by("-published_at", "-id")

    def for_page(self) -> LiveUpdateQuerySet:
        """Pinned updates first, then the newest, with their authors: one query."""
        return self.select_related("author", "promoted_to").order_by(
            "-pinned", "-published_at", "-id"
        )

    def newest_of(self, article_ids: Collection[int], size: int) -> dict[int, list[LiveUpdate]]:
        """The newest ``size`` updates of each article, newest first, with their authors:
        one query whatever the number of articles. Each carries ``total``, how many updates
        its article has, so a reader can be told there are more."""
        found: dict[int, list[LiveUpdate]] = {}
        if not article_ids:
            return found
        newest = Window(
            RowNumber(),
            partition_by=[F("article_id")],
            order_by=[F("published_at").desc(), F("id").desc()],
        )
        rows = (
            self.filter(article_id__in=article_ids)
            .select_related("author")
            .annotate(rank=newest, total=Window(Count("id"), partition_by=[F("article_id")]))
            .filter(rank__lte=size)
            .order_by("article_id", "rank")
        )
        for update in rows:
            found.setdefault(update.article_id, []).append(update)
        return found

    def after(self, cursor: Cursor | None) -> LiveUpdateQuerySet:
        """Published after ``cursor`` (the newest update a reader already has)."""
        if cursor is None:
            return self
        return self.filter(
            Q(published_at__gt=cursor.published_at)
            | Q(published_at=cursor.published_at, id__gt=cursor.id)
        )


class LiveUpdateManager(models.Manager.from_queryset(LiveUpdateQuerySet)):  # type: ignore[misc]
    """Updates not in the trash: the live page, its poll, feeds and the API read through
    it, and so does ``article.live_updates``. ``LiveUpdate.everything`` sees the trash too."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(trashed_at__isnull=True)


class LiveUpdate(RevisionMixin, Trashable, models.Model):
    """One entry of a live article. Saving it publishes it: there is no draft state, so
    what readers see is always the latest revision (see docs/decisions)."""

    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="live_updates",
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now, editable=False)
    title = models.CharField(
        _("headline"),
        max_length=200,
        blank=True,
        help_text=_("Optional; a key event needs one for the summary at the top of the page."),
    )
    body = StreamField(LiveUpdateBodyBlock(), verbose_name=_("text"))
    author = models.ForeignKey(
        "people.Author", verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    pinned = models.BooleanField(
        _("pinned"), default=False, help_text=_("Pinned updates stay at the top of the page.")
    )
    key_event = models.BooleanField(
        _("key event"),
        default=False,
        help_text=_("Listed in the key events summary at the top of the page."),
    )
    correction = models.TextField(
        _("correction note"),
        blank=True,
        help_text=_("What was wrong and what is right now, as readers will see it."),
    )
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True, editable=False)
    promoted_to = models.ForeignKey(
        "articles.Article",
        verbose_name=_("promoted to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = LiveUpdateManager()
    everything = LiveUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        indexes = [
            # The poll: the newest updates of one article after a cursor.
            models.Index(fields=["article", "published_at", "id"], name="live_update_poll"),
        ]

    def __str__(self) -> str:
        text = self.title or (self.article.headline if self.article_id else "")
        when = timezone.localtime(self.published_at).strftime("%H:%M") if self.published_at else ""
        return f"{when} {text}".strip()

    @property
    def cursor(self) -> Cursor:
        return Cursor(published_at=self.published_at, id=self.pk)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        article = self.article if self.article_id else None
        if article is not None:
            # A published update may still be corrected after the coverage has ended.
            allowed = (LIVE,) if self.pk is None else (LIVE, LIVE_ENDED)
            if article.coverage not in allowed:
                errors.setdefault("article", []).append(
                    ValidationError(NOT_LIVE_MESSAGE, code="not_live")
                )
            if self.author_id and self.author.locale_id != article.locale_id:
                errors.setdefault("author", []).append(
                    ValidationError(_("This author belongs to the other edition."), code="edition")
                )
        if not len(self.body or []):
            errors.setdefault("body", []).append(
                ValidationError(_("Write the text of the update."), code="required")
            )
        if self.key_event and not self.title.strip():
            errors.setdefault("title", []).append(
                ValidationError(
                    _("A key event needs a headline for the summary."), code="key_event"
                )
            )
        if errors:
            raise ValidationError(errors)


POLL_CACHE_KEY = "live:poll-seconds"
POLL_CACHE_SECONDS = 30
MIN_POLL_SECONDS, MAX_POLL_SECONDS = 5, 600


class LiveSettings(models.Model):
    """How often open live pages ask for new updates, for the whole site. During a spike
    the desk raises it; every page adopts the new interval at its next poll."""

    poll_seconds = models.PositiveSmallIntegerField(
        _("poll interval (seconds)"),
        validators=[MinValueValidator(MIN_POLL_SECONDS), MaxValueValidator(MAX_POLL_SECONDS)],
        help_text=_(
            "How often an open live page checks for new updates. Raise it when traffic "
            "spikes; pages pick it up at their next check."
        ),
    )

    class Meta:
        verbose_name = _("live coverage settings")
        verbose_name_plural = _("live coverage settings")

    def __str__(self) -> str:
        return str(_("Live pages check every %(seconds)s s")) % {"seconds": self.poll_seconds}

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        transaction.on_commit(lambda: cache.delete(POLL_CACHE_KEY))

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        result = super().delete(*args, **kwargs)
        transaction.on_commit(lambda: cache.delete(POLL_CACHE_KEY))
        return result

    def clean(self) -> None:
        super().clean()
        if LiveSettings.objects.exclude(pk=self.pk).exists():
            raise ValidationError(
                _("There are live coverage settings already: change those instead.")
            )


def poll_seconds() -> int:
    """The poll interval in force: the desk's setting, else ``NEWSDESK_LIVE_POLL_SECONDS``.
    Read through the cache, so a poll costs no query for it."""
    cached = cache.get(POLL_CACHE_KEY)
    if cached is None:
        stored = LiveSettings.objects.values_list("poll_seconds", flat=True).first()
        cached = stored or settings.NEWSDESK_LIVE_POLL_SECONDS
        cache.set(POLL_CACHE_KEY, cached, POLL_CACHE_SECONDS)
    return int(cached)
