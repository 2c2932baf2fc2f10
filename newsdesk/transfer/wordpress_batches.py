"""New posts of a WordPress import, a batch at a time (decision 0056).

The part of :class:`~newsdesk.transfer.wordpress.Importer` that takes a batch of posts:
one lookup of their records, the terms they name made before them, the slugs given in
one query, ``publishing.bulk.add_articles``, then the records and old addresses in one
statement each. What a post becomes (its headline, body, filing, bylines, images) is the
importer's own mapping, shared with the one-at-a-time path (decision 0042).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from newsdesk.articles.models import EARLIEST_ORIGINAL, Article, PublishedSlug
from newsdesk.articles.slugs import free_slug
from newsdesk.publishing import bulk
from newsdesk.sections.models import Section

from . import wordpress_terms as terms
from . import wxr
from .models import ImportedItem, Redirect

if TYPE_CHECKING:
    from .wordpress import Report

SKIPPED, CREATED = "skipped", "created"
# A new post to be scheduled: imported on its own, through actions.schedule.
SCHEDULED = "scheduled"
# Where a post filed under no category goes (WordPress's own default category).
FALLBACK_SECTION = {"slug": "uncategorized", "uk": "Без рубрики", "en": "Uncategorized"}
# What a Newsdesk export carries as the key an article shares with its translation.
TRANSLATION_META = "_newsdesk_translation_key"
# A login as WordPress allows it; anything else in a dc:creator is dirt around one.
_NOT_LOGIN = re.compile(r"[^\w.@-]+")


PUBLISH, SCHEDULE, DRAFT = "publish", "schedule", "draft"


@dataclass(frozen=True)
class State:
    """What becomes of a post: published (at ``moment``, its original first publication,
    or None for an article already out: a silent revision), scheduled (to go live at
    ``moment``) or a draft; ``warning`` says what the report should."""

    verb: str
    moment: dt.datetime | None = None
    warning: str = ""


def state_of(item: wxr.Item, *, published_before: bool, now: dt.datetime) -> State:
    """The one rule for the state a post is imported in (decision 0042), for a new post
    (``publishing.bulk``) and a changed one (``actions``) alike. A post WordPress has
    out (published, or scheduled for a time gone by) whose article was published before
    stays published whatever its date: the article has its first publication already."""
    moment, status = item.published_at, item.status
    if status == "publish" and moment is not None and moment > now:
        status = "future"
    if status in {"publish", "future"} and published_before:
        return State(PUBLISH)
    if status == "publish":
        if moment is None or moment < EARLIEST_ORIGINAL:
            return State(DRAFT, warning="published, but with no usable date: imported as a draft")
        return State(PUBLISH, moment)
    if status == "future":
        if moment is not None and moment > now:
            return State(SCHEDULE, moment)
        return State(DRAFT, warning="scheduled for a time gone by: imported as a draft")
    if status == "private":
        return State(DRAFT, warning="private: imported as a draft, which readers do not see")
    if status not in {"draft", "pending"}:
        return State(DRAFT, warning=f"status {status!r}: imported as a draft")
    return State(DRAFT)


class ItemFailed(Exception):
    """An item that cannot be imported; the message says why."""


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(str(m) for m in messages)}"
            for name, messages in error.message_dict.items()
        )
    return " ".join(str(message) for message in error.messages)


def _uuid(raw: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(raw.strip())
    except ValueError:
        return None


@dataclass
class _New:
    """A new post of a batch, on its way: the article to add, its warnings, its digest."""

    item: wxr.Item
    new: bulk.NewArticle
    warnings: list[str]
    fingerprint: str


@dataclass(frozen=True)
class _Known:
    """The importer's maps and counts at one moment (see ``Batches._known``)."""

    authors: dict[str, int]
    sections: dict[str, int]
    tags: dict[str, int]
    made_authors: dict[str, int]
    images: dict[str, int]
    counts: Counter[tuple[str, str]]
    notes: int


