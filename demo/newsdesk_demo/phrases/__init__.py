"""Bilingual phrase banks the demo writes its articles from.

Every string is a ``(Ukrainian, English)`` pair, and the English is a translation of the
Ukrainian, so an article and its twin say the same thing. Templates use ``str.format``
slots filled by :mod:`newsdesk_demo.slots` (``{city_loc}``, ``{drones}``…); a slot that
starts with a capital letter is the same value capitalised for the start of a sentence.
"""

from __future__ import annotations

from . import (
    culture,
    economy,
    frontline,
    opinion,
    politics,
    reviews,
    society,
    technology,
    war,
    world,
)
from .base import Kind

KINDS: tuple[Kind, ...] = (
    *war.KINDS,
    *frontline.KINDS,
    *politics.KINDS,
    *economy.KINDS,
    *world.KINDS,
    *society.KINDS,
    *technology.KINDS,
    *culture.KINDS,
    *reviews.KINDS,
    *opinion.KINDS,
)

__all__ = ["KINDS", "Kind"]
