"""Side effects of publishing that must happen however the publish was started
(admin button, workflow approval, scheduler, import, :mod:`actions`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.dispatch import receiver
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.signals import published, unpublished

from newsdesk.articles.models import Article, PublishedSlug, UpdateLogEntry

from .events import announce
from .reconcile import PUBLISH_ACTIONS

BACKDATE_ACTION = "newsdesk.publish.original_time"


def _was_published_before(article: Article) -> bool:
    # Wagtail writes this publish's own log entry after the signal, so any entry found
    # belongs to an earlier publish.
    return ModelLogEntry.objects.for_instance(article).filter(action__in=PUBLISH_ACTIONS).exists()


def _date_at_original_time(instance: Article, revision: Any) -> None:
    """On the first publication of an article that carries an original first-publication
    time, date it then (0038); the audit log keeps both moments."""
    original = instance.original_published_at
    if original is None or original == instance.first_published_at:
        return
    went_out = instance.first_published_at
    Article.objects.filter(pk=instance.pk).update(first_published_at=original)
    instance.first_published_at = original
    instance.date_links()  # saved already, with the time it went out at
    log(
        instance=instance,
        action=BACKDATE_ACTION,
        data={
            "original_published_at": original.astimezone(dt.UTC).isoformat(),
            "published_at": went_out.astimezone(dt.UTC).isoformat() if went_out else None,
        },
        revision=revision,
        user=revision.user,
    )


@receiver(published, sender=Article)
def on_article_published(sender, instance: Article, revision, **kwargs) -> None:
    verb = "publish"
    if not _was_published_before(instance):
        _date_at_original_time(instance, revision)
    note_kind = ""
    note = (instance.update_note or "").strip()
    if note:
        # The note is consumed: it moves to the public log and leaves the article and
        # the published revision, so the next edit does not start from the old note.
        # The kind goes with the note and is reset with it: a correction chosen once must
        # not label the next, unrelated update.
        kind = instance.update_kind or UpdateLogEntry.UPDATE
        if _was_published_before(instance):
            now = timezone.now()
            UpdateLogEntry.objects.create(
                article=instance, kind=kind, created_at=now, text=note, revision=revision
            )
            Article.objects.filter(pk=instance.pk).update(
                updated_at=now, update_note="", update_kind=UpdateLogEntry.UPDATE
            )
            instance.updated_at = now
            verb = "update"
            note_kind = kind
        else:
            Article.objects.filter(pk=instance.pk).update(
                update_note="", update_kind=UpdateLogEntry.UPDATE
            )
        instance.update_note = ""
        instance.update_kind = UpdateLogEntry.UPDATE
        content = dict(revision.content)
        content["update_note"] = ""
        content["update_kind"] = UpdateLogEntry.UPDATE
        revision.content = content
        revision.save(update_fields=["content"])
    elif _was_published_before(instance):
        verb = "update"
    PublishedSlug.objects.update_or_create(
        locale_id=instance.locale_id, slug=instance.slug, defaults={"article": instance}
    )
    announce(instance, verb, note_kind=note_kind)


@receiver(unpublished, sender=Article)
def on_article_unpublished(sender, instance: Article, **kwargs) -> None:
    announce(instance, "expire" if instance.expired else "unpublish")
