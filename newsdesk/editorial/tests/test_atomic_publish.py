"""The admin's Publish is one transaction through the write path (decision 0033)."""

from __future__ import annotations

from unittest import mock

import pytest
from django.urls import reverse
from wagtail.actions import publish_revision as wagtail_publish

from newsdesk.articles.models import Article, PublishedSlug
from newsdesk.publishing.models import OutboxEntry
from newsdesk.testing.factories import sign_in

from .payloads import article_payload

ADD = "wagtailsnippets_articles_article:add"
EDIT = "wagtailsnippets_articles_article:edit"


class Killed(Exception):
    """Stands for the process dying between two writes of a publish."""


def dying_log(*args, **kwargs):
    if kwargs.get("action") == "wagtail.publish":
        raise Killed


def test_a_publish_that_dies_before_its_audit_entry_leaves_nothing_public(
    client, editor, war, reporter
):
    sign_in(client, editor)
    with mock.patch.object(wagtail_publish, "log", dying_log), pytest.raises(Killed):
        client.post(
            f"{reverse(ADD)}?locale=uk",
            article_payload(section=war, authors=[reporter], action="publish"),
        )

    # Not half-written: no public article without its audit entry, slug history and
    # outbox row. Wagtail alone would have left it live.
    assert not Article.objects.filter(live=True).exists()
    assert not PublishedSlug.objects.exists()
    assert not OutboxEntry.objects.exists()


def test_a_change_published_from_the_admin_dies_whole(client, editor, make_article, war, reporter):
    article = make_article(war, headline="Обстріл Харкова", live=True)
    sign_in(client, editor)
    with mock.patch.object(wagtail_publish, "log", dying_log), pytest.raises(Killed):
        client.post(
            reverse(EDIT, args=[article.pk]),
            article_payload(
                section=war,
                authors=[reporter],
                article=article,
                headline="Обстріл Харкова: троє загиблих",
                action="publish",
            ),
        )

    article.refresh_from_db()
    assert article.headline == "Обстріл Харкова"
    assert article.latest_revision == article.live_revision  # the save went with it


def test_the_admin_publish_goes_through_the_write_path(client, editor, war, reporter):
    sign_in(client, editor)
    with mock.patch(
        "newsdesk.editorial.atomic_publish.actions.publish_revision",
        wraps=__import__("newsdesk.publishing.actions", fromlist=["x"]).publish_revision,
    ) as write_path:
        response = client.post(
            f"{reverse(ADD)}?locale=uk",
            article_payload(section=war, authors=[reporter], action="publish"),
        )
    assert response.status_code == 302
    assert write_path.call_count == 1
    article = Article.objects.get()
    assert article.live
    assert OutboxEntry.objects.filter(object_id=article.pk, verb="publish").exists()
