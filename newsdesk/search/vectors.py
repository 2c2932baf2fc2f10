"""PostgreSQL ``tsvector`` and ``tsquery`` values written from our own keys.

The keys are already the words to index (:mod:`.text`), so PostgreSQL's parser has nothing
left to do but split them at spaces; it did that at about 4 ms a body, more than the rest
of indexing together. The vector is written here as PostgreSQL's own text form instead,
with the same positions and weights as ``setweight(to_tsvector('simple', …), …) || …``
over the columns in order (a test compares the two), and the query as ``'a' & 'b'``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

# PostgreSQL's limits: the last position a word may have, how many positions a word keeps
# in one vector, and the longest word it indexes (in bytes; longer ones are skipped).
LAST_POSITION = 16383
MAX_POSITIONS = 256
LONGEST_WORD = 2047


def _quoted(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _column(keys: Sequence[str]) -> dict[str, list[int]]:
    """``to_tsvector('simple', …)`` of space-separated keys: positions from 1, at most
    255 of them per word, none past the last position."""
    found: dict[str, list[int]] = {}
    position = 0
    for key in keys:
        if len(key.encode()) > LONGEST_WORD:
            continue
        position += 1
        at = min(position, LAST_POSITION)
        positions = found.setdefault(key, [])
        if not positions or (
            len(positions) < MAX_POSITIONS - 1 and positions[-1] not in (LAST_POSITION, at)
        ):
            positions.append(at)
    return found


def vector(columns: Sequence[tuple[Sequence[str], str]]) -> str:
    """The text form of the concatenated, weighted vectors of ``columns``: (keys, weight)
    pairs, weights "A" to "D". Each column's positions follow the highest of those before
    it, as ``||`` places them."""
    fast = _vector_within_limits(columns)
    return fast if fast is not None else _vector_at_the_limits(columns)


# "1A" … "16383D": a position and its weight, written once (a body has hundreds of words).
_LABELS = {
    weight: [f"{position}{weight}" for position in range(LAST_POSITION + 1)] for weight in "ABCD"
}


def _vector_within_limits(columns: Sequence[tuple[Sequence[str], str]]) -> str | None:
    """The vector of a document no limit applies to (all but the rarest): every word's
    position is its place in the document; ``None`` for the others."""
    found: defaultdict[str, list[str]] = defaultdict(list)
    offset = 0
    for keys, weight in columns:
        if not keys:
            continue
        if offset + len(keys) >= LAST_POSITION or max(map(len, keys)) * 4 > LONGEST_WORD:
            return None
        labels = _LABELS[weight]
        for position, key in enumerate(keys, offset + 1):
            found[key].append(labels[position])
        offset += len(keys)
    if any(len(positions) >= MAX_POSITIONS - 1 for positions in found.values()):
        return None
    text = " ".join(f"'{word}':{','.join(positions)}" for word, positions in found.items())
    # Keys are letters and digits; anything else is quoted by the exact path.
    return None if "\\" in text or text.count("'") != 2 * len(found) else text


def _vector_at_the_limits(columns: Sequence[tuple[Sequence[str], str]]) -> str:
    words: dict[str, list[str]] = {}
    last: dict[str, int] = {}
    offset = 0
    for keys, weight in columns:
        highest = offset
        for word, positions in _column(keys).items():
            kept = words.setdefault(word, [])
            for position in positions:
                if len(kept) >= MAX_POSITIONS or last.get(word) == LAST_POSITION:
                    break
                at = min(position + offset, LAST_POSITION)
                kept.append(f"{at}{weight}")
                last[word] = at
                highest = max(highest, at)
        offset = highest
    return " ".join(f"{_quoted(word)}:{','.join(positions)}" for word, positions in words.items())


def query(terms: Sequence[str]) -> str:
    """Every term, joined by AND (the text form of a ``tsquery``)."""
    return " & ".join(_quoted(term) for term in terms)
