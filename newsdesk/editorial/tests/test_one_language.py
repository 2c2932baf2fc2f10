"""The admin speaks one language at a time (decision 0049).

Every admin page an Editor and an Administrator reach (listings, add and edit forms,
choosers, the dashboard, workflow, history, reports, settings) is opened in Ukrainian and in
English, and its text (what is shown, and the titles, labels and placeholders assistive
technology reads) is checked for:

- a raw key or template syntax;
- the other language: Cyrillic in English, a Latin word in Ukrainian outside the names,
  brands and codes allowed below;
- a date or time in the US format ("Dec. 6, 2026, 9:32 p.m.").

The newsroom's own content (headlines, names, slugs) is in whatever language it was written;
its words are taken from the database and left alone.
"""

# ruff: noqa: RUF001 - Cyrillic and its apostrophes are what this test reads

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import time_machine
from bs4 import BeautifulSoup, Comment, Doctype
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.test import Client
from wagtail.models import (
    Collection,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    WorkflowState,
)

from newsdesk.accounts import role_names
from newsdesk.articles.models import Article
from newsdesk.breaking.models import BreakingBanner
from newsdesk.editorial import roles
from newsdesk.fronts.models import Front
from newsdesk.sections.models import Section
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

from .conftest import make_user
from .routes import admin_routes, route_kwargs, route_path

LANGUAGES = ("uk", "en")
ROLES = (roles.EDITORS, roles.ADMINISTRATORS)

# A raw UI key (client/title.list_title, articles.article.headline) or template syntax.
RAW_KEY = re.compile(
    r"(?<![\w./:@-])[a-z_]+(?:[/.][a-z_]+){1,}\.[a-z_]+\b(?![./-]\w)|\{\{|\}\}|\{%|%\}"
)
CYRILLIC_WORD = re.compile(r"[\w'’-]*[А-ЯЁІЇЄҐа-яёіїєґ][\w'’-]*")
LATIN_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][A-Za-z'’-]*[A-Za-z](?![\w'’-])")
US_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}"
    r"|\b\d{1,2}(?::\d{2})? ?[ap]\.m\."
    r"|\b\d{1,2}:\d{2} ?[AP]M\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b(?:noon|midnight)\b"
)
# What is not language: addresses, e-mail, file names, codes.
NOT_WORDS = re.compile(
    r"«newsdesk [^»]+»|\S+@\S+|\w+://\S+|(?<!\w)/[\w./?=&%-]*|\b\w+\.(?:jpg|jpeg|png|gif|webp|svg|xml|json)\b"
)
# Latin words a Ukrainian admin may show: names of products and formats, and codes.
LATIN_ALLOWED = {
    "Newsdesk",
    "Wagtail",
    "Django",
    "JavaScript",
    "URL",
    "RSS",
    "Atom",
    "JSON",
    "HTML",
    "ID",
    "API",
    "CSV",
    "XLSX",
    "TSV",
    "SEO",
    "UTC",
    "Google",
    "News",  # Google News
    "Europe",  # the time zone Europe/Kyiv
    "Kyiv",
    "English",  # the language's own name in the language menus
    "TOTP",
    "WebAuthn",
    "ninjs",
    "IPTC",
    # keys on the keyboard, in the shortcuts' dialog
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Enter",
}
# Ukrainian puts the object of a verb in the accusative: "Додати статтю", not "стаття".
NOMINATIVE_AFTER_VERB = re.compile(
    r"\b(?:Додати|Вибрати|Виберіть|Редагувати|Перекласти|Видалити|Копіювати|Створити|"
    r"Опублікувати|Зберегти|Заблокувати|Розблокувати|Відновити|цей|цього)"
    r" (?:стаття|рубрика|головна сторінка|автор|статт[яі]|рубрик[аи])(?!\w)",
    re.IGNORECASE,
)
# Cyrillic words an English admin may show: the Ukrainian language's own name.
CYRILLIC_ALLOWED = {"Українська"}
# Wagtail's deliberate error page, and views with nothing to read.
SKIPPED = re.compile(
    r"^(wagtailadmin_error_test|wagtailadmin_sprite|wagtailadmin_javascript_catalog|"
    r"wagtailadmin_logout|.*autocomplete.*|.*preview.*|.*:revisions_view|"
    # a listing's results alone, which its page already shows
    r".*results)$"
)
# An Administrator reaches every page an Editor does; the pages whose content depends on the
# role (the desk's own work) are read as an Editor too.
EDITORS_PAGES = re.compile(r"^/admin/(?:$|snippets/(?:articles|live)/|snippets/choose/)")
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value")


