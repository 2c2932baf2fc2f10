from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from newsdesk.editions import KYIV

from .actions import (
    LATE_ACTION,
    PAIR_ACTION,
    PURGE_ACTION,
    RESTORE_ACTION,
    TRASH_ACTION,
    UNPAIR_ACTION,
    WITHDRAW_ACTION,
)
from .handlers import BACKDATE_ACTION
from .heartbeat import NEVER, pulse
from .reconcile import RECONCILED_ACTION


@hooks.register("register_log_actions")
def register_publishing_actions(actions) -> None:
    actions.register_action(LATE_ACTION, _("Published late"), _("Published late by the scheduler"))
    actions.register_action(
        BACKDATE_ACTION,
        _("Dated at original publication"),
        _("Dated at its original first publication"),
    )
    actions.register_action(TRASH_ACTION, _("Moved to the trash"), _("Moved to the trash"))
    actions.register_action(
        RESTORE_ACTION, _("Restored from the trash"), _("Restored from the trash")
    )
    actions.register_action(
        PURGE_ACTION, _("Deleted for good"), _("Deleted for good after the trash retention period")
    )
    actions.register_action(
        RECONCILED_ACTION,
        _("Publication recorded by reconciliation"),
        _("Publication recorded by reconciliation: the publish had no audit entry"),
    )
    actions.register_action(
        PAIR_ACTION, _("Paired as translations"), _("Paired with a translation written apart")
    )
    actions.register_action(
        UNPAIR_ACTION, _("Unpaired"), _("Parted from its translation: a translation key of its own")
    )
    actions.register_action(
        WITHDRAW_ACTION, _("Withdrawn"), _("Withdrawn by its source: off the site, unscheduled")
    )


class SchedulerPanel(Component):
    """A warning on the dashboard when the scheduler is late or has never run: embargoes
    are not going out, and nothing else on the page would say so."""

    name = "scheduler_heartbeat"
    order = 10  # above Wagtail's own panels
    template_name = "publishing/scheduler_panel.html"

    def __init__(self, request: HttpRequest) -> None:
        self.pulse = pulse()

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        last = self.pulse.last_beat
        return {
            "never": self.pulse.state == NEVER,
            "last_beat": timezone.localtime(last, KYIV) if last else None,
        }

    def render_html(self, parent_context: Any = None) -> str:
        return super().render_html(parent_context) if self.pulse.late else ""


@hooks.register("construct_homepage_panels")
def add_scheduler_panel(request: HttpRequest, panels: list[Any]) -> None:
    if request.user.has_perm("articles.publish_article"):
        panels.append(SchedulerPanel(request))
