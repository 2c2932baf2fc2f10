"""What the newsroom's work writes in the security log (decision 0030, completed by 0048).

Every audit-log entry of a verb that changes what readers see, or can bring it back or
destroy it for good, is copied as a :class:`~newsdesk.accounts.models.SecurityEvent`: a
publish (from the admin, the scheduler, an import or a workflow approval), an unpublish
or expiry, a schedule and its cancellation, a backdate, a trash, restore and purge, the
pairing and unpairing of translations, a live update or a timeline entry published,
edited or trashed. The copy is made when the audit entry is saved, so it is written inside
the change's own transaction and rolls back with it; unlike the audit log, no account may
edit or delete it.

Breaking banners raised and lowered, a section's editors changed (a section editor's
scope: a permission), backups, restores and reconciliation repairs are recorded here too.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import ModelLogEntry

from newsdesk.accounts import security_log
from newsdesk.accounts.middleware import current_request
from newsdesk.breaking.models import BreakingBanner
from newsdesk.sections.models import Section

# Audit action → the verb of the security event; the event is "<model>_<verb>".
VERBS = {
    "wagtail.publish": "published",
    "wagtail.publish.scheduled": "published",
    "wagtail.publish.schedule": "publish_scheduled",
    "wagtail.schedule.cancel": "schedule_cancelled",
    "wagtail.unpublish": "unpublished",
    "wagtail.unpublish.scheduled": "expired",
    "newsdesk.publish.original_time": "backdated",
    "newsdesk.publish.reconciled": "publish_recorded_by_reconcile",
    "newsdesk.trash": "trashed",
    "newsdesk.restore": "restored",
    "newsdesk.trash.purge": "purged",
    "newsdesk.pair": "translation_paired",
    "newsdesk.unpair": "translation_unpaired",
}
# A live update and a timeline entry have no draft: their creation and each edit are what
# readers see.
WITHOUT_DRAFT = frozenset({"live.liveupdate", "stories.timelineentry"})
SAVE_VERBS = {"wagtail.create": "published", "wagtail.edit": "edited"}
# Model label → the noun that starts its events.
NOUNS = {
    "articles.article": "article",
    "stories.story": "story",
    "stories.timelineentry": "timeline_entry",
    "live.liveupdate": "live_update",
}

BANNER_RAISED = "breaking_banner_raised"
BANNER_LOWERED = "breaking_banner_lowered"
SECTION_EDITORS_CHANGED = "section_editors_changed"
BACKUP_WRITTEN = "backup_written"
BACKUP_RESTORED = "backup_restored"
RECONCILE_REPAIRED = "reconcile_repaired"


def event_for(label: str, action: str) -> str | None:
    """The security event an audit action of this model is recorded as, or None."""
    verbs = SAVE_VERBS if label in WITHOUT_DRAFT else {}
    verb = VERBS.get(action) or verbs.get(action)
    if verb is None:
        return None
    return f"{NOUNS.get(label, label.rpartition('.')[2])}_{verb}"


@receiver(post_save, sender=ModelLogEntry, dispatch_uid="publishing.security_copy")
def copy_audit_entry(
    sender: Any, instance: ModelLogEntry, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if not created or raw:
        return
    found = _copy_of(instance)
    if found is not None:
        event, username, details = found
        security_log.record(event, instance.user, current_request(), username=username, **details)


def copy_audit_entries(entries: Sequence[ModelLogEntry]) -> None:
    """The copies of audit entries written in bulk (``bulk_create`` sends no ``post_save``):
    the same events, one statement for all, each line on the security logger too. For the
    work of the system (an import), which acts without an account or a request."""
    copies = []
    for entry in entries:
        found = _copy_of(entry)
        if found is not None:
            event, username, details = found
            copies.append((event, entry.user, username, details))
    security_log.record_many(copies)


def _copy_of(instance: ModelLogEntry) -> tuple[str, str, dict[str, Any]] | None:
    """The event, username and details an audit entry is copied as, or None."""
    content_type = instance.content_type
    label = f"{content_type.app_label}.{content_type.model}" if content_type else ""
    event = event_for(label, instance.action)
    if event is None:
        return None
    details: dict[str, Any] = {"object_id": str(instance.object_id), "title": instance.label}
    data = instance.data if isinstance(instance.data, dict) else {}
    details.update({key: value for key, value in data.items() if _plain(value)})
    # The scheduler, an import or a command act without an account.
    username = "" if instance.user_id else "system"
    return event, username, details


def _plain(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


@receiver(pre_save, sender=BreakingBanner, dispatch_uid="publishing.banner_saving")
def banner_saving(sender: Any, instance: BreakingBanner, raw: bool = False, **kw: Any) -> None:
    if raw or instance.pk is None:
        return
    before = BreakingBanner.objects.filter(pk=instance.pk).values_list("active", flat=True)
    instance._was_active = bool(before.first())  # type: ignore[attr-defined]


@receiver(post_save, sender=BreakingBanner, dispatch_uid="publishing.banner_saved")
def banner_saved(
    sender: Any, instance: BreakingBanner, created: bool, raw: bool = False, **kw: Any
) -> None:
    if raw:
        return
    was_active = False if created else instance.__dict__.pop("_was_active", False)
    if instance.active and not was_active:
        _banner_event(BANNER_RAISED, instance)
    elif was_active and not instance.active:
        _banner_event(BANNER_LOWERED, instance)


@receiver(post_delete, sender=BreakingBanner, dispatch_uid="publishing.banner_deleted")
def banner_deleted(sender: Any, instance: BreakingBanner, **kwargs: Any) -> None:
    if instance.active:
        _banner_event(BANNER_LOWERED, instance)


def _banner_event(event: str, banner: BreakingBanner) -> None:
    request = current_request()
    security_log.record(
        event,
        getattr(request, "user", None),
        request,
        banner_id=banner.pk,
        text=banner.text,
        article_id=banner.article_id,
        edition=banner.locale.language_code,
    )


_CHANGES = {"post_add": "added", "post_remove": "removed", "pre_clear": "cleared"}


@receiver(m2m_changed, sender=Section.editors.through, dispatch_uid="publishing.section_editors")
def section_editors_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: Any, **kw: Any
) -> None:
    """A section editor's scope is a permission: who may publish which section."""
    if action not in _CHANGES:
        return
    request = current_request()
    if reverse:  # user.<sections>.add(section…): instance is the user
        sections = (
            Section.objects.filter(editors=instance)
            if action == "pre_clear"
            else Section.objects.filter(pk__in=pk_set or ())
        )
        pairs = [(section, [instance.get_username()]) for section in sections]
    else:
        users = instance.editors.all() if action == "pre_clear" else _users(instance, pk_set)
        pairs = [(instance, sorted(user.get_username() for user in users))]
    for section, names in pairs:
        if names:
            details: dict[str, Any] = {"section": section.pk, _CHANGES[action]: names}
            security_log.record(
                SECTION_EDITORS_CHANGED, getattr(request, "user", None), request, **details
            )


def _users(section: Section, pk_set: Iterable[int] | None) -> Any:
    return section.editors.model.objects.filter(pk__in=pk_set or ())


def record_backup(path: str, size: int) -> None:
    security_log.record(
        BACKUP_WRITTEN, None, None, username=_operator(), archive=path, size_bytes=size
    )


def record_restore(path: str, created_at: str) -> None:
    """Written into the restored database, after the restore: the log of the database that
    was replaced is gone with it (its log lines stay wherever production ships them)."""
    security_log.record(
        BACKUP_RESTORED, None, None, username=_operator(), archive=path, backup_of=created_at
    )


def record_repairs(findings: list[str]) -> None:
    if findings:
        security_log.record(
            RECONCILE_REPAIRED,
            None,
            None,
            username=_operator(),
            count=len(findings),
            findings=findings[:100],
        )


def _operator() -> str:
    """The account of the machine that ran a command: it has no account of the site."""
    try:
        return f"system:{getpass.getuser()}"
    except (KeyError, OSError):
        return "system"
