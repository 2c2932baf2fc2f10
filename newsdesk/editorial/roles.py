"""The newsroom's roles. The groups and their permissions are created by the migration
``editorial/0002_roles``; this module names them and keeps Administrators complete."""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.apps.registry import Apps

CONTRIBUTORS = "Contributors"
EDITORS = "Editors"
SECTION_EDITORS = "Section editors"
ADMINISTRATORS = "Administrators"


def complete_administrators(
    *, apps: Apps | None = None, using: str = "default", **kwargs: Any
) -> None:
    """``post_migrate`` receiver: give Administrators every permission that exists.

    Django and Wagtail create most permissions in ``post_migrate`` itself, one app at a
    time, so this runs for every app and adds whatever has appeared since the last call.
    """
    # `flush` (run between transactional tests) sends post_migrate without `apps`.
    apps = apps or global_apps
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:
        return
    administrators = Group.objects.using(using).filter(name=ADMINISTRATORS).first()
    if administrators is None:
        return  # not created yet, or removed on purpose (or a test flushed the database)
    missing = Permission.objects.using(using).exclude(group=administrators)
    administrators.permissions.add(*missing)
