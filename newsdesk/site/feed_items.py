"""Feed items and top stories, rendered once per published revision of their article.

A listing (home, latest news, section, tag, author and story pages, "More news" slices)
reads its rows' heads first: only what names a kept item. Every item of the page is then
fetched in one cache round trip (``frontcache.fragments.lookup``: the items, then the
stamps of the keys they show); only the missing ones cost the rows, their renditions and
a render, in one pass, and are kept together (``fragments.store``). Decision 0058.

What an item shows, and what changes it:

- headline, address (slug), labels, the section's name (top stories), the hero's
  thumbnail: a publish gives a new revision, hence a new name; a purge of the article's
  key (an update note, live coverage, a translation), of its section (a rename) or of its
  image (a new focal point, new renditions) makes the kept item a miss;
- the time and, for top stories, the day: a property of the first published time, shown
  in Kyiv time in the edition's language; both the time and the edition are in the name;
- nothing relative to the present ("today", "5 minutes ago") is ever kept: the day
  headings of a feed are computed from the heads on each view (:func:`presentation.feed`).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.template.loader import get_template
from django.utils.safestring import SafeString

from newsdesk.articles.models import Article
from newsdesk.articles.query import HERO_SPECS, THUMBNAIL_SPECS, Cursor
from newsdesk.frontcache import fragments
from newsdesk.frontcache import keys as surrogate
from newsdesk.fronts.models import FrontItem
from newsdesk.http_policy import SHARED_CACHE_SECONDS

from . import images, presentation

# The shape of a kept item: a change of its templates or of what it shows changes this,
# so a release never reads items rendered by the one before.
ITEM_FORMAT = "i1"
# What a listing's first query reads of each row: enough to name its kept item and to
# place it under its day and after its cursor.
HEAD_FIELDS = ("id", "first_published_at", "last_published_at", "live", "live_revision_id")

# How an item is shown: in a feed, as a top story, as the lead top story (a larger image).
FEED = "feed"
TOP = "top"
LEAD = "lead"
ROLES = (FEED, TOP, LEAD)
_TEMPLATES = {
    FEED: "site/includes/feed_item.html",
    TOP: "site/includes/top_story.html",
    LEAD: "site/includes/top_story.html",
}

Wanted = tuple[Any, str]  # a head and its role


def heads(rows: Iterable[Mapping[str, Any]]) -> list[Any]:
    """Plain heads from ``values(*HEAD_FIELDS)`` rows (a warm page builds nothing else)."""
    return [SimpleNamespace(pk=row["id"], **row) for row in rows]


def page(queryset: Any, cursor: Cursor | None, size: int) -> tuple[list[Any], Cursor | None]:
    """The heads of one slice of a listing (``queryset``: a narrowed ``published()``),
    newest first by keyset, and the cursor of the next slice (None at the end): one query."""
    found = heads(queryset.newest_first().before(cursor).values(*HEAD_FIELDS)[: size + 1])
    more = len(found) > size
    found = found[:size]
    return found, Cursor(found[-1].first_published_at, found[-1].pk) if more else None


def item_name(head: Any, edition: str, role: str) -> str | None:
    """Where the item of ``head`` in ``role`` is kept, in ``edition``'s language; None
    when it is not (unpublished, or storage is off)."""
    first = head.first_published_at
    kind = f"feed-item:{ITEM_FORMAT}:{edition}:{role}:{first.timestamp() if first else ''}"
    return fragments.revision_name(kind, head)


def item_keys(article: Any, role: str) -> set[str]:
    """What an item shows besides its own revision: the article, its hero image, and for
    a top story its section's name."""
    found = {surrogate.article(article.pk)}
    if article.hero_image_id:
        found.add(surrogate.image(article.hero_image_id))
    if role != FEED:
        found.add(surrogate.section(article.section_id))
    return found


def _item(article: Any, edition: str, role: str) -> presentation.FeedItem:
    picture = None
    if role == LEAD and article.hero_image_id:
        alt = images.alt_text(article.hero_image, article.hero_alt)
        picture = images.lead(article.hero_image, alt)
    return presentation.feed_item(article, edition, image=picture)


def render(article: Any, edition: str, role: str) -> SafeString:
    """One item's HTML in the active language, as its listing's template lays it out."""
    item = _item(article, edition, role)
    return SafeString(get_template(_TEMPLATES[role]).render({"item": item, "role": role}))


