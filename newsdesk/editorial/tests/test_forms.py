"""Bad input in the article admin: a clear message, and nothing saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Revision

from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.testing.factories import sign_in

from .payloads import article_payload

ADD = "wagtailsnippets_articles_article:add"
EDIT = "wagtailsnippets_articles_article:edit"


def add_url(edition: str = "uk") -> str:
    return f"{reverse(ADD)}?locale={edition}"


def snapshot(article: Article) -> tuple[Any, ...]:
    article.refresh_from_db()
    return (
        article.headline,
        article.slug,
        article.section_id,
        article.labels,
        article.go_live_at,
        list(Revision.objects.for_instance(article).values_list("pk", "content")),
    )


MESSAGES = {
    "duplicate slug": "Another article in this edition already uses this slug.",
    "no headline": "This field is required.",
    "section of the other edition": "This section belongs to the other edition.",
    "publication time in the past": "(Kyiv time) is in the past.",
    "unknown label": "Unknown label: breaking.",
}


def bad_payload(case: str, *, war, war_en, reporter, article=None) -> dict[str, Any]:
    an_hour_ago = timezone.localtime(timezone.now() - dt.timedelta(hours=1))
    fields: dict[str, Any] = {
        "duplicate slug": {"slug": "taken"},
        "no headline": {"headline": ""},
        "section of the other edition": {"section": war_en},
        "publication time in the past": {"go_live_at": an_hour_ago.strftime("%Y-%m-%d %H:%M")},
        "unknown label": {"labels": ["opinion", "breaking"]},
    }[case]
    return article_payload(**{"section": war, "authors": [reporter], "article": article, **fields})


@pytest.fixture
def taken(make_article, war) -> Article:
    return make_article(war, headline="Інша стаття", slug="taken")


@pytest.mark.parametrize("action", [None, "publish"])
@pytest.mark.parametrize("case", MESSAGES)
def test_bad_new_article_is_not_saved(
    client, editor, taken, war, war_en, reporter, case: str, action: str | None
) -> None:
    payload = bad_payload(case, war=war, war_en=war_en, reporter=reporter)
    if action:
        payload[f"action-{action}"] = action
    articles, revisions = Article.objects.count(), Revision.objects.count()
    sign_in(client, editor)

    response = client.post(add_url(), payload)

    assert response.status_code == 200
    assert MESSAGES[case] in response.content.decode()
    assert "The article could not be created due to errors." in response.content.decode()
    assert (Article.objects.count(), Revision.objects.count()) == (articles, revisions)


@pytest.mark.parametrize("case", MESSAGES)
def test_bad_edit_leaves_article_and_revisions_unchanged(
    client, editor, taken, make_article, war, war_en, reporter, case: str
) -> None:
    article = make_article(war, headline="Перша версія", slug="first", live=True)
    payload = bad_payload(case, war=war, war_en=war_en, reporter=reporter, article=article)
    before = snapshot(article)
    sign_in(client, editor)

    response = client.post(reverse(EDIT, args=[article.pk]), {**payload, "action-publish": "1"})

    assert response.status_code == 200
    assert MESSAGES[case] in response.content.decode()
    assert snapshot(article) == before


def test_duplicate_slug_error_is_shown_on_the_slug_field(
    client, editor, make_article, war, reporter
) -> None:
    make_article(war, slug="taken")
    sign_in(client, editor)

    payload = article_payload(section=war, authors=[reporter], slug="taken")

    response = client.post(add_url(), payload)

    form = response.context["form"]
    # The messages are lazy: read them in the editor's language, as the page showed them.
    with translation.override("en"):
        assert form.errors["slug"] == ["Another article in this edition already uses this slug."]


def test_same_slug_in_the_other_edition_is_fine(
    client, editor, make_article, war, war_en, reporter, reporter_en
) -> None:
    make_article(war, slug="kharkiv")
    sign_in(client, editor)

    response = client.post(
        add_url("en"),
        article_payload(section=war_en, authors=[reporter_en], headline="Kharkiv", slug="kharkiv"),
    )

    assert response.status_code == 302
    assert Article.objects.filter(locale__language_code="en", slug="kharkiv").exists()


def test_empty_slug_is_made_from_the_ukrainian_headline(
    client, editor, make_article, war, reporter
) -> None:
    make_article(war, slug="kyiv-pid-obstrilom")
    sign_in(client, editor)

    response = client.post(
        add_url(), article_payload(section=war, authors=[reporter], headline="Київ під обстрілом")
    )

    assert response.status_code == 302
    assert Article.objects.get(headline="Київ під обстрілом").slug == "kyiv-pid-obstrilom-2"


def test_section_choices_are_the_articles_edition(client, editor, war, politics, war_en) -> None:
    sign_in(client, editor)

    uk_choices = client.get(add_url("uk")).context["form"].fields["section"].queryset
    en_choices = client.get(add_url("en")).context["form"].fields["section"].queryset

    assert set(uk_choices) == {war, politics}
    assert set(en_choices) == {war_en}


def test_author_of_the_other_edition_is_rejected(client, editor, war, reporter_en) -> None:
    sign_in(client, editor)

    response = client.post(add_url(), article_payload(section=war, authors=[reporter_en]))

    assert "This author belongs to the other edition." in response.content.decode()
    assert not Article.objects.exists()


def test_an_old_address_of_another_article_is_not_reused(
    client, editor, make_article, war, reporter
) -> None:
    renamed = make_article(war, headline="Обстріл", slug="old-address", live=True)
    renamed.slug = "new-address"
    actions.publish(article=renamed)
    sign_in(client, editor)

    payload = article_payload(section=war, authors=[reporter], slug="old-address")

    response = client.post(add_url(), payload)

    page = response.content.decode()
    assert "Another article of this edition was published at this address." in page
    assert Article.objects.count() == 1


def test_a_past_publication_time_already_stored_does_not_block_an_edit(
    client, editor, make_article, war, reporter
) -> None:
    article = make_article(war, headline="Обстріл", slug="shelling", live=True)
    went_out = timezone.now().replace(second=42) - dt.timedelta(days=1)
    article.go_live_at = went_out
    actions.publish(article=article)
    sign_in(client, editor)
    shown = timezone.localtime(went_out).strftime("%Y-%m-%d %H:%M")

    response = client.post(
        reverse(EDIT, args=[article.pk]),
        article_payload(
            section=war,
            authors=[reporter],
            article=article,
            slug="shelling",
            headline="Обстріл: уточнення",
            go_live_at=shown,
            action="publish",
        ),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "Обстріл: уточнення"
