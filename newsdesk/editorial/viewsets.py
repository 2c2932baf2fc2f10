"""The editors' admin for the newsroom's snippets, grouped under "Newsroom"."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
)
from wagtail.admin.ui.tables import LocaleColumn, UpdatedAtColumn
from wagtail.admin.widgets import AdminAutoHeightTextInput
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import CopyView, SnippetViewSet, SnippetViewSetGroup

from newsdesk.articles.models import Article
from newsdesk.fronts.models import Front
from newsdesk.people.models import Author
from newsdesk.publishing.actions import BACKDATE_PERMISSION
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag

from .breaking import BreakingBannerViewSet
from .choosers import GuardedChooserViewSet
from .creating import ArticleCreateView, OnPurposeOnlyMixin
from .display import EditionPanel, KyivTimeColumn, KyivTimePanel, ListingStatusColumn
from .forms import ArticleForm, FrontForm
from .listing import (
    ArticleChooserViewSet,
    ArticleFilterSet,
    ArticleIndexView,
    BylineColumn,
    FoldedSearchIndexView,
    LabelsColumn,
    with_row_details,
)
from .live import LiveSettingsViewSet, LiveUpdateViewSet
from .pairing import ArticleEditView
from .pairing import urlpatterns as pairing_urlpatterns
from .permissions import guard_article_patterns
from .stories import StoryViewSet, TimelineEntryViewSet
from .trash import TrashArticleView

EDITION = _("Edition")


class CopyFormView(OnPurposeOnlyMixin, CopyView):
    """Shows the "Copy" form only. The form posts to the add view, as Wagtail's template
    does; a POST straight to the copy URL would save over the original (Wagtail 8.0 passes
    the original instance to the form), so it is refused."""

    http_method_names = ["get", "head", "options"]


class NewsroomViewSet(SnippetViewSet):
    chooser_viewset_class = GuardedChooserViewSet
    copy_view_class = CopyFormView
    index_view_class = FoldedSearchIndexView
    list_per_page = 50
    # Plain ORM search: Wagtail's database search backend is far too slow at archive
    # size (DESIGN.md).
    search_backend_name = None


ARTICLE_PANELS = TabbedInterface(
    [
        ObjectList(
            [
                EditionPanel(),
                # Not Wagtail's "title" style, which hides the label and keeps a long
                # headline on one line: a labelled box that grows as the headline wraps.
                FieldPanel(
                    "headline",
                    widget=AdminAutoHeightTextInput(attrs={"maxlength": 250}),
                    required_on_save=True,
                ),
                # No TitleFieldPanel sync: Wagtail's browser-side transliteration writes
                # "kyyiv" for "Київ". Left empty, the form makes the slug on save.
                FieldPanel("slug"),
                FieldPanel("lead"),
                MultiFieldPanel(
                    [
                        FieldPanel("hero_image"),
                        FieldPanel("hero_caption"),
                        FieldPanel("hero_credit"),
                        FieldPanel("hero_alt"),
                    ],
                    heading=_("Main image"),
                ),
                FieldPanel("body"),
                FieldPanel("sources"),
            ],
            heading=_("Content"),
        ),
        ObjectList(
            [
                FieldPanel("section"),
                FieldPanel("story"),
                FieldPanel("tags"),
                FieldPanel("labels"),
                MultiFieldPanel(
                    [FieldPanel("affiliate_partner"), FieldPanel("affiliate_disclosure")],
                    heading=_("Affiliate material"),
                    classname="collapsed",
                ),
                FieldPanel("coverage"),
                InlinePanel(
                    "bylines",
                    min_num=1,
                    # "Add {label}": a noun whose accusative is its nominative in Ukrainian.
                    label=pgettext_lazy("inline row", "Byline"),
                    heading=_("Bylines"),
                    panels=[FieldPanel("author")],
                ),
                InlinePanel(
                    "read_also_picks",
                    label=pgettext_lazy("inline row", "Article"),
                    heading=_("Read also (editors' choice)"),
                    panels=[FieldPanel("target")],
                ),
            ],
            heading=_("Classification"),
        ),
        ObjectList(
            [
                FieldPanel("update_kind"),
                FieldPanel("update_note"),
                # Read-only: it orders the feed and is the time readers see; a change after
                # publication belongs in the update log, not in a rewritten date.
                KyivTimePanel("first_published_at"),
                # Decision 0038: only roles trusted with the archive's dates see it.
                FieldPanel("original_published_at", permission=BACKDATE_PERMISSION),
                PublishingPanel(),
            ],
            heading=_("Publishing"),
        ),
    ],
    base_form_class=ArticleForm,
)


class ArticleViewSet(NewsroomViewSet):
    model = Article
    icon = "doc-full"
    edit_handler = ARTICLE_PANELS
    edit_view_class = ArticleEditView
    list_display = [
        "headline",
        "section",
        LocaleColumn(label=EDITION),
        # Wagtail adds a status column only to its default list_display. Labels are lazy:
        # these columns are built at import time, before any editor's language is active.
        ListingStatusColumn(label=_("Status")),
        LabelsColumn("labels", label=_("Labels")),
        BylineColumn("bylines", label=_("Byline")),
        KyivTimeColumn("first_published_at", label=_("First published, Kyiv time")),
        UpdatedAtColumn(label=_("Last saved")),
    ]
    filterset_class = ArticleFilterSet
    add_view_class = ArticleCreateView
    edit_view_class = ArticleEditView
    delete_view_class = TrashArticleView
    index_view_class = ArticleIndexView
    # The viewset hands its own results template to the view; this one has the keyset
    # links ("Newer", "Older") instead of page numbers.
    index_results_template_name = "editorial/article_index_results.html"
    chooser_viewset_class = ArticleChooserViewSet
    # Newest first by id: keyset pages walk the primary key (decision 0039).
    ordering = "-pk"
    # Searched through the site's search layer (ArticleIndexView.search_queryset).
    search_fields = ["headline"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        policy = policy_registry.get_by_type(Article)
        articles = policy.instances_user_has_any_permission_for(
            request.user, ["add", "change", "delete", "publish"]
        ).filter(trashed_at__isnull=True)  # the Trash lists the others
        return with_row_details(articles)

    def get_urlpatterns(self) -> list[Any]:
        return guard_article_patterns([*super().get_urlpatterns(), *pairing_urlpatterns()])


class SectionViewSet(NewsroomViewSet):
    model = Section
    icon = "folder-open-inverse"
    list_display = ["name", LocaleColumn(label=EDITION), "slug", "sort_order"]
    search_fields = ["name"]


class TagViewSet(NewsroomViewSet):
    model = Tag
    icon = "tag"
    list_display = ["name", LocaleColumn(label=EDITION), "slug"]
    search_fields = ["name"]


class AuthorViewSet(NewsroomViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", LocaleColumn(label=EDITION)]
    search_fields = ["name"]


class FrontViewSet(NewsroomViewSet):
    model = Front
    icon = "home"
    list_display = ["title", LocaleColumn(label=EDITION), UpdatedAtColumn(label=_("Updated"))]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            InlinePanel(
                "items",
                label=pgettext_lazy("inline row", "Top story"),
                heading=_("Top stories"),
                panels=[FieldPanel("article")],
            ),
        ],
        base_form_class=FrontForm,
    )


class NewsroomViewSetGroup(SnippetViewSetGroup):
    items = (
        ArticleViewSet,
        LiveUpdateViewSet,
        SectionViewSet,
        TagViewSet,
        AuthorViewSet,
        FrontViewSet,
        StoryViewSet,
        TimelineEntryViewSet,
        BreakingBannerViewSet,
        LiveSettingsViewSet,
    )
    menu_label = _("Newsroom")
    menu_icon = "doc-full-inverse"
    menu_order = 100
