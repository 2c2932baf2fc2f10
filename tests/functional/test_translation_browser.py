"""An editor pairs two articles written apart, in Chromium, through the edit page's header
and the snippet chooser; both reader pages then name each other as ``hreflang``."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from newsdesk.articles.models import Article
from newsdesk.testing import factories

from .test_browser import CHROMIUM, browser, open_page, shot, sign_in_browser  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


def _logged_in(chromium, live_server):
    editor = get_user_model().objects.create_superuser("desk", "desk@newsdesk.test", "x")
    context, page, _errors = open_page(chromium, javascript=True)
    sign_in_browser(context, live_server.url, editor)
    return context, page


def test_translate_from_the_edit_page_points_read_also_at_the_twin(
    browser,  # noqa: F811 - the fixture
    live_server,
):
    factories.restore_migrated_rows()
    section = factories.section("uk")
    section_en = factories.section("en", translation_key=section.translation_key)
    author = factories.author("uk")
    factories.author("en", translation_key=author.translation_key)
    earlier = factories.published("uk", "drones", headline="Дрони над Києвом")
    twin = factories.published(
        "en", "drones", in_section=section_en, translation_key=earlier.translation_key
    )
    lonely = factories.published("uk", "bridge", headline="Міст над Дніпром")
    source = factories.published(
        "uk",
        "kharkiv",
        blocks=[
            {"type": "read_also", "value": {"article": earlier.pk}},
            {"type": "read_also", "value": {"article": lonely.pk}},
        ],
    )
    context, page = _logged_in(browser, live_server)
    try:
        edit = reverse("wagtailsnippets_articles_article:edit", args=[source.pk])
        page.goto(f"{live_server.url}{edit}")
        page.locator("header [data-w-dropdown-target=toggle]").last.click()
        page.locator(f'a[href$="/submit/snippet/articles/article/{source.pk}/"]').click()
        page.get_by_label("English").check()
        page.locator("main form input[type=submit]").click()
        page.wait_for_selector("[data-other-edition-links]")
        shot(page, "admin-translated")

        copy = Article.objects.get(locale__language_code="en", slug="kharkiv")
        assert page.url.endswith(f"/edit/{copy.pk}/")
        chosen = [block.value["article"].pk for block in copy.body]
        assert chosen == [twin.pk, lonely.pk]
        assert "Міст над Дніпром" in page.locator("[data-other-edition-links]").inner_text()
    finally:
        context.close()


def test_an_editor_pairs_two_articles_and_both_pages_name_each_other(
    browser,  # noqa: F811 - the fixture
    live_server,
):
    factories.restore_migrated_rows()
    uk = factories.published("uk", "drones", headline="Дрони над Києвом")
    en = factories.published("en", "kyiv-drones", headline="Drones over Kyiv at night")
    editor = get_user_model().objects.create_superuser("desk", "desk@newsdesk.test", "x")
    context, page, _errors = open_page(browser, javascript=True)
    sign_in_browser(context, live_server.url, editor)
    try:
        page.goto(
            f"{live_server.url}{reverse('wagtailsnippets_articles_article:edit', args=[uk.pk])}"
        )
        # The header's "more" menu holds Translate and Pair.
        page.locator("header [data-w-dropdown-target=toggle]").last.click()
        page.locator(f'a[href$="/pair/{uk.pk}/"]').click()
        # The chooser holds "Choose" and, for a chosen article, "Replace": whichever shows.
        page.locator("[data-chooser-action-choose]:visible").first.click()
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
