from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "newsdesk.search"
    label = "search"

    def ready(self) -> None:
        from . import handlers  # noqa: F401 - connects the content_changed receiver
