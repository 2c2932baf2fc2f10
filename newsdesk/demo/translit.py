"""Latin slugs for demo headlines, in Ukraine's official romanisation ("Війна" → "viina").

The letters come from :func:`newsdesk.editorial.slugs.romanise_ukrainian`, the table the
admin uses, so demo and hand-made slugs agree. On top of it the demo keeps numbers
readable and never cuts a word in half.
"""

from __future__ import annotations

import re

from anyascii import anyascii
from django.utils.text import slugify

from newsdesk.editorial.slugs import romanise_ukrainian

_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f](?=\d{3}\b)")
_DECIMAL = re.compile(r"(?<=\d)[.,](?=\d)")


def slug_for(text: str, *, max_length: int = 80) -> str:
    """A Latin slug, cut at a word boundary so it never ends mid-word."""
    # "12 400" and "12,400" both give "12400"; "14,5%" gives "14-5", not "145".
    text = _DECIMAL.sub("-", _THOUSANDS.sub("", text))
    slug = slugify(anyascii(romanise_ukrainian(text)))
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1].rsplit("-", 1)[0]
    return cut or slug[:max_length]
