"""Wagtail's group admin, with three changes; everything else is Wagtail's own.

- The permissions are named in the editor's language (:mod:`.permission_names`).
- A role's name may be typed in either language. It is shown in the editor's language
  (``role_names``) and stored as its key, so the form compares a typed name with the stored
  names by its key: "Редактори" typed for a new group is the Editors role's name, and is
  refused as a duplicate rather than failing on the database's unique name.
- Each save of a group and its permission panels is one transaction that writes the
  collection and page permissions it changed to the security log (:mod:`.group_permissions`).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from wagtail.users.forms import GroupForm
from wagtail.users.views import groups

from . import permission_names, role_names
from .group_permissions import recording_changes


class RoleNamedGroupForm(GroupForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["permissions"]
        field.queryset = permission_names.named_for_reader(field.queryset)

    def clean_name(self) -> str:
        self.cleaned_data["name"] = role_names.stored(self.cleaned_data["name"])
        name: str = super().clean_name()
        return name


class RecordedPanelsMixin:
    """Wagtail saves the group's form, then each permission panel, each in its own
    transaction, the panels with ``bulk_create``: one transaction around them all, and a
    comparison of the group's rules before and after, keeps the change and its record
    together."""

    object: Any

    def process_form(self) -> HttpResponse:
        with recording_changes(lambda: getattr(self, "object", None)):
            return super().process_form()  # type: ignore[misc]


class CreateView(RecordedPanelsMixin, groups.CreateView):
    pass


class EditView(RecordedPanelsMixin, groups.EditView):
    pass


class GroupViewSet(groups.GroupViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update: bool = False) -> Any:
        return RoleNamedGroupForm
