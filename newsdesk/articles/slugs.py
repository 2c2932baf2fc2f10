"""Article slugs: ASCII in both editions, unique within an edition, never an old address."""

# ruff: noqa: RUF001 - single Cyrillic letters and apostrophes are what the tables map

from __future__ import annotations

import re
from collections.abc import Set

from anyascii import anyascii
from django.utils.text import slugify

from .models import Article, PublishedSlug

MAX_LENGTH = Article._meta.get_field("slug").max_length or 120

# Ukraine's official romanisation (Cabinet of Ministers resolution No. 55 of 2010), the one
# that spells "Kyiv"; a generic transliterator such as anyascii writes "Kiiv".
_UKRAINIAN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia",
}  # fmt: skip
_UKRAINIAN_WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_APOSTROPHES = "'’ʼ"


def _inside_word(previous: str) -> bool:
    return previous.isalpha() or (previous != "" and previous in _APOSTROPHES)


def romanise_ukrainian(text: str) -> str:
    """Ukrainian letters in the official romanisation, lowercase; other text untouched."""
    out: list[str] = []
    previous = ""
    for char in text.lower():
        if char in _APOSTROPHES:
            pass  # dropped, and the next letter is still inside the word ("п'ять" → "piat")
        elif char == "г" and previous == "з":
            out.append("gh")  # "зг" → "zgh", so that it is not read as "ж"
        elif char in _UKRAINIAN_WORD_START and not _inside_word(previous):
            out.append(_UKRAINIAN_WORD_START[char])
        else:
            out.append(_UKRAINIAN.get(char, char))
        previous = char
    return "".join(out)


_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f](?=\d{3}\b)")
_DECIMAL = re.compile(r"(?<=\d)[.,](?=\d)")


def slug_from_headline(headline: str, *, max_length: int = MAX_LENGTH) -> str:
    """ "Київ під обстрілом" → "kyiv-pid-obstrilom"; other scripts go through anyascii.

    Numbers stay readable ("12 400" and "12,400" give "12400", "14,5%" gives "14-5", not
    "145"), and a long slug is cut at a word boundary, never mid-word.
    """
    text = _DECIMAL.sub("-", _THOUSANDS.sub("", headline))
    slug = slugify(anyascii(romanise_ukrainian(text)))
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1].rsplit("-", 1)[0]
    return cut or slug[:max_length]


def free_slug(
    base: str, *, locale_id: int, article_id: int | None = None, also_taken: Set[str] = frozenset()
) -> str:
    """The first of base, base-2, base-3… that no other article of the edition uses now or
    used before (old addresses keep redirecting to their article), nor is in
    ``also_taken`` (slugs given to articles not yet written: an import's batch)."""
    articles = Article.objects.filter(locale_id=locale_id, slug__startswith=base)
    addresses = PublishedSlug.objects.filter(locale_id=locale_id, slug__startswith=base)
    if article_id is not None:
        articles = articles.exclude(pk=article_id)
        addresses = addresses.exclude(article_id=article_id)
    taken = set(articles.values_list("slug", flat=True))
    taken |= set(addresses.values_list("slug", flat=True))
    taken |= also_taken
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = base[: MAX_LENGTH - len(suffix)].rstrip("-") + suffix
    return candidate