class Batches:
    """Posts a batch at a time; mixed into the importer, whose state it shares."""

    source: str
    edition: str
    locale: Locale
    report: Report
    authors: dict[str, int]
    sections: dict[str, int]
    tags: dict[str, int]
    made_authors: dict[str, int]
    images: dict[str, int]
    term_failures: dict[tuple[str, str], str]
    image_warnings: list[str]
    batch_size: int
    progress: Callable[[], None]

    if TYPE_CHECKING:
        # The importer's own, shared by both paths.
        def _ensure(
            self,
            kind: terms.Kind,
            label: str,
            wanted: list[tuple[terms.Wanted, int]],
            into: dict[str, int],
            *,
            counted: bool,
        ) -> list[tuple[terms.Wanted, int, str]]: ...
        def _fail(self, kind: str, wp_id: str, title: str, line: int, message: str) -> None: ...
        def _note(
            self, level: str, kind: str, wp_id: str, title: str, line: int, message: str
        ) -> None: ...
        def _fill(self, article: Article, item: wxr.Item, warnings: list[str]) -> None: ...
        def _fingerprint_of(self, item: wxr.Item) -> str: ...
        def _item(self, item: wxr.Item) -> None: ...
        def _old_paths(self, item: wxr.Item) -> list[str]: ...

    # -- posts, a batch at a time ----------------------------------------------------------

    def _known(self) -> _Known:
        """What the run knows now, to go back to when a transaction is rolled back: it
        must not remember rows (a term, an author, an image) that are no longer there."""
        return _Known(
            dict(self.authors),
            dict(self.sections),
            dict(self.tags),
            dict(self.made_authors),
            dict(self.images),
            Counter(self.report.counts),
            len(self.report.notes),
        )

    def _forget_since(self, known: _Known) -> None:
        self.authors, self.sections, self.tags = known.authors, known.sections, known.tags
        self.made_authors, self.images = known.made_authors, known.images
        self.report.counts = known.counts
        del self.report.notes[known.notes :]

    def _posts(self, items: list[wxr.Item]) -> None:
        """New posts a batch at a time, through ``publishing.bulk`` in one transaction; a
        changed post or a scheduled one after it, one at a time through ``actions``. A
        batch that fails as a whole (not one article's validation: that article alone is
        refused) is rolled back and its posts are imported one by one, so the bad one is
        reported with its WordPress id and the rest come in."""
        if not items:
            return
        known = self._known()
        try:
            with transaction.atomic():
                later = self._batch(items)
        except Exception:
            self._forget_since(known)
            later = items
        for item in later:
            self._item(item)
        for _item in items:
            self.progress()

    def _batch(self, items: list[wxr.Item]) -> list[wxr.Item]:
        """Writes the batch's new posts; returns the posts to import one at a time."""
        self._terms_of(items)
        records = dict(
            ImportedItem.objects.filter(
                source=self.source, key__in=[item.key for item in items]
            ).values_list("key", "fingerprint")
        )
        twins = self._twins_taken(items)
        later: list[wxr.Item] = []
        new: list[_New] = []
        keys: set[str] = set()
        for item in items:
            if item.comments:
                self.report.count("comment", SKIPPED, item.comments)
            warnings = list(item.problems)
            self.image_warnings = warnings
            try:
                if item.wp_id is None and not item.guid:
                    raise ItemFailed(
                        "neither a wp:post_id nor a guid: a second run could not know it"
                    )
                fingerprint = self._fingerprint_of(item)
                if item.key in records or item.key in keys:
                    if records.get(item.key) == fingerprint:
                        self._done(item, SKIPPED, warnings)
                    else:
                        later.append(item)  # updated in place, through actions
                    continue
                moment = self._moment_of(item, warnings)
                if moment == SCHEDULED:
                    later.append(item)
                    continue
                article = Article(locale=self.locale)
                twin = _uuid(item.meta.get(TRANSLATION_META, ""))
                if twin is not None and twin not in twins:
                    article.translation_key = twin
                self._fill(article, item, warnings)
            except ItemFailed as exc:
                self._failed(item, str(exc))
                continue
            except ValidationError as exc:
                self._failed(item, _messages(exc))
                continue
            except Exception as exc:  # one bad item must not stop an archive's import
                self._failed(item, f"{type(exc).__name__}: {exc}")
                continue
            keys.add(item.key)
            published = moment if isinstance(moment, dt.datetime) else None
            new.append(_New(item, bulk.NewArticle(article, published), warnings, fingerprint))
        self._give_slugs(new)
        self._sections_loaded(new)
        added = bulk.add_articles(batch=[one.new for one in new])
        for place, error in added.refused.items():
            self._failed(new[place].item, _messages(error))
        written = [one for place, one in enumerate(new) if place not in added.refused]
        self._remember_posts(written)
        for one in written:
            self._done(one.item, CREATED, one.warnings)
        return later

    def _done(self, item: wxr.Item, outcome: str, warnings: list[str]) -> None:
        wp_id = "" if item.wp_id is None else str(item.wp_id)
        self.report.count("post", outcome)
        for message in warnings:
            self._note("warning", "post", wp_id, item.title, item.line, message)

    def _failed(self, item: wxr.Item, failure: str) -> None:
        wp_id = "" if item.wp_id is None else str(item.wp_id)
        self._fail("post", wp_id, item.title, item.line, failure)
        for problem in item.problems:  # often the reason behind the failure
            self._note("warning", "post", wp_id, item.title, item.line, problem)

    def _terms_of(self, items: list[wxr.Item]) -> None:
        """The sections, tags and authors the batch names that the channel did not
        declare, made before its posts: a batch's worth in one go."""
        sections: dict[str, tuple[terms.Wanted, int]] = {}
        tags: dict[str, tuple[terms.Wanted, int]] = {}
        people: dict[str, tuple[terms.Wanted, int]] = {}
        for item in items:
            first, rest = self._filing(item)
            if first.slug not in self.sections:
                sections[first.slug] = (terms.Wanted(first.slug, first.name), item.line)
            for term in rest:
                if term.slug not in self.tags:
                    tags[term.slug] = (terms.Wanted(term.slug, term.name), item.line)
            cleaned = _NOT_LOGIN.sub("", item.creator)
            if (
                item.creator not in self.authors
                and cleaned not in self.authors
                and cleaned
                and cleaned not in self.made_authors
            ):
                people[cleaned] = (terms.Wanted(cleaned, cleaned), item.line)
        for kind, label, wanted, into, counted in (
            (terms.SECTION, "section", sections, self.sections, True),
            (terms.TAG, "tag", tags, self.tags, True),
            (terms.AUTHOR, "author", people, self.made_authors, False),
        ):
            failed = self._ensure(kind, label, list(wanted.values()), into, counted=counted)
            for want, _line, failure in failed:
                self.term_failures[(label, want.raw)] = failure

    def _filing(self, item: wxr.Item) -> tuple[wxr.ItemTerm, list[wxr.ItemTerm]]:
        """The section's term (WordPress's default when none) and the tags' terms:
        categories past the first have no place as sections, so they become tags."""
        categories = [term for term in item.terms if term.domain == "category"]
        first = categories[0] if categories else self._fallback()
        tagged = [term for term in item.terms if term.domain == "post_tag"]
        return first, tagged + categories[1:]

    def _fallback(self) -> wxr.ItemTerm:
        return wxr.ItemTerm("category", FALLBACK_SECTION["slug"], FALLBACK_SECTION[self.edition])

    def _twins_taken(self, items: list[wxr.Item]) -> set[uuid.UUID]:
        """Translation keys the batch carries that an article of this edition has already."""
        wanted = {key for item in items if (key := _uuid(item.meta.get(TRANSLATION_META, "")))}
        if not wanted:
            return set()
        found = Article.objects.filter(translation_key__in=wanted, locale=self.locale)
        return set(found.values_list("translation_key", flat=True))

    def _moment_of(self, item: wxr.Item, warnings: list[str]) -> dt.datetime | str | None:
        """When a new post is first published: its original time, None for a draft, or
        ``SCHEDULED`` (imported on its own, through ``actions.schedule``)."""
        state = state_of(item, published_before=False, now=timezone.now())
        if state.warning:
            warnings.append(state.warning)
        if state.verb == SCHEDULE:
            return SCHEDULED
        return state.moment if state.verb == PUBLISH else None

    def _give_slugs(self, new: list[_New]) -> None:
        """Each its slug, the next free one when taken (one query for the batch; one more
        for each slug that is taken)."""
        bases = {
            one.item.key: terms.slug_of(one.item.slug, one.item.title, max_length=120)
            or f"post-{one.item.wp_id}"
            for one in new
        }
        taken = set(
            Article.objects.filter(locale=self.locale, slug__in=bases.values())
            .values_list("slug", flat=True)
            .union(
                PublishedSlug.objects.filter(
                    locale=self.locale, slug__in=bases.values()
                ).values_list("slug", flat=True)
            )
        )
        given: set[str] = set()
        for one in new:
            base = bases[one.item.key]
            slug = base
            if base in taken or base in given:
                slug = free_slug(base, locale_id=self.locale.pk, also_taken=given)
                one.warnings.append(
                    f"the slug «{base}» is taken in this edition: imported as «{slug}»"
                )
            one.new.article.slug = slug
            given.add(slug)

    def _sections_loaded(self, new: list[_New]) -> None:
        # The article's rules read its section's edition: one query for the batch.
        found = Section.objects.in_bulk({one.new.article.section_id for one in new})
        for one in new:
            one.new.article.section = found[one.new.article.section_id]

    def _remember_posts(self, written: list[_New]) -> None:
        """The records and the old addresses of the batch's new articles."""
        now = timezone.now()
        ImportedItem.objects.bulk_create(
            [
                ImportedItem(
                    source=self.source,
                    key=one.item.key,
                    kind="post",
                    object_id=one.new.article.pk,
                    fingerprint=one.fingerprint,
                    imported_at=now,
                )
                for one in written
            ],
            update_conflicts=True,
            unique_fields=["source", "key"],
            update_fields=["kind", "object_id", "fingerprint", "imported_at"],
        )
        moved = {old: one.new.article for one in written for old in self._old_paths(one.item)}
        Redirect.objects.bulk_create(
            [Redirect(old_path=old, article=article) for old, article in moved.items()],
            update_conflicts=True,
            unique_fields=["old_path"],
            update_fields=["article"],
        )
