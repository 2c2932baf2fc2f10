"""The corrections page of an edition: every correction and clarification, newest first.

Updates that only add news stay on their articles; this page is the newsroom's public
record of what it got wrong or said unclearly. It pages by keyset on (created_at, id) like
the latest-news feed, so an old page costs what the first does: one query for the entries
with their articles, plus the page frame's navigation.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from newsdesk.articles.models import Article, UpdateLogEntry
from newsdesk.articles.query import Cursor, InvalidCursor
from newsdesk.editions import kyiv, other_edition
from newsdesk.frontcache import keys as surrogate
from newsdesk.http_policy import public

from . import metadata, presentation
from .views import bad_request

PUBLIC_KINDS = (UpdateLogEntry.CORRECTION, UpdateLogEntry.CLARIFICATION)
KIND_NAMES = dict(UpdateLogEntry.KINDS)


@dataclass(frozen=True)
class CorrectionItem:
    kind: str
    label: str
    moment: str
    iso: str
    text: str
    headline: str
    url: str


@dataclass(frozen=True)
class CorrectionsPage:
    items: list[CorrectionItem]
    more_url: str | None


def entries(edition: str, cursor: Cursor | None, size: int) -> tuple[list[UpdateLogEntry], bool]:
    """Corrections and clarifications of the edition's published articles, newest first,
    older than ``cursor``; and whether more follow. One query."""
    published = Article.objects.published().in_edition(edition).values("pk")
    rows = (
        UpdateLogEntry.objects.filter(kind__in=PUBLIC_KINDS, article_id__in=published)
        .select_related("article")
        .only("kind", "created_at", "text", "article__headline", "article__slug")
        .order_by("-created_at", "-id")
    )
    if cursor is not None:
        rows = rows.filter(
            Q(created_at__lt=cursor.published_at)
            | Q(created_at=cursor.published_at, id__lt=cursor.id)
        )
    found = list(rows[: size + 1])
    return found[:size], len(found) > size


def build(edition: str, cursor: Cursor | None, size: int) -> CorrectionsPage:
    found, more = entries(edition, cursor, size)
    surrogate.note(surrogate.corrections(edition))
    surrogate.note_articles(entry.article_id for entry in found)
    items = []
    for entry in found:
        local = kyiv(entry.created_at)
        items.append(
            CorrectionItem(
                kind=entry.kind,
                label=str(KIND_NAMES[entry.kind]),
                moment=presentation.moment(entry.created_at),
                iso=local.isoformat(timespec="minutes"),
                text=entry.text,
                headline=entry.article.headline,
                url=presentation.article_path(edition, entry.article.slug),
            )
        )
    more_url = None
    if more and found:
        last = found[-1]
        more_url = presentation.after(
            corrections_path(edition), Cursor(published_at=last.created_at, id=last.pk)
        )
    return CorrectionsPage(items=items, more_url=more_url)


def corrections_path(edition: str) -> str:
    return reverse("site:corrections", kwargs={"edition": edition})


def corrections(request: HttpRequest, edition: str) -> HttpResponse:
    try:
        cursor = presentation.parse_cursor(request.GET.get("after"))
    except InvalidCursor:
        return bad_request(request, edition)
    path = corrections_path(edition)
    heading = _("Corrections and clarifications")
    title = heading if cursor is None else _("%(title)s, earlier") % {"title": heading}
    chrome = presentation.chrome(
        edition,
        title=title,
        path=path,
        twin=corrections_path(other_edition(edition)),
        canonical=presentation.after(path, cursor) if cursor else path,
        noindex=cursor is not None,
    )
    metadata.for_listing(chrome, title)
    context = {
        "chrome": chrome,
        "heading": heading,
        "page": build(edition, cursor, settings.NEWSDESK_FEED_PAGE_SIZE),
    }
    return public(render(request, "site/corrections.html", context))
