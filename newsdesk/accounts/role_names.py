"""The newsroom's roles, named in the language of whoever reads them (decision 0059).

A role is a Django group, and the code finds a role by its name ("Editors": the two-factor
policy, the review workflow, the migrations that grant permissions), so the stored name is
a key that must not change with the editor's language. The roles' names are stored in
English, as message ids. A group loaded from the database shows its name in the active
language (so the groups listing, the user form's checkboxes, the users' filter, the review
task's groups and Wagtail's messages all read "Редактори" in a Ukrainian admin), and a name
saved in either language is stored as its key again. A group an administrator created, or
a role they renamed, shows its name as typed.
"""

from __future__ import annotations

import functools
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.signals import post_init, post_save, pre_save
from django.utils.translation import override, pgettext_lazy

# The keys are the roles as editorial.roles names them (accounts sits below editorial).
NAMES = {
    "Administrators": pgettext_lazy("role", "Administrators"),
    "Editors": pgettext_lazy("role", "Editors"),
    "Section editors": pgettext_lazy("role", "Section editors"),
    "Contributors": pgettext_lazy("role", "Contributors"),
}


@functools.cache
def _keys_by_name() -> dict[str, str]:
    found = {}
    for key, name in NAMES.items():
        for code, _label in settings.LANGUAGES:
            with override(code):
                found[str(name)] = key
    return found


def stored(name: str) -> str:
    """The stored form of ``name``: the role's key when ``name`` is a role's name in any of
    the admin's languages, else ``name`` as typed."""
    return _keys_by_name().get(name, name)


def shown(name: str) -> str:
    """``name`` in the active language when it is a role's, else as it is."""
    key = stored(name)
    return str(NAMES[key]) if key in NAMES else name


def _show(sender: Any, instance: Group, **kwargs: Any) -> None:
    if "name" in instance.__dict__:  # not deferred
        instance.name = shown(instance.name)


def _store(sender: Any, instance: Group, **kwargs: Any) -> None:
    instance.name = stored(instance.name)


def connect() -> None:
    post_init.connect(_show, sender=Group, dispatch_uid="role_names.show")
    pre_save.connect(_store, sender=Group, dispatch_uid="role_names.store")
    post_save.connect(_show, sender=Group, dispatch_uid="role_names.saved")


# The security log's details that name groups (accounts.receivers).
GROUP_DETAILS = ("group", "added", "removed", "cleared")


def shown_details(details: dict[str, Any]) -> dict[str, Any]:
    """A security-log entry's ``details`` with the roles they name in the active language;
    the entry itself keeps the keys it was written with."""
    shown_as: dict[str, Any] = {}
    for name, value in details.items():
        if name in GROUP_DETAILS and isinstance(value, str):
            value = shown(value)
        elif name in GROUP_DETAILS and isinstance(value, list):
            value = [shown(v) if isinstance(v, str) else v for v in value]
        shown_as[name] = value
    return shown_as
