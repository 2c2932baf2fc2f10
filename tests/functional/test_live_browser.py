"""A reader with a live article open sees an update published from the admin, without
reloading: Chromium polls, shows "1 new update", and a click inserts the update."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from newsdesk.articles.models import LIVE, Article
from newsdesk.live.models import POLL_CACHE_KEY, LiveUpdate
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

from .test_browser import CHROMIUM, browser, open_page, shot  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
NEW_TEXT = "Trams are running again on the left bank."


@pytest.fixture(autouse=True)
def poll_interval_uncached():
    """The poll interval is cached across requests (and, on Redis, across test runs)."""
    cache.delete(POLL_CACHE_KEY)
    yield
    cache.delete(POLL_CACHE_KEY)


def _publish_from_the_admin(article: Article) -> None:
    editor = get_user_model().objects.create_superuser("desk", "desk@newsdesk.test", "x")
    admin = Client()
    sign_in(admin, editor)
    author = article.bylines.first().author
    data = nested_form_data(
        {
            "article": article.pk,
            "title": "Public transport back",
            "body": streamfield([("paragraph", rich_text(f"<p>{NEW_TEXT}</p>"))]),
            "author": author.pk,
            "correction": "",
        }
    )
    response = admin.post(reverse("wagtailsnippets_live_liveupdate:add"), data)
    assert response.status_code == 302, response.content.decode()[-2000:]


@override_settings(NEWSDESK_LIVE_POLL_SECONDS=1)
def test_an_update_published_in_the_admin_appears_in_an_open_page_without_reload(
    browser,  # noqa: F811 - the fixture
    live_server,
    demo_content,
):
    factories.restore_migrated_rows()
    demo_content(articles=4)
    article = Article.objects.get(locale__language_code="en", coverage=LIVE)
    before = LiveUpdate.objects.filter(article=article).count()
    context, page, errors = open_page(browser, javascript=True)
    try:
        page.goto(f"{live_server.url}{article.get_url()}")
        assert page.locator("[data-live-update]").count() == before
        page.evaluate("window.sameDocument = true")
        assert page.locator("[data-live-show]").is_hidden()

        _publish_from_the_admin(article)

        notice = page.locator("[data-live-show]")
        notice.wait_for(state="visible", timeout=15_000)
        assert notice.inner_text().strip() == "1 new update"
        assert page.get_by_text(NEW_TEXT).count() == 0, "nothing moves until the reader asks"
        shot(page, "en-live-notice")

        notice.click()
        page.get_by_text(NEW_TEXT).wait_for(timeout=5_000)
        first = page.locator("[data-live-list] [data-live-update]").first
        assert NEW_TEXT in first.inner_text()
        assert page.locator("[data-live-update]").count() == before + 1
        assert notice.is_hidden()
        assert page.evaluate("window.sameDocument") is True, "the page was not reloaded"
        assert page.url.endswith(article.get_url()), "no reload, no navigation"
        shot(page, "en-live-inserted")
    finally:
        context.close()
    assert errors == [], "console errors on the live page"
