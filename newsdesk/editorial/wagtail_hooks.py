"""The editors' admin: the Newsroom menu and dashboard, the Late publications report,
the tag search, our permission, the script that saves rich text before a form is sent."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.templatetags.static import static
from django.urls import URLPattern, include, path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.search import SearchArea
from wagtail.snippets.models import register_snippet

from . import trash, trash_stories_live
from .autocomplete import URL_NAME as TAG_SEARCH
from .autocomplete import TagSearchView
from .dashboard import NewsroomPanel
from .models import ALL_SECTIONS_PERMISSION
from .reports import URL_NAMESPACE, LatePublicationsView
from .viewsets import NewsroomViewSetGroup

register_snippet(NewsroomViewSetGroup)


@hooks.register("insert_global_admin_js")
def rich_text_saved_before_sending() -> SafeString:
    """On every admin page: any form with rich text may be sent (a snippet, a page, a
    setting, a form in a dialog). A file of our origin, as the admin's CSP asks."""
    return format_html('<script src="{}" defer></script>', static("editorial/rich_text_save.js"))


@hooks.register("register_admin_urls")
def register_report_urls() -> list[Any]:
    urls = [
        path("", LatePublicationsView.as_view(), name="late_publications"),
        path(
            "results/",
            LatePublicationsView.as_view(results_only=True),
            name="late_publications_results",
        ),
    ]
    trash_urls = [
        path("", trash.TrashView.as_view(), name="index"),
        path("results/", trash.TrashView.as_view(results_only=True), name="results"),
        path("<int:pk>/restore/", trash.restore_view, name="restore"),
    ]
    return [
        path("reports/late-publications/", include((urls, URL_NAMESPACE))),
        path("trash/", include((trash_urls, trash.URL_NAMESPACE))),
        path("trash/stories/", include(trash_stories_live.story_urls())),
        path("trash/live-updates/", include(trash_stories_live.live_update_urls())),
        path("trash/timeline/", include(trash_stories_live.timeline_urls())),
        path("newsroom/tags/search/", TagSearchView.as_view(), name=TAG_SEARCH),
    ]


class LatePublicationsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm("articles.publish_article")


@hooks.register("register_reports_menu_item")
def register_late_publications_menu_item() -> MenuItem:
    return LatePublicationsMenuItem(
        _("Late publications"),
        reverse(f"{URL_NAMESPACE}:late_publications"),
        icon_name="time",
        order=150,
    )


class TrashMenuItem(MenuItem):
    def __init__(self, *args: Any, permission: str = "articles.delete_article", **kw: Any):
        super().__init__(*args, **kw)
        self.permission = permission

    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def register_trash_menu_item() -> MenuItem:
    return TrashMenuItem(
        _("Trash"), reverse(f"{trash.URL_NAMESPACE}:index"), icon_name="bin", order=160
    )


@hooks.register("register_reports_menu_item")
def register_story_trash_menu_item() -> MenuItem:
    return TrashMenuItem(
        _("Stories in the trash"),
        reverse(f"{trash_stories_live.STORIES}:index"),
        icon_name="bin",
        order=161,
        permission="stories.delete_story",
    )


@hooks.register("register_reports_menu_item")
def register_timeline_trash_menu_item() -> MenuItem:
    return TrashMenuItem(
        _("Timeline entries in the trash"),
        reverse(f"{trash_stories_live.TIMELINE}:index"),
        icon_name="bin",
        order=163,
        permission="stories.delete_timelineentry",
    )


@hooks.register("register_reports_menu_item")
def register_live_update_trash_menu_item() -> MenuItem:
    return TrashMenuItem(
        _("Live updates in the trash"),
        reverse(f"{trash_stories_live.LIVE_UPDATES}:index"),
        icon_name="bin",
        order=162,
        permission="live.delete_liveupdate",
    )


# After Wagtail's own snippet bulk actions, so that articles, stories, timeline entries and
# live updates get this Delete instead.
hooks.register("register_bulk_action", trash.TrashBulkAction, order=100)
hooks.register(
    "register_bulk_action", trash_stories_live.TrashStoriesAndUpdatesBulkAction, order=100
)


@hooks.register("register_permissions")
def register_all_sections_permission() -> QuerySet:
    app_label, codename = ALL_SECTIONS_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


class _NoDocuments:
    """The admin API's "documents" endpoint, which answers nothing.

    The newsroom does not install ``wagtail.documents`` (decision 0027), yet every admin
    page's ``wagtail_config`` reverses ``wagtailadmin_api:documents:listing`` (Wagtail
    issue 14418, open for 8.0); this name keeps the admin rendering and serves no file.
    """

    class model:  # no model is a document: the API links nothing here
        pass

    @staticmethod
    def listing(request: HttpRequest) -> HttpResponse:
        raise Http404

    @classmethod
    def get_urlpatterns(cls) -> list[URLPattern]:
        return [path("", cls.listing, name="listing")]


@hooks.register("construct_admin_api")
def name_the_missing_documents_endpoint(router: Any) -> None:
    router.register_endpoint("documents", _NoDocuments)


@hooks.register("construct_homepage_panels")
def add_newsroom_panel(request: HttpRequest, panels: list[Any]) -> None:
    if request.user.has_perm("articles.change_article"):
        panels.append(NewsroomPanel())


class NewsroomSearchArea(SearchArea):
    """A newsroom listing in the admin's global search. Articles come first, so the
    sidebar's search box searches them; the results page links the same words to the
    other areas (live updates, stories, authors, tags, Wagtail's pages)."""

    def __init__(self, model: str, label: Any, icon: str, order: int) -> None:
        app_label, model_name = model.split(".")
        self.permission = f"{app_label}.view_{model_name}"
        self.change_permission = f"{app_label}.change_{model_name}"
        super().__init__(
            label,
            reverse(f"wagtailsnippets_{app_label}_{model_name}:list"),
            name=f"{app_label}-{model_name}",
            icon_name=icon,
            order=order,
        )

    def is_shown(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.has_perm(self.permission) or user.has_perm(self.change_permission))


SEARCH_AREAS = (
    ("articles.article", _("Articles"), "doc-full", 10),
    ("live.liveupdate", _("Live updates"), "time", 20),
    ("stories.story", _("Stories"), "list-ol", 30),
    ("people.author", _("Authors"), "user", 40),
    ("taxonomy.tag", _("Tags"), "tag", 50),
)


def _search_area(index: int) -> Any:
    def register() -> NewsroomSearchArea:
        return NewsroomSearchArea(*SEARCH_AREAS[index])

    return register


for _index in range(len(SEARCH_AREAS)):
    hooks.register("register_admin_search_area", _search_area(_index))
