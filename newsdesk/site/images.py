"""Responsive images from renditions that were loaded with the page's rows.

The renditions come prefetched with the page's rows, so building an ``<img>`` here costs no
query. They are made when the image is uploaded (:mod:`newsdesk.articles.renditions`); a
reader's request never decodes an image, so one whose renditions are missing renders as no
image rather than costing the request the memory of its pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsdesk.articles.query import HERO_SPECS, SHARE_SPEC, SHARE_SPECS, THUMBNAIL_SPECS
from newsdesk.articles.renditions import existing as existing_renditions

# The CSS lays the page out in a column of at most 46rem (736px) and shows feed thumbnails
# at 6rem on phones and 10rem from 40em up; these tell the browser which file to pick.
HERO_SIZES = "(min-width: 48em) 736px, 100vw"
THUMBNAIL_SIZES = "(min-width: 40em) 160px, 96px"
LEAD_SIZES = "(min-width: 64em) 560px, (min-width: 48em) 60vw, 100vw"


@dataclass(frozen=True)
class Picture:
    """One rendition: what a shared link or a search engine is shown."""

    url: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class ResponsiveImage:
    src: str
    srcset: str
    sizes: str
    width: int
    height: int
    alt: str
    lazy: bool = True


def alt_text(image: Any, preferred: str = "") -> str:
    """The editor's alternative text for this use, else the image's own description."""
    return (preferred or getattr(image, "description", "") or "").strip()


def _prefetched(image: Any, specs: tuple[str, ...]) -> list[Any] | None:
    """The renditions loaded with the row, in ``specs`` order, when all of them are there.

    ``get_renditions`` would find the same objects but parses every spec into filter
    operations first, which was an eighth of a feed page's render time (bench/pages.py).
    """
    loaded = {r.filter_spec: r for r in getattr(image, "prefetched_renditions", ())}
    found = [loaded.get(spec) for spec in specs]
    return found if all(found) else None


def responsive(
    image: Any,
    specs: tuple[str, ...],
    *,
    sizes: str,
    alt: str,
    lazy: bool = True,
    fallback: int = 0,
) -> ResponsiveImage | None:
    """An ``<img>`` description from ``specs`` (narrowest first); ``fallback`` picks the
    rendition used for ``src``, ``width`` and ``height``."""
    if image is None:
        return None
    renditions = _prefetched(image, specs) or existing_renditions(image, specs)
    if renditions is None:
        return None
    by_width: dict[int, Any] = {}
    for rendition in renditions:
        # A source narrower than a spec gives the same width twice; a srcset may not repeat one.
        by_width.setdefault(rendition.width, rendition)
    default = renditions[min(fallback, len(renditions) - 1)]
    return ResponsiveImage(
        src=default.url,
        srcset=", ".join(f"{r.url} {w}w" for w, r in sorted(by_width.items())),
        sizes=sizes,
        width=default.width,
        height=default.height,
        alt=alt,
        lazy=lazy,
    )


def thumbnail(image: Any, alt: str) -> ResponsiveImage | None:
    return responsive(image, THUMBNAIL_SPECS, sizes=THUMBNAIL_SIZES, alt=alt)


def hero(image: Any, alt: str) -> ResponsiveImage | None:
    # The hero is the page's largest paint: loaded at once, never lazily.
    return responsive(image, HERO_SPECS, sizes=HERO_SIZES, alt=alt, lazy=False, fallback=1)


def body_image(image: Any, alt: str) -> ResponsiveImage | None:
    return responsive(image, HERO_SPECS, sizes=HERO_SIZES, alt=alt, fallback=1)


def lead(image: Any, alt: str) -> ResponsiveImage | None:
    """The first top story on a home page, shown larger than a thumbnail."""
    return responsive(image, HERO_SPECS, sizes=LEAD_SIZES, alt=alt, lazy=False, fallback=1)


def share(image: Any, alt: str) -> Picture | None:
    """The picture shown when the page is shared (``SHARE_SPEC``)."""
    found = share_set(image, alt, (SHARE_SPEC,))
    return found[0] if found else None


def share_set(image: Any, alt: str, specs: tuple[str, ...] = SHARE_SPECS) -> list[Picture]:
    """The crops search engines may show for the article (``SHARE_SPECS``: 16:9, 4:3, 1:1),
    from the renditions loaded with the page; none when they have not been made."""
    if image is None:
        return []
    renditions = _prefetched(image, specs) or existing_renditions(image, specs)
    if renditions is None:
        return []
    return [Picture(r.url, r.width, r.height, alt) for r in renditions]
