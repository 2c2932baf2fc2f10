"""Image uploads are bounded before anything is decoded, and their renditions are made at
upload, never in a reader's request (docs/security.md, "Image limits")."""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PillowImage
from PIL import ImageFile
from wagtail.images import get_image_model

from newsdesk.articles.renditions import SITE_SPECS
from newsdesk.editorial import roles
from newsdesk.editorial.images import BoundedImageField
from newsdesk.testing.factories import sign_in

from .conftest import make_user

TOO_MANY = {
    "en": "This image has too many pixels: at most 40 megapixels are allowed",
    "uk": "Це зображення має забагато пікселів: дозволено щонайбільше 40 мегапікселів",
}


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int, height: int) -> bytes:
    """A PNG that says it is ``width`` x ``height`` pixels, in a few dozen bytes: only its
    header is ever read before the upload is refused."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )


def animation(format_: str, size: tuple[int, int], frames: int) -> bytes:
    """An animation of distinct flat frames (identical ones would be merged)."""
    images = [PillowImage.new("RGB", size, (n * 20 % 256, 40, 90)) for n in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, format_, save_all=True, append_images=images[1:], duration=100)
    return buffer.getvalue()


def small_png() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 480), (70, 110, 150)).save(buffer, "PNG")
    return buffer.getvalue()


def test_the_limits() -> None:
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert PillowImage.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # 121 megapixels in 15 KB was the reported bomb; Pillow refuses it at the header.
        ("bomb.png", png_bomb(11_000, 11_000)),
        # Between the limit and Pillow's refusal: Wagtail counts the pixels.
        ("big.png", png_bomb(8_000, 8_000)),
        ("frames.gif", animation("GIF", (2_000, 2_000), 11)),
        ("frames.webp", animation("WEBP", (2_000, 2_000), 11)),
    ],
)
def test_too_many_pixels_is_refused_with_a_clear_message(name: str, content: bytes) -> None:
    field = BoundedImageField()

    with pytest.raises(ValidationError) as raised:
        field.clean(SimpleUploadedFile(name, content))

    assert raised.value.code == "file_too_many_pixels"
    with translation.override("en"):
        assert TOO_MANY["en"] in " ".join(raised.value.messages)


@pytest.mark.parametrize("language", ["uk", "en"])
def test_an_editor_uploading_a_bomb_reads_why_in_their_language(client, db, language: str) -> None:
    sign_in(client, make_user(f"contributor-{language}", roles.CONTRIBUTORS, language=language))

    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Bomb", "file": SimpleUploadedFile("bomb.png", png_bomb(11_000, 11_000))},
    )

    assert response.status_code == 200
    assert TOO_MANY[language] in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_file_over_the_byte_limit_is_refused_in_the_editors_language(
    client, db, settings
) -> None:
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    sign_in(client, make_user("contributor-uk", roles.CONTRIBUTORS, language="uk"))

    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Big", "file": SimpleUploadedFile("big.png", small_png())},
    )

    assert response.status_code == 200
    assert "Цей файл занадто великий" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_an_upload_makes_every_rendition_the_site_shows(
    client, db, django_capture_on_commit_callbacks
) -> None:
    sign_in(client, make_user("contributor", roles.CONTRIBUTORS))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailimages:add"),
            {"title": "Kharkiv", "file": SimpleUploadedFile("kharkiv.png", small_png())},
        )

    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert set(image.renditions.values_list("filter_spec", flat=True)) == set(SITE_SPECS)


@pytest.mark.parametrize(
    ("name", "content"),
    [("big.png", png_bomb(8_000, 8_000)), ("frames.gif", animation("GIF", (2_000, 2_000), 11))],
)
def test_a_refused_image_is_never_decoded(monkeypatch, name: str, content: bytes) -> None:
    def decode(self: Any, *args: Any, **kwargs: Any) -> None:
        raise AssertionError("decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decode)

    with pytest.raises(ValidationError) as raised:
        BoundedImageField().clean(SimpleUploadedFile(name, content))

    assert raised.value.code == "file_too_many_pixels"
