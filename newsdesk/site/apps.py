from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "newsdesk.site"
    label = "site"

    def ready(self) -> None:
        from django.core.cache import cache
        from django.db.models.signals import post_delete, post_save

        from newsdesk.editions import EDITIONS
        from newsdesk.sections.models import Section

        from .presentation import navigation_key

        def forget_navigation(**kwargs: object) -> None:
            """Every page shows the sections; a renamed, added or removed one shows at once."""
            cache.delete_many([navigation_key(code) for code in EDITIONS])

        post_save.connect(forget_navigation, sender=Section, weak=False)
        post_delete.connect(forget_navigation, sender=Section, weak=False)
