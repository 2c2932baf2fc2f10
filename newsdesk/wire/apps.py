from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WireConfig(AppConfig):
    name = "newsdesk.wire"
    label = "wire"
    verbose_name = _("Wire")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from .models import WireItem
        from .permissions import QueuePolicy

        # Before the admin's viewsets are registered, so the queue's views ask this policy.
        register_permission_policy(WireItem, QueuePolicy(WireItem))
