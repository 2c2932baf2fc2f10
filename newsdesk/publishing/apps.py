from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "newsdesk.publishing"
    label = "publishing"

    def ready(self) -> None:
        from . import handlers  # noqa: F401 - connects the publish/unpublish receivers
