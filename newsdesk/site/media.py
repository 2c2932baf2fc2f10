"""Uploaded files under ``/media/``: images of the allowed types as images, anything else as
an inert download (docs/decisions/0027-uploads-are-never-active-content.md).

The type is read from the file's first bytes, never from its name: a file named ``x.png``
that holds HTML is a download. A front server that serves ``MEDIA_ROOT`` itself must send the
same headers (docs/security.md, "Uploads").
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponseBase,
    HttpResponseNotModified,
)
from django.utils._os import safe_join
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since

from newsdesk.http_policy import inert, public

# What the site shows as images: the upload extensions Wagtail accepts
# (WAGTAILIMAGES_EXTENSIONS) and the formats renditions are written in.
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
SNIFF_BYTES = 16


def image_type(head: bytes) -> str | None:
    """The MIME type of an allowed image format whose signature starts ``head``, else None."""
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


@require_safe
def serve(request: HttpRequest, path: str) -> HttpResponseBase:
    try:
        found = Path(safe_join(settings.MEDIA_ROOT, path))
    except SuspiciousFileOperation as exc:
        raise Http404 from exc
    if not found.is_file():
        raise Http404
    modified = found.stat().st_mtime
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), modified):
        return HttpResponseNotModified()
    handle = found.open("rb")
    content_type = image_type(handle.read(SNIFF_BYTES))
    handle.seek(0)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    response["Last-Modified"] = http_date(modified)
    return public(inert(response, attachment=content_type is None))
