"""A group's permissions on collections (images) and pages go to the security log.

Wagtail keeps them outside ``Group.permissions``, as rows of ``GroupCollectionPermission``
and ``GroupPagePermission``, and its group form writes the new rows with ``bulk_create``,
which sends no signal. So there are two ways in, and each change is recorded once:

- the group's admin form (:mod:`.groups`) saves inside :func:`recording_changes`, which
  compares the group's rows before and after, in the same transaction, and writes one
  event per collection or page whose permissions changed;
- any other save or delete of one row (code, the shell, a collection or page deleted with
  its rules) is recorded by the receivers below.

An event names the group, the collection or page (id and name), the permissions
``added`` and ``removed`` as ``app.codename``, and, through the request, who did it.
"""

from __future__ import annotations

import contextvars
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from . import security_log
from .middleware import current_request

# Row model → (what it grants on, the event it is recorded as).
KINDS: dict[type[Model], tuple[str, str]] = {
    GroupCollectionPermission: ("collection", security_log.GROUP_COLLECTION_PERMISSIONS_CHANGED),
    GroupPagePermission: ("page", security_log.GROUP_PAGE_PERMISSIONS_CHANGED),
}

# Set while a group's form saves: its rows are recorded by comparison, not one by one.
_COMPARING: contextvars.ContextVar[bool] = contextvars.ContextVar("comparing", default=False)

Rules = dict[tuple[type[Model], int], set[str]]


def _rules(group: Group | None) -> Rules:
    """The group's permissions per (row model, collection or page id)."""
    found: Rules = defaultdict(set)
    if group is None or group.pk is None:
        return found
    for model, (target, _event) in KINDS.items():
        rows = model._default_manager.filter(group=group).values_list(
            f"{target}_id", "permission__content_type__app_label", "permission__codename"
        )
        for target_id, app, codename in rows:
            found[(model, target_id)].add(f"{app}.{codename}")
    return found


def _names(model: type[Model], ids: set[int]) -> dict[int, str]:
    if model is GroupCollectionPermission:
        return dict(Collection.objects.filter(pk__in=ids).values_list("pk", "name"))
    return dict(Page.objects.filter(pk__in=ids).values_list("pk", "title"))


def _record(
    group_name: str, model: type[Model], target_id: int, name: str, **change: list[str]
) -> None:
    target, event = KINDS[model]
    details: dict[str, Any] = {"group": group_name, target: name, f"{target}_id": target_id}
    details.update({key: values for key, values in change.items() if values})
    security_log.record(event, None, current_request(), **details)


@contextmanager
def recording_changes(group_of: Callable[[], Group | None]) -> Iterator[None]:
    """Run the block in one transaction and record how it changed the collection and page
    permissions of the group ``group_of()`` returns (before the block and after it: a new
    group has none before). Nothing is recorded when nothing changed."""
    before = _rules(group_of())
    token = _COMPARING.set(True)
    try:
        with transaction.atomic():
            yield
            group = group_of()
            if group is not None and group.pk is not None:
                _record_comparison(group, before, _rules(group))
    finally:
        _COMPARING.reset(token)


def _record_comparison(group: Group, before: Rules, after: Rules) -> None:
    changed = sorted(
        (key for key in before.keys() | after.keys() if before.get(key) != after.get(key)),
        key=lambda key: (KINDS[key[0]][0], key[1]),
    )
    names: dict[type[Model], dict[int, str]] = {}
    for model in {model for model, _id in changed}:
        names[model] = _names(model, {target_id for kind, target_id in changed if kind is model})
    for model, target_id in changed:
        was, now = before.get((model, target_id), set()), after.get((model, target_id), set())
        _record(
            group.name,
            model,
            target_id,
            names[model].get(target_id, str(target_id)),
            added=sorted(now - was),
            removed=sorted(was - now),
        )


def _one_row(instance: Any, change: str) -> None:
    model = type(instance)
    target, _event = KINDS[model]
    target_id = getattr(instance, f"{target}_id")
    group = Group.objects.filter(pk=instance.group_id).values_list("name", flat=True).first()
    permission = instance.permission
    _record(
        group or str(instance.group_id),
        model,
        target_id,
        _names(model, {target_id}).get(target_id, str(target_id)),
        **{change: [f"{permission.content_type.app_label}.{permission.codename}"]},
    )


@receiver(post_save, sender=GroupCollectionPermission, dispatch_uid="accounts.collection_rule")
@receiver(post_save, sender=GroupPagePermission, dispatch_uid="accounts.page_rule")
def rule_saved(sender: Any, instance: Any, created: bool, raw: bool = False, **kw: Any) -> None:
    # A row is never edited in place by Wagtail: its form deletes and creates rows.
    if created and not raw and not _COMPARING.get():
        _one_row(instance, "added")


@receiver(post_delete, sender=GroupCollectionPermission, dispatch_uid="accounts.collection_gone")
@receiver(post_delete, sender=GroupPagePermission, dispatch_uid="accounts.page_rule_gone")
def rule_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if not _COMPARING.get():
        _one_row(instance, "removed")
