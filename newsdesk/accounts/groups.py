"""Wagtail's groups admin, where a role's name may be typed in either language.

A role's name is shown in the editor's language (``role_names``) and stored as its key, so
the form compares a typed name with the stored names by its key: "Редактори" typed for a
new group is the Editors role's name, and is refused as a duplicate rather than failing on
the database's unique name.
"""

from __future__ import annotations

from typing import Any

from wagtail.users.forms import GroupForm
from wagtail.users.views.groups import GroupViewSet

from . import role_names


class RoleNamedGroupForm(GroupForm):
    def clean_name(self) -> str:
        self.cleaned_data["name"] = role_names.stored(self.cleaned_data["name"])
        name: str = super().clean_name()
        return name


class RoleNamedGroupViewSet(GroupViewSet):
    def get_form_class(self, for_update: bool = False) -> Any:
        return RoleNamedGroupForm
