"""The admin of stories and their timeline entries (snippets in the Newsroom group)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import LocaleColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from newsdesk.stories.models import Story, TimelineEntry

from .choosers import GuardedChooserViewSet
from .listing import FoldedSearchIndexView
from .trash_stories_live import TrashDeleteView


class StoryViewSet(SnippetViewSet):
    chooser_viewset_class = GuardedChooserViewSet
    model = Story
    icon = "list-ol"
    list_per_page = 50
    index_view_class = FoldedSearchIndexView
    delete_view_class = TrashDeleteView
    search_backend_name = None  # plain ORM search, as for the other newsroom snippets
    search_fields = ["title"]
    # Wagtail 8.0's copy view saves over the original on POST (see viewsets.CopyFormView).
    copy_view_enabled = False
    # Column labels lazy: Wagtail's default "Updated" is made at import, in one language.
    list_display = [
        "title",
        LocaleColumn(label=_("Edition")),
        "slug",
        UpdatedAtColumn(label=_("Updated")),
    ]
    edit_handler = ObjectList([FieldPanel("title"), FieldPanel("slug"), FieldPanel("summary")])


class TimelineEntryViewSet(SnippetViewSet):
    chooser_viewset_class = GuardedChooserViewSet
    model = TimelineEntry
    icon = "date"
    list_per_page = 50
    search_backend_name = None
    search_fields = ["statement", "speaker", "source_name"]
    copy_view_enabled = False
    delete_view_class = TrashDeleteView
    list_display = ["__str__", "story", "speaker", "status", UpdatedAtColumn(label=_("Updated"))]
    list_filter = ["status", "story"]
    ordering = ["-occurred_on", "-occurred_time", "-id"]
    edit_handler = ObjectList(
        [
            FieldPanel("story"),
            FieldRowPanel([FieldPanel("occurred_on"), FieldPanel("occurred_time")]),
            FieldPanel("statement"),
            MultiFieldPanel(
                [FieldPanel("speaker"), FieldPanel("speaker_kind"), FieldPanel("speaker_role")],
                heading=_("Who said it"),
            ),
            FieldRowPanel([FieldPanel("figure"), FieldPanel("unit")], heading=_("Figure")),
            MultiFieldPanel(
                [FieldPanel("source_name"), FieldPanel("source_url")],
                heading=_("Where it was published"),
            ),
            FieldPanel("status"),
            FieldPanel("article"),
        ]
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # Entries in the trash, and those of a trashed story, are listed by the Trash.
        return TimelineEntry.objects.shown().select_related("story")
