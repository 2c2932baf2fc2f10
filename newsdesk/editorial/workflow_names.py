"""Review workflows and their tasks, named in the editor's language.

Wagtail stores a workflow's and a task's name once, in the database, and prints it in many
places: the "Submit to …" button, the status panel, the dashboard, the workflow admin and
the history, whose entries keep the names as they were when logged. The newsroom's own
names (and Wagtail's default "Moderators approval") are stored in English, as message ids;
each is shown in the language of whoever reads it, and a name saved from a form in either
language is stored as its message id again. A name an administrator types is shown as
typed.
"""

from __future__ import annotations

import functools
from typing import Any

from django.conf import settings
from django.db.models.signals import post_init, post_save, pre_save
from django.utils.translation import override, pgettext_lazy
from wagtail.models import GroupApprovalTask, ModelLogEntry, PageLogEntry, Task, Workflow

NAMES = {
    "Editorial review": pgettext_lazy("workflow", "Editorial review"),
    "Editor approval": pgettext_lazy("workflow", "Editor approval"),
    "Moderators approval": pgettext_lazy("workflow", "Moderators approval"),
}
NAMED = (Workflow, Task, GroupApprovalTask)


@functools.cache
def _ids_by_name() -> dict[str, str]:
    found = {}
    for msgid, name in NAMES.items():
        for code, _label in settings.LANGUAGES:
            with override(code):
                found[str(name)] = msgid
    return found


def message_id(name: str) -> str:
    """The stored form of ``name``: its message id when it is one of ours in any language."""
    return _ids_by_name().get(name, name)


def shown(name: Any) -> Any:
    """``name`` in the active language when it is one of ours, else as it is."""
    if not isinstance(name, str):
        return name
    msgid = message_id(name)
    return str(NAMES[msgid]) if msgid in NAMES else name


def _show(sender: Any, instance: Any, **kwargs: Any) -> None:
    if "name" in instance.__dict__:  # not deferred
        instance.name = shown(instance.name)


def _store(sender: Any, instance: Any, **kwargs: Any) -> None:
    instance.name = message_id(instance.name)


def _show_logged(sender: Any, instance: Any, **kwargs: Any) -> None:
    data = instance.__dict__.get("data")
    workflow = data.get("workflow") if isinstance(data, dict) else None
    if not isinstance(workflow, dict):
        return
    for part in (workflow, workflow.get("next"), workflow.get("task")):
        if isinstance(part, dict) and "title" in part:
            part["title"] = shown(part["title"])


def connect() -> None:
    for model in NAMED:
        post_init.connect(_show, sender=model, dispatch_uid=f"workflow_names.show.{model.__name__}")
        pre_save.connect(
            _store, sender=model, dispatch_uid=f"workflow_names.store.{model.__name__}"
        )
        post_save.connect(
            _show, sender=model, dispatch_uid=f"workflow_names.saved.{model.__name__}"
        )
    for model in (ModelLogEntry, PageLogEntry):
        post_init.connect(
            _show_logged, sender=model, dispatch_uid=f"workflow_names.log.{model.__name__}"
        )
