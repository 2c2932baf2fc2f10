"""The newsroom's dashboard: what a desk editor looks at first, on the admin's home page.

Each list is one bounded query over an index (a few rows each), so the dashboard costs the
same at 1,000,000 articles as at 100.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Revision, TaskState
from wagtail.permissions import policy_registry

from newsdesk.articles.models import Article
from newsdesk.editions import EDITIONS

from .display import kyiv_time

ROWS = 8


@dataclass(frozen=True)
class Row:
    title: str
    url: str
    edition: str
    when: str


def _edit_url(pk: Any) -> str:
    return reverse("wagtailsnippets_articles_article:edit", args=[quote(pk)])


def _row(article: Article, moment: dt.datetime | None) -> Row:
    return Row(
        title=article.headline,
        url=_edit_url(article.pk),
        edition=article.locale.language_code,
        when=kyiv_time(moment),
    )


def _articles_of(user: Any) -> Any:
    """The articles ``user`` may work on (an ``ArticleQuerySet``)."""
    policy = policy_registry.get_by_type(Article)
    visible = policy.instances_user_has_any_permission_for(user, ["add", "change", "publish"])
    return visible.select_related("locale")


def _scheduled(user: Any, *, due_before: dt.datetime | None = None) -> list[Row]:
    """Articles approved to go live, soonest first; with ``due_before``, only those whose
    time is past it (the scheduler has not published them)."""
    revisions = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Article),
        approved_go_live_at__isnull=False,
    ).order_by("approved_go_live_at")
    if due_before is None:
        revisions = revisions.filter(approved_go_live_at__gt=timezone.now())
    else:
        revisions = revisions.filter(approved_go_live_at__lte=due_before)
    picked = list(revisions.values_list("object_id", "approved_go_live_at")[: ROWS * 4])
    found = _articles_of(user).in_bulk([int(pk) for pk, _when in picked])
    rows = [_row(found[int(pk)], when) for pk, when in picked if int(pk) in found]
    return rows[:ROWS]


def _my_drafts(user: Any) -> list[Row]:
    drafts = (
        _articles_of(user)
        .filter(live=False, latest_revision__user=user)
        .select_related("latest_revision")
        .order_by("-latest_revision__created_at")[:ROWS]
    )
    return [_row(article, article.latest_revision.created_at) for article in drafts]


def _awaiting_review(user: Any) -> list[Row]:
    states = (
        TaskState.objects.reviewable_by(user)
        .filter(revision__base_content_type=ContentType.objects.get_for_model(Article))
        .order_by("-started_at")
        .values_list("revision__object_id", "started_at")[: ROWS * 4]
    )
    picked = list(states)
    found = _articles_of(user).in_bulk([int(pk) for pk, _when in picked])
    return [_row(found[int(pk)], when) for pk, when in picked if int(pk) in found][:ROWS]


def _recently_published(user: Any) -> list[Row]:
    rows: list[Row] = []
    for edition in EDITIONS:
        # The edition's feed index, newest first: a few rows, whatever the archive's size.
        latest = _articles_of(user).published().in_edition(edition).newest_first()[: ROWS // 2]
        rows.extend(_row(article, article.first_published_at) for article in latest)
    return rows


class NewsroomPanel(Component):
    name = "newsroom"
    template_name = "editorial/dashboard.html"
    order = 50

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        request = parent_context["request"]
        user = request.user
        tolerance = dt.timedelta(seconds=settings.NEWSDESK_LATE_PUBLISH_TOLERANCE_SECONDS)
        add_url = reverse("wagtailsnippets_articles_article:add")
        return {
            "request": request,
            "search_url": reverse("wagtailsnippets_articles_article:list"),
            "new_article": [(code, f"{add_url}?locale={code}") for code in EDITIONS],
            "lists": [
                # Lateness is for those who publish, as its report is.
                *(
                    [("late", _scheduled(user, due_before=timezone.now() - tolerance))]
                    if user.has_perm("articles.publish_article")
                    else []
                ),
                ("drafts", _my_drafts(user)),
                ("review", _awaiting_review(user)),
                ("scheduled", _scheduled(user)),
                ("published", _recently_published(user)),
            ],
        }
