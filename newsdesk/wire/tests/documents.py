"""ninjs documents for the wire's tests: the project's own, none copied from elsewhere."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def story(uri: str = "urn:wire:test:1", version: str = "1", **fields: Any) -> dict[str, Any]:
    """A small valid ninjs 3.1 document in Ukrainian."""
    document: dict[str, Any] = {
        "standard": {"name": "ninjs", "version": "3.1"},
        "uri": uri,
        "type": "text",
        "version": version,
        "language": "uk",
        "headlines": [{"role": "main", "value": f"Заголовок версії {version}"}],
        "bodies": [{"role": "main", "contentType": "text/html", "value": "<p>Текст.</p>"}],
    }
    document.update(copy.deepcopy(fields))
    return document
