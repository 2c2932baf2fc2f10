"""ninjs 3.x documents checked against the IPTC's JSON Schemas, shipped in ``schemas/``.

The schemas are the IPTC's files as published (``schemas/README.md`` gives their origin
and digests); the GeoJSON schema they refer to is served from the same folder, so nothing
is fetched. A document names its version in ``standard.version``; one that names none is
checked against 3.1. The errors are given in the partner's terms: the JSON path of the
property and what the schema asks of it.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from referencing import Registry, Resource

FOLDER = Path(__file__).resolve().parent / "schemas"
GEOJSON = "https://geojson.org/schema/GeoJSON.json"
VERSIONS = {"3.0": "ninjs-schema_3.0.json", "3.1": "ninjs-schema_3.1.json"}
DEFAULT_VERSION = "3.1"
# Errors past this many are summed up: a partner fixes the first ones first.
MAX_ERRORS = 20
_QUOTED = re.compile(r"'([^']*)'")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document: where (a JSON Pointer) and what."""

    path: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


@functools.cache
def validator(version: str) -> Draft202012Validator:
    schema = json.loads((FOLDER / VERSIONS[version]).read_text(encoding="utf-8"))
    geojson = json.loads((FOLDER / "GeoJSON-schema.json").read_text(encoding="utf-8"))
    registry: Registry[Any] = Registry().with_resource(GEOJSON, Resource.from_contents(geojson))
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def version_of(document: dict[str, Any]) -> str:
    standard = document.get("standard")
    named = standard.get("version") if isinstance(standard, dict) else None
    if isinstance(named, str):
        for version in VERSIONS:
            if named == version or named.startswith(version + "."):
                return version
    return DEFAULT_VERSION


def check(document: Any) -> list[Problem]:
    """What is wrong with ``document`` as ninjs 3.x; empty when it is valid."""
    if not isinstance(document, dict):
        return [Problem("", _("A ninjs document is a JSON object."))]
    standard = document.get("standard")
    named = standard.get("version") if isinstance(standard, dict) else None
    if isinstance(named, str) and named and not named.startswith("3."):
        return [
            Problem(
                "/standard/version",
                _("Only ninjs 3.0 and 3.1 are accepted, not %(version)s.") % {"version": named},
            )
        ]
    errors = sorted(
        validator(version_of(document)).iter_errors(document),
        key=lambda error: [str(part) for part in error.absolute_path],
    )
    problems = [_problem(error) for error in errors[:MAX_ERRORS]]
    if len(errors) > MAX_ERRORS:
        problems.append(
            Problem("", _("… and %(count)d more errors.") % {"count": len(errors) - MAX_ERRORS})
        )
    return problems


def pointer(parts: Any) -> str:
    return "".join(f"/{str(part).replace('~', '~0').replace('/', '~1')}" for part in parts)


def _problem(error: SchemaError) -> Problem:
    where = pointer(error.absolute_path)
    keyword = str(error.validator)
    value: Any = error.validator_value
    if keyword == "required":
        missing = [name for name in value if name not in (error.instance or {})]
        return Problem(
            where, _("Required property missing: %(names)s.") % {"names": ", ".join(missing)}
        )
    if keyword in {"unevaluatedProperties", "additionalProperties"}:
        # jsonschema names them in its message: "('a', 'b' were unexpected)".
        extra = _QUOTED.findall(error.message.rpartition("(")[2])
        return Problem(
            where,
            _("Property not defined by ninjs: %(names)s.") % {"names": ", ".join(extra)},
        )
    if keyword == "type":
        wanted = value if isinstance(value, str) else " / ".join(value)
        return Problem(where, _("Must be of JSON type %(type)s.") % {"type": wanted})
    if keyword == "enum":
        return Problem(
            where, _("Must be one of: %(values)s.") % {"values": ", ".join(map(str, value))}
        )
    if keyword == "format":
        return Problem(where, _("Not a valid %(format)s.") % {"format": value})
    return Problem(
        where, _("Does not match the ninjs schema (rule «%(rule)s»).") % {"rule": keyword}
    )
