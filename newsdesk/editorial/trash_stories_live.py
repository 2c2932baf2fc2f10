"""Delete is "move to the trash" for stories, their timeline entries and live updates too
(decisions 0048, 0055).

As for articles (:mod:`.trash`): the Delete button and the bulk Delete call the write path,
Reports lists what is in the trash with Restore, and the retention period deletes for good.
Who may trash and restore is who may delete the kind (``stories.delete_story``,
``stories.delete_timelineentry``, ``live.delete_liveupdate``): Editors and Administrators.
"""

from __future__ import annotations

from typing import Any

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.snippets import DeleteView

from newsdesk.live.models import LiveUpdate
from newsdesk.publishing import actions
from newsdesk.publishing.live import restore_live_update, trash_live_update
from newsdesk.publishing.timeline import restore_timeline_entry, trash_timeline_entry
from newsdesk.stories.models import Story, TimelineEntry

from .display import kyiv_time

STORIES = "editorial_trash_stories"
LIVE_UPDATES = "editorial_trash_live_updates"
TIMELINE = "editorial_trash_timeline"
PERMISSIONS: dict[type[Model], str] = {
    Story: "stories.delete_story",
    TimelineEntry: "stories.delete_timelineentry",
    LiveUpdate: "live.delete_liveupdate",
}


def _trash(item: Model, user: Any) -> None:
    if isinstance(item, Story):
        actions.trash_story(story=item, user=user)
    elif isinstance(item, TimelineEntry):
        trash_timeline_entry(entry=item, user=user)
    else:
        trash_live_update(update=item, user=user)  # type: ignore[arg-type]


class TrashDeleteView(DeleteView):
    """The Delete button of stories, timeline entries and live updates."""

    page_title = gettext_lazy("Move to the trash")
    success_message = gettext_lazy("%(model_name)s '%(object)s' moved to the trash.")

    @property
    def confirmation_message(self) -> str:
        return _(
            "Move this to the trash? It leaves the site at once. It can be restored from the "
            "Trash for %(days)d days, then it is deleted for good."
        ) % {"days": actions.trash_retention_days()}

    def delete_action(self) -> None:
        _trash(self.object, self.request.user)


