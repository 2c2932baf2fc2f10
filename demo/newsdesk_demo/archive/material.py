"""The demo's phrase banks, filled in and put into words once, for thousands of articles.

Filling a story's slots and formatting its templates is the demo writer's slow part;
done per article it would cost more than writing the row. So each kind of story is
rendered in a few variants per year (its numbers, places and dates differ between
variants), both languages at once, and articles are composed from those sentences. Only
the current year's variants are kept, so memory stays flat over a long archive.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

from newsdesk.articles.slugs import slug_from_headline
from newsdesk_demo import slots
from newsdesk_demo.phrases import KINDS, Kind
from newsdesk_demo.phrases.base import Pair
from newsdesk_demo.phrases.places import CITIES, COUNTRIES

VARIANTS = 16
# Room left in the 120-character slug for "-" and the article's number.
SLUG_BASE_LENGTH = 100

Sentence = tuple[str, str, int]
"""A body sentence, HTML-escaped: (Ukrainian, English, English word count)."""


@dataclass(frozen=True)
class Rendered:
    """One variant of one kind of story, every template filled in."""

    headlines: list[Pair]
    slugs: list[Pair]
    leads: list[Pair]
    details: list[list[Sentence]]
    """Per angle: what only that version of the story says, first in its body."""
    sentences: list[Sentence]
    context: list[Pair]
    subheadings: list[Pair]
    quotes: list[tuple[Pair, Pair]]


class Material:
    """Rendered variants, kept for one year at a time."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.year = 0
        self.rendered: dict[tuple[int, int], Rendered] = {}
        self.pools: dict[tuple[str, int, int], list[Sentence]] = {}
        self.subheadings: dict[tuple[str, int], list[Pair]] = {}

    def get(self, kind: int, year: int, variant: int) -> Rendered:
        if year != self.year:
            self.year = year
            self.rendered.clear()
            self.pools.clear()
            self.subheadings.clear()
        found = self.rendered.get((kind, variant))
        if found is None:
            found = self.rendered[(kind, variant)] = self._render(kind, year, variant)
        return found

    def pool(self, kind: int, variant: int, *, same_desk: bool) -> list[Sentence]:
        """Sentences of the other kinds of the kind's desk (or of every other desk), for
        bodies longer than one kind's material: a reporter adds the wider picture."""
        key = (KINDS[kind].section, variant, int(same_desk))
        found = self.pools.get(key)
        if found is None:
            desk = KINDS[kind].section
            found = [
                sentence
                for other, candidate in enumerate(KINDS)
                if (candidate.section == desk) == same_desk and other != kind
                for sentence in self.get(other, self.year, variant).sentences
            ]
            self.pools[key] = found
        return found

    def desk_subheadings(self, kind: int, variant: int) -> list[Pair]:
        key = (KINDS[kind].section, variant)
        found = self.subheadings.get(key)
        if found is None:
            desk = KINDS[kind].section
            found = [
                pair
                for other, candidate in enumerate(KINDS)
                if candidate.section == desk
                for pair in self.get(other, self.year, variant).subheadings
            ]
            self.subheadings[key] = found
        return found

    def _render(self, index: int, year: int, variant: int) -> Rendered:
        kind = KINDS[index]
        rng = random.Random(f"archive-material:{self.seed}:{kind.code}:{year}:{variant}")  # noqa: S311
        cities = [c for c in CITIES if not kind.cities or c.tag in kind.cities]
        filled = slots.fill(
            rng,
            hour=rng.randrange(24),
            year=year,
            city=rng.choice(cities),
            country=rng.choice(COUNTRIES),
            extras={name: rng.choice(options) for name, options in kind.extras},
        )

        def say(pair: Pair) -> Pair:
            return (pair[0].format_map(filled[0]), pair[1].format_map(filled[1]))

        headlines = [say(angle.headline) for angle in kind.angles]
        return Rendered(
            headlines=headlines,
            slugs=[
                (
                    slug_from_headline(uk, max_length=SLUG_BASE_LENGTH),
                    slug_from_headline(en, max_length=SLUG_BASE_LENGTH),
                )
                for uk, en in headlines
            ],
            leads=[say(angle.lead) for angle in kind.angles],
            details=[[_sentence(say(pair)) for pair in angle.details] for angle in kind.angles],
            sentences=[_sentence(say(pair)) for pair in kind.sentences],
            context=[say(pair) for pair in kind.context],
            subheadings=[say(pair) for pair in kind.subheadings],
            quotes=[(say(quote.text), say(quote.who)) for quote in kind.quotes],
        )


def kinds_of(desk: str) -> list[int]:
    """Indexes of the kinds of story a desk files; every desk of the demo has some."""
    return [i for i, kind in enumerate(KINDS) if kind.section == desk]


def kind(index: int) -> Kind:
    return KINDS[index]


def _sentence(pair: Pair) -> Sentence:
    # Rich text needs <, > and & escaped; quotes and apostrophes stay readable.
    return (
        html.escape(pair[0], quote=False),
        html.escape(pair[1], quote=False),
        len(pair[1].split()),
    )
