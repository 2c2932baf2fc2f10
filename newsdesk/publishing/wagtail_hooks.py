from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .actions import LATE_ACTION, PAIR_ACTION, UNPAIR_ACTION


@hooks.register("register_log_actions")
def register_late_publication(actions) -> None:
    actions.register_action(LATE_ACTION, _("Published late"), _("Published late by the scheduler"))
    actions.register_action(
        PAIR_ACTION, _("Paired as translations"), _("Paired with a translation written apart")
    )
    actions.register_action(
        UNPAIR_ACTION, _("Unpaired"), _("Parted from its translation: a translation key of its own")
    )
