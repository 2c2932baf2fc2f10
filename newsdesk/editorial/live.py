"""The admin of live coverage: live updates (saved through the live write path), the poll
interval the desk can raise during a spike, and "Promote to article"."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.admin.widgets import Button, ListingButton
from wagtail.rich_text import RichText
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from newsdesk.articles.models import LIVE, LIVE_ENDED, Article
from newsdesk.live.models import NOT_LIVE_MESSAGE, LiveSettings, LiveUpdate
from newsdesk.people.models import Author
from newsdesk.publishing.live import PROMOTE_ACTION, promote_live_update, publish_live_update

from .choosers import GuardedChooserViewSet
from .creating import OnPurposeOnlyMixin
from .display import KyivTimeColumn
from .listing import FoldedSearchIndexView
from .trash_stories_live import TrashDeleteView

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser


class LiveArticleField(forms.ModelChoiceField):
    """Offers the live articles, but looks a submitted id up among all articles, so that an
    article that is not live is reported as such rather than as "not one of the choices"."""

    def to_python(self, value: Any) -> Article | None:
        if value in self.empty_values:
            return None
        try:
            return Article.objects.get(pk=value)
        except (ValueError, TypeError, Article.DoesNotExist) as exc:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from exc


class LiveUpdateForm(WagtailAdminModelForm):
    class Media:
        js = ["editorial/live_update_focus.js"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = Article.objects.filter(coverage=LIVE)
        if self.instance.article_id:
            # An update already published stays editable after its coverage has ended.
            choices = Article.objects.filter(coverage__in=(LIVE, LIVE_ENDED))
        self.fields["article"] = LiveArticleField(
            queryset=choices.select_related("locale").order_by("-pk"),
            label=self.fields["article"].label,
            error_messages={"invalid_choice": NOT_LIVE_MESSAGE},
        )


def desk_author(user: Any, article: Article) -> Author | None:
    """The editor's own byline in the article's edition: the one author there with the
    editor's full name (none when there is no such author, or more than one)."""
    name = user.get_full_name().strip() if user.is_authenticated else ""
    if not name:
        return None
    found = list(Author.objects.filter(locale_id=article.locale_id, name__iexact=name)[:2])
    return found[0] if len(found) == 1 else None


class LiveUpdateCreateView(OnPurposeOnlyMixin, CreateView):
    """Opened from a live article (``?article=<id>``), the form starts with that article,
    the editor's own byline and an empty paragraph that has the focus. Like an article, an
    update exists once the editor saves it: no autosave publishes half a sentence."""

    def get_initial_form_instance(self) -> LiveUpdate:
        update = LiveUpdate(body=[("paragraph", RichText(""))])
        chosen = self.request.GET.get("article", "")
        article = (
            Article.objects.filter(pk=int(chosen), coverage=LIVE).first()
            if chosen.isdigit()
            else None
        )
        if article is not None:
            update.article = article
            author = desk_author(self.request.user, article)
            if author is not None:
                update.author = author
        return update

    def save_instance(self) -> LiveUpdate:
        instance = publish_live_update(
            update=self.form.instance, user=self.request.user, form=self.form
        )
        self.new_revision = instance.latest_revision
        return instance


class LiveUpdateEditView(EditView):
    def save_instance(self) -> LiveUpdate:
        instance = publish_live_update(
            update=self.form.instance, user=self.request.user, form=self.form
        )
        self.new_revision = instance.latest_revision
        return instance


@require_http_methods(["GET", "POST"])
def promote_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks to confirm (GET), then makes a draft article of the update and opens it (POST)."""
    if not request.user.has_perm("articles.add_article"):
        raise PermissionDenied
    update = get_object_or_404(LiveUpdate.objects.select_related("article"), pk=pk)
    if request.method == "GET":
        back = reverse("wagtailsnippets_live_liveupdate:edit", args=[update.pk])
        context = {"update": update, "back_url": back}
        return TemplateResponse(request, "editorial/live_promote.html", context)
    try:
        article = promote_live_update(update=update, user=cast("AbstractBaseUser", request.user))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("wagtailsnippets_live_liveupdate:edit", update.pk)
    messages.success(request, _("A draft article was made from the update."))
    return redirect("wagtailsnippets_articles_article:edit", article.pk)


class LiveUpdateViewSet(SnippetViewSet):
    chooser_viewset_class = GuardedChooserViewSet
    model = LiveUpdate
    icon = "time"
    menu_label = _("Live updates")
    list_per_page = 50
    index_view_class = FoldedSearchIndexView
    search_backend_name = None
    search_fields = ["title"]
    copy_view_enabled = False
    add_view_class = LiveUpdateCreateView
    edit_view_class = LiveUpdateEditView
    list_display = [
        "__str__",
        "article",
        KyivTimeColumn("published_at", label=_("Published, Kyiv time")),
        UpdatedAtColumn(label=_("Last saved")),
    ]
    list_filter = ["pinned", "key_event"]
    # Newest first by id: an index scan, whatever the number of updates.
    ordering = "-pk"
    delete_view_class = TrashDeleteView
    edit_handler = ObjectList(
        [
            FieldPanel("article"),
            FieldPanel("title"),
            FieldPanel("body"),
            FieldPanel("author"),
            FieldPanel("pinned"),
            FieldPanel("key_event"),
            FieldPanel("correction"),
        ],
        base_form_class=LiveUpdateForm,
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return LiveUpdate.objects.select_related("article")

    def get_urlpatterns(self) -> list[Any]:
        return [
            *super().get_urlpatterns(),
            path("promote/<int:pk>/", promote_view, name="promote"),
        ]


class LiveSettingsViewSet(SnippetViewSet):
    chooser_viewset_class = GuardedChooserViewSet
    model = LiveSettings
    icon = "cogs"
    menu_label = _("Live coverage settings")
    copy_view_enabled = False
    search_backend_name = None
    list_display = ["__str__"]
    panels = [FieldPanel("poll_seconds")]


@hooks.register("register_snippet_listing_buttons")
def promote_button(snippet: Any, user: Any, next_url: str | None = None) -> list[ListingButton]:
    if not isinstance(snippet, LiveUpdate) or not user.has_perm("articles.add_article"):
        return []
    if snippet.promoted_to_id:
        return [
            ListingButton(
                _("Open the article made from it"),
                reverse("wagtailsnippets_articles_article:edit", args=[snippet.promoted_to_id]),
                icon_name="doc-full",
                priority=60,
            )
        ]
    return [
        ListingButton(
            _("Promote to article"),
            reverse("wagtailsnippets_live_liveupdate:promote", args=[snippet.pk]),
            icon_name="doc-full-inverse",
            priority=60,
        )
    ]


def add_update_button(article: Article, user: Any) -> Button | None:
    """ "Add a live update" in a live article's header, for those who may publish one."""
    if article.coverage != LIVE or not user.has_perm("live.add_liveupdate"):
        return None
    return Button(
        _("Add a live update"),
        url=f"{reverse('wagtailsnippets_live_liveupdate:add')}?article={article.pk}",
        icon_name="time",
        priority=40,
    )


@hooks.register("register_log_actions")
def register_promote_action(actions: Any) -> None:
    actions.register_action(
        PROMOTE_ACTION, _("Promoted to article"), _("Made into an article of its own")
    )
