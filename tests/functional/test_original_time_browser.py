"""An editor dates an archive article at its original first publication in the admin,
publishes it, and finds that date on its page and the article absent from today's feed."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from newsdesk.articles.models import Article
from newsdesk.site import presentation
from newsdesk.site.presentation import kyiv
from newsdesk.testing import factories

from .test_browser import CHROMIUM, browser, open_page, shot, sign_in_browser  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.dated,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


def test_an_editor_sets_a_past_date_publishes_and_sees_it_on_the_page_not_in_the_feed(
    browser,  # noqa: F811 - the fixture
    live_server,
):
    factories.restore_migrated_rows()
    editor = get_user_model().objects.create_superuser("desk", "desk@newsdesk.test", "secret-desk")
    fresh = factories.published("uk", "fresh-news", headline="Свіжа новина")
    draft = factories.draft("uk", "seed-story", headline="Насіннєвий фонд Харківщини")
    original = kyiv(timezone.now() - dt.timedelta(days=20)).replace(
        hour=9, minute=15, second=0, microsecond=0
    )

    context, page, errors = open_page(browser, javascript=True)
    try:
        # Signed in as after the admin's two steps (the second factor is its own test's).
        sign_in_browser(context, live_server.url, editor)
        edit = reverse("wagtailsnippets_articles_article:edit", args=[draft.pk])
        page.goto(f"{live_server.url}{edit}")
        page.locator("[role=tab]").nth(2).click()
        field = page.locator("#id_original_published_at")
        field.fill(original.strftime("%Y-%m-%d %H:%M"))
        field.press("Escape")
        toggle = page.locator("footer [data-w-dropdown-target='toggle']").first
        toggle.click()
        page.locator("button[name='action-publish']").click()
        page.wait_for_url("**/admin/snippets/articles/article/**")
        shot(page, "uk-admin-original-time-published")

        errors.clear()  # the admin's avatars are fetched from outside; the reader page is not
        page.goto(f"{live_server.url}{draft.get_url()}")
        with override("uk"):
            shown = presentation.moment(original)
        assert shown in page.locator("main").inner_text()
        shot(page, "uk-article-original-time")
    finally:
        context.close()

    published = Article.objects.get(pk=draft.pk)
    assert published.first_published_at == original
    feed = feedparser.parse(Client().get("/uk/news/rss.xml").content)
    links = [entry.link for entry in feed.entries]
    assert any(link.endswith(fresh.get_url()) for link in links)
    assert not any(link.endswith(draft.get_url()) for link in links)
    assert errors == [], "console errors on the article page"