class TrashStoriesAndUpdatesBulkAction(DeleteBulkAction):
    """The listing's bulk Delete, for stories, timeline entries and live updates: each goes
    to the trash."""

    models = [Story, TimelineEntry, LiveUpdate]
    display_name = gettext_lazy("Move to the trash")
    aria_label = gettext_lazy("Move the selected items to the trash")

    @classmethod
    def execute_action(cls, objects: Any, user: Any = None, **kwargs: Any) -> tuple[int, int]:
        for item in objects:
            _trash(item, user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return ngettext(
            "%(count)d item moved to the trash.",
            "%(count)d items moved to the trash.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


def _trashed_at(item: Any) -> str:
    return kyiv_time(item.trashed_at) if item.trashed_at else ""


def _trashed_by(item: Any) -> str:
    user = item.trashed_by
    return (user.get_full_name() or user.get_username()) if user else ""


class RestoreColumn(Column):
    cell_template_name = "editorial/trash_restore_cell.html"

    def __init__(self, *args: Any, namespace: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.namespace = namespace

    def get_cell_context_data(self, instance: Any, parent_context: Any) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        context["restore_url"] = reverse(f"{self.namespace}:restore", args=[quote(instance.pk)])
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class StoryTrashPaginator(WagtailPaginator):
    verbose_name = gettext_lazy("story in the trash")
    verbose_name_plural = gettext_lazy("stories in the trash")


class TimelineEntryTrashPaginator(WagtailPaginator):
    verbose_name = gettext_lazy("timeline entry in the trash")
    verbose_name_plural = gettext_lazy("timeline entries in the trash")


class LiveUpdateTrashPaginator(WagtailPaginator):
    verbose_name = gettext_lazy("live update in the trash")
    verbose_name_plural = gettext_lazy("live updates in the trash")


class KindTrashView(ReportView):
    """What of one kind is in the trash, newest first, 50 a page: one query for the count
    and one for the page, whatever the number of rows."""

    model: type[Model]
    namespace: str
    header_icon = "bin"
    permission_required = "delete"
    paginate_by = 50

    @cached_property
    def permission_policy(self) -> Any:
        return policy_registry.get_by_type(self.model)

    @cached_property
    def no_results_message(self) -> str:
        return _("The trash is empty.")

    @property
    def index_url_name(self) -> str:  # type: ignore[override]
        return f"{self.namespace}:index"

    @property
    def index_results_url_name(self) -> str:  # type: ignore[override]
        return f"{self.namespace}:results"

    def _columns(self, title: Column) -> list[Column]:
        return [
            title,
            Column(
                "trashed_at",
                label=gettext_lazy("Moved to the trash, Kyiv time"),
                accessor=_trashed_at,
            ),
            Column("trashed_by", label=gettext_lazy("Moved by"), accessor=_trashed_by),
            RestoreColumn("restore", label=gettext_lazy("Restore"), namespace=self.namespace),
        ]


class StoryTrashView(KindTrashView):
    model = Story
    namespace = STORIES
    page_title = gettext_lazy("Stories in the trash")
    paginator_class = StoryTrashPaginator

    @cached_property
    def columns(self) -> list[Column]:  # type: ignore[override]
        return self._columns(TitleColumn("title", label=gettext_lazy("Story")))

    def get_queryset(self) -> QuerySet:
        return (
            Story.everything.filter(trashed_at__isnull=False)
            .select_related("trashed_by")
            .order_by("-trashed_at", "-pk")
        )


class TimelineEntryTrashView(KindTrashView):
    model = TimelineEntry
    namespace = TIMELINE
    page_title = gettext_lazy("Timeline entries in the trash")
    paginator_class = TimelineEntryTrashPaginator

    @cached_property
    def columns(self) -> list[Column]:  # type: ignore[override]
        return self._columns(
            Column("__str__", label=gettext_lazy("Timeline entry"), accessor=_entry_title)
        )

    def get_queryset(self) -> QuerySet:
        return (
            TimelineEntry.everything.filter(trashed_at__isnull=False)
            .select_related("trashed_by", "story")
            .only(
                "pk",
                "occurred_on",
                "statement",
                "trashed_at",
                "trashed_by",
                "story__title",
            )
            .order_by("-trashed_at", "-pk")
        )


def _entry_title(entry: TimelineEntry) -> str:
    return f"{entry} · {entry.story.title}"


class LiveUpdateTrashView(KindTrashView):
    model = LiveUpdate
    namespace = LIVE_UPDATES
    page_title = gettext_lazy("Live updates in the trash")
    paginator_class = LiveUpdateTrashPaginator

    @cached_property
    def columns(self) -> list[Column]:  # type: ignore[override]
        return self._columns(
            Column("__str__", label=gettext_lazy("Live update"), accessor=_update_title)
        )

    def get_queryset(self) -> QuerySet:
        return (
            LiveUpdate.everything.filter(trashed_at__isnull=False)
            .select_related("trashed_by", "article")
            .only(
                "pk",
                "title",
                "published_at",
                "trashed_at",
                "trashed_by",
                "article__headline",
            )
            .order_by("-trashed_at", "-pk")
        )


def _update_title(update: LiveUpdate) -> str:
    return f"{update} · {update.article.headline}" if update.title else str(update)


def _restore(request: HttpRequest, model: type[Model], pk: int, namespace: str) -> HttpResponse:
    item: Any = get_object_or_404(
        model.everything,  # type: ignore[attr-defined]
        pk=pk,
        trashed_at__isnull=False,
    )
    if not request.user.has_perm(PERMISSIONS[model]):
        raise PermissionDenied
    if isinstance(item, Story):
        actions.restore_story(story=item, user=request.user)  # type: ignore[arg-type]
        done = _("Story '%(object)s' restored.")
    elif isinstance(item, TimelineEntry):
        restore_timeline_entry(entry=item, user=request.user)  # type: ignore[arg-type]
        done = _("Timeline entry '%(object)s' restored.")
    else:
        restore_live_update(update=item, user=request.user)  # type: ignore[arg-type]
        done = _("Live update '%(object)s' restored.")
    messages.success(request, capfirst(done % {"object": item}))
    return HttpResponseRedirect(reverse(f"{namespace}:index"))


@require_POST
def restore_story_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _restore(request, Story, pk, STORIES)


@require_POST
def restore_timeline_entry_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _restore(request, TimelineEntry, pk, TIMELINE)


@require_POST
def restore_live_update_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _restore(request, LiveUpdate, pk, LIVE_UPDATES)


def _urls(view: type[KindTrashView], restore: Any, namespace: str) -> tuple[list[Any], str]:
    patterns = [
        path("", view.as_view(), name="index"),
        path("results/", view.as_view(results_only=True), name="results"),
        path("<int:pk>/restore/", restore, name="restore"),
    ]
    return patterns, namespace


def story_urls() -> tuple[list[Any], str]:
    return _urls(StoryTrashView, restore_story_view, STORIES)


def timeline_urls() -> tuple[list[Any], str]:
    return _urls(TimelineEntryTrashView, restore_timeline_entry_view, TIMELINE)


def live_update_urls() -> tuple[list[Any], str]:
    return _urls(LiveUpdateTrashView, restore_live_update_view, LIVE_UPDATES)
