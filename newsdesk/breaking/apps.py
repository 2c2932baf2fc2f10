from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BreakingConfig(AppConfig):
    name = "newsdesk.breaking"
    label = "breaking"
    verbose_name = _("Breaking news")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .current import forget
        from .models import BreakingBanner

        def changed(**kwargs: object) -> None:
            forget()

        post_save.connect(changed, sender=BreakingBanner, weak=False)
        post_delete.connect(changed, sender=BreakingBanner, weak=False)
