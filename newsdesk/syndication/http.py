"""Conditional GET and cache headers shared by feeds, sitemaps and robots.txt."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from newsdesk.site.views import public


def conditional(
    request: HttpRequest, response: HttpResponse, last_modified: dt.datetime | None = None
) -> HttpResponse:
    """Answer 304 when the client already holds this exact body (``If-None-Match``) or
    nothing changed since the time it names (``If-Modified-Since``, RFC 9110 §13.1.3).

    The ETag is a digest of the body, so any change of the output (an unpublished item
    included) gives a new one; ``Last-Modified`` is the newest change the output shows.
    Both go out with the public cache headers of the reader pages.
    """
    etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    stamp = int(last_modified.timestamp()) if last_modified is not None else None
    answer = get_conditional_response(request, etag=etag, last_modified=stamp, response=response)
    return public(answer or response)
