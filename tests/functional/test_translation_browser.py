"""An editor pairs two articles written apart, in Chromium, through the edit page's header
and the snippet chooser; both reader pages then name each other as ``hreflang``."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, Locale

from newsdesk.editions import EDITIONS
from newsdesk.testing import factories

from .test_browser import CHROMIUM, browser, open_page, shot  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


def _restore_migrated_rows() -> None:
    for code in EDITIONS:
        Locale.objects.get_or_create(language_code=code)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


def test_an_editor_pairs_two_articles_and_both_pages_name_each_other(
    browser,  # noqa: F811 - the fixture
    live_server,
):
    _restore_migrated_rows()
    uk = factories.published("uk", "drones", headline="Дрони над Києвом")
    en = factories.published("en", "kyiv-drones", headline="Drones over Kyiv at night")
    editor = get_user_model().objects.create_superuser("desk", "desk@newsdesk.test", "x")
    admin = Client()
    admin.force_login(editor)
    context, page, _errors = open_page(browser, javascript=True)
    host = urlsplit(live_server.url).hostname
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": admin.cookies[settings.SESSION_COOKIE_NAME].value,
                "domain": host,
                "path": "/",
            }
        ]
    )
    try:
        page.goto(
            f"{live_server.url}{reverse('wagtailsnippets_articles_article:edit', args=[uk.pk])}"
        )
        # The header's "more" menu holds Translate and Pair.
        page.locator("header [data-w-dropdown-target=toggle]").last.click()
        page.locator(f'a[href$="/pair/{uk.pk}/"]').click()
        page.locator("[data-chooser-action-choose]").click()
        page.locator("a[data-chooser-modal-choice]", has_text="Drones over Kyiv at night").click()
        page.locator("main form button[type=submit].button").click()
        page.wait_for_url(f"**/edit/{uk.pk}/")
        shot(page, "admin-paired")

        page.goto(f"{live_server.url}{uk.get_url()}")
        assert (
            page.locator("link[rel=alternate][hreflang=en]")
            .get_attribute("href")
            .endswith(en.get_url())
        )
        page.goto(f"{live_server.url}{en.get_url()}")
        assert (
            page.locator("link[rel=alternate][hreflang=uk]")
            .get_attribute("href")
            .endswith(uk.get_url())
        )
    finally:
        context.close()
