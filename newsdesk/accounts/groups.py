"""Wagtail's group admin, with each save of a group and its permission panels made one
transaction that writes the collection and page permissions it changed to the security
log (:mod:`.group_permissions`). Everything else is Wagtail's own."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from wagtail.users.views import groups

from .group_permissions import recording_changes


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
