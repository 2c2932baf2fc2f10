from django.apps import AppConfig


class FrontCacheConfig(AppConfig):
    name = "newsdesk.frontcache"
    label = "frontcache"

    def ready(self) -> None:
        from . import receivers  # noqa: F401 - connects the purge receivers
