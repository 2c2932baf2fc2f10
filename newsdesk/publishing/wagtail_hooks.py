from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .actions import LATE_ACTION


@hooks.register("register_log_actions")
def register_late_publication(actions) -> None:
    actions.register_action(LATE_ACTION, _("Published late"), _("Published late by the scheduler"))