def rendered(
    wanted: Sequence[Wanted], edition: str, load: Callable[[list[int]], Iterable[Any]]
) -> dict[tuple[int, str], SafeString]:
    """The HTML of each wanted (head, role), by (id, role): kept items in one lookup,
    the others rendered from the rows ``load`` returns for their ids (one query for the
    rows, one for their renditions) and kept in one round trip. An article gone out of
    print between the two reads is left out."""
    names = {(head.pk, role): item_name(head, edition, role) for head, role in wanted}
    kept = fragments.lookup([name for name in names.values() if name is not None])
    found = {wanted_: kept[name] for wanted_, name in names.items() if name in kept}
    missing = [wanted_ for wanted_ in names if wanted_ not in found]
    if not missing:
        return found
    started = time.time()
    rows = {row.pk: row for row in load(sorted({pk for pk, _role in missing}))}
    computed: dict[str, tuple[SafeString, Collection[str]]] = {}
    for pk, role in missing:
        row = rows.get(pk)
        if row is None:
            continue
        html = found[pk, role] = render(row, edition, role)
        name = names[pk, role]
        if name is not None:
            computed[name] = (html, item_keys(row, role))
        else:
            surrogate.note(*item_keys(row, role))
    fragments.store(computed, started, fragments.BODY_SECONDS)
    return found


def loader(edition: str, specs: tuple[str, ...]) -> Callable[[list[int]], Iterable[Any]]:
    """Published rows of ``edition`` by id with what an item shows, renditions of
    ``specs`` included: the rows of the items a page has to render."""

    def load(pks: list[int]) -> Iterable[Any]:
        return Article.objects.published().in_edition(edition).filter(pk__in=pks).for_listing(specs)

    return load


def feed(
    queryset: Any, edition: str, cursor: Cursor | None, *, more_path: str
) -> presentation.Feed:
    """A slice of the listing ``queryset`` (a narrowed ``published()``) after ``cursor``:
    one query for the heads, one cache lookup for the items, and only when some are
    missing the rows and renditions to render them."""
    rows, next_cursor = page(queryset, cursor, settings.NEWSDESK_FEED_PAGE_SIZE)
    html = rendered([(row, FEED) for row in rows], edition, loader(edition, THUMBNAIL_SPECS))
    return presentation.feed(
        rows, next_cursor, lambda row: html.get((row.pk, FEED)), more_path=more_path
    )


TOP_STORIES_LIMIT = 9


def front_order(edition: str) -> dict[int, int]:
    """The articles on the edition's front with their place in the editors' order (the
    first, if placed twice): one query, then kept until the front is saved (``home``: its
    items are saved with it) or for as long as a shared cache keeps the page."""

    def compute() -> tuple[dict[int, int], set[str]]:
        placed = FrontItem.objects.filter(
            front__locale__language_code=edition, sort_order__isnull=False
        )
        order: dict[int, int] = {}
        for pk, place in placed.order_by("sort_order").values_list("article_id", "sort_order"):
            order.setdefault(pk, place or 0)
        return order, {surrogate.home(edition)}

    if not getattr(settings, "NEWSDESK_KEEP_RENDERED", True):
        return compute()[0]
    return fragments.cached(f"front-order:{edition}", compute, SHARED_CACHE_SECONDS)


def top_story_heads(edition: str) -> list[Any]:
    """The heads of the front's published articles in the editors' order (the newest
    first among equals), at most ``TOP_STORIES_LIMIT``: one query by id, so that a
    publish or a withdrawal shows at once, whatever is kept."""
    order = front_order(edition)
    if not order:
        return []
    rows = heads(
        Article.objects.published().in_edition(edition).filter(pk__in=order).values(*HEAD_FIELDS)
    )
    rows.sort(key=lambda row: (order[row.pk], -row.first_published_at.timestamp()))
    return rows[:TOP_STORIES_LIMIT]


def front(edition: str, *, more_path: str) -> tuple[list[SafeString], presentation.Feed]:
    """The home page's top stories (the lead first) and first slice of the latest news:
    their heads (a query for the feed's, the front's kept), and every item of both in one
    cache lookup."""
    top = top_story_heads(edition)
    rows, next_cursor = page(
        Article.objects.published().in_edition(edition), None, settings.NEWSDESK_FEED_PAGE_SIZE
    )
    placed = [(head, LEAD if position == 0 else TOP) for position, head in enumerate(top)]
    wanted = placed + [(row, FEED) for row in rows]
    html = rendered(wanted, edition, loader(edition, HERO_SPECS + THUMBNAIL_SPECS))
    stories = [html[head.pk, role] for head, role in placed if (head.pk, role) in html]
    latest = presentation.feed(
        rows, next_cursor, lambda row: html.get((row.pk, FEED)), more_path=more_path
    )
    return stories, latest
