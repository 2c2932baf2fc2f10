from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "newsdesk.publishing"
    label = "publishing"

    def ready(self) -> None:
        # Connect the publish, live-update and security-log receivers.
        from . import handlers, live, security  # noqa: F401
