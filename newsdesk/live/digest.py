"""A live article's newest updates as HTML, for the outputs that carry a whole article to
machines (feeds, the read API, ninjs): they have no poll, so the updates travel in the item.

Each output renders an update's body with its own vocabulary (``render``); what surrounds
the bodies is the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.utils import dateformat
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from newsdesk.editions import kyiv

# Enough for a reader of a feed to follow the last hours; the page has the rest.
MACHINE_UPDATES = 20


def _stamp(update: Any) -> str:
    local = kyiv(update.published_at)
    return f"{dateformat.format(local, 'j E')} {local.strftime('%H:%M')}"


def updates_html(
    updates: Sequence[Any],
    *,
    page_url: str,
    render: Callable[[Iterable[Mapping[str, Any]]], str],
) -> str:
    """``updates`` (newest first, from ``LiveUpdate.objects.newest_of``) under a heading,
    each with its time, headline, body and correction, then a link to the page when it
    has more than these. Empty when there are none. Call in the edition's language."""
    if not updates:
        return ""
    parts: list[str] = [format_html("<h2>{}</h2>", _("Live updates"))]
    for update in updates:
        heading = f"{_stamp(update)} — {update.title}" if update.title else _stamp(update)
        parts.append(format_html("<h3>{}</h3>", heading))
        parts.append(render(update.body.raw_data))
        if update.correction:
            parts.append(
                format_html("<p><strong>{}</strong> {}</p>", _("Correction:"), update.correction)
            )
    total = getattr(updates[0], "total", len(updates))
    if total > len(updates):
        more = ngettext(
            "All %(count)d update on the live page",
            "All %(count)d updates on the live page",
            total,
        ) % {"count": total}
        parts.append(format_html('<p><a href="{}">{}</a></p>', page_url, more))
    return "".join(parts)
