"""A story and its timeline: dated, sourced entries ("who said what, when, which figure").

Both are edited as Wagtail snippets with revisions. A story belongs to one edition (its
locale); a timeline entry belongs to one story and so to that story's edition, written in
its language. Entries are checked in :meth:`TimelineEntry.clean`, which the admin form and
any import call, so a bad date, a figure without its unit or a non-web link never reaches
the reader.

Both go to the trash rather than being deleted (decisions 0048, 0055): their default
managers (``objects``) leave out what is in the trash, ``everything`` sees it too.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import RevisionMixin, TranslatableMixin

from newsdesk.editions import KYIV
from newsdesk.translatable import EditionPage, EditionQuerySet
from newsdesk.trashable import Trashable

from .query import TimelineEntryQuerySet

DAY, MINUTE = "day", "minute"


class StoryManager(models.Manager.from_queryset(EditionQuerySet)):  # type: ignore[misc]
    """Stories not in the trash: every reader page, feed, sitemap, chooser and the admin
    listing read through it. ``Story.everything`` sees the trash too."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(trashed_at__isnull=True)


class Story(EditionPage, RevisionMixin, TranslatableMixin, Trashable, models.Model):
    """A running subject, one per edition; translations share ``translation_key``."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)

    url_name = "site:story"
    objects = StoryManager()
    everything = EditionQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="story_slug_per_edition"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.slug and self.locale_id:
            taken = Story.objects.filter(locale_id=self.locale_id, slug=self.slug)
            if taken.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"slug": _("Another story in this edition already uses this slug.")}
                )


class TimelineEntryManager(
    models.Manager.from_queryset(TimelineEntryQuerySet)  # type: ignore[misc]
):
    """Entries not in the trash: the story page, its JSON and CSV, embedded timelines, the
    export and the admin read through it. ``TimelineEntry.everything`` sees the trash too."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(trashed_at__isnull=True)


class TimelineEntry(RevisionMixin, Trashable, models.Model):
    """One dated, sourced item of a story's chronology: something that happened or a claim."""

    CONFIRMED, CLAIMED, DISPUTED, DENIED = "confirmed", "claimed", "disputed", "denied"
    STATUSES = [
        (CONFIRMED, _("Confirmed")),
        (CLAIMED, _("Claimed")),
        (DISPUTED, _("Disputed")),
        (DENIED, _("Denied")),
    ]
    PERSON, ORGANISATION = "person", "organisation"
    SPEAKER_KINDS = [(PERSON, _("Person")), (ORGANISATION, _("Organisation"))]

    story = models.ForeignKey(
        Story, verbose_name=_("story"), on_delete=models.CASCADE, related_name="entries"
    )
    occurred_on = models.DateField(_("date"))
    occurred_time = models.TimeField(
        _("time (Kyiv)"),
        null=True,
        blank=True,
        help_text=_("Leave empty when only the day is known."),
    )
    statement = models.TextField(
        _("what happened or was claimed"),
        help_text=_("One or two sentences, in the words of this edition."),
    )
    speaker = models.CharField(
        _("who said it"),
        max_length=200,
        blank=True,
        help_text=_("A person or an organisation; empty for an event nobody is quoted on."),
    )
    speaker_kind = models.CharField(
        _("speaker is a"), max_length=20, choices=SPEAKER_KINDS, default=ORGANISATION
    )
    speaker_role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_('For example "Defence Minister" or "military intelligence".'),
    )
    figure = models.DecimalField(
        _("figure"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(
        _("unit"),
        max_length=60,
        blank=True,
        help_text=_('What the figure counts, for example "troops".'),
    )
    source_name = models.CharField(
        _("published by"),
        max_length=200,
        blank=True,
        help_text=_('Where it was published, for example "the Pentagon\'s website".'),
    )
    source_url = models.URLField(_("link to the publication"), max_length=500, blank=True)
    status = models.CharField(_("verification"), max_length=20, choices=STATUSES, default=CLAIMED)
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("reported in"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Our article that reported it, from this story."),
    )

    objects = TimelineEntryManager()
    everything = TimelineEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["occurred_on", "occurred_time", "id"]
        indexes = [
            models.Index(fields=["story", "occurred_on", "occurred_time"], name="timeline_story"),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on:%Y-%m-%d} {self.statement[:60]}"

    @property
    def precision(self) -> str:
        return DAY if self.occurred_time is None else MINUTE

    @property
    def moment(self) -> dt.datetime | None:
        """The aware instant, when the entry is dated to the minute."""
        if self.occurred_time is None:
            return None
        return dt.datetime.combine(self.occurred_on, self.occurred_time, tzinfo=KYIV)

    @property
    def has_figure(self) -> bool:
        return self.figure is not None

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[ValidationError]] = {}
        self._check_date(errors)
        if self.figure is not None and not self.unit.strip():
            errors.setdefault("unit", []).append(
                ValidationError(_('A figure needs its unit, for example "troops".'))
            )
        if self.unit.strip() and self.figure is None:
            errors.setdefault("figure", []).append(
                ValidationError(_("A unit needs a figure; enter one or clear the unit."))
            )
        if self.figure is not None and self.figure < Decimal(0):
            errors.setdefault("figure", []).append(
                ValidationError(_("A figure cannot be negative."))
            )
        if self.source_url and urlsplit(self.source_url).scheme.lower() not in ("http", "https"):
            errors.setdefault("source_url", []).append(
                ValidationError(_("Links must start with http or https."))
            )
        self._check_article(errors)
        if errors:
            raise ValidationError(errors)

    def _check_date(self, errors: dict[str, list[ValidationError]]) -> None:
        if self.occurred_on is None:
            return
        now = timezone.now().astimezone(KYIV)
        moment = self.moment
        if self.occurred_on > now.date() or (moment is not None and moment > now):
            field = "occurred_time" if self.occurred_on == now.date() else "occurred_on"
            errors.setdefault(field, []).append(
                ValidationError(
                    _("A timeline records what has already happened: %(date)s is in the future."),
                    params={"date": self.occurred_on.isoformat()},
                )
            )

    def _check_article(self, errors: dict[str, list[ValidationError]]) -> None:
        if self.article_id is None or self.story_id is None:
            return
        article: Any = self.article
        story = self.story
        if article.locale_id != story.locale_id:
            errors.setdefault("article", []).append(
                ValidationError(_("This article belongs to the other edition."))
            )
        elif article.story_id != story.pk:
            errors.setdefault("article", []).append(
                ValidationError(
                    _("This article is not part of the story; add it to the story first.")
                )
            )
