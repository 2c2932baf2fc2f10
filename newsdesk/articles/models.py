"""Article: the unit of news, edited as a Wagtail snippet (DESIGN.md: models, not pages)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from newsdesk.trashable import Trashable

from . import labels as label_codes
from .blocks import BodyBlock, SourcesBlock
from .query import ArticleQuerySet

# Kinds of public note: an update adds news, a correction fixes an error of fact, a
# clarification makes something plainer without it having been wrong.
NOTE_UPDATE, NOTE_CORRECTION, NOTE_CLARIFICATION = "update", "correction", "clarification"
NOTE_KINDS = [
    (NOTE_UPDATE, _("Update")),
    (NOTE_CORRECTION, _("Correction")),
    (NOTE_CLARIFICATION, _("Clarification")),
]

NOT_LIVE, LIVE, LIVE_ENDED = "", "live", "ended"
COVERAGE_CHOICES = [
    (NOT_LIVE, _("Not live")),
    (LIVE, _("Live")),
    (LIVE_ENDED, _("Live coverage ended")),
]


# Older dates are typing errors: the archive starts long after.
EARLIEST_ORIGINAL = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)


def modified_time(*moments: dt.datetime | None) -> dt.datetime | None:
    """The newest of an article's times of change, from model instances or plain rows."""
    return max((moment for moment in moments if moment is not None), default=None)


