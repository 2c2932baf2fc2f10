"""An editor at the article form, in Chromium: tags by typing, no autosaved ghosts, the
preview in the side panel (decisions 0036 and 0037)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from newsdesk.articles.models import Article
from newsdesk.testing import factories

from .test_browser import CHROMIUM, browser, open_page, shot, sign_in_browser  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
EDIT = "wagtailsnippets_articles_article:edit"
ADD = "wagtailsnippets_articles_article:add"


@pytest.fixture
def desk(browser, live_server):  # noqa: F811 - the fixture
    """A signed-in editor's browser tab (English admin) and its console errors."""
    factories.restore_migrated_rows()
    editor = get_user_model().objects.create_superuser("desk", "desk@newsdesk.test", "x")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    context, page, errors = open_page(browser, javascript=True)
    sign_in_browser(context, live_server.url, editor)
    yield page, errors
    context.close()


def _article(**fields: Any) -> Article:
    return factories.draft(
        "uk",
        headline=fields.pop("headline", "Бюджет на 2027 рік ухвалено"),
        in_section=factories.section("uk"),
        authors=[factories.author("uk")],
        **fields,
    )


def test_typing_a_tag_adds_it_and_keeps_the_old_ones(desk, live_server):
    page, errors = desk
    budget = factories.tag("uk", "biudzhet", name="Бюджет")
    bank = factories.tag("uk", "natsionalnyi-bank", name="Національний банк")
    factories.tag("uk", "kharkiv", name="Харків")
    factories.tag("uk", "kherson", name="Херсон")
    article = _article()
    article.tags.set([budget, bank])
    article.save_revision()

    failed: list[str] = []
    page.on(
        "response",
        lambda r: failed.append(f"{r.request.method} {r.url}") if r.status >= 400 else None,
    )
    page.goto(f"{live_server.url}{reverse(EDIT, args=[article.pk])}")
    page.get_by_role("tab", name="Classification").click()
    box = page.locator("[data-nd-autocomplete] input[role=combobox]")
    box.click()
    box.press_sequentially("kh", delay=50)
    options = page.locator("[data-nd-autocomplete] [role=option]")
    options.first.wait_for()
    assert options.all_inner_texts()[:2] == ["Харків", "Херсон"]
    options.filter(has_text="Харків").click()

    chips = page.locator(".nd-autocomplete__chip span")
    assert chips.all_inner_texts() == ["Бюджет", "Національний банк", "Харків"]
    assert box.input_value() == ""
    shot(page, "desk-tags-typed")
    # The form comes back to its own address: wait for that navigation, not for the URL.
    with page.expect_navigation(url=f"**{reverse(EDIT, args=[article.pk])}"):
        page.get_by_role("button", name="Save draft").click()

    saved = Article.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert sorted(tag.name for tag in saved.tags.all()) == ["Бюджет", "Національний банк", "Харків"]
    # The admin asks outside hosts for avatars and release news, which may be unreachable;
    # Wagtail's own autosave of the edit form may race the Save click and be refused (400).
    edit_url = f"POST {live_server.url}{reverse(EDIT, args=[article.pk])}"
    assert [f for f in failed if f != edit_url] == []
    ours = [e for e in errors if "ERR_NAME_NOT_RESOLVED" not in e and "status of 400" not in e]
    assert ours == [], "console errors on the article form"


def test_the_side_panel_previews_the_article(desk, live_server):
    page, errors = desk
    article = _article(headline="Нічна атака на Харків")

    page.goto(f"{live_server.url}{reverse(EDIT, args=[article.pk])}")
    page.locator("[data-side-panel-toggle=preview]").click()
    frame = page.frame_locator("#w-preview-iframe")

    frame.get_by_text("Нічна атака на Харків").first.wait_for(timeout=15_000)
    shot(page, "desk-preview-panel")
    refused = [e for e in errors if "frame-ancestors" in e or "refused" in e.lower()]
    assert refused == []


def test_an_abandoned_add_form_leaves_no_ghost_and_no_numbered_address(desk, live_server):
    page, _errors = desk
    factories.section("uk")
    factories.author("uk")
    headline = "Пентагон заявив про нову допомогу"
    page.on("dialog", lambda dialog: dialog.accept())  # "leave with unsaved changes?"
    add = f"{live_server.url}{reverse(ADD)}?locale=uk"

    page.goto(add)
    fill_in(page, headline)
    page.get_by_role("tab", name="Content").click()
    page.locator("#id_lead").press_sequentially("Перша чернетка, яку редактор покинув.")
    page.wait_for_timeout(3_000)  # six of Wagtail's autosave intervals
    page.goto(f"{live_server.url}/admin/")
    assert not Article.objects.exists(), "the abandoned form saved an article"

    page.goto(add)
    fill_in(page, headline)
    page.locator("footer button:has(svg.icon-arrow-up)").first.click()
    page.locator("footer button[name=action-publish]").click()
    page.wait_for_url("**/admin/snippets/articles/article/?locale=uk")
    shot(page, "desk-published-once")

    assert list(Article.objects.values_list("slug", "live")) == [
        ("pentahon-zaiavyv-pro-novu-dopomohu", True)
    ]


def fill_in(page, headline: str) -> None:
    """Headline, section and byline: what the Add form needs to save."""
    page.locator("#id_headline").fill(headline)
    page.get_by_role("tab", name="Classification").click()
    page.locator("#id_section").select_option(label="Війна")
    # By its icon: the chooser's label is not in the admin's language yet.
    page.locator("button[class*=choose-button]:has(svg.icon-user)").first.click()
    page.locator(".modal").get_by_role("link", name="Олена Коваль").click()
    page.locator(".modal").wait_for(state="hidden")
