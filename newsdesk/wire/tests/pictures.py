"""Pictures for the wire's tests: files made here, and ninjs picture associations."""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage


def png(colour: tuple[int, int, int] = (70, 110, 150), size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 11_000, height: int = 11_000) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels, in a few dozen bytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )


def upload(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png() if content is None else content)


def association(
    name: str,
    part: str | None = None,
    *,
    caption: str = "Рятувальники розбирають завали.",
    rel: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A ninjs 3.1 picture association whose original is the file ``part`` (``cid:``)."""
    found: dict[str, Any] = {
        "name": name,
        "uri": f"urn:wire:test:picture:{name}",
        "type": "picture",
        "headlines": [{"value": f"Фото {name}"}],
        "descriptions": [{"role": "caption", "value": caption}],
        "by": "Олена Коваль",
        "copyrightHolder": "Agency",
        "renditions": [
            {"name": "original", "href": f"cid:{part or name}", "contentType": "image/png"},
            {"name": "thumbnail", "href": f"https://wire.example.org/{name}-thumb.png"},
        ],
    }
    if rel:
        found["rel"] = rel
    found.update(fields)
    return found


def embed(name: str) -> str:
    """How Superdesk places a picture association in a body."""
    return (
        f'<!-- EMBED START Image {{id: "{name}"}} --><figure><img src="x.jpg" alt="">'
        f"<figcaption>Their own caption</figcaption></figure>"
        f'<!-- EMBED END Image {{id: "{name}"}} -->'
    )


def html_body(markup: str) -> list[dict[str, str]]:
    return [{"role": "main", "contentType": "text/html", "value": markup}]
