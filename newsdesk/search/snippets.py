"""Highlighted snippets, cut in Python from the stored text of the rows on one page.

The result is a list of plain-text fragments, each marked or not; the template escapes
every one and wraps the marked ones in ``<mark>``, so neither the article text nor the
query can inject markup, and no HTML string is ever built here.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from .text import TEXT_WORD, word_key

SNIPPET_CHARS = 240
LEAD_IN = 60


@dataclass(frozen=True)
class Fragment:
    text: str
    mark: bool = False


def _matches(text: str, terms: Collection[str], reach: int | None = None) -> list[tuple[int, int]]:
    """Where the words of ``text`` that match ``terms`` are; with ``reach``, none more than
    that many characters past the first (a snippet shows nothing further)."""
    found: list[tuple[int, int]] = []
    for match in TEXT_WORD.finditer(text):
        if found and reach is not None and match.start() > found[0][0] + reach:
            break
        if word_key(match.group()) in terms:
            found.append(match.span())
    return found


def _fragments(text: str, spans: list[tuple[int, int]], start: int, end: int) -> list[Fragment]:
    out: list[Fragment] = []
    cursor = start
    for left, right in spans:
        if right <= start or left >= end:
            continue
        if left > cursor:
            out.append(Fragment(text[cursor:left]))
        out.append(Fragment(text[left:right], mark=True))
        cursor = right
    if cursor < end:
        out.append(Fragment(text[cursor:end]))
    return out


def highlight(text: str, terms: Collection[str]) -> list[Fragment]:
    """All of ``text`` (a headline), with the words that match ``terms`` marked."""
    return _fragments(text, _matches(text, terms), 0, len(text))


def snippet(texts: list[str], terms: Collection[str], size: int = SNIPPET_CHARS) -> list[Fragment]:
    """About ``size`` characters of the first of ``texts`` that matches, around its first
    match, cut at word boundaries; the start of the first text when none matches."""
    texts = [" ".join(text.split()) for text in texts if text and text.strip()]
    if not texts:
        return []
    chosen, spans = texts[0], []
    for text in texts:
        spans = _matches(text, terms, reach=size)
        if spans:
            chosen = text
            break
    start = 0
    if spans and spans[0][0] > LEAD_IN:
        start = chosen.find(" ", spans[0][0] - LEAD_IN) + 1
    end = len(chosen)
    if end - start > size:
        cut = chosen.rfind(" ", start, start + size)
        end = cut if cut > start else start + size
    fragments = _fragments(chosen, spans, start, end)
    if start > 0:
        fragments.insert(0, Fragment("…"))
    if end < len(chosen):
        fragments.append(Fragment("…"))
    return fragments