@dataclass
class Newsroom:
    users: dict[tuple[str, str], Any]  # (role, language) -> user
    articles: list[Article]  # the article views are walked on each
    objects: dict[tuple[str, str], int]
    image: Any
    groups: list[int]  # a role's and a custom group's ids
    content_words: set[str]


def _content_words() -> set[str]:
    """Every word the newsroom's own content holds (any language): what editors wrote,
    the accounts' and groups' names an administrator gave, pages' and sites' names. The
    roles' names are not content: they are shown in the editor's language (decision 0059);
    nor are permissions' names, which Django writes in English and the groups form shows in
    the editor's language, nor the names of the page and collection trees' roots, which
    Wagtail's migrations write (decision 0064)."""
    content_apps = [
        *("articles", "sections", "taxonomy", "people", "stories", "live", "breaking"),
        *("fronts", "wagtailimages", "auth"),
    ]
    content = [
        m
        for app in content_apps
        for m in apps.get_app_config(app).get_models()
        if m is not Permission
    ]
    words: set[str] = set()
    for model in [*content, Page, Site, Collection]:
        text_fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
            or f.get_internal_type() == "StreamField"
        ]
        rows = model.objects.all()
        if model is Group:
            rows = rows.exclude(name__in=role_names.NAMES)
        if model in (Page, Collection):  # the trees' roots are named in the editor's language
            rows = rows.exclude(depth=1)
        for row in rows.values_list(*text_fields) if text_fields else ():
            for value in row:
                text = value if isinstance(value, str) else json.dumps(value or "")
                words.update(re.findall(r"[\w'’-]+", re.sub(r"<[^>]+>", " ", text)))
    return words


@pytest.fixture(scope="module")
def newsroom(
    django_db_setup: None, django_db_blocker: Any, session_clock: dt.datetime
) -> Iterator[Newsroom]:
    """A small newsroom in both editions, with an article in review, one scheduled, live
    coverage, a story, a banner and a front; rolled back at the module's end."""
    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            with time_machine.travel(session_clock - dt.timedelta(minutes=1), tick=True):
                yield_value = _build(session_clock)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield yield_value
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def _build(now: dt.datetime) -> Newsroom:
    uk = Locale.objects.get(language_code="uk")
    war = Section.objects.create(locale=uk, name="Війна", slug="war")
    war_en = factories.section("en", "war", name="War", translation_key=war.translation_key)
    users = {
        (role, language): make_user(f"walk-{n}-{language}", role, language=language)
        for n, role in enumerate(ROLES)
        for language in LANGUAGES
    }
    contributor = make_user("walk-contributor", roles.CONTRIBUTORS, language="uk")
    author = factories.author("uk")
    author_en = factories.author("en", translation_key=author.translation_key)
    tag, _tag_en = factories.tag_pair("Харків", "Kharkiv")
    story = factories.story("uk")
    live = factories.published(
        "uk", "front-line", in_section=war, authors=[author], headline="Фронт", tags=[tag]
    )
    factories.published(
        "en",
        "front-line",
        in_section=war_en,
        authors=[author_en],
        headline="Frontline",
        translation_key=live.translation_key,
    )
    in_review = factories.draft(
        "uk", "vote", in_section=war, authors=[author], headline="Голосування"
    )
    in_review.get_workflow().start(in_review, contributor)
    factories.scheduled(
        "uk", "tomorrow", in_section=war, headline="Завтра", go_live_at=now + dt.timedelta(days=1)
    )
    coverage = factories.live_article("uk", "alerts", headline="Тривоги", lead="Що відомо.")
    update = factories.live_update(coverage, "Сирени пролунали.", title="Сирени")
    banner = BreakingBanner.objects.create(
        locale=uk, text="Тривога", article=live, expires_at=now + dt.timedelta(days=400)
    )
    front = Front.objects.create(locale=uk, title="Головна")
    workflow_state = WorkflowState.objects.get()
    objects = {
        ("articles", "article"): live.pk,
        ("sections", "section"): war.pk,
        ("people", "author"): author.pk,
        ("taxonomy", "tag"): tag.pk,
        ("stories", "story"): story.pk,
        ("stories", "timelineentry"): factories.timeline_entry(story).pk,
        ("breaking", "breakingbanner"): banner.pk,
        ("live", "liveupdate"): update.pk,
        ("fronts", "front"): front.pk,
        ("wagtailcore", "workflow"): workflow_state.workflow_id,
        ("wagtailcore", "task"): workflow_state.current_task_state.task_id,
        ("wagtailcore", "workflowstate"): workflow_state.pk,
        ("wagtailcore", "taskstate"): workflow_state.current_task_state.pk,
    }
    image = factories.image()
    checkers = Group.objects.create(name="Fact-checkers")
    # A page permission row of its own, besides the form's empty one.
    GroupPagePermission.objects.create(
        group=checkers,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="add_page"
        ),
    )
    groups = [Group.objects.get(name=roles.SECTION_EDITORS).pk, checkers.pk]
    return Newsroom(users, [live, in_review], objects, image, groups, _content_words())


