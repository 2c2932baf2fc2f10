"""Permissions named in the reader's language on the groups form (decision 0064).

Django names the add, change, delete and view permissions of each model itself, in English,
when it migrates ("Can add article", from the model's ``verbose_name_raw``), and stores the
name in the row. Wagtail's groups form prints that row as the label of each add, change and
delete checkbox of its object permissions (``perm.name`` in
``wagtailusers/groups/includes/formatted_permissions.html``; labels screen readers read) and
labels a page permission's checkbox with ``str(permission)``: "Wagtail core | page | Can add
page". A Ukrainian administrator heard them in English.

The rows stay as Django wrote them: code finds a permission by its codename, and Django's
``create_permissions`` would not rename a row anyway. The names are made when the form is
shown, in the reader's language:

- a default permission from its action and its model's verbose name ("Може додавати
  (стаття)": the noun in brackets, as the admin's phrases around a model's name put it so
  that any noun reads right, decision 0049);
- a page permission with the description Wagtail gives it beside its column ("Edit any page");
- any other with its stored name through the catalogues: names a model declares in
  ``Meta.permissions`` are message ids ("Can date an article at its original first
  publication"). Wagtail's snippet permissions ("Can publish article", "Can lock article")
  keep their rows: the form cuts the model's name off and translates what is left ("Can
  publish"), which our supplement to Wagtail's catalogue holds (``locale/upstream``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.db.models.query import ModelIterable
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.users.forms import PagePermissionsForm

DEFAULT_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}

# "add_page" → "Add/edit pages you own": Wagtail's own descriptions, lazily translated.
PAGE_PERMISSIONS = {
    codename: description for codename, _label, description in Page.permission_types
}


def shown(permission: Permission) -> str:
    """``permission``'s name in the active language (its stored name, translated when a
    catalogue has it, for one whose model is gone or whose name is its own)."""
    content_type = permission.content_type
    model = content_type.model_class()
    if model is None:
        return gettext(permission.name)
    if model is Page:
        description = PAGE_PERMISSIONS.get(permission.codename)
        if description is not None:
            return str(description)
    for action in model._meta.default_permissions:
        if action in DEFAULT_ACTIONS and permission.codename == get_permission_codename(
            action, model._meta
        ):
            return DEFAULT_ACTIONS[action] % {"model": model._meta.verbose_name}
    return gettext(permission.name)


class _ShownNames(ModelIterable):
    """Permissions as loaded, their ``name`` the one :func:`shown` gives."""

    def __iter__(self) -> Iterator[Any]:
        for permission in super().__iter__():
            permission.name = shown(permission)
            yield permission


def named_for_reader(permissions: QuerySet[Permission]) -> QuerySet[Permission]:
    """``permissions``, each named in the language active when it is loaded. The queries
    made from it (Wagtail's form filters it again) keep the naming. For showing only: a
    permission loaded from it must not be saved."""
    shown_permissions = permissions.select_related("content_type")
    # Django keeps a queryset's iterable class through filter() and all() (QuerySet._clone).
    shown_permissions._iterable_class = _ShownNames
    return shown_permissions


def connect() -> None:
    """Label each page permission's checkbox in the reader's language, without the
    "Wagtail core | page |" of ``str(permission)``."""
    field: Any = PagePermissionsForm.base_fields["permissions"]
    field.label_from_instance = shown
