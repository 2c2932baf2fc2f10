from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .actions import LATE_ACTION
from .handlers import BACKDATE_ACTION


@hooks.register("register_log_actions")
def register_publishing_actions(actions) -> None:
    actions.register_action(LATE_ACTION, _("Published late"), _("Published late by the scheduler"))
    actions.register_action(
        BACKDATE_ACTION,
        _("Dated at original publication"),
        _("Dated at its original first publication"),
    )
