"""The admin pages render: article tabs, the Newsroom menu, fronts of one edition."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from newsdesk.articles.models import Article
from newsdesk.fronts.models import Front
from newsdesk.testing.factories import sign_in

from .payloads import article_payload


def test_the_article_editor_has_content_classification_and_publishing_tabs(
    client, editor, make_article, war
) -> None:
    article = make_article(war, headline="Обстріл Харкова", live=True)
    winter_evening = dt.datetime(2025, 2, 12, 20, 0, tzinfo=dt.UTC)
    Article.objects.filter(pk=article.pk).update(first_published_at=winter_evening)
    sign_in(client, editor)

    response = client.get(reverse("wagtailsnippets_articles_article:edit", args=[article.pk]))

    page = response.content.decode()
    tabs = WagtailTestUtils.get_soup(response.content).select("[role=tab]")
    assert [tab.get_text(strip=True).removesuffix("()") for tab in tabs] == [
        "Content",
        "Classification",
        "Publishing",
    ]
    assert "Leave empty for a typo fix." in page  # the update note's help text
    assert "Submit to Editorial review" in page
    assert "12 February 2025, 22:00" in page  # first published, read-only, Kyiv time


def test_the_newsroom_menu_groups_the_snippets(client, editor) -> None:
    sign_in(client, editor)

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    for label in ("Newsroom", "Articles", "Sections", "Tags", "Authors", "Front pages"):
        assert label in page


def test_a_front_takes_top_stories_of_its_own_edition_only(
    client, editor, make_article, war, war_en, uk
) -> None:
    ours = make_article(war, headline="Головне за добу", live=True)
    theirs = make_article(war_en, headline="Top story", live=True)
    sign_in(client, editor)

    def submit(*articles):
        return client.post(
            f"{reverse('wagtailsnippets_fronts_front:add')}?locale=uk",
            nested_form_data(
                {
                    "title": "Головна",
                    "items": inline_formset([{"article": a.pk, "id": ""} for a in articles]),
                }
            ),
        )

    rejected = submit(ours, theirs)
    accepted = submit(ours)

    assert "This article belongs to the other edition." in rejected.content.decode()
    assert accepted.status_code == 302
    front = Front.objects.get()
    assert front.locale == uk
    assert [item.article for item in front.items.all()] == [ours]


def test_copy_shows_a_form_for_the_add_view_and_never_saves_over_the_original(
    client, editor, make_article, war, reporter
) -> None:
    original = make_article(war, headline="Оригінал", slug="original", live=True)
    copy_url = reverse("wagtailsnippets_articles_article:copy", args=[original.pk])
    sign_in(client, editor)

    form = client.get(copy_url)
    posted = client.post(
        copy_url, article_payload(section=war, authors=[reporter], headline="Копія")
    )

    assert form.status_code == 200
    assert form.context["action_url"].startswith(reverse("wagtailsnippets_articles_article:add"))
    assert posted.status_code == 405
    original.refresh_from_db()
    assert (original.headline, original.live) == ("Оригінал", True)
