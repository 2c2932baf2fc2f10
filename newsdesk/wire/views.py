"""``POST /api/v1/wire/ninjs``: a partner sends one ninjs document (decision 0053).

Under /api/, so the API's middleware counts it against the client's rate limit like any
API request (a 429 before anything here runs). A machine's endpoint: no session, no CSRF
token (the bearer token is the credential, and a browser never sends it on its own),
JSON, or multipart with the files of its pictures (decision 0057), a bounded body, never
cached. Answers are JSON; messages are in the partner's edition's language.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from newsdesk.accounts import security_log
from newsdesk.http_policy import no_store

from . import pictures, tokens
from .ingest import OLDER, TOKEN_REFUSED, Refused, ingest

MEDIA_TYPES = frozenset({"application/json", "application/ninjs+json"})
MULTIPART = "multipart/form-data"
# The multipart part that holds the document; every other part is a picture's file.
DOCUMENT_PART = "document"
DEFAULT_MAX_BYTES = 1024 * 1024


def max_bytes() -> int:
    """The most a document may weigh, alone or as its multipart part."""
    return int(getattr(settings, "NEWSDESK_WIRE_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_multipart_bytes() -> int:
    """The most a multipart request may weigh: the document and as many pictures as one may
    carry, each within the upload limit (each is checked again on its own)."""
    per_picture = int(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    # A part's headers and boundary, generously.
    overhead = 4096 * (pictures.MAX_PICTURES + 1)
    return max_bytes() + pictures.MAX_PICTURES * per_picture + overhead


def _answer(status: int, data: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False), status=status, content_type="application/json"
    )
    response["Content-Language"] = translation.get_language() or "en"
    no_store(response)
    return response


def _error(status: int, detail: str, **extra: Any) -> HttpResponse:
    return _answer(status, {"detail": detail, **extra})


@csrf_exempt
def receive(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        with translation.override("en"):
            response = _error(405, _("Send ninjs documents with POST."))
        response["Allow"] = "POST"
        return response
    partner = tokens.authenticate(tokens.from_header(request.headers.get("Authorization", "")))
    if partner is None:
        security_log.record(TOKEN_REFUSED, request=request)
        with translation.override("en"):
            response = _error(401, _("A valid partner token is required (Authorization: Bearer)."))
        response["WWW-Authenticate"] = f'{tokens.SCHEME} realm="wire"'
        return response
    with translation.override(partner.edition):
        return _receive(request, partner)


def _too_large(limit: int, *, whole: bool = False) -> HttpResponse:
    if whole:
        return _error(
            413,
            _("The request with its pictures is larger than %(limit)d bytes.") % {"limit": limit},
        )
    return _error(413, _("The document is larger than %(limit)d bytes.") % {"limit": limit})


def _from_multipart(request: HttpRequest) -> tuple[bytes, dict[str, Any]] | HttpResponse:
    """The document's bytes and the other parts' files by name, or the answer that says
    why not. Django reads no more than Content-Length, checked before; files past
    ``FILE_UPLOAD_MAX_MEMORY_SIZE`` wait on disk, not in memory."""
    try:
        files, fields = request.FILES, request.POST
    except RequestDataTooBig:
        return _too_large(max_bytes())
    except (MultiPartParserError, SuspiciousOperation) as exc:
        return _error(400, _("The multipart body cannot be read: %(error)s") % {"error": exc})
    part = files.get(DOCUMENT_PART)
    if part is not None:
        if part.size is None or part.size > max_bytes():
            return _too_large(max_bytes())
        raw = part.read()
    elif DOCUMENT_PART in fields:
        raw = fields[DOCUMENT_PART].encode("utf-8")
        if len(raw) > max_bytes():
            return _too_large(max_bytes())
    else:
        return _error(
            400,
            _("The multipart body has no part named %(name)s holding the document.")
            % {"name": DOCUMENT_PART},
        )
    return raw, {name: files[name] for name in files if name != DOCUMENT_PART}


def _receive(request: HttpRequest, partner: Any) -> HttpResponse:
    media_type = request.content_type.lower() if request.content_type else ""
    multipart = media_type == MULTIPART
    if media_type not in MEDIA_TYPES and not multipart:
        return _error(
            415,
            _(
                "Send the document as application/json, or as multipart/form-data with its "
                "pictures."
            ),
        )
    limit = max_multipart_bytes() if multipart else max_bytes()
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not declared.isdigit() or int(declared) > limit:
        return _too_large(limit, whole=multipart)
    attachments: dict[str, Any] = {}
    if multipart:
        read = _from_multipart(request)
        if isinstance(read, HttpResponse):
            return read
        raw, attachments = read
    else:
        # Read no more than the limit, whatever the header said.
        raw = request.read(limit + 1)
        if len(raw) > limit:
            return _too_large(limit)
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _error(400, _("The body is not JSON in UTF-8: %(error)s") % {"error": exc})
    try:
        result = ingest(document, partner=partner, request=request, attachments=attachments)
    except Refused as exc:
        return _error(
            400,
            _("The document was not taken: nothing was stored."),
            errors=[problem.as_json() for problem in exc.problems],
        )
    if result.outcome == OLDER:
        return _error(409, result.message, **result.as_json())
    return _answer(200, result.as_json())
