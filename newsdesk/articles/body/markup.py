"""The plain HTML of body blocks for readers outside the site: feed readers and partners.

One markup for both, so that a quote or a timeline reads the same in an RSS item, the API's
``body_html`` and a ninjs body: no site classes, no scripts, nothing framed.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.utils import dateformat, formats
from django.utils.html import escape, format_html, strip_tags
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

DAY_FORMAT = "j E Y"


@dataclass(frozen=True)
class Timeline:
    """An embedded story: its title, its page's path and its entries, oldest first."""

    title: str
    path: str
    entries: Sequence[Any]


# A tag as the rich text editor stores it: attribute values never hold "<" or ">" (they
# are escaped), and neither does the text between tags.
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def plain(rich: str) -> str:
    """The text of stored rich text, for the search index. Tags are cut by a pattern (the
    editor's HTML is regular); anything it leaves that still looks like markup goes
    through Django's parser, which reads any HTML and is ten times slower."""
    text = _TAG.sub("", rich)
    if "<" in text or ">" in text:
        text = strip_tags(rich)
    return html.unescape(text)


def rich_text(value: str) -> str:
    # Links to our own objects are stored as references; expanded, they are real addresses.
    return expand_db_html(value)


def subheading(value: str) -> str:
    return format_html("<h2>{}</h2>", value)


def _http(url: Any) -> str:
    text = str(url or "")
    return text if urlsplit(text).scheme.lower() in ("http", "https") else ""


def figure(
    src: str,
    alt: str,
    caption: str,
    credit: str,
    width: int | None = None,
    height: int | None = None,
) -> str:
    size = format_html(' width="{}" height="{}"', width, height) if width and height else ""
    note = " — ".join(part for part in (caption, credit) if part)
    words = format_html("<figcaption>{}</figcaption>", note) if note else ""
    return format_html('<figure><img src="{}"{} alt="{}">{}</figure>', src, size, alt, words)


def quote(value: Mapping[str, Any]) -> str:
    said = escape(str(value.get("text") or "")).replace("\n", "<br>")
    who = str(value.get("attribution") or "")
    cite = format_html("<figcaption>— {}</figcaption>", who) if who else ""
    return f"<figure><blockquote><p>{said}</p></blockquote>{cite}</figure>"


def embed_link(value: Mapping[str, Any]) -> str:
    url = str(value.get("url") or "")
    if urlsplit(url).scheme != "https":
        return ""
    return format_html('<p><a href="{}">{}</a></p>', url, value.get("title") or url)


def fact_box(value: Mapping[str, Any]) -> str:
    title = format_html("<h3>{}</h3>", value.get("title") or "")
    return f"<aside>{title}{rich_text(str(value.get('body') or ''))}</aside>"


def read_also(url: str, headline: str) -> str:
    return format_html('<aside><a href="{}">{}</a></aside>', url, headline)


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def in_range(entries: Iterable[Any], start: Any, end: Any) -> list[Any]:
    """The entries a block's date range shows (stored dates are ISO strings)."""
    first, last = _day(start), _day(end)
    return [
        entry
        for entry in entries
        if (first is None or entry.occurred_on >= first)
        and (last is None or entry.occurred_on <= last)
    ]


def _entry(entry: Any) -> str:
    when = dateformat.format(entry.occurred_on, DAY_FORMAT)
    if entry.occurred_time is not None:
        when = f"{when}, {entry.occurred_time:%H:%M}"
    speaker = entry.speaker
    if speaker and entry.speaker_role:
        speaker = f"{speaker}, {entry.speaker_role}"
    said = format_html("{}: {}", speaker, entry.statement) if speaker else escape(entry.statement)
    parts = [format_html("<p><strong>{}</strong> {}</p>", when, said)]
    if entry.figure is not None:
        places = 0 if entry.figure == entry.figure.to_integral_value() else None
        number = formats.number_format(entry.figure, decimal_pos=places, force_grouping=True)
        parts.append(format_html("<p>{} {}</p>", number, entry.unit))
    if entry.source_name:
        url = _http(entry.source_url)
        name = (
            format_html('<a href="{}">{}</a>', url, entry.source_name) if url else entry.source_name
        )
        parts.append(format_html("<p>{} {}</p>", _("Published by:"), name))
    return "<li>" + "".join(parts) + "</li>"


def timeline(title: str, url: str, entries: Sequence[Any]) -> str:
    """A story's entries as a list of dated, sourced claims under the story's name."""
    if not entries:
        return ""
    heading = format_html('<h3>{}: <a href="{}">{}</a></h3>', _("Background"), url, title)
    items = "".join(_entry(entry) for entry in entries)
    return f"<aside>{heading}<ol>{items}</ol></aside>"
