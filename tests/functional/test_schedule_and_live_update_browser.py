"""Two of the desk's small jobs, in Chromium: setting a publishing schedule (the date
picker must leave "Save schedule" clickable) and adding a live update from the live
article itself (the form comes with the article, the editor's byline and the focus in the
text)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from newsdesk.articles.models import Article
from newsdesk.live.models import LiveUpdate
from newsdesk.testing import factories

from .test_browser import CHROMIUM, browser, open_page, shot, sign_in_browser  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
EDIT = "wagtailsnippets_articles_article:edit"


@pytest.fixture
def desk(browser, live_server, request):  # noqa: F811 - the fixture
    """A signed-in editor's tab and its console errors (the live server's SQLite may answer
    a background request of the edit page with a 500 when tables are locked: the tests
    check what was saved) (English admin unless the test is marked with another
    language), the editor named as one of the authors."""
    factories.restore_migrated_rows()
    editor = get_user_model().objects.create_superuser(
        "desk", "desk@newsdesk.test", "x", first_name="Olena", last_name="Koval"
    )
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = getattr(request, "param", "en")
    profile.save()
    context, page, errors = open_page(browser, javascript=True)
    sign_in_browser(context, live_server.url, editor)
    yield page, errors
    context.close()


def test_save_schedule_is_clickable_after_picking_a_date(desk, live_server):
    page, _errors = desk
    article = factories.draft("en", "budget-vote", headline="Budget vote set")

    page.goto(live_server.url + reverse(EDIT, args=[article.pk]))
    page.locator('[data-side-panel-toggle="status"]').first.click()  # the status panel
    page.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]:visible').first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.locator('input[name="go_live_at"]').click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    picker.locator(".xdsoft_next").first.click()  # next month: in the future whatever the date
    picker.locator(".xdsoft_date:not(.xdsoft_disabled):not(.xdsoft_other_month)").first.click()
    save = dialog.get_by_role("button", name="Save schedule")
    shot(page, "schedule-dialog-after-picking-a-date")

    save.click(trial=True, timeout=3000)  # actionable: visible, enabled, not covered
    save.click()
    page.wait_for_load_state()

    assert dialog.locator('input[name="go_live_at"]').count() == 1
    revision = Article.objects.get(pk=article.pk).latest_revision
    assert revision.content["go_live_at"] is not None


def test_an_editor_adds_an_update_from_the_live_article(desk, live_server):
    page, _errors = desk
    article = factories.live_article("en")
    author = factories.author("en", "olena-koval", name="Olena Koval")

    page.goto(live_server.url + reverse(EDIT, args=[article.pk]))
    link = page.get_by_role("link", name="Add a live update")
    if not link.is_visible():  # the header's "more" menu
        page.locator("#w-slim-header-buttons [data-w-dropdown-target='toggle']").last.click()
    link.click()
    page.wait_for_load_state()
    page.wait_for_function(
        "document.activeElement && document.activeElement.isContentEditable"
        " && document.activeElement.closest('[data-contentpath=\"body\"]') !== null"
    )
    page.keyboard.type("Sirens have stopped in the city centre.")
    # The rich-text editor writes its field a quarter of a second after the last key.
    expect(page.locator("input[name='body-0-value']")).to_have_value(
        re.compile("Sirens have stopped")
    )
    shot(page, "live-update-from-the-article")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_load_state()

    update = LiveUpdate.objects.get()
    assert update.article_id == article.pk
    assert update.author_id == author.pk
    assert "Sirens have stopped in the city centre." in str(update.body)


@pytest.mark.parametrize("desk", ["uk"], indirect=True)
def test_the_ukrainian_desk_reads_ukrainian(desk, live_server):
    page, errors = desk
    article = factories.live_article("uk", headline="Обстріли Харкова: наживо")

    page.goto(live_server.url + reverse("wagtailsnippets_articles_article:list"))
    listing = page.locator("main").inner_text()
    shot(page, "uk-article-listing")
    page.goto(live_server.url + reverse(EDIT, args=[article.pk]))
    page.locator('[data-side-panel-toggle="status"]').first.click()
    shot(page, "uk-article-edit-status")
    form = page.locator("main").inner_text()

    assert page.locator("html").get_attribute("lang") == "uk"
    assert "Додати статтю" in listing
    for english in ("Editorial review", "Choose article", "Вибрати article", "a.m.", "p.m."):
        assert english not in listing + form
    assert errors == []
