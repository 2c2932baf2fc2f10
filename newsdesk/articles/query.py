"""The one read path: latest published articles of an edition, optionally narrowed.

Feed, home, section, tag and author pages (and later RSS, sitemaps and the API) all call
``Article.objects.published().in_edition(code)…newest_first()`` and page it with
:func:`page_after`, by keyset on (first_published_at, id), never by OFFSET, so the
10,000th page costs what the first does. A tag's listing pages by the copies of both on
its tag links, an author's by those on the bylines, which their indexes hold (decisions
0068 and 0069).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models import F, OuterRef, Prefetch, Q, Subquery, prefetch_related_objects
from django.utils import timezone

if TYPE_CHECKING:
    from .models import Article

# Renditions every listing and article page needs; prefetched with the rows so a page
# never asks for them one image at a time.
THUMBNAIL_SPECS = ("fill-160x107|format-webp", "fill-320x213|format-webp")
HERO_SPECS = (
    "width-480|format-webp",
    "width-800|format-webp",
    "width-1200|format-webp",
)
# What a shared link shows (Open Graph, Twitter cards, JSON-LD): 16:9, JPEG because not
# every messenger reads WebP, and over Google's 50,000-pixel minimum.
SHARE_SPEC = "fill-1200x675|format-jpeg|jpegquality-80"
# The article's JSON-LD ``image`` offers the 16:9 crop, then 4:3 and 1:1, 1,200 px wide, as
# Google asks for Discover and Top stories. ``fill`` never enlarges: a narrower original
# gives each crop at its own width.
SHARE_SPECS = (
    SHARE_SPEC,
    "fill-1200x900|format-jpeg|jpegquality-80",
    "fill-1200x1200|format-jpeg|jpegquality-80",
)
# A tag's or an author's listing orders by its links' copies of the time and id
# (``tagged``, ``by_author``).
LINK_TIME, LINK_ARTICLE = "link_time", "link_article"
LISTING_FIELDS = (
    "id",
    "locale_id",
    "translation_key",
    "headline",
    "slug",
    "labels",
    "coverage",
    "first_published_at",
    "updated_at",
    "section_id",
    "section__name",
    "section__slug",
    "hero_image_id",
    "hero_caption",
    "hero_alt",
    "hero_image__file",
    "hero_image__width",
    "hero_image__height",
    "hero_image__focal_point_x",
    "hero_image__focal_point_y",
    "hero_image__focal_point_width",
    "hero_image__focal_point_height",
    "hero_image__title",
    "hero_image__description",
)


class InvalidCursor(ValueError):
    """A "More news" link that was not made by us (or was edited by hand)."""


@dataclass(frozen=True)
class Cursor:
    published_at: dt.datetime
    id: int

    def encode(self) -> str:
        micros = int(self.published_at.timestamp() * 1_000_000)
        return f"{micros}-{self.id}"

    @classmethod
    def decode(cls, raw: str) -> Cursor:
        stamp, _sep, ident = raw.partition("-")
        if not (stamp.isdigit() and ident.isdigit()) or len(raw) > 40:
            raise InvalidCursor(raw)
        try:
            moment = dt.datetime.fromtimestamp(int(stamp) / 1_000_000, tz=dt.UTC)
        except (OverflowError, ValueError, OSError) as exc:
            raise InvalidCursor(raw) from exc
        return cls(published_at=moment, id=int(ident))

    @classmethod
    def after(cls, article: Article) -> Cursor:
        assert article.first_published_at is not None  # noqa: S101 - listings hold published rows
        return cls(published_at=article.first_published_at, id=article.pk)


@dataclass(frozen=True)
class FeedPage:
    items: list[Any]
    next_cursor: Cursor | None


def _rendition_prefetch(path: str, specs: tuple[str, ...]) -> Prefetch:
    from wagtail.images import get_image_model

    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        f"{path}renditions",
        queryset=rendition_model.objects.filter(filter_spec__in=specs),
        to_attr="prefetched_renditions",
    )


def prefetch_renditions(images: Iterable[Any], specs: tuple[str, ...]) -> None:
    """Load the renditions of many images in one query (``image.get_renditions`` then
    reads them from ``image.prefetched_renditions`` without asking again)."""
    pending = [image for image in images if image is not None]
    if pending:
        prefetch_related_objects(pending, _rendition_prefetch("", specs))


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> ArticleQuerySet:
        """Visible to readers: live, and not past an expiry the scheduler has yet to process."""
        now = timezone.now()
        return self.filter(live=True, first_published_at__lte=now).filter(
            Q(expire_at__isnull=True) | Q(expire_at__gt=now)
        )

    def announced(self) -> ArticleQuerySet:
        """What may go out as news now: not dated at an original first publication, which
        places an article in its own day of the archive but never in what subscribers and
        news aggregators take as new (RSS, Atom, JSON Feed, the Google News sitemap)."""
        return self.filter(original_published_at__isnull=True)

    def in_edition(self, code: str) -> ArticleQuerySet:
        return self.filter(locale__language_code=code)

    def in_section(self, section: Any) -> ArticleQuerySet:
        return self.filter(section=section)

    def in_story(self, story: Any) -> ArticleQuerySet:
        return self.filter(story=story)

    def tagged(self, tag: Any) -> ArticleQuerySet:
        """Carrying ``tag``, for a listing of published articles: through the tag's links
        dated by now (only a live article's carry a time), whose copies of the time and id
        :meth:`newest_first` and :meth:`before` then order and page by, so that the tag's
        index is read in order, as a section's is (decision 0068)."""
        # published()'s bound, on the copy: without it SQLite, when it has no statistics,
        # takes the edition's index (bounded by the time) for the narrower and sorts.
        now = timezone.now()
        return self.filter(tag_links__tag=tag, tag_links__published_at__lte=now).alias(
            **{LINK_TIME: F("tag_links__published_at"), LINK_ARTICLE: F("tag_links__article")}
        )

    def by_author(self, author: Any) -> ArticleQuerySet:
        """Signed by ``author``, for a listing of published articles: as :meth:`tagged`,
        through the author's bylines dated by now and their copies of the time and id
        (decision 0069)."""
        now = timezone.now()
        return self.filter(bylines__author=author, bylines__published_at__lte=now).alias(
            **{LINK_TIME: F("bylines__published_at"), LINK_ARTICLE: F("bylines__article")}
        )

    def labelled(self, code: str) -> ArticleQuerySet:
        """Carrying the label ``code`` as readers see it (Updated follows from the log,
        Live from live coverage)."""
        return self.filter(_label(code))

    def without_label(self, code: str) -> ArticleQuerySet:
        """Leaving out what carries the label (e.g. Affiliate material in Google News)."""
        return self.exclude(_label(code))

    def newest_first(self) -> ArticleQuerySet:
        moment, ident = self._keyset()
        return self.order_by(f"-{moment}", f"-{ident}")

    def before(self, cursor: Cursor | None) -> ArticleQuerySet:
        if cursor is None:
            return self
        moment, ident = self._keyset()
        # The redundant bound lets the planner start the time-ordered index scan at the
        # cursor instead of at the newest row (the OR alone is not an index condition).
        return self.filter(**{f"{moment}__lte": cursor.published_at}).filter(
            Q(**{f"{moment}__lt": cursor.published_at})
            | Q(**{moment: cursor.published_at, f"{ident}__lt": cursor.id})
        )

    def _keyset(self) -> tuple[str, str]:
        """The time and id a listing is ordered and paged by: the article's own, or for a
        tag's or an author's listing the same values as its tag links or bylines carry
        them, which their index holds in that order (no database knows that a link's copy
        equals the article's time, so an order on the article's would be a sort)."""
        if LINK_TIME in self.query.annotations:
            return LINK_TIME, LINK_ARTICLE
        return "first_published_at", "id"

    def for_listing(self, specs: tuple[str, ...] = THUMBNAIL_SPECS) -> ArticleQuerySet:
        """Only what a feed item shows: one query for rows, one for the image renditions."""
        return (
            self.select_related("section", "hero_image")
            .only(*LISTING_FIELDS)
            .prefetch_related(_rendition_prefetch("hero_image__", specs))
        )

    def for_article_page(self) -> ArticleQuerySet:
        """An article with what its page shows. Renditions are left to the caller, which
        loads them for the hero and the body's images together (:func:`prefetch_renditions`)."""
        return self.select_related("section", "hero_image", "locale", "story").prefetch_related(
            Prefetch("bylines", queryset=_bylines()),
            "tags",
            "update_log",
        )

    def with_translation_slug(self, edition: str) -> ArticleQuerySet:
        """Annotate ``translation_slug``: the slug of the published twin in ``edition``, or None."""
        twin = (
            self.model.objects.published()
            .in_edition(edition)
            .filter(translation_key=OuterRef("translation_key"))
            .values("slug")[:1]
        )
        return self.annotate(translation_slug=Subquery(twin))

    def page(self, cursor: Cursor | None, size: int) -> FeedPage:
        """One slice of a listing, newest first, and the cursor of the next one."""
        rows = list(self.newest_first().before(cursor)[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        return FeedPage(items=rows, next_cursor=Cursor.after(rows[-1]) if more else None)


def _label(code: str) -> Q:
    # The derived labels are never stored: they follow from the data, as display_labels has it.
    from .labels import LIVE, UPDATED

    if code == UPDATED:
        return Q(updated_at__isnull=False)
    if code == LIVE:
        return Q(coverage=LIVE)
    return _stored_label(code)


def _stored_label(code: str) -> Q:
    # Labels are a JSON list of fixed lowercase codes. JSONField ``contains`` does not exist
    # on SQLite; the quoted code matches exactly one element in the JSON text on both.
    return Q(labels__icontains=f'"{code}"')


def _bylines() -> models.QuerySet:
    from .models import Byline

    return Byline.objects.select_related("author").order_by("sort_order")
