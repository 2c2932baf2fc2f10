"""Who may see the wire queue: whoever may publish articles (Editors, Section editors,
Administrators), who decide what of it goes out. Nobody edits its rows by hand: the wire
writes them."""

from __future__ import annotations

from typing import Any

from wagtail.permission_policies import ModelPermissionPolicy


class QueuePolicy(ModelPermissionPolicy):
    def user_has_permission(self, user: Any, action: str) -> bool:
        return action == "view" and user.has_perm("articles.publish_article")

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)
