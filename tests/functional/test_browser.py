"""Readers in a real browser: Debian's Chromium driven by Playwright.

Home, an article and "More news" in both editions, with and without JavaScript; every
page is screenshotted into test-artifacts/screenshots and must log no console error (a
Content-Security-Policy violation is one).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the live server's database
    # work runs in its own thread, and the test's own queries are plain synchronous ones.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def open_page(browser, javascript: bool):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    # Wagtail's edit pages release their editing session with a beacon as they close; sent
    # while the test's database is being torn down, it would break the next tests' shared
    # connection. The browser gets its answer here instead (nothing reads it).
    context.route(
        "**/admin/editing-sessions/release/**",
        lambda route: route.fulfill(status=200, body="", content_type="text/plain"),
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return context, page, errors


def sign_in_browser(context, base_url: str, user) -> None:
    """Sign the browser ``context`` in as ``user`` at ``base_url``: a session made as after the
    admin's two steps (``factories.sign_in``), its cookie handed to the browser."""
    from django.conf import settings
    from django.test import Client

    from newsdesk.testing.factories import sign_in

    session = sign_in(Client(), user).cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}])


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def test_home_article_and_more_news_in_both_editions_with_and_without_javascript(
    browser, live_server, demo_content
):
    # One load of demo content for all four runs: a transactional test empties the
    # database afterwards, so loading it per run would cost four times as much.
    demo_content(articles=90)
    for edition in ("uk", "en"):
        for javascript in (True, False):
            reader_session(browser, live_server.url, edition, javascript)


def reader_session(browser, base_url: str, edition: str, javascript: bool) -> None:
    context, page, errors = open_page(browser, javascript)
    mode = "js" if javascript else "nojs"
    try:
        page.goto(f"{base_url}/{edition}/")
        assert page.locator("html").get_attribute("lang") == edition
        assert page.locator(".feed-item").count() > 0
        shot(page, f"{edition}-home-{mode}")

        page.locator(".feed-link").first.click()
        page.wait_for_load_state()
        assert f"/{edition}/news/" in page.url
        assert page.locator("h1").inner_text().strip()
        shot(page, f"{edition}-article-{mode}")

        page.goto(f"{base_url}/{edition}/news/")
        before = page.locator(".feed-item").count()
        first_url = page.url
        page.locator("a[data-feed-more]").click()
        if javascript:
            # A locator, not wait_for_function: the page's CSP forbids the eval that needs.
            page.locator(".feed-item").nth(before).wait_for()
            assert page.url == first_url, "with JavaScript the next slice is appended in place"
            assert page.locator(".feed-item").count() > before
        else:
            page.wait_for_load_state()
            assert "after=" in page.url, "without JavaScript the link opens the next page"
            assert page.locator(".feed-item").count() > 0
        shot(page, f"{edition}-more-news-{mode}")
    finally:
        context.close()
    assert errors == [], f"console errors in {edition} ({mode})"
