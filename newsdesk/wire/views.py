"""``POST /api/v1/wire/ninjs``: a partner sends one ninjs document (decision 0053).

Under /api/, so the API's middleware counts it against the client's rate limit like any
API request (a 429 before anything here runs). A machine's endpoint: no session, no CSRF
token (the bearer token is the credential, and a browser never sends it on its own),
JSON only, a bounded body, never cached. Answers are JSON; messages are in the partner's
edition's language.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from newsdesk.accounts import security_log
from newsdesk.http_policy import no_store

from . import tokens
from .ingest import OLDER, TOKEN_REFUSED, Refused, ingest

MEDIA_TYPES = frozenset({"application/json", "application/ninjs+json"})
DEFAULT_MAX_BYTES = 1024 * 1024


def max_bytes() -> int:
    return int(getattr(settings, "NEWSDESK_WIRE_MAX_BYTES", DEFAULT_MAX_BYTES))


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


def _receive(request: HttpRequest, partner: Any) -> HttpResponse:
    media_type = request.content_type.lower() if request.content_type else ""
    if media_type not in MEDIA_TYPES:
        return _error(415, _("Send the document as application/json."))
    limit = max_bytes()
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not declared.isdigit() or int(declared) > limit:
        return _error(413, _("The document is larger than %(limit)d bytes.") % {"limit": limit})
    # Read no more than the limit, whatever the header said.
    raw = request.read(limit + 1)
    if len(raw) > limit:
        return _error(413, _("The document is larger than %(limit)d bytes.") % {"limit": limit})
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _error(400, _("The body is not JSON in UTF-8: %(error)s") % {"error": exc})
    try:
        result = ingest(document, partner=partner, request=request)
    except Refused as exc:
        return _error(
            400,
            _("The document was not taken: nothing was stored."),
            errors=[problem.as_json() for problem in exc.problems],
        )
    if result.outcome == OLDER:
        return _error(409, result.message, **result.as_json())
    return _answer(200, result.as_json())
