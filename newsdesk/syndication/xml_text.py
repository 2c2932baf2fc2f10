"""Text that XML 1.0 can carry.

XML 1.0 allows no control character but tab, line feed and carriage return. Editors paste
them (a vertical tab or form feed from a word processor), and Django's XML writer refuses
them with an exception: one such headline or section name took the whole edition's feed,
or the news sitemap, down with a 500 (found by the XSS drill, decision 0046). They carry
nothing a reader sees, so feeds and sitemaps leave them out.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.xmlutils import SimplerXMLGenerator

_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    return _NOT_IN_XML.sub("", value)


def clean(values: dict[str, Any]) -> None:
    """Drop what XML cannot carry from the strings of ``values`` (and of its lists), in
    place: a feed generator's channel or item."""
    for key, value in values.items():
        if isinstance(value, str):
            values[key] = xml_text(value)
        elif isinstance(value, list | tuple):
            values[key] = type(value)(xml_text(v) if isinstance(v, str) else v for v in value)


class XMLTextGenerator(SimplerXMLGenerator):
    """Django's XML writer, leaving out the characters XML 1.0 cannot carry."""

    def characters(self, content: str) -> None:
        super().characters(xml_text(content) if content else content)
