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
from collections.abc import Mapping
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
from .schema import Problem

SCHEME = "cid:"
# The lead picture, by the association's rel or name: ninjs leaves it to the provider;
# `featuremedia` is Superdesk's name for it.
MAIN_NAMES = frozenset({"main", "featuremedia", "featureimage"})
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
