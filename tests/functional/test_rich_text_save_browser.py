"""The last words typed in a rich-text field are saved, however fast the editor saves.

Wagtail's rich-text editor (Draftail) writes its hidden field a quarter of a second after
the last key; an editor who types and saves at once (the Save shortcut, or a click) must
not lose the words of that quarter second. In Chromium, through the admin's own pages.
"""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from newsdesk.articles.models import Article
from newsdesk.testing import factories

from .test_browser import CHROMIUM, browser, open_page, sign_in_browser  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
EDIT = "wagtailsnippets_articles_article:edit"
BODY_EDITOR = '[data-contentpath="body"] [contenteditable="true"]'
SAVE = "footer button[type=submit]"


@pytest.fixture
def desk(browser, live_server):  # noqa: F811 - the fixture
    """A signed-in editor's tab with a draft article of one paragraph open for editing, the
    text cursor at the end of it; and the tab's console errors."""
    factories.restore_migrated_rows()
    editor = get_user_model().objects.create_superuser("desk", "desk@newsdesk.test", "x")
    article = factories.draft("en", "budget-vote", body=["The council met on Monday."])
    context, page, errors = open_page(browser, javascript=True)
    sign_in_browser(context, live_server.url, editor)
    page.goto(live_server.url + reverse(EDIT, args=[article.pk]))
    page.locator(BODY_EDITOR).first.click()
    page.keyboard.press("Control+End")
    yield page, article, errors
    # The saved form's page starts its own requests (its editing session): let them end
    # before the database is emptied under them.
    page.wait_for_load_state("networkidle")
    context.close()


def _csp_violations(errors: list[str]) -> list[str]:
    return [error for error in errors if "Content Security Policy" in error]


def _saved_body(article: Article) -> str:
    revision = Article.objects.get(pk=article.pk).latest_revision
    return json.dumps(revision.content["body"], ensure_ascii=False)


def test_the_save_shortcut_right_after_typing_keeps_the_last_words(desk):
    page, article, errors = desk

    page.keyboard.type(" Voting starts tomorrow")
    with page.expect_navigation():
        page.keyboard.press("Control+s")  # at once: well inside the editor's quarter second

    assert "Voting starts tomorrow" in _saved_body(article)
    assert _csp_violations(errors) == []  # the script is a file of the admin's own origin


def test_a_click_on_save_right_after_typing_keeps_the_last_words(desk):
    page, article, _errors = desk
    button = page.locator(SAVE).first.bounding_box()
    assert button is not None

    page.keyboard.type(" Turnout was low")
    with page.expect_navigation():
        page.mouse.click(button["x"] + button["width"] / 2, button["y"] + button["height"] / 2)

    assert "Turnout was low" in _saved_body(article)
