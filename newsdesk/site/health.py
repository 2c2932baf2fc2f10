"""``/health``: what a monitor or a load balancer asks. Cheap (one query, one cache write
and read), never cached, and naming no host, version or secret (decision 0035).

The answer is 503 when the database does not answer: this process cannot serve what is not
cached. A late scheduler or a cache that does not answer leave it 200 — pages are still
served — and say so in the body, for the monitor to raise an alarm on.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.core.cache import cache
from django.db import DatabaseError, connections
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from newsdesk.http_policy import no_store
from newsdesk.publishing.heartbeat import pulse

logger = logging.getLogger(__name__)

PROBE_KEY = "newsdesk:health"


def _database() -> tuple[bool, Any]:
    try:
        # The primary: a monitor must hear about the database editors write to.
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
        return True, pulse()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return False, None


def _cache() -> bool:
    token = uuid.uuid4().hex
    try:
        cache.set(PROBE_KEY, token, 30)
        return bool(cache.get(PROBE_KEY) == token)
    except Exception:  # an unreachable cache raises or answers None, depending on backend
        return False


@require_safe
def health(request: HttpRequest) -> JsonResponse:
    database_ok, scheduler = _database()
    body: dict[str, Any] = {
        "status": "ok",
        "database": "ok" if database_ok else "unavailable",
        "cache": "ok" if _cache() else "unavailable",
    }
    if scheduler is not None:
        body["scheduler"] = {
            "state": scheduler.state,
            "seconds_since_last_tick": None
            if scheduler.seconds_since is None
            else round(scheduler.seconds_since),
            "late_after_seconds": round(scheduler.late_after),
        }
    else:
        body["scheduler"] = {"state": "unknown"}
    if not database_ok:
        body["status"] = "unavailable"
    elif body["cache"] != "ok" or scheduler.late:
        body["status"] = "degraded"
    return no_store(JsonResponse(body, status=200 if database_ok else 503))
