"""The one write path: a typed function per editorial verb (STYLE.md, rule 2).

Each runs in one transaction, goes through Wagtail's revision and publish machinery (so
the admin, the scheduler, importers and these functions leave the same revisions, audit
log and events), and never flips ``live`` by hand. The admin's own Publish button reaches
the same side effects through :mod:`newsdesk.publishing.handlers`.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Revision

from .events import announce

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from newsdesk.articles.models import Article
    from newsdesk.stories.models import Story

logger = logging.getLogger(__name__)

LATE_ACTION = "newsdesk.publish.late"
TRASH_ACTION = "newsdesk.trash"
RESTORE_ACTION = "newsdesk.restore"
PURGE_ACTION = "newsdesk.trash.purge"
BACKDATE_PERMISSION = "articles.backdate_article"
PAIR_ACTION = "newsdesk.pair"
UNPAIR_ACTION = "newsdesk.unpair"
WITHDRAW_ACTION = "newsdesk.withdraw"


def save_draft(*, article: Article, user: AbstractBaseUser | None = None) -> Revision:
    """Validate and store the editor's work as a new revision; readers see nothing yet."""
    with transaction.atomic():
        article.full_clean()
        if article.pk is None:
            article.live = False
            article.save()
        # Validated just above; save_revision would run full_clean a second time.
        return article.save_revision(user=user, log_action=True, clean=False)


def publish(
    *,
    article: Article,
    user: AbstractBaseUser | None = None,
    update_note: str | None = None,
    update_kind: str | None = None,
    first_published_at: dt.datetime | None = None,
) -> Revision:
    """Publish the article as it stands now (or schedule it, when ``go_live_at`` is ahead).

    ``first_published_at`` dates a never-published article at its original first
    publication, in the past (an archive piece, a late filing, an import): readers find it
    in its own day, and it never goes out as today's news (decision 0038). Only a user
    with ``articles.backdate_article`` may give it; importers and the scheduler pass no
    user.

    ``update_note`` marks a substantive change to a published article: it goes into the
    public update log and sets the Updated label. Without it, a change is a silent fix.
    ``update_kind`` says what the note is: an update, a correction or a clarification.
    """
    if first_published_at is not None:
        may = getattr(user, "has_perm", None)
        if user is not None and not (may and may(BACKDATE_PERMISSION)):
            raise PermissionDenied(_("You may not set an original first publication."))
        article.original_published_at = first_published_at
    with transaction.atomic():
        if update_note is not None:
            article.update_note = update_note
        if update_kind is not None:
            article.update_kind = update_kind
        _refuse_trashed(article)
        revision = save_draft(article=article, user=user)
        revision.publish(user=user, skip_permission_checks=user is None)
        article.refresh_from_db()
        return revision


def publish_revision(*, revision: Revision, user: AbstractBaseUser | None = None) -> None:
    """Publish a revision already saved: the admin's Publish button and its workflow
    approvals. The caller's save and this publish share one transaction, so a process
    killed half-way leaves either nothing or the whole publish with its audit entry, slug
    history and outbox rows (decision 0033)."""
    with transaction.atomic():
        _refuse_trashed(revision.content_object)
        revision.publish(user=user, skip_permission_checks=True)


def _refuse_trashed(item: object) -> None:
    if getattr(item, "trashed_at", None) is not None:
        raise ValidationError(_("This article is in the trash. Restore it before publishing."))


def schedule(
    *, article: Article, go_live_at: dt.datetime, user: AbstractBaseUser | None = None
) -> Revision:
    """Approve the article to go live at ``go_live_at``; the scheduler publishes it then."""
    if go_live_at <= timezone.now():
        raise ValidationError({"go_live_at": _("The publication time must be in the future.")})
    article.go_live_at = go_live_at
    return publish(article=article, user=user)


def unpublish(*, article: Article, user: AbstractBaseUser | None = None) -> None:
    """Take the article off the site; its revisions and log stay."""
    with transaction.atomic():
        article.unpublish(user=user)


