"""Our own normalisation of Ukrainian and English text, the same for the index and queries.

Neither backend knows Ukrainian: PostgreSQL ships no Ukrainian dictionary and FTS5's
tokenizers at most fold case. So both index the *keys* made here and are told to do
nothing more: PostgreSQL's ``simple`` configuration, and FTS5's ``ascii`` tokenizer, which
cuts at the spaces between keys and leaves every other letter as it is (``unicode61``
would read each letter's Unicode class again, a quarter of an insert's cost, and with
its diacritic removal turn "й" into "и" and "ї" into "і").

A key is a word, case-folded, with every form of the apostrophe dropped ("м’ята",
"м'ята" and "мʼята" are one word), "ґ" read as "г", and its inflectional ending cut off
by a deliberately light stemmer: "Харків", "Харкова", "Харкові" and "Харковом" share the
key "харк"; "strikes", "striking" and "struck"… the first two share "strik". Light means
it over-merges a little and misses some forms; it never needs a dictionary.
"""

# ruff: noqa: RUF001, RUF002, RUF003 - Ukrainian letters and apostrophes are the subject

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Every apostrophe a Ukrainian text is typed with: ASCII, right single quotation mark,
# modifier letter apostrophe (the orthographically correct one), grave accent, left single
# quotation mark, prime, acute accent and the fullwidth apostrophe.
APOSTROPHES = "'’ʼ`‘′´＇"
# A pattern, not ``str.translate``: translating a long non-ASCII text char by char was a
# third of the cost of indexing a body.
_APOSTROPHE = re.compile("[" + re.escape(APOSTROPHES) + "]")
# Letters and digits; underscores and everything else separate words. Emoji, punctuation
# and FTS operators ("*", "^", ":", "(", "-", quotes) can never reach a query.
WORD = re.compile(r"[^\W_]+")
# A word as it appears in running text, apostrophes included, for snippets.
TEXT_WORD = re.compile(r"[^\W_]+(?:[" + re.escape(APOSTROPHES) + r"][^\W_]+)*")

MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 8

_CYRILLIC = re.compile(r"[а-яіїєґ]")
_LATIN = re.compile(r"^[a-z]+$")
_UK_VOWELS = "аеєиіїоуюяь"
# Case endings of nouns and adjectives, longest first so that "ові" goes before "і".
_UK_ENDINGS = sorted(
    ("ами", "ями", "ові", "еві", "єві", "ого", "ього", "ому", "ьому", "ими", "іми", "ах", "ях",
     "ів", "їв", "ей", "ою", "ею", "єю", "ом", "ем", "єм", "ам", "ям", "ий", "ій", "ої", "их",
     "іх", "им", "ім", "ая", "яя", "ую", "юю", "а", "я", "у", "ю", "і", "ї", "е", "є", "о",
     "и", "ь"),
    key=len,
    reverse=True,
)  # fmt: skip
_UK_MIN_STEM = 3
# In a closed final syllable "о"/"е" become "і" and "є" becomes "ї" ("Харків" but
# "Харкова", "Київ" but "Києва", "кінь" but "коня"): read the stem's last "і" as "о".
_ALTERNATION = re.compile(r"([^" + _UK_VOWELS + r"])і([^" + _UK_VOWELS + r"])$")
_ALTERNATION_YI = re.compile(r"ї([^" + _UK_VOWELS + r"])$")
_UK_SUFFIX = ("ов", "ев", "єв")  # "Харков-" and "Харк-" are one name
_DOUBLE_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1$")


def fold(text: str) -> str:
    """Unicode-normalised, case-folded text with apostrophes dropped and "ґ" read as "г"."""
    # Most text is already normalised, and checking is a tenth of normalising.
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    return _APOSTROPHE.sub("", text).replace("ґ", "г")


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return WORD.findall(fold(text))


def _stem_ukrainian(word: str) -> str:
    stem = word
    for ending in _UK_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _UK_MIN_STEM:
            stem = word[: -len(ending)]
            break
    stem = _ALTERNATION.sub(r"\1о\2", stem)
    stem = _ALTERNATION_YI.sub(r"є\1", stem)
    for suffix in _UK_SUFFIX:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _UK_MIN_STEM:
            return stem[: -len(suffix)]
    return stem


def _stem_english(word: str) -> str:
    stem = word
    if stem.endswith("ies") and len(stem) > 4:
        stem = stem[:-3] + "y"
    elif stem.endswith(("sses", "shes", "ches", "xes", "zes")):
        stem = stem[:-2]
    elif stem.endswith("s") and not stem.endswith(("ss", "us", "is")) and len(stem) > 3:
        stem = stem[:-1]
    for ending, shortest in (("ing", 6), ("ed", 5)):
        if stem.endswith(ending) and len(stem) >= shortest:
            stem = stem[: -len(ending)]
            if _DOUBLE_CONSONANT.search(stem) and not stem.endswith(("ll", "ss", "zz")):
                stem = stem[:-1]
            break
    if stem.endswith("e") and len(stem) > 3:
        stem = stem[:-1]
    return stem


@functools.lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """The index key of one folded word (see the module docstring). Cached: a language's
    words repeat, and stemming each occurrence was most of the cost of a rebuild."""
    if _CYRILLIC.search(word):
        return _stem_ukrainian(word)
    if _LATIN.match(word):
        return _stem_english(word)
    return word


@functools.lru_cache(maxsize=65_536)
def word_key(word: str) -> str:
    """The key of one word as running text spells it (case, apostrophes and all), or ""
    for none. Cached: a page of results reads the same words in text after text, and
    folding each occurrence was most of the cost of cutting its snippets. Smaller than
    ``stem``'s cache: this one lives in every web worker, and the words that repeat from
    page to page are the common ones."""
    folded = fold(word)
    return stem(folded) if folded else ""


def keys(text: str) -> list[str]:
    """The index keys of ``text``, in order, repeats kept (they count for ranking)."""
    return list(map(stem, words(text)))


def key_text(text: str) -> str:
    """``text`` as the space-separated keys the backends index."""
    return " ".join(map(stem, words(text)))


def distinct_key_text(text: str) -> str:
    """``text``'s keys, each once, in the order they first appear: what finding a text by
    its words needs, where repeats do not rank it (an SQLite body: decision 0072)."""
    return " ".join(dict.fromkeys(map(stem, words(text))))


@dataclass(frozen=True)
class ParsedQuery:
    """What a reader typed, reduced to at most :data:`MAX_QUERY_TERMS` distinct keys."""

    terms: tuple[str, ...]
    shortened: bool

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(raw: str) -> ParsedQuery:
    """The keys to look for. Only letters and digits survive, so no FTS syntax, control
    character or NUL byte typed by a reader ever reaches the database; the text is cut to
    :data:`MAX_QUERY_CHARS` characters first, so a 100,000-character query costs nothing."""
    shortened = len(raw) > MAX_QUERY_CHARS
    terms: list[str] = []
    for key in keys(raw[:MAX_QUERY_CHARS]):
        if key not in terms:
            terms.append(key)
    if len(terms) > MAX_QUERY_TERMS:
        terms, shortened = terms[:MAX_QUERY_TERMS], True
    return ParsedQuery(terms=tuple(terms), shortened=shortened)
