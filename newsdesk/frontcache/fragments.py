"""Parts of a page kept in the app's cache for as long as nothing they show has changed.

A fragment is stored with the surrogate keys of what it shows and the time its computation
began; a purge of any of those keys after that time makes it a miss, exactly as for the
page cache. The keys are noted for the response either way, so the page that shows a
cached fragment is purged with it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache

from . import clock, keys

T = TypeVar("T")
PREFIX = "frontcache:fragment:"
# When the outermost fragment being rendered began (see :func:`rendering`).
_outer_start: ContextVar[float | None] = ContextVar("outer_fragment_start", default=None)


@contextmanager
def rendering() -> Iterator[float]:
    """The time a fragment's render begins, for :func:`store`. Inside another render (a
    page kept whole around a body kept on its own) it is the outer one's: a key first
    seen by the inner fragment is stamped with that earlier time, so the outer fragment,
    stored after it, is not already stale."""
    outer = _outer_start.get()
    started = time.time() if outer is None else outer
    token = _outer_start.set(started)
    try:
        yield started
    finally:
        _outer_start.reset(token)


def cached(name: str, compute: Callable[[], tuple[T, Collection[str]]], timeout: int) -> T:
    """The value ``compute`` returns with its keys, from the cache while still valid."""
    entry: Any = cache.get(PREFIX + name)
    if entry is not None:
        value, shown, started = entry
        if clock.unchanged_since(shown, started):
            keys.note(*shown)
            return value  # type: ignore[no-any-return]
    outer = _outer_start.get()
    started = time.time() if outer is None else outer
    value, shown = compute()
    shown = frozenset(shown)
    clock.read(shown, unknown=started)
    cache.set(PREFIX + name, (value, shown, started), timeout)
    keys.note(*shown)
    return value


def lookup(names: Collection[str]) -> dict[str, Any]:
    """The still-valid fragments of ``names``, for many at once: one cache round trip for the
    fragments and one for the stamps of every key they show, whatever their number. The keys
    of those found are noted for the response."""
    if not names:
        return {}
    entries = cache.get_many([PREFIX + name for name in names])
    if not entries:
        return {}
    stamps = clock.read(frozenset().union(*(shown for _value, shown, _started in entries.values())))
    found: dict[str, Any] = {}
    for stored, (value, shown, started) in entries.items():
        if max((stamps[key] for key in shown), default=0.0) <= started:
            found[stored.removeprefix(PREFIX)] = value
            keys.note(*shown)
    return found


def store(
    computed: Mapping[str, tuple[Any, Collection[str]]], started: float, timeout: int
) -> None:
    """Keep fragments computed from data read after ``started`` (``time.time()``), each with
    the keys of what it shows, in one round trip; a purge of one of those keys since
    ``started`` makes it a miss on the next :func:`lookup`. The keys are noted for the
    response."""
    if not computed:
        return
    outer = _outer_start.get()
    started = started if outer is None else min(started, outer)
    shown_by = {name: frozenset(shown) for name, (_value, shown) in computed.items()}
    clock.read(frozenset().union(*shown_by.values()), unknown=started)
    cache.set_many(
        {
            PREFIX + name: (value, shown_by[name], started)
            for name, (value, _shown) in computed.items()
        },
        timeout,
    )
    for shown in shown_by.values():
        keys.note(*shown)


# A stored body stays until something it shows changes; a day bounds what an idle cache keeps.
BODY_SECONDS = 24 * 3600


def body_name(output: str, article: Any) -> str | None:
    """Where ``output``'s rendering of a published article's body is kept: by its published
    revision and time, which every publish replaces (rows loaded in bulk, without
    revisions, still have the time). None for anything unpublished."""
    return revision_name(f"body:{output}", article)


def revision_name(kind: str, article: Any) -> str | None:
    """A name for something rendered from a published article that only a publish (a new
    revision, a new time) or a purge of its keys can change; None for anything unpublished
    or when storage is off (``NEWSDESK_KEEP_RENDERED``: bench/pages.py measures both ways)."""
    if not getattr(settings, "NEWSDESK_KEEP_RENDERED", True):
        return None
    published = article.last_published_at or article.first_published_at
    if not article.pk or not article.live or published is None:
        return None
    return f"{kind}:{article.pk}:{article.live_revision_id or 0}:{published.timestamp()}"


def body_keys(chosen: Any) -> set[str]:
    """What a body shows besides its own revision: the articles, stories and images it
    chooses (``articles.body.vocabulary.Chosen``). A chosen article or story counts even
    while it is not shown (a draft, an empty timeline): its change can make it appear."""
    return {
        *(keys.article(pk) for pk in chosen.articles),
        *(keys.story(pk) for pk in chosen.stories),
        *(keys.image(pk) for pk in chosen.images),
    }
