"""Reconciliation finds a half-written publish and repairs it (decision 0033)."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from newsdesk.articles.models import PublishedSlug
from newsdesk.publishing import actions
from newsdesk.publishing.models import OutboxEntry
from newsdesk.publishing.reconcile import RECONCILED_ACTION
from newsdesk.search.backends import get_backend
from newsdesk.search.index import remove_articles
from newsdesk.syndication.models import ArchiveMonth
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db


def run(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("reconcile", *args, stdout=out)
    return out.getvalue().splitlines()


def test_reconcile_repairs_a_deliberately_broken_article(django_capture_on_commit_callbacks):
    publisher = get_user_model().objects.create_superuser(username="desk", password="x")
    article = factories.article("uk", "grid-repairs")
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article, user=publisher)
    whole = factories.published("uk", "untouched", capture=django_capture_on_commit_callbacks)
    # What a publish killed half-way (before the outbox) left behind.
    ModelLogEntry.objects.for_instance(article).filter(action="wagtail.publish").delete()
    PublishedSlug.objects.filter(article=article).delete()
    remove_articles([article.pk])
    ArchiveMonth.objects.all().delete()

    assert run("--dry-run") == [
        f"audit: article {article.pk}",
        f"slug: article {article.pk}",
        "archive: uk 2026-06",
        f"search: article {article.pk} not indexed",
        "found 4",
    ]
    assert not PublishedSlug.objects.filter(article=article).exists()  # a dry run

    assert run()[-1] == "repaired 4"

    entry = ModelLogEntry.objects.for_instance(article).get(action=RECONCILED_ACTION)
    assert entry.user == publisher  # who saved the published revision
    assert entry.revision_id == article.live_revision_id
    assert PublishedSlug.objects.filter(article=article, slug="grid-repairs").exists()
    assert {article.pk, whole.pk} <= set(get_backend().indexed_ids())
    assert ArchiveMonth.objects.get(edition="uk").articles == 2
    assert run("--dry-run") == ["found 0"]


def test_reconcile_removes_the_search_document_of_an_unpublished_article(
    django_capture_on_commit_callbacks,
):
    article = factories.published("uk", "grid-repairs", capture=django_capture_on_commit_callbacks)
    actions.unpublish(article=article)
    OutboxEntry.objects.all().delete()  # as if unpublished before there was an outbox

    assert run() == [
        "archive: uk 2026-06",
        f"search: article {article.pk} indexed but not published",
        "repaired 2",
    ]
    assert article.pk not in set(get_backend().indexed_ids())
    assert not ArchiveMonth.objects.exists()


def test_reconcile_first_delivers_what_the_outbox_holds(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        article = factories.published("uk", "grid-repairs")

    assert run() == ["outbox: delivered 1", "repaired 1"]
    assert article.pk in set(get_backend().indexed_ids())
    assert run("--dry-run") == ["found 0"]
