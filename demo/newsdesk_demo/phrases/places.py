"""Places the stories happen in, with the Ukrainian case forms the templates need
(``places.json``)."""

# ruff: noqa: RUF003
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from .data import fields, many, pair, pairs, read, text


@dataclass(frozen=True)
class City:
    tag: str
    name: tuple[str, str]
    gen: str  # "Харкова"
    loc: str  # "у Харкові", with its preposition
    po: str  # "по Харкову", for "удар по …"
    region: tuple[str, str]  # ("Харківщина", "the Kharkiv region")
    region_gen: str
    region_loc: str


@dataclass(frozen=True)
class Country:
    name: tuple[str, str]
    gen: str  # "Німеччини"
    loc: str  # "у Німеччині"
    capital: tuple[str, str]
    capital_loc: str  # "у Берліні"


def _city(data: Any, where: str) -> City:
    d = fields(data, where, required=tuple(f.name for f in dataclasses.fields(City)))
    return City(
        tag=text(d["tag"], f"{where}.tag"),
        name=pair(d["name"], f"{where}.name"),
        gen=text(d["gen"], f"{where}.gen"),
        loc=text(d["loc"], f"{where}.loc"),
        po=text(d["po"], f"{where}.po"),
        region=pair(d["region"], f"{where}.region"),
        region_gen=text(d["region_gen"], f"{where}.region_gen"),
        region_loc=text(d["region_loc"], f"{where}.region_loc"),
    )


def _country(data: Any, where: str) -> Country:
    d = fields(data, where, required=tuple(f.name for f in dataclasses.fields(Country)))
    return Country(
        name=pair(d["name"], f"{where}.name"),
        gen=text(d["gen"], f"{where}.gen"),
        loc=text(d["loc"], f"{where}.loc"),
        capital=pair(d["capital"], f"{where}.capital"),
        capital_loc=text(d["capital_loc"], f"{where}.capital_loc"),
    )


_PLACES = fields(read("places"), "places.json", required=("cities", "directions", "countries"))
CITIES: tuple[City, ...] = many(_PLACES["cities"], "places.json cities", _city)
DIRECTIONS: tuple[tuple[str, str], ...] = pairs(_PLACES["directions"], "places.json directions")
"""Front-line sectors as the General Staff names them: (locative, English)."""
COUNTRIES: tuple[Country, ...] = many(_PLACES["countries"], "places.json countries", _country)
