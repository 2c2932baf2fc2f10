"""Wagtail's users app, with the group admin of :mod:`.groups` (Wagtail's documented way to
replace its group views); installed in its place in the settings."""

from __future__ import annotations

from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    group_viewset = "newsdesk.accounts.groups.GroupViewSet"
