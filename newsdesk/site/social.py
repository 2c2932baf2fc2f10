"""Open Graph and Twitter card tags: how a page looks when it is shared.

Facebook, Telegram, Viber and most messengers read Open Graph; X reads its own ``twitter:``
names and falls back to Open Graph for the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings

from .images import Picture

# Open Graph wants language_TERRITORY.
OG_LOCALES = {"uk": "uk_UA", "en": "en_GB"}


@dataclass(frozen=True)
class Meta:
    """One ``<meta>``: Open Graph uses ``property``, Twitter cards use ``name``."""

    key: str
    content: str
    attribute: str = "property"


def page_tags(
    *,
    edition: str,
    title: str,
    description: str,
    url: str,
    image: Picture | None = None,
    kind: str = "website",
) -> list[Meta]:
    tags = [
        Meta("og:site_name", settings.WAGTAIL_SITE_NAME),
        Meta("og:type", kind),
        Meta("og:title", title),
        Meta("og:url", url),
        Meta("og:locale", OG_LOCALES[edition]),
        *[Meta("og:locale:alternate", tag) for code, tag in OG_LOCALES.items() if code != edition],
    ]
    if description:
        tags.append(Meta("og:description", description))
    card = "summary"
    if image is not None:
        card = "summary_large_image"
        tags += [
            Meta("og:image", image.url),
            Meta("og:image:type", "image/jpeg"),
            Meta("og:image:width", str(image.width)),
            Meta("og:image:height", str(image.height)),
        ]
        if image.alt:
            tags += [Meta("og:image:alt", image.alt), Meta("twitter:image:alt", image.alt, "name")]
    tags += [Meta("twitter:card", card, "name"), Meta("twitter:title", title, "name")]
    if description:
        tags.append(Meta("twitter:description", description, "name"))
    return tags


def article_tags(
    *,
    published: dt.datetime | None,
    modified: dt.datetime | None,
    section: str,
    tags: list[str],
) -> list[Meta]:
    """The ``article:`` namespace of Open Graph, added to :func:`page_tags` for an article."""
    found = []
    if published is not None:
        found.append(Meta("article:published_time", published.isoformat(timespec="seconds")))
    if modified is not None:
        found.append(Meta("article:modified_time", modified.isoformat(timespec="seconds")))
    found.append(Meta("article:section", section))
    found += [Meta("article:tag", tag) for tag in tags]
    return found
