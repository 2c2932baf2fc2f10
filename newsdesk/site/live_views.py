"""The poll of an open live page and the fragment its "new updates" button inserts.

Both are public and cached for a few seconds only: every reader with the same newest update
asks the same URL, so during a spike the front cache answers nearly all of them.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from newsdesk.articles.query import Cursor, InvalidCursor
from newsdesk.http_policy import LIVE_POLL, public
from newsdesk.live.models import poll_seconds

from . import live_page


def _cached(response: HttpResponse) -> HttpResponse:
    return public(response, LIVE_POLL)


def _cursor(request: HttpRequest) -> Cursor | None:
    raw = request.GET.get("after")
    return Cursor.decode(raw) if raw else None


def live_updates(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """``{"count", "notice", "cursor", "fragment", "poll", "ended"}`` for the updates after
    ``?after=<cursor>``. ``poll`` is the interval in seconds the desk wants now; a client
    stops asking once ``ended`` is true."""
    try:
        cursor = _cursor(request)
    except InvalidCursor:
        return _cached(JsonResponse({"error": _("This is not a valid cursor.")}, status=400))
    state = live_page.poll(edition, slug, cursor)
    if state is None:
        return _cached(JsonResponse({"error": _("There is no live coverage here.")}, status=404))
    fragment = ""
    if state.count:
        fragment = live_page.fragment_path(edition, slug)
        if cursor is not None:
            fragment += f"?after={cursor.encode()}"
    notice = ngettext("%(count)s new update", "%(count)s new updates", state.count) % {
        "count": state.count
    }
    data = {
        "count": state.count,
        "notice": notice if state.count else "",
        "cursor": state.cursor,
        "fragment": fragment,
        "poll": poll_seconds(),
        "ended": state.ended,
    }
    return _cached(JsonResponse(data))


def live_fragment(request: HttpRequest, edition: str, slug: str) -> HttpResponse:
    """The updates after ``?after=<cursor>``, newest first, as list items."""
    try:
        cursor = _cursor(request)
    except InvalidCursor:
        return _cached(HttpResponse(status=400))
    entries = live_page.newer_entries(edition, slug, cursor, now=timezone.now())
    if entries is None:
        return _cached(HttpResponse(status=404))
    newest = max(entries, key=lambda item: item.published_at, default=None)
    context = {"entries": entries, "cursor": newest.cursor if newest else ""}
    return _cached(render(request, "site/includes/live_fragment.html", context))
