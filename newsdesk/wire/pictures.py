"""Pictures of a ninjs document: its ``associations`` of type ``picture`` (decision 0057).

The server never fetches a picture from an address: a request that made it do so could be
pointed at our own network (SSRF) or at a file that never ends. The partner sends the
file with the document instead, and a rendition names it with a ``cid:`` URI (RFC 2392,
the way an e-mail's HTML names its attached pictures): ``cid:photo-1`` is the part called
``photo-1`` of the multipart request, or, for ``ingest_ninjs``, the file ``photo-1``
beside the document. A picture with no such rendition is refused, whatever host its
other renditions name.

Each file goes through the very field an editor's upload goes through (the image form
Wagtail builds from ``WAGTAILIMAGES_IMAGE_FORM_BASE``): the allowed types, the byte limit
and the pixel limit, counted from the header before anything is decoded. All of a
document's pictures are checked before any is stored, so a refused one leaves nothing.
The same bytes from the same partner are one image, so a repeat or a new version of a
story reuses what it sent before.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.utils.file import hash_filelike

from .models import Partner, WireImage
from .schema import MAX_ERRORS, Problem

SCHEME = "cid:"
# The lead picture, by the association's rel or name: ninjs leaves it to the provider;
# these are the names agencies' systems use for it.
MAIN_NAMES = frozenset({"main", "featuremedia", "featureimage", "mainpicture", "lead"})
# Renditions named so are the partner's full-size file, taken before any other.
ORIGINAL_NAMES = ("original", "baseimage", "highres", "hires")
MAX_PICTURES = 12
CAPTION_LIMIT = 300
CREDIT_LIMIT = 120
ALT_LIMIT = 250

# What ingest takes a part's file from: a multipart request's files, or a folder.
Attachments = Mapping[str, File]


@dataclass(frozen=True)
class Picture:
    """One picture association, read; ``part`` names the file sent with the document."""

    name: str
    path: str
    part: str
    hrefs: tuple[str, ...]
    title: str
    caption: str
    credit: str
    alt: str
    main: bool


@dataclass(frozen=True)
class Checked:
    """A picture whose file passed the upload checks: ready to be stored."""

    picture: Picture
    file: File
    sha256: str
    pixels: int


def _text(entries: Any, roles: tuple[str, ...]) -> str:
    if not isinstance(entries, list) or not entries:
        return ""
    chosen = next((e for e in entries if e.get("role") in roles), entries[0])
    return " ".join(str(chosen.get("value", "")).split())


def _credit(association: dict[str, Any]) -> str:
    """``by`` (the photographer) and the copyright holder, as a newsroom credits them:
    "Name / Agency"."""
    holder = association.get("copyrightHolder") or ""
    holder_name = holder.get("name", "") if isinstance(holder, dict) else holder
    parts = [" ".join(str(p).split()) for p in (association.get("by"), holder_name) if p]
    unique = list(dict.fromkeys(p for p in parts if p))
    credit = " / ".join(unique) or " ".join(str(association.get("copyrightNotice", "")).split())
    return credit[:CREDIT_LIMIT]


def _part(renditions: list[dict[str, Any]]) -> str | None:
    """The part named by the best ``cid:`` rendition: one named as the original, else the
    largest declared, else the first."""
    attached = [r for r in renditions if str(r.get("href", "")).startswith(SCHEME)]
    if not attached:
        return None
    named = [r for r in attached if str(r.get("name", "")).lower() in ORIGINAL_NAMES]
    if named:
        chosen = named[0]
    else:
        chosen = max(attached, key=lambda r: int(r.get("width", 0)) * int(r.get("height", 0)))
    return str(chosen["href"])[len(SCHEME) :].strip()


def read(document: dict[str, Any], problems: list[Problem]) -> list[Picture]:
    """The document's pictures, in its order; what is wrong with them goes to ``problems``."""
    found: list[Picture] = []
    names: set[str] = set()
    for index, association in enumerate(document.get("associations", [])):
        if association.get("type") != "picture":
            continue
        path = f"/associations/{index}"
        name = str(association.get("name", "")).strip()
        renditions = association.get("renditions") or []
        part = _part(renditions)
        if name in names:
            problems.append(Problem(f"{path}/name", _("Two associations have this name.")))
            continue
        names.add(name)
        if part is None:
            problems.append(_not_attached(path, renditions))
            continue
        caption = _text(association.get("descriptions"), ("caption", "summary"))
        title = _text(association.get("headlines"), ("main",)) or name
        found.append(
            Picture(
                name=name,
                path=path,
                part=part,
                hrefs=tuple(str(r["href"]) for r in renditions if r.get("href")),
                title=title[:255],
                caption=caption[:CAPTION_LIMIT],
                credit=_credit(association),
                alt=(_text(association.get("descriptions"), ("alt", "alternative")) or title)[
                    :ALT_LIMIT
                ],
                main=str(association.get("rel", "")).lower() in MAIN_NAMES
                or name.lower() in MAIN_NAMES,
            )
        )
    if len(found) > MAX_PICTURES:
        problems.append(
            Problem(
                "/associations",
                _("At most %(count)d pictures may come with one document.")
                % {"count": MAX_PICTURES},
            )
        )
    return found


