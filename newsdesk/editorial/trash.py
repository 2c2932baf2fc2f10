"""Delete is "move to the trash" for articles (decision 0034).

The admin's Delete button, its bulk Delete and the Trash listing's Restore all call
:mod:`newsdesk.publishing.actions`; nothing here deletes a row. Who may trash and restore is
who may delete an article (``articles.delete_article``), inside their sections for a section
editor; nobody deletes for good from the admin: the retention period does.
"""

from __future__ import annotations

from typing import Any

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import reverse
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
from wagtail.snippets.views.snippets import DeleteView, EditView

from newsdesk.articles.models import Article
from newsdesk.publishing import actions

from .atomic_publish import PublishInOneTransaction
from .display import kyiv_time
from .permissions import confined_sections, may_touch

URL_NAMESPACE = "editorial_trash"


class ArticleEditView(PublishInOneTransaction, EditView):
    def get_object(self, queryset: QuerySet | None = None) -> Any:
        article = super().get_object(queryset)
        if self.live_object.trashed_at is not None:
            raise Http404  # restore it first, from the Trash
        return article


class TrashArticleView(DeleteView):
    page_title = gettext_lazy("Move to the trash")
    success_message = gettext_lazy("%(model_name)s '%(object)s' moved to the trash.")

    @property
    def confirmation_message(self) -> str:
        return _(
            "Move this article to the trash? It leaves the site at once. It can be restored "
            "from the Trash for %(days)d days, then it is deleted for good."
        ) % {"days": actions.trash_retention_days()}

    def get_object(self, queryset: QuerySet | None = None) -> Any:
        article = super().get_object(queryset)
        if article.trashed_at is not None:
            raise Http404
        return article

    def delete_action(self) -> None:
        actions.trash(article=self.object, user=self.request.user)


class TrashBulkAction(DeleteBulkAction):
    """The listing's bulk Delete, for articles: each goes to the trash through the write
    path (Wagtail's own deletes the rows with one query)."""

    models = [Article]
    display_name = gettext_lazy("Move to the trash")
    aria_label = gettext_lazy("Move the selected articles to the trash")

    @classmethod
    def execute_action(cls, objects: Any, user: Any = None, **kwargs: Any) -> tuple[int, int]:
        for article in objects:
            actions.trash(article=article, user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return ngettext(
            "%(count)d article moved to the trash.",
            "%(count)d articles moved to the trash.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


def _may_trash(user: Any, article: Article) -> bool:
    policy = policy_registry.get_by_type(Article)
    return bool(policy.user_has_permission_for_instance(user, "delete", article))


def _restore_url(article: Article) -> str:
    return reverse(f"{URL_NAMESPACE}:restore", args=[quote(article.pk)])


def _trashed_at(article: Article) -> str:
    return kyiv_time(article.trashed_at) if article.trashed_at else ""


def _trashed_by(article: Article) -> str:
    user = article.trashed_by
    return (user.get_full_name() or user.get_username()) if user else ""


class RestoreColumn(Column):
    cell_template_name = "editorial/trash_restore_cell.html"

    def get_cell_context_data(self, instance: Any, parent_context: Any) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        context["restore_url"] = _restore_url(instance)
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class TrashPaginator(WagtailPaginator):
    verbose_name = gettext_lazy("article in the trash")
    verbose_name_plural = gettext_lazy("articles in the trash")


class TrashView(ReportView):
    page_title = gettext_lazy("Trash")
    header_icon = "bin"
    index_url_name = f"{URL_NAMESPACE}:index"
    index_results_url_name = f"{URL_NAMESPACE}:results"
    permission_required = "delete"
    paginate_by = 50
    paginator_class = TrashPaginator
    columns = [
        TitleColumn("headline", label=gettext_lazy("Article")),
        Column(
            "trashed_at", label=gettext_lazy("Moved to the trash, Kyiv time"), accessor=_trashed_at
        ),
        Column("trashed_by", label=gettext_lazy("Moved by"), accessor=_trashed_by),
        RestoreColumn("restore", label=gettext_lazy("Restore")),
    ]

    @cached_property
    def permission_policy(self) -> Any:
        return policy_registry.get_by_type(Article)

    @cached_property
    def no_results_message(self) -> str:
        return _("The trash is empty.")

    def get_queryset(self) -> QuerySet:
        articles = (
            Article.objects.filter(trashed_at__isnull=False)
            .select_related("trashed_by")
            .order_by("-trashed_at", "-pk")
        )
        scope = confined_sections(self.request.user)
        return articles if scope is None else articles.filter(section_id__in=scope)


@require_POST
def restore_view(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk, trashed_at__isnull=False)
    if not (_may_trash(request.user, article) and may_touch(request.user, article)):
        raise PermissionDenied
    actions.restore(article=article, user=request.user)  # type: ignore[arg-type]  # signed in
    messages.success(
        request,
        capfirst(_("Article '%(object)s' restored as a draft.") % {"object": article}),
        buttons=[
            messages.button(
                reverse("wagtailsnippets_articles_article:edit", args=[quote(article.pk)]),
                _("Edit"),
            )
        ],
    )
    return HttpResponseRedirect(reverse(f"{URL_NAMESPACE}:index"))
