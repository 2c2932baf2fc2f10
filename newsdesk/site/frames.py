"""The frame of a home page or listing — its ``<head>``, header and footer — rendered once
and kept until something it shows changes (decision 0058), as an article's is (0054).

A frame shows the edition's navigation and language switch (the ``chrome`` key), and for
a section, tag, author or story page that item's name, description and translation (its
own key). It shows nothing of the articles listed, so a publish leaves it kept. Only the
first page of a listing keeps its frame: a "More news" slice names its cursor in its
title and canonical address, and keeping one frame per cursor would let any address a
client makes up take room in the cache.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from newsdesk.frontcache import fragments
from newsdesk.frontcache import keys as surrogate
from newsdesk.http_policy import SHARED_CACHE_SECONDS

from .presentation import Chrome

# The shape of a kept frame: a release that changes it reads none kept by the one before.
FRAME_FORMAT = "f1"


@dataclass(frozen=True)
class Frame:
    """What ``site/framed.html`` fills ``site/base.html``'s blocks with, and the data
    (``chrome``) they were rendered from."""

    chrome: Chrome
    head: SafeString
    header: SafeString
    footer: SafeString


def render(chrome: Chrome) -> Frame:
    """The frame's HTML in the active language, as ``site/base.html`` would include it."""
    context = {"chrome": chrome}
    return Frame(
        chrome,
        head=SafeString(render_to_string("site/includes/head.html", context)),
        header=SafeString(render_to_string("site/includes/header.html", context)),
        footer=SafeString(render_to_string("site/includes/footer.html", context)),
    )


def name(edition: str, path: str) -> str:
    """Where the frame of the first page of the listing at ``path`` is kept."""
    return f"listing-frame:{FRAME_FORMAT}:{edition}:{path}"


def kept(name: str | None, build: Callable[[], Chrome], shows: Collection[str] = ()) -> Frame:
    """The frame kept under ``name``, else rendered from the chrome ``build`` returns and
    kept with the keys it noted and ``shows`` (the listed item's), for as long as a shared
    cache keeps the page. Without a name (a "More news" slice) or with storage off
    (``NEWSDESK_KEEP_RENDERED``) it is rendered on every view."""
    if name is None or not getattr(settings, "NEWSDESK_KEEP_RENDERED", True):
        return render(build())

    def compute() -> tuple[Frame, set[str]]:
        with surrogate.collecting() as shown:
            frame = render(build())
        return frame, shown | set(shows)

    return fragments.cached(name, compute, SHARED_CACHE_SECONDS)
