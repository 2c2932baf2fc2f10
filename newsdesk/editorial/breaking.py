"""Breaking-news banners in the Newsroom menu: one line per edition, with an expiry."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, LocaleColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from newsdesk.breaking.models import BreakingBanner

from .choosers import GuardedChooserViewSet
from .display import KyivTimeColumn


class BreakingBannerViewSet(SnippetViewSet):
    chooser_viewset_class = GuardedChooserViewSet
    model = BreakingBanner
    icon = "warning"
    menu_label = _("Breaking news")
    list_display = [
        "text",
        LocaleColumn(label=_("Edition")),
        BooleanColumn("active", label=_("Active")),  # a mark, not "True"
        KyivTimeColumn("starts_at", label=_("Shown from, Kyiv time")),
        KyivTimeColumn("expires_at", label=_("Shown until, Kyiv time")),
    ]
    list_per_page = 50
    search_backend_name = None
    search_fields = ["text"]
    edit_handler = ObjectList(
        [
            FieldPanel("locale"),
            FieldPanel("text"),
            FieldPanel("article"),
            FieldPanel("starts_at"),
            FieldPanel("expires_at"),
            FieldPanel("active"),
        ]
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return BreakingBanner.objects.select_related("locale")
