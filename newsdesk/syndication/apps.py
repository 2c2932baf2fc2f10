"""What aggregators and search engines read: RSS, Atom and JSON Feed, sitemaps, robots.txt."""

from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "newsdesk.syndication"
    label = "syndication"

    def ready(self) -> None:
        from . import receivers  # noqa: F401 - connects the content_changed receiver
