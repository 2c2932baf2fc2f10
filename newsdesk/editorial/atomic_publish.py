"""Publish from the admin is one transaction through the write path (decision 0033)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpResponse

from newsdesk.publishing import actions


class PublishInOneTransaction:
    """For the article's add and edit views: the editor's save and the publish that follows
    it (Publish, or a workflow step that approves and publishes) commit together, through
    the write path. Wagtail 8.0 saves in one transaction and publishes outside it."""

    ONE_TRANSACTION = frozenset({"publish", "workflow-action"})

    def form_valid(self, form: Any) -> HttpResponse:
        if self.action not in self.ONE_TRANSACTION:  # type: ignore[attr-defined]
            return super().form_valid(form)  # type: ignore[misc]
        with transaction.atomic():
            return super().form_valid(form)  # type: ignore[misc]

    def publish_action(self) -> HttpResponse | None:
        view: Any = self
        hook_response = view.run_hook("before_publish", view.request, view.object)
        if hook_response is not None:
            return hook_response
        actions.publish_revision(revision=view.new_revision, user=view.request.user)
        return view.run_hook("after_publish", view.request, view.object)
