"""The editors' admin under its Content-Security-Policy, in Debian's Chromium: the
dashboard, the articles' listing and an article's edit form load, Wagtail's scripts run,
and the browser reports no violation of the policy and no console error."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from newsdesk.site.middleware import ADMIN_CONTENT_SECURITY_POLICY
from newsdesk.testing import factories

from .test_browser import CHROMIUM, browser, open_page, shot, sign_in_browser  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]

# Reported by the page itself, so a violation that logs nothing still counts.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def test_the_admin_works_under_its_content_security_policy(
    browser,  # noqa: F811 - the fixture
    live_server,
):
    factories.restore_migrated_rows()
    article = factories.published("en", "grid-repairs", headline="Grid repairs in Kharkiv")
    editor = get_user_model().objects.create_superuser("chief", "chief@example.com", "x" * 16)
    context, page, errors = open_page(browser, javascript=True)
    try:
        sign_in_browser(context, live_server.url, editor)
        context.add_init_script(WATCH_VIOLATIONS)
        edit = reverse("wagtailsnippets_articles_article:edit", args=[article.pk])
        for path, name in [
            ("/admin/", "admin-dashboard"),
            (reverse("wagtailsnippets_articles_article:list"), "admin-articles"),
            (edit, "admin-article-edit"),
        ]:
            response = page.goto(live_server.url + path)
            assert response is not None and response.status == 200, path
            assert response.headers["content-security-policy"] == ADMIN_CONTENT_SECURITY_POLICY
            page.wait_for_load_state("networkidle")
            shot(page, name)
            assert page.evaluate("window.__violations") == [], path
        # The form is alive: Wagtail's scripts run its tabs.
        second_tab = page.locator("[role='tab']").nth(1)
        second_tab.click()
        assert second_tab.get_attribute("aria-selected") == "true"
        assert page.evaluate("window.__violations") == []
    finally:
        context.close()
    assert errors == [], "console errors in the admin"
