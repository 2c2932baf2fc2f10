"""Front caches a purge must reach, behind one small protocol.

``NEWSDESK_FRONT_CACHES`` lists them (``settings/base.py`` adds Varnish when
``VARNISH_URLS`` is set). The app's own page cache needs no entry: it reads the key clock,
which every purge stamps.
"""

from __future__ import annotations

import http.client
from collections.abc import Collection
from typing import Any, ClassVar, Protocol
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.module_loading import import_string


class FrontCache(Protocol):
    def purge(self, keys: Collection[str]) -> None:
        """Drop every cached response carrying any of ``keys``. Raises on failure."""


class Varnish:
    """Varnish with vmod_xkey (``deploy/varnish/default.vcl``): one ``PURGE`` request per
    server, the keys in the ``xkey-purge`` header. The VCL accepts it from allowed
    addresses only and answers 200 with the number of objects dropped."""

    # Keys per request: a header line stays well under Varnish's 8 KB default.
    BATCH = 200

    def __init__(self, urls: list[str], timeout: float = 2.0) -> None:
        self.urls = urls
        self.timeout = timeout

    def purge(self, keys: Collection[str]) -> None:
        ordered = sorted(keys)
        for url in self.urls:
            address = urlsplit(url)
            for start in range(0, len(ordered), self.BATCH):
                connection = http.client.HTTPConnection(
                    address.hostname or "127.0.0.1", address.port or 80, timeout=self.timeout
                )
                try:
                    batch = " ".join(ordered[start : start + self.BATCH])
                    connection.request("PURGE", address.path or "/", headers={"xkey-purge": batch})
                    answer = connection.getresponse()
                    answer.read()
                finally:
                    connection.close()
                if answer.status != 200:
                    raise ConnectionError(f"{url} answered the purge with {answer.status}")


class Recording:
    """The dummy for tests: remembers every purge, in order (``Recording.purged``)."""

    purged: ClassVar[list[frozenset[str]]] = []

    def purge(self, keys: Collection[str]) -> None:
        Recording.purged.append(frozenset(keys))


def configured() -> list[FrontCache]:
    """The front caches of ``NEWSDESK_FRONT_CACHES``: ``{"BACKEND": path, "OPTIONS": {}}``."""
    found: list[FrontCache] = []
    for entry in getattr(settings, "NEWSDESK_FRONT_CACHES", []):
        backend: Any = import_string(entry["BACKEND"])
        found.append(backend(**entry.get("OPTIONS", {})))
    return found
