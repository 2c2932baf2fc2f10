from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadershipConfig(AppConfig):
    name = "newsdesk.readership"
    label = "readership"
    verbose_name = _("Readership")

    def ready(self) -> None:
        from . import receivers  # noqa: F401 - connects the content_changed receiver
