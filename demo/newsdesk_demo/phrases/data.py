"""Reading the phrase banks' JSON files (``<desk>.json``, ``places.json``) into the shapes of
:mod:`.base` and :mod:`.places`.

The files are data that writers edit by hand, so a key that is missing, misspelt or of the
wrong shape stops the demo with the file and the key named, rather than with a ``KeyError``
deep in an article.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any, TypeVar

from .base import Angle, FactBox, Kind, Pair, Quote, Source

T = TypeVar("T")


class BankError(ValueError):
    """A phrase bank file that does not have the expected shape."""


def read(name: str) -> Any:
    """The parsed contents of ``<name>.json`` beside this module (package data)."""
    text = resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return json.loads(text)


def fields(
    data: Any, where: str, *, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> Mapping[str, Any]:
    """``data`` as an object with exactly the ``required`` keys and any of the ``optional``."""
    if not isinstance(data, dict):
        raise BankError(f"{where}: expected an object, found {type(data).__name__}")
    missing = [key for key in required if key not in data]
    unknown = sorted(set(data) - set(required) - set(optional))
    if missing or unknown:
        raise BankError(f"{where}: missing keys {missing}, unknown keys {unknown}")
    return data


def text(data: Any, where: str) -> str:
    if not isinstance(data, str):
        raise BankError(f"{where}: expected a string, found {type(data).__name__}")
    return data


def pair(data: Any, where: str) -> Pair:
    """A ``[Ukrainian, English]`` pair."""
    if not isinstance(data, list) or len(data) != 2:
        raise BankError(f"{where}: expected a [Ukrainian, English] pair, found {data!r}")
    return (text(data[0], where), text(data[1], where))


def many(data: Any, where: str, item: Callable[[Any, str], T]) -> tuple[T, ...]:
    if not isinstance(data, list):
        raise BankError(f"{where}: expected a list, found {type(data).__name__}")
    return tuple(item(value, f"{where}[{index}]") for index, value in enumerate(data))


def pairs(data: Any, where: str) -> tuple[Pair, ...]:
    return many(data, where, pair)


def _angle(data: Any, where: str) -> Angle:
    d = fields(data, where, required=("headline", "lead"), optional=("details",))
    return Angle(
        headline=pair(d["headline"], f"{where}.headline"),
        lead=pair(d["lead"], f"{where}.lead"),
        details=pairs(d.get("details", []), f"{where}.details"),
    )


def _quote(data: Any, where: str) -> Quote:
    d = fields(data, where, required=("text", "who"))
    return Quote(text=pair(d["text"], f"{where}.text"), who=pair(d["who"], f"{where}.who"))


def _fact_box(data: Any, where: str) -> FactBox:
    d = fields(data, where, required=("title", "items"))
    return FactBox(title=pair(d["title"], f"{where}.title"), items=pairs(d["items"], where))


def _source(data: Any, where: str) -> Source:
    d = fields(data, where, required=("name", "url", "note"))
    return Source(
        name=pair(d["name"], f"{where}.name"),
        url=text(d["url"], f"{where}.url"),
        note=pair(d["note"], f"{where}.note"),
    )


KIND_REQUIRED = (
    "code",
    "section",
    "angles",
    "sentences",
    "subheadings",
    "quotes",
    "fact_boxes",
    "sources",
    "tags",
    "motifs",
)
KIND_OPTIONAL = ("context", "labels", "label_odds", "weight", "local", "cities", "extras", "video")


def kind(data: Any, where: str) -> Kind:
    """One :class:`Kind`; keys left out take the dataclass's defaults."""
    d = fields(data, where, required=KIND_REQUIRED, optional=KIND_OPTIONAL)
    where = f"{where} ({d.get('code')})"
    options: dict[str, Any] = {}
    if "context" in d:
        options["context"] = pairs(d["context"], f"{where}.context")
    for key in ("labels", "cities"):
        if key in d:
            options[key] = many(d[key], f"{where}.{key}", text)
    for key, kinds in (("label_odds", (int, float)), ("weight", (int,)), ("local", (bool,))):
        if key in d:
            # bool is an int to Python, not to a writer who typed `true` for a weight.
            if isinstance(d[key], bool) != (kinds == (bool,)) or not isinstance(d[key], kinds):
                raise BankError(f"{where}.{key}: unexpected value {d[key]!r}")
            options[key] = d[key]
    if "extras" in d:
        extras = d["extras"]
        if not isinstance(extras, dict):
            raise BankError(f"{where}.extras: expected an object of slot names")
        options["extras"] = tuple(
            (text(slot, f"{where}.extras"), pairs(values, f"{where}.extras.{slot}"))
            for slot, values in extras.items()
        )
    if "video" in d:
        options["video"] = pair(d["video"], f"{where}.video")
    return Kind(
        code=text(d["code"], f"{where}.code"),
        section=text(d["section"], f"{where}.section"),
        angles=many(d["angles"], f"{where}.angles", _angle),
        sentences=pairs(d["sentences"], f"{where}.sentences"),
        subheadings=pairs(d["subheadings"], f"{where}.subheadings"),
        quotes=many(d["quotes"], f"{where}.quotes", _quote),
        fact_boxes=many(d["fact_boxes"], f"{where}.fact_boxes", _fact_box),
        sources=many(d["sources"], f"{where}.sources", _source),
        tags=many(d["tags"], f"{where}.tags", text),
        motifs=many(d["motifs"], f"{where}.motifs", text),
        **options,
    )


def bank(desk: str) -> tuple[Kind, ...]:
    """The kinds of story in ``<desk>.json``, in the file's order."""
    return many(read(desk), f"{desk}.json", kind)