def _not_attached(path: str, renditions: list[dict[str, Any]]) -> Problem:
    for index, rendition in enumerate(renditions):
        href = str(rendition.get("href", ""))
        if href:
            host = urlsplit(href).hostname or href.split(":", 1)[0]
            return Problem(
                f"{path}/renditions/{index}/href",
                _(
                    "Pictures are not fetched from addresses (%(host)s): send the file with "
                    "the document and name it in a rendition as cid:NAME."
                )
                % {"host": host},
            )
    return Problem(
        f"{path}/renditions",
        _("A picture needs a rendition whose href names a file sent with it (cid:NAME)."),
    )


def _upload_field() -> Any:
    """The file field of the image form an editor uploads with: the same checks."""
    form = get_image_form(get_image_model())()
    return form.fields["file"]


def check(pictures: list[Picture], attachments: Attachments) -> tuple[list[Checked], list[Problem]]:
    """Every picture's file, checked as an editor's upload is, and what is wrong: a file
    missing, of a type not allowed, too large in bytes or in pixels, or no image at all."""
    checked: list[Checked] = []
    problems: list[Problem] = []
    field = _upload_field() if pictures else None
    for picture in pictures:
        where = f"{picture.path}/renditions"
        file = attachments.get(picture.part)
        if file is None or field is None:
            problems.append(
                Problem(
                    where,
                    _("No file named %(name)s came with the document.") % {"name": picture.part},
                )
            )
            continue
        try:
            # The size first: the field reads the whole file before it looks at it.
            field.check_image_file_size(file)
            cleaned = field.clean(file)
        except ValidationError as error:
            problems.append(Problem(where, f"{picture.part}: {' '.join(error.messages)}"))
            continue
        width, height = cleaned.image.get_size()
        pixels = width * height * cleaned.image.get_frame_count()
        checked.append(Checked(picture, cleaned, _digest(cleaned), pixels))
    total, limit = sum(c.pixels for c in checked), max_pixels()
    if total > limit:
        problems.append(
            Problem(
                "/associations",
                _(
                    "The pictures have %(total)s megapixels together; one document may bring "
                    "at most %(limit)s. Send them smaller."
                )
                % {"total": _megapixels(total), "limit": _megapixels(limit)},
            )
        )
    return checked, problems


def _megapixels(pixels: int) -> str:
    return f"{round(pixels / 1_000_000, 1):g}"


def max_pixels() -> int:
    """The most pixels a document's pictures may have together: as many as one upload may
    have, so a partner's request costs no more decoding than an editor's upload (the
    renditions of each are made in the request that commits it)."""
    default = int(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)
    return int(getattr(settings, "NEWSDESK_WIRE_MAX_PIXELS", default))


def _digest(file: File) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def store(partner: Partner, checked: list[Checked]) -> list[int]:
    """The image of each checked picture, in order: the one made before from the same
    bytes of this partner, else a new one (its renditions are made once it is committed,
    as for an upload)."""
    model = get_image_model()
    known = {
        row.sha256: row.image_id
        for row in WireImage.objects.filter(partner=partner, sha256__in=[c.sha256 for c in checked])
    }
    ids: list[int] = []
    for item in checked:
        image_id = known.get(item.sha256)
        if image_id is None:
            item.file.seek(0)
            image = model(
                title=item.picture.title or item.picture.part,
                description=item.picture.alt,
                file=File(item.file, name=Path(item.file.name or item.picture.part).name),
                file_size=item.file.size,
                # As Wagtail's upload sets it: the admin finds duplicates by it.
                file_hash=hash_filelike(item.file),
            )
            item.file.seek(0)
            image.save()
            WireImage.objects.create(partner=partner, sha256=item.sha256, image=image)
            image_id = known[item.sha256] = int(image.pk)
        ids.append(image_id)
    return ids


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
