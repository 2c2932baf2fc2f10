"""Compression of the reader's responses: pages, feeds, sitemaps and the API, in gzip, or
in Brotli where the client accepts it.

Readers on a weak mobile connection (a power cut, a shared cell) pay for every byte, and
text shrinks to a sixth of its size. What is compressed:

- only responses to requests outside the admin and without a session cookie, which set no
  cookie and are not ``private``: BREACH recovers a secret (a CSRF token, an editor's
  data) from the compressed size of a page that also reflects the attacker's input, and
  only the editors' pages carry secrets (decision 0025);
- only text (HTML, XML, feeds, JSON, CSV, plain text) of at least ``MIN_SIZE`` bytes; a
  response already encoded (WhiteNoise's pre-compressed static files) is left as it is.

The middleware stands outside ``ConditionalGetMiddleware`` and the app's page cache, so
the page cache keeps one uncompressed copy and every request is compressed for its own
``Accept-Encoding``. Each encoding is a representation of its own, with an ETag of its own
(``"<tag>-gzip"``, ``"<tag>-br"``): on the way in, a tag of the encoding this request will
get is turned back into the uncompressed response's tag, so the ETag checks inside (Django's
and the API's) answer 304 as before, and the 304 carries the encoded tag again.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable

import brotli
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_vary_headers

from newsdesk.http_policy import has_session_cookie, is_admin_path

GZIP = "gzip"
BROTLI = "br"
# Most compact first. Varnish speaks only gzip; Brotli reaches readers of the embedded stack.
ENCODINGS = (BROTLI, GZIP)
# Below this, the headers outweigh what compression saves.
MIN_SIZE = 200
# Brotli is what the embedded stack's browsers get, compressed on every request (the page
# cache keeps the plain copy): quality 5 takes under 2 ms on the 159 KB feed, 11 takes 340.
# gzip 6 is what Varnish stores, compressed once per miss: 7 % smaller than level 5 for 8 ms
# instead of 2 (docs/benchmarks.md).
GZIP_LEVEL = 6
BROTLI_QUALITY = 5
COMPRESSIBLE_TYPES = frozenset(
    {
        "text/html",
        "text/plain",
        "text/css",
        "text/csv",
        "text/xml",
        "text/javascript",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/json",
        "application/feed+json",
        "application/ld+json",
        "application/javascript",
        "image/svg+xml",
    }
)
_CODING = re.compile(r"^\s*([A-Za-z0-9*_-]+)\s*(?:;\s*q\s*=\s*([^,;\s]*))?")


def negotiate(accept_encoding: str) -> str | None:
    """The encoding a client asking ``accept_encoding`` gets, or None for the plain body.

    Brotli is preferred to gzip when both are acceptable, whatever their order: it is the
    smaller one, and clients list what they accept, not what they favour."""
    weights: dict[str, float] = {}
    for part in accept_encoding.split(","):
        found = _CODING.match(part)
        if found is None:
            continue
        try:
            weight = float(found.group(2)) if found.group(2) is not None else 1.0
        except ValueError:
            continue
        weights[found.group(1).lower()] = weight
    for encoding in ENCODINGS:
        if weights.get(encoding, weights.get("*", 0.0)) > 0:
            return encoding
    return None


def encoded_etag(etag: str, encoding: str) -> str:
    """``"abc"`` → ``"abc-gzip"``; a weak tag stays weak."""
    if not etag.endswith('"'):
        return etag
    return f'{etag[:-1]}-{encoding}"'


def decoded_if_none_match(header: str, encoding: str) -> tuple[str, bool]:
    """``header`` with the tags of ``encoding`` turned back into the plain body's tags, and
    whether there were any. Tags of other encodings stay as they are and so do not match."""
    suffix = f'-{encoding}"'
    found = False
    tags = []
    for tag in header.split(","):
        tag = tag.strip()
        if tag.endswith(suffix):
            tag = tag[: -len(suffix)] + '"'
            found = True
        tags.append(tag)
    return ", ".join(tags), found


def compress(content: bytes, encoding: str) -> bytes:
    if encoding == BROTLI:
        compressed: bytes = brotli.compress(content, quality=BROTLI_QUALITY)
        return compressed
    # mtime=0: the same body compresses to the same bytes, so a range or a cache agrees.
    return gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)


def may_compress_request(request: HttpRequest) -> bool:
    """The admin's pages and anything an editor is signed in for carry secrets (BREACH)."""
    return not is_admin_path(request.path) and not has_session_cookie(request)


def is_compressible(response: HttpResponseBase) -> bool:
    media_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return (
        media_type in COMPRESSIBLE_TYPES
        and not response.streaming
        and not response.has_header("Content-Encoding")
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
    )


class CompressionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not may_compress_request(request):
            return self.get_response(request)
        encoding = negotiate(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        holds_encoded = False
        if encoding is not None and "HTTP_IF_NONE_MATCH" in request.META:
            request.META["HTTP_IF_NONE_MATCH"], holds_encoded = decoded_if_none_match(
                request.META["HTTP_IF_NONE_MATCH"], encoding
            )
        response = self.get_response(request)
        if response.status_code == 304:
            # The client's copy was the encoded one: confirm it under its own tag.
            if holds_encoded and encoding is not None and response.has_header("ETag"):
                response["ETag"] = encoded_etag(response["ETag"], encoding)
                patch_vary_headers(response, ("Accept-Encoding",))
            return response
        if (
            not is_compressible(response)
            or not isinstance(response, HttpResponse)
            or len(response.content) < MIN_SIZE
        ):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if encoding is None:
            return response
        compressed = compress(response.content, encoding)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(compressed))
        if response.has_header("ETag"):
            response["ETag"] = encoded_etag(response["ETag"], encoding)
        return response
