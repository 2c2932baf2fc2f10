"""Keeps the archive summary of the sitemap index in step with publishing."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from newsdesk.articles.models import Article
from newsdesk.publishing.events import content_changed, content_loaded
from newsdesk.publishing.reconcile import Finding, reconciling

from . import archive


@receiver(content_changed, dispatch_uid="syndication.archive_month")
def recount_month(sender: Any, instance: Any, verb: str, **kwargs: Any) -> None:
    """Publish, update, unpublish and expire all change one month of one edition: the
    month the article was first published in (that time never moves once set)."""
    if not isinstance(instance, Article) or instance.first_published_at is None:
        return
    archive.refresh_month(instance.locale.language_code, instance.first_published_at)


@receiver(content_loaded, dispatch_uid="syndication.archive_months_loaded")
def recount_months(sender: Any, ids: list[int], **kwargs: Any) -> None:
    """Articles written in bulk: each month they fall in is recounted once."""
    if sender is not Article:
        return
    for edition, moment in archive.months_of(ids):
        archive.refresh_month(edition, moment)


@receiver(reconciling, dispatch_uid="syndication.reconcile")
def reconcile_months(sender: Any, repair: bool, **kwargs: Any) -> list[Finding]:
    """Archive months whose count or last change differs from the articles'."""
    found = [Finding("archive", month) for month in archive.out_of_step()]
    if repair and found:
        archive.rebuild()
    return found
