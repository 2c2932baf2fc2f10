"""The "Late publications" report: scheduled articles the scheduler published late.

The scheduler records each one as a ``newsdesk.publish.late`` log entry
(:func:`newsdesk.publishing.actions.publish_due`); this lists them, newest first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import ModelLogEntry
from wagtail.permissions import policy_registry

from newsdesk.articles.models import Article
from newsdesk.publishing.actions import LATE_ACTION

from .display import delay, kyiv_time
from .permissions import confined_sections

URL_NAMESPACE = "editorial"


def _article_edit_url(entry: ModelLogEntry) -> str:
    return reverse("wagtailsnippets_articles_article:edit", args=[quote(entry.object_id)])


def _scheduled_for(entry: ModelLogEntry) -> str:
    raw = (entry.data or {}).get("scheduled_for")
    return kyiv_time(dt.datetime.fromisoformat(raw)) if raw else ""


def _published_at(entry: ModelLogEntry) -> str:
    return kyiv_time(entry.timestamp)


def _late_by(entry: ModelLogEntry) -> str:
    seconds = (entry.data or {}).get("late_by_seconds")
    return delay(seconds) if seconds is not None else ""


class LatePublicationsPaginator(WagtailPaginator):
    # The listed rows are log entries; count them as what they report.
    verbose_name = _("late publication")
    verbose_name_plural = _("late publications")


class LatePublicationsView(ReportView):
    page_title = _("Late publications")
    header_icon = "time"
    breadcrumbs_items = [{"url": "", "label": _("Reports")}]
    index_url_name = f"{URL_NAMESPACE}:late_publications"
    index_results_url_name = f"{URL_NAMESPACE}:late_publications_results"
    permission_required = "publish"
    paginate_by = 50
    paginator_class = LatePublicationsPaginator
    columns = [
        TitleColumn("label", label=_("Article"), get_url=_article_edit_url),
        Column("scheduled_for", label=_("Scheduled for, Kyiv time"), accessor=_scheduled_for),
        Column("published_at", label=_("Published at, Kyiv time"), accessor=_published_at),
        Column("late_by", label=_("Late by"), accessor=_late_by),
    ]

    @cached_property
    def permission_policy(self) -> Any:
        return policy_registry.get_by_type(Article)

    @cached_property
    def no_results_message(self) -> str:
        return str(_("No article has been published late."))

    def get_queryset(self) -> QuerySet:
        entries = ModelLogEntry.objects.filter(
            action=LATE_ACTION,
            content_type=ContentType.objects.get_for_model(Article),
        ).order_by("-timestamp", "-pk")
        scope = confined_sections(self.request.user)
        if scope is not None:
            visible = (
                Article.objects.filter(section_id__in=scope)
                .annotate(key=Cast("pk", CharField()))
                .values("key")
            )
            entries = entries.filter(object_id__in=visible)
        return entries