def _texts(html: str) -> Iterator[str]:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "svg", "textarea"]):
        hidden.decompose()
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment | Doctype)):
        comment.extract()
    for record in soup.select('[translate="no"]'):  # codes and records, as written
        record.decompose()
    for element in soup.find_all(True):
        for name in SHOWN_ATTRIBUTES:
            value = element.get(name)
            if isinstance(value, str) and value.strip():
                yield value
    for text in soup.find_all(string=True):
        if text.strip():
            yield str(text)


def _html(response: Any) -> str | None:
    kind = response.get("Content-Type", "")
    if kind.startswith("text/html"):
        return response.content.decode()
    if kind.startswith("application/json"):
        data = json.loads(response.content)
        if isinstance(data, dict) and isinstance(data.get("html"), str):
            return data["html"]
    return None


def findings(html: str, language: str, content_words: set[str]) -> set[str]:
    """What on the page is not in ``language``: each finding as "kind: text"."""
    found: set[str] = set()
    for raw in _texts(html):
        text = " ".join(raw.split())
        found.update(f"raw key: {m.group(0)}" for m in RAW_KEY.finditer(text))
        found.update(f"US date: {m.group(0)}" for m in US_DATE.finditer(text))
        words = NOT_WORDS.sub(" ", text)
        if language == "en":
            foreign = {
                w
                for w in CYRILLIC_WORD.findall(words)
                if w not in CYRILLIC_ALLOWED and w.strip("'’-") not in content_words
            }
        else:
            found.update(f"case: {m.group(0)}" for m in NOMINATIVE_AFTER_VERB.finditer(text))
            foreign = {
                w
                for w in LATIN_WORD.findall(words)
                if w not in LATIN_ALLOWED
                and not (w.isupper() and len(w) <= 5)  # a code: UK, EN, URL
                and w not in ("uk", "en")  # the editions' codes
                and w.strip("'’-") not in content_words
            }
        if foreign:
            found.add(f"{'Cyrillic' if language == 'en' else 'Latin'}: {text[:120]}")
    return found


def _paths(room: Newsroom) -> Iterator[str]:
    for route in admin_routes():
        if SKIPPED.match(route.name.lstrip(":")):
            continue
        about_article = route.namespace == "wagtailsnippets_articles_article"
        seen: set[str] = set()
        for article in room.articles if about_article else room.articles[:1]:
            kwargs = route_kwargs(route, room.objects, room.image, article)
            if kwargs is None:
                continue
            try:
                path = route_path(route, kwargs)
            except ValueError:
                continue
            if path not in seen:
                seen.add(path)
                yield path
    # What the routes alone do not open: an edition's add form, a search, a filter, a role
    # and a custom group, an account's form and the accounts of a role.
    yield "/admin/snippets/articles/article/add/?locale=uk"
    for group in room.groups:
        yield f"/admin/groups/edit/{group}/"
        yield f"/admin/groups/delete/{group}/"
        yield f"/admin/users/?group={group}"
    yield f"/admin/users/edit/{room.users[roles.EDITORS, 'uk'].pk}/"
    yield "/admin/snippets/articles/article/?q=Фронт"
    yield "/admin/snippets/articles/article/?status=review"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_admin_page_speaks_the_editors_language_only(
    db, newsroom: Newsroom, language: str
) -> None:
    paths = list(_paths(newsroom))
    report: dict[str, set[str]] = {}
    checked = 0
    # The groups' forms, whose permission panels name every model and permission.
    group_forms = {"/admin/groups/new/", *(f"/admin/groups/edit/{g}/" for g in newsroom.groups)}
    with_permission_panels: set[str] = set()
    for role in ROLES:
        client = sign_in(Client(raise_request_exception=False), newsroom.users[role, language])
        for path in paths:
            if role == roles.EDITORS and not EDITORS_PAGES.match(path):
                continue
            response = client.get(path)
            html = _html(response) if response.status_code == 200 else None
            if html is None:
                continue
            checked += 1
            if (
                'id="object-permissions-section"' in html
                and 'id="page-permissions-section"' in html
            ):
                with_permission_panels.add(path)
            found = findings(html, language, newsroom.content_words)
            if found:
                report.setdefault(path, set()).update(found)
    lines = [f"{path}\n    " + "\n    ".join(sorted(found)) for path, found in report.items()]
    print(f"one language ({language}): {checked} pages read")
    print("\n".join(lines))
    assert report == {}, f"{len(report)} pages not in {language} alone (printed above)"
    assert checked > 100
    assert with_permission_panels == group_forms
