"""Review notifications without a mail transport: the submission goes through, each
message Wagtail would send is dropped with one warning line, and nothing is logged with a
traceback (production's settings without EMAIL_URL)."""

from __future__ import annotations

import logging

from django.urls import reverse

from newsdesk.accounts.mail import UNCONFIGURED
from newsdesk.articles.models import Article
from newsdesk.testing.factories import sign_in

from .payloads import article_payload


def url(name: str, *args: object) -> str:
    return reverse(f"wagtailsnippets_articles_article:{name}", args=args)


def test_a_submission_for_review_logs_no_traceback_without_mail(
    client, contributor, editor, war, reporter, caplog, settings
) -> None:
    settings.EMAIL_BACKEND = UNCONFIGURED  # what production runs without EMAIL_URL
    sign_in(client, contributor)
    client.post(f"{url('add')}?locale=uk", article_payload(section=war, authors=[reporter]))
    article = Article.objects.get()
    edit = article_payload(section=war, authors=[reporter], article=article)

    with caplog.at_level(logging.DEBUG):
        response = client.post(url("edit", article.pk), {**edit, "action-submit": "1"})

    article.refresh_from_db()
    assert response.status_code == 302
    assert article.workflow_in_progress
    dropped = [r for r in caplog.records if r.name == "newsdesk.mail"]
    assert dropped, "the reviewers' notification reached the mail backend"
    assert all(r.levelno == logging.WARNING for r in dropped)
    assert [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR] == []
