"""Bilingual phrase banks the demo writes its articles from.

Every string is a ``(Ukrainian, English)`` pair, and the English is a translation of the
Ukrainian, so an article and its twin say the same thing. Templates use ``str.format``
slots filled by :mod:`newsdesk_demo.slots` (``{city_loc}``, ``{drones}``…); a slot that
starts with a capital letter is the same value capitalised for the start of a sentence.

The banks are data: one JSON file per desk beside this module, each a list of kinds of
story in the shape of :class:`.base.Kind` (``[Ukrainian, English]`` for a pair; keys left
out take the defaults), read by :mod:`.data`. Places are in ``places.json``.
"""

from __future__ import annotations

from . import data
from .base import Kind

DESKS: dict[str, str] = {
    "war": "overnight attacks and strikes on cities",
    "frontline": "the war desk, continued: the front line and prisoner exchanges",
    "politics": "parliament, government decisions, anti-corruption cases",
    "economy": "the power grid, grain exports, money, reconstruction",
    # Every partner country in places.json is grammatically feminine in Ukrainian, so verbs
    # after {country} take the feminine past tense ("Німеччина оголосила").
    "world": "sanctions, diplomacy, aid from partners",
    "society": "evacuation, schools, veterans, demining",
    "technology": "drones, cyber defence, digital services, buying guides",
    "culture": "exhibitions, festivals, interviews",
    "reviews": "books and films for the culture desk (all titles invented)",
    # Columns are written so that the columnist's gender never shows in a verb.
    "opinion": "columns",
}
"""Each desk's bank, in the order the demo has always drawn from (the order is part of what
a seed reproduces)."""

KINDS: tuple[Kind, ...] = tuple(k for desk in DESKS for k in data.bank(desk))


def kind(code: str) -> Kind:
    """The kind of story whose ``code`` this is (``"strike"``)."""
    for candidate in KINDS:
        if candidate.code == code:
            return candidate
    raise LookupError(f"no kind of story {code!r} in the phrase banks")


__all__ = ["DESKS", "KINDS", "Kind", "kind"]
