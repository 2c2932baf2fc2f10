"""The permission matrix drill (docs/security.md, "Roles"): every admin URL the resolver
knows and every API route, as every role, on objects inside and outside a section editor's
scope. A page a role may not reach must not answer 200: 0 leaks.

What a role may reach is derived from the permissions it holds, through the same policies
the admin uses, not from a second list: a view whose guard drifts from its permission shows
up as a leak. The module builds one small newsroom once; each pair is one GET.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import Locale
from wagtail.permissions import policy_registry

from newsdesk.articles.models import Article
from newsdesk.breaking.models import BreakingBanner
from newsdesk.editorial import roles
from newsdesk.editorial.choosers import CHOSEN_BY_ARTICLES
from newsdesk.editorial.permissions import may_touch
from newsdesk.sections.models import Section
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

from .conftest import make_user
from .routes import SNIPPET, Route, admin_routes, route_kwargs, route_path

ANONYMOUS = "anonymous"
ROLES = (ANONYMOUS, roles.CONTRIBUTORS, roles.SECTION_EDITORS, roles.EDITORS, roles.ADMINISTRATORS)
# Pages anyone may open: signing in and asking for a password reset.
PUBLIC = re.compile(
    r"^(wagtailadmin_login|wagtailadmin_password_reset.*|wagtailadmin_sprite|wagtailadmin_javascript_catalog)$"
)
# Wagtail views any admin user may GET whatever the permissions, reviewed one by one: each
# renders a confirmation step or a chooser and checks the permission on the POST that acts.
# The newsroom has no pages, so the first two show nothing of its own; the task chooser shows
# the names of the review tasks ("Editor approval"), which every role sees on its articles.
REVIEWED = {
    "wagtailadmin_pages:move_confirm": "a page move's confirmation; the move checks rights",
    "wagtailadmin_pages:confirm_workflow_cancellation": "a confirmation step, JSON",
    "wagtailadmin_workflows:task_chooser": "the review tasks' names",
    "wagtailadmin_workflows:task_chooser_results": "the review tasks' names",
    "wagtailadmin_workflows:task_chooser_create": "creating needs add_task; the POST is a 400",
    "wagtailadmin_workflows:task_chosen": "the review tasks' names",
}
MODEL_ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")
# Admin sections guarded by Django model permissions on these models.
MODEL_NAMESPACES = {
    "wagtailusers_users": ("auth", "user"),
    "wagtailusers_groups": ("auth", "group"),
    "wagtailsites": ("wagtailcore", "site"),
    "wagtaillocales": ("wagtailcore", "locale"),
    "wagtailadmin_collections": ("wagtailcore", "collection"),
    "wire_partners": ("wire", "partner"),
}
WORKFLOW_PERMISSIONS = [
    f"wagtailcore.{action}_{model}"
    for model in ("workflow", "task")
    for action in ("add", "change", "delete")
]
# The Trash reports, each for those who may delete its kind (decisions 0034, 0048).
TRASH_NAMESPACES = {
    "editorial_trash": "articles.delete_article",
    "editorial_trash_stories": "stories.delete_story",
    "editorial_trash_live_updates": "live.delete_liveupdate",
    "editorial_trash_timeline": "stories.delete_timelineentry",
}
PAGE_NAMES = re.compile(
    r"^(wagtailadmin_pages|wagtailadmin_explore.*|wagtailadmin_api|"
    r"simple_translation:submit_page_translation|wagtail_bulk_action)"
)


@dataclass
class Newsroom:
    users: dict[str, Any]
    mine: Article  # in the section editor's section
    theirs: Article  # in another section
    objects: dict[tuple[str, str], int]
    image: Any


@pytest.fixture(scope="module")
def newsroom(
    django_db_setup: None, django_db_blocker: Any, session_clock: dt.datetime
) -> Iterator[Newsroom]:
    """One data set for the module, rolled back at its end; filed a minute before the fixed
    instant every test starts at, so that what is published is out by then."""
    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            with time_machine.travel(session_clock - dt.timedelta(minutes=1), tick=True):
                uk = Locale.objects.get(language_code="uk")
                war = Section.objects.create(locale=uk, name="Війна", slug="war")
                politics = Section.objects.create(locale=uk, name="Політика", slug="politics")
                users = {role: make_user(f"drill-{n}", role) for n, role in enumerate(ROLES[1:])}
                war.editors.add(users[roles.SECTION_EDITORS])
                author = factories.author("uk")
                mine = factories.published(
                    "uk", "front-line", in_section=war, authors=[author], headline="Фронт"
                )
                theirs = factories.draft(
                    "uk", "vote", in_section=politics, authors=[author], headline="Голосування"
                )
                story = factories.story("uk")
                banner = BreakingBanner.objects.create(
                    locale=uk,
                    text="Тривога",
                    article=mine,
                    expires_at=mine.first_published_at.replace(year=2099),
                )
                objects = {
                    ("articles", "article"): mine.pk,
                    ("sections", "section"): war.pk,
                    ("people", "author"): author.pk,
                    ("taxonomy", "tag"): factories.tag("uk").pk,
                    ("stories", "story"): story.pk,
                    ("stories", "timelineentry"): factories.timeline_entry(story).pk,
                    ("breaking", "breakingbanner"): banner.pk,
                }
                image = factories.image()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield Newsroom({ANONYMOUS: AnonymousUser(), **users}, mine, theirs, objects, image)
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def _may(user: Any, route: Route, article: Article | None) -> bool:
    """Whether ``user`` may open ``route`` (on ``article`` where it is about one)."""
    if PUBLIC.match(route.name.lstrip(":")):
        return True
    if route.name in REVIEWED and user.is_authenticated:
        return True
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return False
    snippet = SNIPPET.match(route.namespace)
    if snippet:
        app, model = snippet.groups()
        allowed = any(user.has_perm(f"{app}.{a}_{model}") for a in MODEL_ACTIONS)
        if route.namespace.startswith("wagtailsnippetchoosers_"):
            # What an article's form chooses is open to whoever may write one.
            chosen_by_articles = f"{app}.{model}" in CHOSEN_BY_ARTICLES
            allowed = allowed or (chosen_by_articles and user.has_perm("articles.add_article"))
        if (app, model) == ("articles", "article") and article is not None:
            allowed = allowed and may_touch(user, article)
        return allowed
    if route.name == ":image_preview":  # the bounded preview (decision 0046)
        policy = policy_registry.get_by_type(get_image_model())
        return policy.user_has_permission(user, "change")
    if route.namespace in ("wagtailimages", "wagtailimages_chooser"):
        policy = policy_registry.get_by_type(get_image_model())
        return policy.user_has_any_permission(user, ["add", "change", "delete", "choose"])
    if route.namespace in MODEL_NAMESPACES:
        app, model = MODEL_NAMESPACES[route.namespace]
        return any(user.has_perm(f"{app}.{a}_{model}") for a in ("add", "change", "delete", "view"))
    if route.namespace == "wagtailadmin_workflows":
        return any(user.has_perm(p) for p in WORKFLOW_PERMISSIONS)
    if PAGE_NAMES.match(route.name.lstrip(":")):
        return False  # no role holds a right on the page tree (decision 0028)
    if route.namespace in ("editorial", "wire_queue"):
        return user.has_perm("articles.publish_article")
    if route.namespace in TRASH_NAMESPACES:
        return user.has_perm(TRASH_NAMESPACES[route.namespace])
    if "translation" in route.name and article is not None:
        return user.has_perm("simple_translation.submit_translation") and may_touch(user, article)
    return True  # the admin's own pages: dashboard, account, search, reports


# Wagtail's deliberate error page, there to test error reporting.
SKIPPED = {"wagtailadmin_error_test"}


def _pairs(room: Newsroom) -> Iterator[tuple[Route, str, str, Article | None]]:
    for route in admin_routes():
        if route.name.lstrip(":") in SKIPPED:
            continue
        about_article = "pk" in route.pattern.pattern.regex.groupindex and (
            route.namespace == "wagtailsnippets_articles_article"
            or route.name.startswith("simple_translation:submit_snippet")
        )
        for article in (room.mine, room.theirs) if about_article else (room.mine,):
            kwargs = route_kwargs(route, room.objects, room.image, article)
            if kwargs is None:
                continue
            try:
                path = route_path(route, kwargs)
            except ValueError:
                continue
            for role in ROLES:
                yield route, role, path, article if about_article else None


def test_no_role_reaches_an_admin_page_it_may_not(db, newsroom: Newsroom) -> None:
    clients: dict[str, Client] = {}
    for role, user in newsroom.users.items():
        clients[role] = Client(raise_request_exception=False)
        if user.is_authenticated:
            sign_in(clients[role], user)
    leaks, errors, checked = [], [], 0
    for route, role, path, article in _pairs(newsroom):
        response = clients[role].get(path)
        checked += 1
        if response.status_code >= 500:
            errors.append((role, path, response.status_code))
        elif response.status_code == 200 and not _may(newsroom.users[role], route, article):
            leaks.append((role, path))
    print(f"permission matrix: {checked} (admin URL, role) pairs checked")
    print("\n".join(f"LEAK {role} {path}" for role, path in leaks))
    print("\n".join(f"ERROR {role} {path} {status}" for role, path, status in errors))
    assert leaks == []
    assert errors == []
    assert checked > 1000


def test_the_api_shows_no_role_unpublished_work(db, newsroom: Newsroom) -> None:
    """The read API is public: the same answers for every role, published work only."""
    draft, published = newsroom.theirs, newsroom.mine
    routes = {
        "/api/v1/articles/{id}": 404,
        "/api/v1/articles/{id}/ninjs": 404,
        "/api/v1/editions/uk/articles/{slug}": 404,
    }
    checked = 0
    for role, user in newsroom.users.items():
        client = Client()
        if user.is_authenticated:
            sign_in(client, user)
        for route in routes:
            for article, status in ((draft, 404), (published, 200)):
                path = route.format(id=article.pk, slug=article.slug)
                assert client.get(path).status_code == status, (role, path)
                checked += 1
        for path in (
            "/api/v1/",
            "/api/v1/articles?edition=uk",
            "/api/v1/sections?edition=uk",
            "/api/v1/tags?edition=uk",
        ):
            response = client.get(path)
            assert response.status_code == 200, (role, path)
            assert f"/{draft.slug}" not in response.content.decode()
            if "articles" in path:
                assert f"/{published.slug}" in response.content.decode()
            checked += 1
    print(f"permission matrix: {checked} (API route, role) pairs checked")
