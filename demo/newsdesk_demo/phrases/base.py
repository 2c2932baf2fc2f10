"""The shapes a phrase bank is written in."""

from __future__ import annotations

from dataclasses import dataclass

Pair = tuple[str, str]
"""The same text in Ukrainian and in English."""


@dataclass(frozen=True)
class Quote:
    text: Pair
    who: Pair


@dataclass(frozen=True)
class FactBox:
    title: Pair
    items: tuple[Pair, ...]


@dataclass(frozen=True)
class Source:
    name: Pair
    url: str
    note: Pair


@dataclass(frozen=True)
class Angle:
    """A headline, the lead written for it, and facts that only this version of the story has."""

    headline: Pair
    lead: Pair
    details: tuple[Pair, ...] = ()


@dataclass(frozen=True)
class Kind:
    """One kind of story a desk files again and again ("overnight drone attack")."""

    code: str
    section: str
    angles: tuple[Angle, ...]
    sentences: tuple[Pair, ...]
    """Body sentences that fit every angle of the story."""
    subheadings: tuple[Pair, ...]
    quotes: tuple[Quote, ...]
    fact_boxes: tuple[FactBox, ...]
    sources: tuple[Source, ...]
    tags: tuple[str, ...]
    motifs: tuple[str, ...]
    context: tuple[Pair, ...] = ()
    """Sentences that may follow any lead."""
    labels: tuple[str, ...] = ()
    label_odds: float = 0.0
    weight: int = 2
    local: bool = True
    """Whether the story happens in the city of its ``{city}`` slot (which becomes a tag)."""
    cities: tuple[str, ...] = ()
    """Tags of the cities the story may happen in; empty for any."""
    extras: tuple[tuple[str, tuple[Pair, ...]], ...] = ()
    """Extra slots of this kind of story: (slot name, the values to pick from)."""
    video: Pair | None = None
    """Title of a video embed, for stories that may carry one."""
