"""Publishing from the admin reaches the publishing handlers (update log, Updated label)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from newsdesk.articles import labels
from newsdesk.articles.models import Article, Byline, UpdateLogEntry
from newsdesk.people.models import Author
from newsdesk.testing.factories import sign_in

from .payloads import article_payload

ADD = "wagtailsnippets_articles_article:add"
EDIT = "wagtailsnippets_articles_article:edit"


def test_create_and_publish_makes_the_article_live(client, editor, war, reporter) -> None:
    sign_in(client, editor)

    response = client.post(
        f"{reverse(ADD)}?locale=uk",
        article_payload(
            section=war, authors=[reporter], labels=[labels.EXCLUSIVE], action="publish"
        ),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.live
    assert article.first_published_at is not None
    assert article.locale.language_code == "uk"
    assert article.slug == "obstril-kharkova-shcho-vidomo"
    assert article.labels == [labels.EXCLUSIVE]
    assert [b.author for b in article.bylines.all()] == [reporter]
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_bylines_published_from_the_form_reach_the_authors_listings(
    client, editor, make_article, war, reporter
) -> None:
    """The author's listing reads the bylines' own copy of the time (decision 0069): the
    admin's Publish dates a new author's byline and drops a removed one's."""
    article = make_article(war, live=True)
    other = Author.objects.create(locale=war.locale, name="Іван Бондар", slug="ivan-bondar")
    sign_in(client, editor)
    payload = article_payload(section=war, authors=[other], article=article, action="publish")

    response = client.post(reverse(EDIT, args=[article.pk]), payload)

    assert response.status_code == 302, response.content.decode()[-3000:]
    listing = Article.objects.published().in_edition("uk")
    assert list(listing.by_author(other)) == [article]
    assert list(listing.by_author(reporter)) == []
    assert Byline.objects.get(article=article).published_at == article.first_published_at


def test_publishing_a_change_with_a_note_logs_an_update_and_without_one_does_not(
    client, editor, make_article, war, reporter
) -> None:
    article = make_article(war, headline="Обстріл Харкова", live=True)
    sign_in(client, editor)
    edit_url = reverse(EDIT, args=[article.pk])

    client.post(
        edit_url,
        article_payload(
            section=war,
            authors=[reporter],
            article=article,
            headline="Обстріл Харкова: троє загиблих",
            update_note="Уточнено кількість загиблих.",
            action="publish",
        ),
    )
    client.post(
        edit_url,
        article_payload(
            section=war,
            authors=[reporter],
            article=article,
            headline="Обстріл Харкова: троє загиблих.",
            action="publish",
        ),
    )

    article.refresh_from_db()
    assert article.headline == "Обстріл Харкова: троє загиблих."
    assert list(UpdateLogEntry.objects.filter(article=article).values_list("text", flat=True)) == [
        "Уточнено кількість загиблих."
    ]
    assert article.updated_at is not None
    assert article.update_note == ""
    assert labels.NAMES[labels.UPDATED] in article.label_names


@pytest.mark.dated
def test_a_future_publication_time_schedules_the_article(client, editor, war, reporter) -> None:
    tomorrow = timezone.localtime(timezone.now() + dt.timedelta(days=1))
    sign_in(client, editor)

    response = client.post(
        f"{reverse(ADD)}?locale=uk",
        article_payload(
            section=war,
            authors=[reporter],
            go_live_at=tomorrow.strftime("%Y-%m-%d %H:%M"),
            action="publish",
        ),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert not article.live
    assert article.latest_revision.approved_go_live_at is not None