def withdraw(*, article: Article, user: AbstractBaseUser | None = None, reason: str = "") -> None:
    """Take the article off the site and cancel its schedule: its source withdrew it (a
    wire item withheld or cancelled). An unpublish, with its purges, when it is live; a
    scheduled article is kept from going out. It stays as a draft with its revisions."""
    from newsdesk.articles.models import Article

    with transaction.atomic():
        if article.live:
            article.unpublish(user=user)
        # Unpublishing clears a live article's schedule; a scheduled draft needs it too.
        article.revisions.update(approved_go_live_at=None)
        Article.objects.filter(pk=article.pk).update(go_live_at=None)
        article.go_live_at = None
        log(instance=article, action=WITHDRAW_ACTION, user=user, data={"reason": reason})


@dataclass
class DueReport:
    published: list[str] = field(default_factory=list)
    late: list[tuple[str, dt.timedelta]] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)


def publish_due(*, now: dt.datetime | None = None) -> DueReport:
    """One tick of the scheduler: expire what is past its expiry, publish what is due.

    Nothing is missed while the scheduler is down: the next tick publishes everything
    overdue, and records how late each item went out (``newsdesk.publish.late``) so the
    desk can see it in the audit log and in the "Late publications" report.
    """
    from newsdesk.articles.models import Article

    now = now or timezone.now()
    tolerance = dt.timedelta(seconds=settings.NEWSDESK_LATE_PUBLISH_TOLERANCE_SECONDS)
    report = DueReport()

    for article in Article.objects.filter(live=True, expire_at__lte=now).order_by("expire_at"):
        with transaction.atomic():
            article.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
        report.expired.append(str(article))

    due = Revision.objects.filter(approved_go_live_at__lte=now).order_by("approved_go_live_at")
    for revision in due:
        if not isinstance(revision.content_object, DraftStateMixin):
            continue
        if getattr(revision.content_object, "trashed_at", None) is not None:
            continue  # trashing cancels the schedule; nothing may bring it back
        scheduled_for = revision.approved_go_live_at
        with transaction.atomic():
            revision.publish(log_action="wagtail.publish.scheduled", skip_permission_checks=True)
            lateness = timezone.now() - scheduled_for
            if lateness > tolerance:
                log(
                    instance=revision.content_object,
                    action=LATE_ACTION,
                    data={
                        "scheduled_for": scheduled_for.isoformat(),
                        "late_by_seconds": int(lateness.total_seconds()),
                    },
                    revision=revision,
                )
                report.late.append((revision.object_str, lateness))
                logger.warning("Published %s late by %s", revision.object_str, lateness)
        report.published.append(revision.object_str)
    return report


def trash_retention_days() -> int:
    return int(settings.NEWSDESK_TRASH_RETENTION_DAYS)


def trash(*, article: Article, user: AbstractBaseUser | None = None) -> None:
    """Move an article to the trash: off the site (an unpublish, with its purges), its
    schedule and workflow cancelled, everything it owns kept (revisions, the update log,
    live updates, slug history) until :func:`purge_trash` deletes it after the retention
    period. :func:`restore` brings it back as a draft (decision 0034)."""
    from newsdesk.articles.models import Article

    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.trashed_at is not None:
            return
        if article.live:
            article.unpublish(user=user)
        # Trashing cancels a schedule: the scheduler must not bring the article back.
        article.revisions.update(approved_go_live_at=None)
        workflow_state = article.current_workflow_state
        if workflow_state is not None:
            workflow_state.cancel(user=user)
        now = timezone.now()
        Article.objects.filter(pk=article.pk).update(
            trashed_at=now, trashed_by=user, go_live_at=None
        )
        article.trashed_at = now
        log(instance=article, action=TRASH_ACTION, user=user)


def restore(*, article: Article, user: AbstractBaseUser | None = None) -> None:
    """Take an article out of the trash, as a draft: publishing it again is an editor's
    decision, through :func:`publish`."""
    from newsdesk.articles.models import Article

    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.trashed_at is None:
            return
        Article.objects.filter(pk=article.pk).update(trashed_at=None, trashed_by=None)
        article.trashed_at = None
        log(instance=article, action=RESTORE_ACTION, user=user)