class Article(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
    Trashable,  # in the trash: off the site, kept with its revisions (decision 0034)
    models.Model,  # explicit, so that type checkers see a model behind untyped bases
):
    headline = models.CharField(_("headline"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("The last part of the address. Changing it keeps the old address working."),
    )
    lead = models.TextField(_("lead"), blank=True)
    section = models.ForeignKey(
        "sections.Section",
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    tags = ParentalManyToManyField(
        "taxonomy.Tag", through="TagLink", verbose_name=_("tags"), blank=True
    )
    story = models.ForeignKey(
        "stories.Story",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("The running story this article belongs to, if any."),
    )
    coverage = models.CharField(
        _("live coverage"),
        max_length=10,
        choices=COVERAGE_CHOICES,
        blank=True,
        default="",
        help_text=_("Live: the page shows timestamped updates and refreshes itself."),
    )
    labels = models.JSONField(_("labels"), default=list, blank=True)

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("caption"), max_length=300, blank=True)
    hero_credit = models.CharField(_("credit"), max_length=120, blank=True)
    hero_alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("Describe the image for readers who cannot see it."),
    )

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    # Affiliate material only (decision 0045): who the partner is, and what readers are told.
    affiliate_partner = models.CharField(
        _("partner"),
        max_length=200,
        blank=True,
        help_text=_("Affiliate material only: the partner, named as the sponsor to machines."),
    )
    affiliate_disclosure = models.TextField(
        _("disclosure"),
        blank=True,
        help_text=_(
            "Affiliate material only: what readers are told about the partnership. "
            "Left empty, the standard disclosure is shown."
        ),
    )
    sources = StreamField(SourcesBlock(), verbose_name=_("sources"), blank=True)

    update_note = models.TextField(
        _("public update note"),
        blank=True,
        help_text=_(
            "For a substantive change to a published article: what changed, as readers "
            'will see it ("Updated 14:55: …"). Leave empty for a typo fix.'
        ),
    )
    update_kind = models.CharField(
        _("kind of note"),
        max_length=20,
        choices=NOTE_KINDS,
        default=NOTE_UPDATE,
        # Also in the database, so that bulk loaders that name their columns need not.
        db_default=NOTE_UPDATE,
        help_text=_(
            "Correction: something published was wrong. Clarification: it was unclear. "
            "Update: there is news."
        ),
    )
    updated_at = models.DateTimeField(
        _("last substantive update"), null=True, blank=True, editable=False
    )
    # Set by the live-update write path without a new revision (see with_content_json).
    live_updated_at = models.DateTimeField(
        _("last live update"), null=True, blank=True, editable=False, db_index=True
    )

    # The editor's word for when the article first appeared (an archive piece re-entered, a
    # story filed late). Kept in revisions and checked on save; the publish handler copies it
    # into ``first_published_at``, which every reader output dates and orders by (0038).
    original_published_at = models.DateTimeField(
        _("original first publication"),
        null=True,
        blank=True,
        help_text=_(
            "Only for an article that first appeared earlier (an archive piece, a late "
            "filing): it is dated then, in its own day of the archive, and stays out of "
            "today's feeds. Kyiv time. Cannot change after publication."
        ),
    )

    objects = ArticleQuerySet.as_manager()

    search_fields = [
        index.SearchField("headline", boost=2),
        index.AutocompleteField("headline"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("backdate_article", _("Can date an article at its original first publication")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="article_slug_per_edition"),
        ]
        indexes = [
            # Keyset pagination of the edition feed and of section pages.
            models.Index(
                fields=["locale", "-first_published_at", "-id"],
                condition=Q(live=True),
                name="article_edition_feed",
            ),
            models.Index(
                fields=["section", "-first_published_at", "-id"],
                condition=Q(live=True),
                name="article_section_feed",
            ),
            # The desk's search reads the few articles the search index does not hold.
            models.Index(fields=["-id"], condition=Q(live=False), name="article_unpublished"),
            models.Index(
                fields=["story", "-first_published_at", "-id"],
                condition=Q(live=True, story__isnull=False),
                name="article_story_feed",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Every publish, unpublish, expiry, schedule and change of tags or bylines saves the
        # row (the tags and bylines after it: ClusterableModel commits them last), so the
        # links follow all of them from here.
        super().save(*args, **kwargs)
        fields = kwargs.get("update_fields")
        if fields is None or not LINK_SOURCES.isdisjoint(fields):
            self.date_links()

    # Wagtail 8.0 does not wrap a publish in a transaction: the row goes live, then the
    # receivers run, then the log entry is written, each committed on its own outside an
    # atomic block. However a publish is started (the admin, a workflow's approval, a
    # revision's "publish this version"), it is all or nothing (decision 0033).
    def publish(self, *args: Any, **kwargs: Any) -> Any:
        if self.trashed_at is not None:
            raise ValidationError(_("This article is in the trash. Restore it before publishing."))
        with transaction.atomic():
            return super().publish(*args, **kwargs)

    def unpublish(self, *args: Any, **kwargs: Any) -> Any:
        with transaction.atomic():
            return super().unpublish(*args, **kwargs)

    @property
    def link_time(self) -> dt.datetime | None:
        """What the article's tag links and bylines carry: its first publication while it
        is live."""
        return self.first_published_at if self.live else None

    def date_links(self) -> None:
        """Give the article's tag links and bylines its :attr:`link_time` (decisions 0068
        and 0069). For a write that changes the time or the state without :meth:`save`."""
        moment = self.link_time
        TagLink.objects.filter(article_id=self.pk).update(published_at=moment)
        Byline.objects.filter(article_id=self.pk).update(published_at=moment)

    @property
    def modified_at(self) -> dt.datetime | None:
        """The last time readers were shown a change: a publication, a noted update or a
        live update published, edited or removed."""
        return modified_time(
            self.first_published_at, self.last_published_at, self.updated_at, self.live_updated_at
        )

    def with_content_json(self, content: dict[str, Any]) -> Article:
        """A revision's content, keeping the newest live update's time: live updates are no
        part of the article's revisions, so republishing an older revision must not hide
        them from the modification time."""
        obj: Article = super().with_content_json(content)
        obj.live_updated_at = self.live_updated_at
        # Nor are the trash's fields: an old revision must not take an article out of it.
        obj.trashed_at = self.trashed_at
        obj.trashed_by_id = self.trashed_by_id
        return obj

    @property
    def edition(self) -> str:
        return self.locale.language_code

    def get_url(self) -> str:
        return reverse("site:article", kwargs={"edition": self.edition, "slug": self.slug})

    get_absolute_url = get_url

    @property
    def display_labels(self) -> list[str]:
        """Label codes readers see: the editors' choice plus those that follow from the data."""
        # Read without loading: a listing that deferred the field shows no Live label
        # rather than costing a query per row.
        return label_codes.displayed(
            self.labels, updated=bool(self.updated_at), live=vars(self).get("coverage") == LIVE
        )

    @property
    def label_names(self) -> list[StrOrPromise]:
        return [label_codes.NAMES[code] for code in self.display_labels]

    @property
    def is_affiliate(self) -> bool:
        return label_codes.AFFILIATE in (self.labels or [])

    def clean(self, *, check_address: bool = True) -> None:
        """The article's own rules. ``check_address=False`` leaves out the two lookups of
        its slug, for a caller that checks a whole batch's slugs at once (the bulk import,
        ``publishing.bulk``)."""
        super().clean()
        errors: dict[str, list] = {}
        bad = label_codes.unknown(list(self.labels or []))
        if bad:
            errors.setdefault("labels", []).append(
                ValidationError(
                    _("Unknown label: %(labels)s."), params={"labels": ", ".join(map(str, bad))}
                )
            )
        if not self.is_affiliate:
            for name in ("affiliate_partner", "affiliate_disclosure"):
                if getattr(self, name, "").strip():
                    errors.setdefault(name, []).append(
                        ValidationError(
                            _(
                                "Only affiliate material has a partner and a disclosure: set "
                                "the Affiliate material label or clear this field."
                            )
                        )
                    )
        locale_id = self.locale_id
        if self.section_id and locale_id and self.section.locale_id != locale_id:
            errors.setdefault("section", []).append(
                ValidationError(_("This section belongs to the other edition."))
            )
        if check_address and self.slug and locale_id:
            taken = Article.objects.filter(locale_id=locale_id, slug=self.slug).exclude(pk=self.pk)
            if taken.exists():
                errors.setdefault("slug", []).append(
                    ValidationError(_("Another article in this edition already uses this slug."))
                )
            # An old address keeps leading to its article; publishing another article under
            # it would silently re-point every old link.
            elif (
                PublishedSlug.objects.filter(locale_id=locale_id, slug=self.slug)
                .exclude(article_id=self.pk)
                .exists()
            ):
                errors.setdefault("slug", []).append(
                    ValidationError(
                        _("Another article of this edition was published at this address.")
                    )
                )
        errors.update(self._check_original_time())
        if self.go_live_at and self.expire_at and self.expire_at <= self.go_live_at:
            errors.setdefault("expire_at", []).append(
                ValidationError(_("The expiry time must come after the publication time."))
            )
        if errors:
            raise ValidationError(errors)

    def _check_original_time(self) -> dict[str, list[ValidationError]]:
        original = self.original_published_at
        problems: list[ValidationError] = []
        if self.pk is not None:
            stored = Article.objects.filter(pk=self.pk).values_list(
                "original_published_at", "first_published_at"
            )
            row = stored.first()
            if row is not None and row[1] is not None and original != row[0]:
                # The date readers, sitemaps and partners were given stays; a change after
                # publication belongs in the update log (0038).
                problems.append(
                    ValidationError(
                        _("The original first publication cannot change after publication.")
                    )
                )
        if original is not None and not problems:
            if original > timezone.now():
                problems.append(
                    ValidationError(_("The original first publication must be in the past."))
                )
            elif original < EARLIEST_ORIGINAL:
                problems.append(
                    ValidationError(_("The original first publication is too far in the past."))
                )
        return {"original_published_at": problems} if problems else {}

    def serve_preview(self, request, mode_name):
        """Preview at the real URL: the reader view renders this unsaved object in place."""
        match = resolve(self.get_url())
        request.preview_object = self
        return match.func(request, *match.args, **match.kwargs)


# What tag links and bylines copy from their article, and the relations themselves: a save
# that leaves these out leaves them.
LINK_SOURCES = frozenset({"live", "first_published_at", "tags", "bylines"})


class TagLink(models.Model):
    """An article's tag: the table of ``Article.tags``, with the article's first
    publication time while it is live, so that a tag's listing walks its index in
    publication order instead of sorting all of the tag's articles (decision 0068).

    ``published_at`` is a copy, written by :meth:`Article.save` (and by the writes that
    bypass it: the publish handler's original time, the bulk import, the archive
    generator); NULL while the article is not live."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="tag_links")
    tag = models.ForeignKey("taxonomy.Tag", on_delete=models.CASCADE, related_name="+")
    published_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        # The table Django made for the relation before it had a model (migration 0011).
        db_table = "articles_article_tags"
        unique_together = [("article", "tag")]
        indexes = [
            # A tag's listing, by keyset, as article_section_feed serves a section's.
            models.Index(
                fields=["tag", "-published_at", "-article"],
                condition=Q(published_at__isnull=False),
                name="article_tag_feed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.tag_id}"


class Byline(Orderable, models.Model):
    """An author of an article, in byline order.

    ``published_at`` is the article's first publication time while it is live (NULL
    otherwise), a copy kept as :class:`TagLink` keeps its own, so that an author's listing
    walks its index in publication order (decision 0069)."""

    article = ParentalKey(Article, related_name="bylines", on_delete=models.CASCADE)
    author = models.ForeignKey(
        "people.Author", verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(null=True, editable=False)

    class Meta(Orderable.Meta):
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        indexes = [
            models.Index(fields=["author", "article"], name="byline_author"),
            # An author's listing, by keyset, as article_tag_feed serves a tag's.
            models.Index(
                fields=["author", "-published_at", "-article"],
                condition=Q(published_at__isnull=False),
                name="byline_author_feed",
            ),
        ]

    def __str__(self) -> str:
        return str(self.author)


class ReadAlsoPick(Orderable, models.Model):
    """An article the editors put first under "Read also", in their order."""

    article = ParentalKey(Article, related_name="read_also_picks", on_delete=models.CASCADE)
    target = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("read also pick")
        verbose_name_plural = _("read also picks")

    def __str__(self) -> str:
        return str(self.target)


class UpdateLogEntry(models.Model):
    """A line of an article's public log. Written by the publish action, never by a form,
    so that restoring an old revision can never erase what readers were told."""

    UPDATE = NOTE_UPDATE
    CORRECTION = NOTE_CORRECTION
    CLARIFICATION = NOTE_CLARIFICATION
    KINDS = NOTE_KINDS

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="update_log")
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default=UPDATE)
    created_at = models.DateTimeField(_("time"))
    text = models.TextField(_("text"))
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("update log entry")
        verbose_name_plural = _("update log")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.text[:60]}"


class PublishedSlug(models.Model):
    """Every address an article has been published under, so old links keep working."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(max_length=120)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="published_slug_per_edition"),
        ]

    def __str__(self) -> str:
        return self.slug
