"""The two editions (Ukrainian and English) and how times are shown in them.

An edition is a Wagtail ``Locale``: every content model is ``TranslatableMixin``, so an item
belongs to one edition and its translations share a ``translation_key``.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.urls import register_converter

EDITIONS: tuple[str, ...] = ("uk", "en")
DEFAULT_EDITION = "uk"
KYIV = ZoneInfo("Europe/Kyiv")


def other_edition(edition: str) -> str:
    return "en" if edition == "uk" else "uk"


def kyiv(moment: dt.datetime) -> dt.datetime:
    """The same instant on a Kyiv wall clock (both editions show Kyiv time)."""
    return moment.astimezone(KYIV)


class EditionConverter:
    """``<edition:edition>`` in URL patterns: only the codes in :data:`EDITIONS`."""

    regex = "|".join(EDITIONS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


# Registered here, once, because every output app's URLconf uses it and Django refuses
# a second registration of the same name.
register_converter(EditionConverter, "edition")
