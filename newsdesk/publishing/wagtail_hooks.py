from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .actions import LATE_ACTION, PURGE_ACTION, RESTORE_ACTION, TRASH_ACTION
from .reconcile import RECONCILED_ACTION


@hooks.register("register_log_actions")
def register_late_publication(actions) -> None:
    actions.register_action(LATE_ACTION, _("Published late"), _("Published late by the scheduler"))
    actions.register_action(TRASH_ACTION, _("Moved to the trash"), _("Moved to the trash"))
    actions.register_action(RESTORE_ACTION, _("Restored from the trash"), _("Restored from the trash"))
    actions.register_action(
        PURGE_ACTION, _("Deleted for good"), _("Deleted for good after the trash retention period")
    )
    actions.register_action(
        RECONCILED_ACTION,
        _("Publication recorded by reconciliation"),
        _("Publication recorded by reconciliation: the publish had no audit entry"),
    )
