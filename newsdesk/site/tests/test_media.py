"""Uploaded files are never active content on the site's origin (decision 0027)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils.http import http_date
from PIL import Image as PillowImage

from newsdesk.articles.query import HERO_SPECS
from newsdesk.articles.renditions import SITE_SPECS
from newsdesk.http_policy import UPLOAD_CONTENT_SECURITY_POLICY
from newsdesk.site.media import image_type
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db

PAGE = b"<!doctype html><script src='/media/documents/x.js'></script><p>hello</p>"


def _image_bytes(format_: str) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 4), (10, 20, 30)).save(buffer, format_)
    return buffer.getvalue()


@pytest.fixture
def media_root(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _put(root: Path, name: str, content: bytes) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


def _get(path: str, **headers: Any) -> Any:
    """The response with its body read and its file closed."""
    response: Any = Client().get(path, **headers)
    response.body = b"".join(response.streaming_content) if response.streaming else b""
    response.close()
    return response


def _assert_inert(response) -> None:
    assert response["Content-Security-Policy"] == UPLOAD_CONTENT_SECURITY_POLICY
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "name",
    ["documents/x.html", "documents/x.js", "documents/x.svg", "images/x.png", "original_images/x"],
)
def test_anything_but_an_image_is_an_inert_download(media_root: Path, name: str) -> None:
    _put(media_root, name, PAGE)

    response = _get(f"/media/{name}")

    assert response.status_code == 200
    _assert_inert(response)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == "attachment"
    assert response.body == PAGE


@pytest.mark.parametrize(
    ("format_", "content_type"),
    [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("GIF", "image/gif"), ("WEBP", "image/webp")],
)
def test_an_image_is_shown_by_its_bytes_not_its_name(
    media_root: Path, format_: str, content_type: str
) -> None:
    # Named as a page on purpose: the type comes from the file's signature.
    _put(media_root, "images/picture.html", _image_bytes(format_))

    response = _get("/media/images/picture.html")

    assert response.status_code == 200
    _assert_inert(response)
    assert response["Content-Type"] == content_type
    assert "attachment" not in response.get("Content-Disposition", "")
    assert response.body == _image_bytes(format_)


def test_image_signatures() -> None:
    assert image_type(_image_bytes("PNG")) == "image/png"
    assert image_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert image_type(b"RIFF\x00\x00\x00\x00AVI LIST") is None
    assert image_type(b"<svg xmlns='http://www.w3.org/2000/svg'/>") is None
    assert image_type(b"") is None


@pytest.mark.parametrize(
    "path",
    ["/media/missing.png", "/media/images/", "/media/../settings.py", "/media/%2e%2e/x"],
)
def test_missing_folders_and_escapes_are_not_found(media_root: Path, path: str) -> None:
    _put(media_root, "images/x.png", _image_bytes("PNG"))
    (media_root.parent / "x").write_bytes(PAGE)

    assert Client().get(path).status_code == 404


def test_only_reads_are_allowed_and_an_unchanged_file_is_not_sent_again(media_root: Path) -> None:
    _put(media_root, "images/x.png", _image_bytes("PNG"))

    assert Client().post("/media/images/x.png").status_code == 405
    first = _get("/media/images/x.png")
    again = _get("/media/images/x.png", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    stale = http_date((media_root / "images/x.png").stat().st_mtime - 3600)
    assert _get("/media/images/x.png", HTTP_IF_MODIFIED_SINCE=stale).status_code == 200


def test_the_documents_app_is_gone(admin_client) -> None:
    assert not apps.is_installed("wagtail.documents")
    assert "wagtail.documents" not in settings.INSTALLED_APPS
    assert admin_client.get("/admin/documents/").status_code == 404
    menu = admin_client.get("/admin/").content.decode()
    assert "/admin/documents/" not in menu


def test_a_reader_page_never_decodes_an_image(client, settings, tmp_path: Path) -> None:
    """Renditions are made at upload; a page whose image has none shows no image rather
    than decoding the original in the reader's request."""
    settings.MEDIA_ROOT = tmp_path
    picture = factories.image("Kharkiv at dawn")
    article = factories.published("en", "kharkiv-dawn", hero_image=picture)
    assert picture.renditions.count() == len(SITE_SPECS)

    shown = client.get(article.get_url()).content.decode()
    assert picture.renditions.get(filter_spec=HERO_SPECS[0]).url in shown

    picture.renditions.all().delete()
    cache.clear()
    page = client.get(article.get_url())

    assert page.status_code == 200
    assert "/media/images/" not in page.content.decode()
    assert not picture.renditions.exists()
    api = client.get(f"/api/v1/articles/{article.pk}")
    assert api.status_code == 200
    assert not picture.renditions.exists()
