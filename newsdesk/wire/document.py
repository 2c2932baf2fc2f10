"""What we take from a valid ninjs 3.x document, read into plain values.

ninjs leaves roles to the provider ("for a simple headline use an array with one object
only containing the value property"), so each slot is read the forgiving way: the entry
whose role is ``main`` (``summary`` for the lead), else the first one. Problems that the
schema cannot see (a date without its offset, a language of the other edition, no
headline) are reported as :class:`~.schema.Problem` in the same terms as its errors.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from lxml import html as lxml_html

from newsdesk.transfer import wordpress_body

from . import pictures as wire_pictures
from . import placement
from .schema import Problem

WITHDRAWN_STATUSES = frozenset({"withheld", "canceled"})
AUTHOR_RELATIONS = frozenset({"author", "creator", "by", "writer", "correspondent"})
MAX_TAGS = 20
MAX_AUTHORS = 10
_BLANK_LINE = re.compile(r"\n\s*\n")
# Names in a "by" line: commas, semicolons, "and", and the Ukrainian for "and".
_NAMES = re.compile(r"\s*(?:,|;|\band\b|\b\u0456\b|\b\u0442\u0430\b)\s*")


class Unreadable(Exception):
    """A valid ninjs document that cannot become an article; ``problems`` say why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.path}: {p.message}" for p in problems))
        self.problems = problems


@dataclass
class Story:
    """One ninjs document as plain values (times aware, in UTC)."""

    uri: str
    version: str
    version_created: dt.datetime | None
    first_created: dt.datetime | None
    embargoed_until: dt.datetime | None
    withdrawn: bool
    headline: str = ""
    lead: str = ""
    body: list[dict[str, Any]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The pictures sent with it; image blocks of ``body`` and ``lead_picture`` hold their
    # indexes until they are stored (``placement.with_images``).
    pictures: list[wire_pictures.Picture] = field(default_factory=list)
    lead_picture: int | None = None


def _moment(document: dict[str, Any], name: str, problems: list[Problem]) -> dt.datetime | None:
    raw = document.get(name)
    if raw is None:
        return None
    try:
        moment = parse_datetime(raw)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        problems.append(
            Problem(
                f"/{name}",
                _("Not a date and time with its offset (2026-03-01T09:30:00+02:00): %(value)s")
                % {"value": raw},
            )
        )
        return None
    return moment.astimezone(dt.UTC)


def _pick(entries: Any, role: str) -> dict[str, Any] | None:
    if not isinstance(entries, list) or not entries:
        return None
    for entry in entries:
        if entry.get("role") == role:
            return dict(entry)
    return dict(entries[0])


def _is_html(entry: dict[str, Any]) -> bool:
    kind = str(entry.get("contentType", "")).lower()
    if kind:
        return "html" in kind
    return str(entry.get("value", "")).lstrip().startswith("<")


def _plain(entry: dict[str, Any] | None) -> str:
    if entry is None:
        return ""
    value = str(entry.get("value", ""))
    if _is_html(entry) and value.strip():
        value = lxml_html.fragment_fromstring(value, create_parent="div").text_content()
    return " ".join(value.split())


def _body(
    document: dict[str, Any],
    pictures: list[wire_pictures.Picture],
    warnings: list[str],
    problems: list[Problem],
) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = document.get("bodies") or []
    entry = _pick(bodies, "main")
    if entry is None:
        return []
    value = str(entry.get("value", ""))
    if not _is_html(entry):
        paragraphs = [" ".join(part.split()) for part in _BLANK_LINE.split(value)]
        value = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs if text)
    else:
        where = f"/bodies/{bodies.index(entry)}/value"
        value = placement.mark_places(value, pictures, where, problems)
    # The WordPress importer's sanitiser: scripts, styles, event handlers and javascript:
    # links go; what has no place in our blocks is kept as text and reported. An image
    # stays only where it is one of the document's pictures.
    converted = wordpress_body.convert_html(value, placement.finder(pictures))
    warnings.extend(converted.warnings)
    return converted.blocks


def _unique(names: list[str], limit: int) -> list[str]:
    seen: dict[str, str] = {}
    for name in names:
        cleaned = " ".join(name.split())
        if cleaned and cleaned.casefold() not in seen:
            seen[cleaned.casefold()] = cleaned
    return list(seen.values())[:limit]


def _authors(document: dict[str, Any]) -> list[str]:
    people = [
        str(person.get("name", ""))
        for person in document.get("people", [])
        if person.get("rel", "author") in AUTHOR_RELATIONS
    ]
    if not any(people) and document.get("by"):
        people = _NAMES.split(str(document["by"]))
    return _unique(people, MAX_AUTHORS)


def language_of(document: dict[str, Any]) -> str:
    """The primary subtag of the BCP 47 ``language`` (``en-GB`` → ``en``), or ``""``."""
    raw = str(document.get("language", ""))
    return raw.split("-")[0].split("_")[0].lower()


def read(document: dict[str, Any], *, edition: str) -> Story:
    """``document`` (valid ninjs 3.x) for a partner of ``edition``, or :class:`Unreadable`."""
    problems: list[Problem] = []
    language = language_of(document)
    if language and language != edition:
        problems.append(
            Problem(
                "/language",
                _(
                    "This partner sends to the %(edition)s edition, but the document is in "
                    "%(language)s."
                )
                % {"edition": edition, "language": document["language"]},
            )
        )
    story = Story(
        uri=str(document["uri"]).strip(),
        version=str(document.get("version", "")).strip(),
        version_created=_moment(document, "versionCreated", problems),
        first_created=_moment(document, "firstCreated", problems),
        embargoed_until=_moment(document, "embargoedUntil", problems),
        withdrawn=document.get("pubStatus", "usable") in WITHDRAWN_STATUSES,
    )
    if not story.uri:
        problems.append(Problem("/uri", _("The uri is empty.")))
    if len(story.uri) > 500 or len(story.version) > 100:
        problems.append(Problem("/uri", _("The uri or the version is too long.")))
    if not story.withdrawn:
        story.headline = _plain(_pick(document.get("headlines"), "main"))
        if not story.headline:
            problems.append(Problem("/headlines", _("A headline is required.")))
        elif len(story.headline) > 250:
            story.warnings.append("a headline longer than 250 characters was cut")
            story.headline = story.headline[:249].rstrip() + "…"
        story.lead = _plain(_pick(document.get("descriptions"), "summary"))
        story.pictures = wire_pictures.read(document, problems)
        body = _body(document, story.pictures, story.warnings, problems)
        story.body, story.lead_picture = placement.lay_out(body, story.pictures)
        story.tags = _unique(
            [str(s.get("name") or s.get("literal") or "") for s in document.get("subjects", [])],
            MAX_TAGS,
        )
        story.authors = _authors(document)
    if problems:
        raise Unreadable(problems)
    return story