def trash_story(*, story: Story, user: AbstractBaseUser | None = None) -> None:
    """Move a story to the trash with its timeline: its page, feed and sitemap entry go,
    timelines embedded in articles go blank, its articles stay (decision 0048)."""
    from newsdesk.stories.models import Story

    with transaction.atomic():
        story = Story.everything.select_for_update().get(pk=story.pk)
        if story.trashed_at is not None:
            return
        # Not save(): Wagtail's reference index would look the story up where it no longer is.
        now = timezone.now()
        Story.everything.filter(pk=story.pk).update(trashed_at=now, trashed_by=user)
        story.trashed_at = now
        announce(story, "trash")  # its pages, feed and sitemap are purged
        log(instance=story, action=TRASH_ACTION, user=user)


def restore_story(*, story: Story, user: AbstractBaseUser | None = None) -> None:
    """Take a story and its timeline out of the trash: back on the site at once (a story
    has no draft state)."""
    from newsdesk.stories.models import Story

    with transaction.atomic():
        story = Story.everything.select_for_update().get(pk=story.pk)
        if story.trashed_at is None:
            return
        Story.everything.filter(pk=story.pk).update(trashed_at=None, trashed_by=None)
        story.trashed_at = None
        announce(story, "restore")
        log(instance=story, action=RESTORE_ACTION, user=user)


def purge_trash(*, now: dt.datetime | None = None) -> int:
    """Delete for good the articles, stories, live updates and timeline entries that have
    been in the trash longer than ``NEWSDESK_TRASH_RETENTION_DAYS``; returns how many. The
    audit log and the security log keep a ``newsdesk.trash.purge`` entry for each."""
    from newsdesk.articles.models import Article
    from newsdesk.live.models import LiveUpdate
    from newsdesk.stories.models import Story, TimelineEntry

    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=trash_retention_days())
    purged = 0
    # A story's entries go with it, so stories come before the entries trashed one by one.
    managers = (
        Article.objects,
        Story.everything,
        LiveUpdate.everything,
        TimelineEntry.everything,
    )
    for manager in managers:
        for item in manager.filter(trashed_at__lte=cutoff).order_by("pk"):
            with transaction.atomic():
                trashed_at = item.trashed_at
                log(
                    instance=item,
                    action=PURGE_ACTION,
                    data={"trashed_at": trashed_at.isoformat() if trashed_at else None},
                )
                item.delete()
            purged += 1
    return purged


def _set_translation_key(article: Article, key: uuid.UUID) -> None:
    """Give the article a translation key, in its row and in every revision: a later
    publish (or a revert) restores the revision's fields, key included."""
    article.translation_key = key
    article.save(update_fields=["translation_key"])
    for revision in Revision.objects.for_instance(article).only("content"):
        revision.content["translation_key"] = str(key)
        revision.save(update_fields=["content"])


def _announce_alternates(*articles: Article) -> None:
    # A published article's alternates (its page, its month sitemap) name its twin; an
    # "update" purges both and reindexes the article as it is. Drafts show no alternates.
    for changed in articles:
        if changed.live:
            announce(changed, "update")


def pair_translations(
    *, article: Article, twin: Article, user: AbstractBaseUser | None = None
) -> None:
    """Make ``twin``, written apart in the other edition, the article's translation."""
    from newsdesk.articles.models import Article

    if twin.locale_id == article.locale_id:
        raise ValidationError(_("A translation must be in the other edition."))
    if (
        Article.objects.filter(translation_key=twin.translation_key).exclude(pk=twin.pk).exists()
        or Article.objects.filter(
            translation_key=article.translation_key, locale_id=twin.locale_id
        ).exists()
    ):
        raise ValidationError(_("One of the two articles already has a translation."))
    with transaction.atomic():
        _set_translation_key(twin, article.translation_key)
        log(instance=article, action=PAIR_ACTION, user=user, data={"twin": twin.pk})
        log(instance=twin, action=PAIR_ACTION, user=user, data={"twin": article.pk})
        _announce_alternates(article, twin)


def unpair_translation(*, article: Article, user: AbstractBaseUser | None = None) -> None:
    """Part the article from its translations: it gets a key of its own."""
    from newsdesk.articles.models import Article

    with transaction.atomic():
        former = list(
            Article.objects.filter(translation_key=article.translation_key).exclude(pk=article.pk)
        )
        if not former:
            raise ValidationError(_("This article has no translation."))
        _set_translation_key(article, uuid.uuid4())
        log(instance=article, action=UNPAIR_ACTION, user=user)
        _announce_alternates(article, *former)
