"""Where a ninjs body places the document's pictures, and the blocks they become
(decision 0057).

Placements are read before the pictures are stored: an image block holds the picture's
index in ``Story.pictures`` until :func:`with_images` puts the stored image's id there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from .pictures import SCHEME, Picture
from .schema import MAX_ERRORS, Problem

# Where a body places a picture. Superdesk, the most common ninjs producer, wraps its own
# markup of an embedded picture in comments naming the association; we put ours there.
# Every repetition is bounded and the comments are paired in one pass: a partner's body of
# a megabyte of unclosed comments must cost a scan, not a scan per comment.
_EMBED_START = re.compile(
    r"<!--\s{0,20}EMBED START \w{1,20}\s{0,20}\{\s{0,20}id\s{0,20}:\s{0,20}"
    r"\"(?P<name>[^\"]{0,200})\"\s{0,20}\}\s{0,20}-->",
    re.IGNORECASE,
)
_EMBED_END = re.compile(
    r"<!--\s{0,20}EMBED END \w{1,20}\s{0,20}\{[^}]{0,200}\}\s{0,20}-->", re.IGNORECASE
)
_CID_SOURCE = re.compile(r"""\bsrc\s{0,20}=\s{0,20}["']?\s{0,20}cid:([^"'\s>]+)""", re.IGNORECASE)


def mark_places(markup: str, pictures: list[Picture], where: str, problems: list[Problem]) -> str:
    """``markup`` with each embed of a picture turned into an ``<img>`` of its file, which
    :func:`finder` knows; an embed or a ``cid:`` source naming no picture goes to
    ``problems`` (a broken reference would leave a hole in the story). The partner's own
    markup between an embed's start and its end is dropped; a start without an end places
    the picture and keeps what follows."""
    by_name = {picture.name: picture for picture in pictures}
    parts = {picture.part for picture in pictures}
    broken: dict[str, None] = {}
    starts = list(_EMBED_START.finditer(markup))
    ends = [match.span() for match in _EMBED_END.finditer(markup)]
    pieces: list[str] = []
    done = next_end = 0
    for number, start in enumerate(starts):
        if start.start() < done:
            continue  # inside the embed before it
        pieces.append(markup[done : start.start()])
        picture = by_name.get(start.group("name"))
        if picture is None:
            broken.setdefault(start.group("name"), None)
        else:
            pieces.append(f'<figure><img src="{html.escape(SCHEME + picture.part)}"></figure>')
        done = start.end()
        while next_end < len(ends) and ends[next_end][0] < done:
            next_end += 1
        following = starts[number + 1].start() if number + 1 < len(starts) else len(markup)
        if next_end < len(ends) and ends[next_end][1] <= following:
            done = ends[next_end][1]
    pieces.append(markup[done:])
    marked = _EMBED_END.sub("", "".join(pieces))
    for name in _CID_SOURCE.findall(marked):
        if name not in parts:
            broken.setdefault(name, None)
    # Each name once, and no more than the schema's errors: the answer stays small.
    problems.extend(_broken(where, name) for name in list(broken)[:MAX_ERRORS])
    return marked


def _broken(where: str, name: str) -> Problem:
    return Problem(
        where,
        _("The body places the picture %(name)s, which is not among the document's pictures.")
        % {"name": name},
    )


def finder(pictures: list[Picture]) -> Callable[[str], int | None]:
    """``wordpress_body.ImageFinder`` for a body: a picture's href (``cid:`` or the
    partner's own address of it, never fetched) → the picture's index in ``pictures``."""
    known: dict[str, int] = {}
    for index, picture in enumerate(pictures):
        for href in (SCHEME + picture.part, *picture.hrefs):
            known.setdefault(href.strip(), index)
    return lambda address: known.get(address.strip())


def lay_out(
    blocks: list[dict[str, Any]], pictures: list[Picture]
) -> tuple[list[dict[str, Any]], int | None]:
    """The body's blocks, its image blocks (which hold a picture's index) given the
    picture's caption and credit, the pictures it does not place added at its end; and the
    index of the lead picture: the one the partner marks as main, else the first the body
    does not place, else none."""
    placed: set[int] = set()
    for block in blocks:
        if block["type"] == "image":
            value = block["value"]
            picture = pictures[value["image"]]
            placed.add(value["image"])
            value["caption"] = picture.caption or value["caption"]
            value["credit"] = picture.credit
            value["alt"] = value["alt"] or picture.alt
    lead = next((i for i, p in enumerate(pictures) if p.main), None)
    if lead is None:
        lead = next((i for i in range(len(pictures)) if i not in placed), None)
    rest = [
        {"type": "image", "value": {"image": i, **_words(p)}}
        for i, p in enumerate(pictures)
        if i not in placed and i != lead
    ]
    return blocks + rest, lead


def _words(picture: Picture) -> dict[str, str]:
    return {"caption": picture.caption, "credit": picture.credit, "alt": picture.alt}


def with_images(blocks: list[dict[str, Any]], ids: list[int]) -> list[dict[str, Any]]:
    """The blocks with each picture's index replaced by its stored image's id."""
    return [
        {**block, "value": {**block["value"], "image": ids[block["value"]["image"]]}}
        if block["type"] == "image"
        else block
        for block in blocks
    ]
