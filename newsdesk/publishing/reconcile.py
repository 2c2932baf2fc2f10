"""Find and repair what a publish left undone: a live article without the audit entry of
its publication, without its slug history, without its search document, or an archive
month out of step (decision 0033).

The outbox makes new publishes whole; this is for what came before it, for a database
restored from a backup, and for anything a bug lets through. Publishing checks what it owns
(the audit log, the slug history); each output checks its own by answering the
:data:`reconciling` signal, so this module imports no output.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.dispatch import Signal
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from newsdesk.articles.models import Article, PublishedSlug

from .events import process_outbox
from .security import record_repairs

RECONCILED_ACTION = "newsdesk.publish.reconciled"
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.scheduled", RECONCILED_ACTION)

# sender: None; repair: bool. Each receiver returns a list of Finding for what it owns,
# repaired when ``repair`` is true.
reconciling = Signal()


def _answers(repair: bool) -> list[Finding]:
    found: list[Finding] = []
    for _receiver, answer in reconciling.send(sender=None, repair=repair):
        found.extend(cast(list[Finding], answer))  # the stubs type answers as str
    return found


@dataclass(frozen=True)
class Finding:
    check: str  # "audit" | "slug" | "search" | "archive" | "outbox"
    subject: str  # what is wrong: an article id, a month

    def __str__(self) -> str:
        return f"{self.check}: {self.subject}"


def _live_without_publish_entry() -> list[Article]:
    logged = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Article), action__in=PUBLISH_ACTIONS
        )
        .values("object_id")
        .distinct()
    )
    return list(
        Article.objects.filter(live=True)
        .annotate(key=Cast("pk", CharField()))
        .exclude(key__in=logged)
        .select_related("live_revision__user")
        .order_by("pk")
    )


def _live_without_slug_history() -> list[Article]:
    recorded = PublishedSlug.objects.filter(
        article=OuterRef("pk"), locale=OuterRef("locale"), slug=OuterRef("slug")
    )
    return list(Article.objects.filter(live=True).exclude(Exists(recorded)).order_by("pk"))


def check_audit(*, repair: bool) -> list[Finding]:
    found = []
    for article in _live_without_publish_entry():
        found.append(Finding("audit", f"article {article.pk}"))
        if repair:
            revision = article.live_revision
            # Who published is who saved the published revision (the admin saves and
            # publishes as one person); when it happened is the article's own record.
            log(
                instance=article,
                action=RECONCILED_ACTION,
                user=revision.user if revision else None,
                revision=revision,
                data={
                    "last_published_at": article.last_published_at.isoformat()
                    if article.last_published_at
                    else None
                },
            )
    return found


def check_slugs(*, repair: bool) -> list[Finding]:
    found = []
    for article in _live_without_slug_history():
        found.append(Finding("slug", f"article {article.pk}"))
        if repair:
            PublishedSlug.objects.update_or_create(
                locale_id=article.locale_id, slug=article.slug, defaults={"article": article}
            )
    return found


def reconcile(*, repair: bool) -> list[Finding]:
    """Everything found out of step; repaired too unless ``repair`` is false. Repairing
    first delivers what is left in the outbox, the usual cause."""
    found: list[Finding] = []
    if repair:
        delivered, _failed = process_outbox(limit=100_000)
        if delivered:
            found.append(Finding("outbox", f"delivered {delivered}"))
    with transaction.atomic():
        found += check_audit(repair=repair)
        found += check_slugs(repair=repair)
    found += _answers(repair)
    if repair:
        record_repairs([str(finding) for finding in found])
    return found
