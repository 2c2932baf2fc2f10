from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "newsdesk.publishing"
    label = "publishing"

    def ready(self) -> None:
        from . import handlers, live  # noqa: F401 - connect the publish and live-update receivers
