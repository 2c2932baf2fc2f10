"""Template helpers for the article body's blocks. None of them runs a query: the body's
images arrive with their renditions prefetched (see ``article_page``)."""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from newsdesk.articles.blocks import embed_player_url

from .. import images
from ..article_page import http_url as _http_url

register = template.Library()

# An outbound link (absolute http/https href) that carries no rel yet. Wagtail's rich text
# renders links as <a href="…"> with double-quoted attributes.
_OUTBOUND = re.compile(r'<a\b(?![^>]*\brel=)(?=[^>]*\bhref="https?://)')


@register.inclusion_tag("site/includes/image.html")
def body_image(value: Any) -> dict[str, Any]:
    """The responsive ``<img>`` of an image block (``value`` is the block's StructValue)."""
    picture = value.get("image")
    alt = images.alt_text(picture, value.get("alt") or "")
    return {"image": images.body_image(picture, alt)}


@register.filter
def embed_player(url: str) -> str:
    """The privacy-enhanced player address for a framed provider, else ""."""
    return embed_player_url(url or "") or ""


@register.filter
def http_url(url: str) -> str:
    return _http_url(url)


@register.filter(is_safe=True)
def sponsored(html: str) -> SafeString:
    """Mark every outbound link of affiliate material ``rel="sponsored"`` (Google's
    guidance for paid links). The input is already-rendered, escaped HTML."""
    safe = str(conditional_escape(html))
    return mark_safe(_OUTBOUND.sub('<a rel="sponsored"', safe))  # noqa: S308 - escaped above
