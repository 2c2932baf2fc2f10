"""Wagtail's users app, with the groups admin of ``accounts.groups`` (Wagtail's documented
way to replace its group views: an app config naming the viewset)."""

from __future__ import annotations

from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    group_viewset = "newsdesk.accounts.groups.RoleNamedGroupViewSet"
