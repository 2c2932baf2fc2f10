from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class EditorialConfig(AppConfig):
    name = "newsdesk.editorial"
    label = "editorial"

    def ready(self) -> None:
        from wagtail.images import get_image_model
        from wagtail.permissions import register_permission_policy

        from newsdesk.articles.models import Article

        from . import (
            translation,  # noqa: F401 - connects the copy-for-translation receiver
            tree_roots,
            workflow_names,
        )
        from .images import make_renditions_on_upload
        from .permissions import ArticlePermissionPolicy
        from .relabel import relabel
        from .roles import complete_administrators

        # Registered before the snippet viewsets are, so every part of Wagtail (views,
        # actions, bulk actions, the API) asks this policy about articles.
        register_permission_policy(Article, ArticlePermissionPolicy(Article))
        workflow_names.connect()
        tree_roots.connect()
        relabel()
        post_migrate.connect(complete_administrators, dispatch_uid="editorial.administrators")
        post_save.connect(
            make_renditions_on_upload,
            sender=get_image_model(),
            dispatch_uid="editorial.renditions_on_upload",
        )
