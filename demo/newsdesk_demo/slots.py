"""The values a story's templates are filled with, in both languages at once.

Ukrainian nouns agree with the numeral in front of them ("2 дрони", "5 дронів", "21 дрон"),
and a numeral ending in 1 also changes the verb and the accusative ("запустив 21 ракету").
Counts here never end in 1 (11 aside), so every template reads right with two noun forms.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass

from .phrases.places import DIRECTIONS, City, Country

Slots = dict[str, str]

_EN_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True)
class Noun:
    few: str  # after 2, 3, 4 (but not 12 to 14)
    many: str  # after 5 to 20 and after 12 to 14; also every genitive ("з 87 дронів")
    en_one: str
    en_many: str


NOUNS: dict[str, tuple[Noun, int, int, int]] = {
    # slot: (noun, lowest, highest, step)
    "drones": (Noun("дрони", "дронів", "drone", "drones"), 24, 180, 1),
    "missiles": (Noun("ракети", "ракет", "missile", "missiles"), 2, 16, 1),
    "buildings": (Noun("будинки", "будинків", "building", "buildings"), 2, 18, 1),
    "injured": (Noun("людини", "людей", "person", "people"), 2, 17, 1),
    "clashes": (Noun("бойові зіткнення", "бойових зіткнень", "clash", "clashes"), 96, 230, 1),
    "assaults": (Noun("штурми", "штурмів", "assault", "assaults"), 12, 64, 1),
    "airstrikes": (Noun("авіаудари", "авіаударів", "air strike", "air strikes"), 18, 70, 1),
    "bombs": (
        Noun("керовані авіабомби", "керованих авіабомб", "guided bomb", "guided bombs"),
        30,
        140,
        1,
    ),
    "settlements": (
        Noun("населені пункти", "населених пунктів", "settlement", "settlements"),
        6,
        48,
        1,
    ),
    "customers": (Noun("споживачі", "споживачів", "household", "households"), 3000, 140000, 100),
    "hours": (Noun("години", "годин", "hour", "hours"), 2, 9, 1),
    "days": (Noun("дні", "днів", "day", "days"), 2, 9, 1),
    "vessels": (Noun("судна", "суден", "vessel", "vessels"), 22, 78, 1),
    "hectares": (Noun("гектари", "гектарів", "hectare", "hectares"), 1200, 48000, 100),
    "votes": (Noun("голоси", "голосів", "vote", "votes"), 228, 312, 1),
    "schools": (Noun("школи", "шкіл", "school", "schools"), 4, 40, 1),
    "visitors": (Noun("відвідувачі", "відвідувачів", "visitor", "visitors"), 1200, 18000, 100),
    "works": (Noun("роботи", "робіт", "work", "works"), 24, 140, 1),
    "artists": (Noun("митці", "митців", "artist", "artists"), 6, 40, 1),
    "films": (Noun("фільми", "фільмів", "film", "films"), 12, 60, 1),
    "companies": (Noun("компанії", "компаній", "company", "companies"), 12, 90, 1),
}
# Animate nouns whose accusative after 2 to 4 differs from the nominative: kept to 5 and up.
MANY_ONLY: dict[str, tuple[Noun, int, int, int]] = {
    "evacuees": (Noun("людини", "людей", "person", "people"), 40, 900, 1),
    "returned": (Noun("захисники", "захисників", "defender", "defenders"), 60, 300, 1),
    "children": (Noun("дитини", "дітей", "child", "children"), 120, 600, 10),
}
BARE: dict[str, tuple[int, int, int]] = {
    "fpv_n": (900, 2400, 10),
    "units_n": (8000, 40000, 500),
    "area_n": (100, 900, 50),
    "km_n": (3, 40, 1),
}


def _uk_number(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


def _en_number(n: int, *, spell: bool = True) -> str:
    return _EN_WORDS[n] if spell and n < 10 else f"{n:,}"


def _decimal(x: float) -> str:
    return f"{x:g}" if x == int(x) else f"{x:.1f}"


def _uk_decimal(x: float) -> str:
    return _decimal(x).replace(".", ",")


def _count(rng: random.Random, low: int, high: int, step: int, *, many_only: bool) -> int:
    while True:
        n = rng.randrange(low, high + 1, step)
        last, tens = n % 10, n % 100
        if last == 1 and tens != 11:
            continue
        if many_only and last in (2, 3, 4) and tens not in (12, 13, 14):
            continue
        return n


def _is_few(n: int) -> bool:
    return n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)


def _put(uk: Slots, en: Slots, key: str, uk_value: str, en_value: str) -> None:
    uk[key], en[key] = uk_value, en_value


def _put_count(uk: Slots, en: Slots, key: str, n: int, noun: Noun) -> None:
    uk[key] = f"{_uk_number(n)} {noun.few if _is_few(n) else noun.many}"
    en[key] = f"{_en_number(n)} {noun.en_one if n == 1 else noun.en_many}"
    uk[f"{key}_n"], en[f"{key}_n"] = _uk_number(n), _en_number(n, spell=False)
    # Every genitive takes the plural ("з 83 дронів"), since no count ends in 1.
    uk[f"{key}_gen"], en[f"{key}_gen"] = f"{_uk_number(n)} {noun.many}", en[key]


def time_of_day(hour: int) -> tuple[str, str]:
    """How a report names the part of the day it happened in (Kyiv hours)."""
    if hour < 5:
        return ("уночі", "overnight")
    if hour < 11:
        return ("зранку", "this morning")
    if hour < 17:
        return ("удень", "this afternoon")
    if hour < 22:
        return ("увечері", "this evening")
    return ("пізно ввечері", "late this evening")


def fill(
    rng: random.Random,
    *,
    hour: int,
    year: int,
    city: City,
    country: Country,
    extras: Mapping[str, tuple[str, str]] | None = None,
) -> tuple[Slots, Slots]:
    """Every slot a template may use, as (Ukrainian, English) dictionaries."""
    uk: Slots = {}
    en: Slots = {}
    for key, pair in (extras or {}).items():
        _put(uk, en, key, *pair)
    _put(uk, en, "city", *city.name)
    _put(uk, en, "city_gen", city.gen, city.name[1])
    _put(uk, en, "city_loc", city.loc, f"in {city.name[1]}")
    _put(uk, en, "city_po", city.po, f"on {city.name[1]}")
    _put(uk, en, "region", *city.region)
    _put(uk, en, "region_gen", city.region_gen, city.region[1])
    _put(uk, en, "region_loc", city.region_loc, f"in {city.region[1]}")
    _put(uk, en, "direction_loc", *rng.choice(DIRECTIONS))
    _put(uk, en, "country", *country.name)
    _put(uk, en, "country_gen", country.gen, country.name[1])
    _put(uk, en, "country_loc", country.loc, f"in {country.name[1]}")
    _put(uk, en, "capital", *country.capital)
    _put(uk, en, "capital_loc", country.capital_loc, f"in {country.capital[1]}")
    _put(uk, en, "when", *time_of_day(hour))
    _put(uk, en, "year", str(year), str(year))
    _put(uk, en, "next_year", str(year + 1), str(year + 1))

    counts: dict[str, int] = {}
    for key, (noun, low, high, step) in NOUNS.items():
        counts[key] = _count(rng, low, high, step, many_only=False)
        _put_count(uk, en, key, counts[key], noun)
    for key, (noun, low, high, step) in MANY_ONLY.items():
        _put_count(uk, en, key, _count(rng, low, high, step, many_only=True), noun)
    for key, (low, high, step) in BARE.items():
        n = _count(rng, low, high, step, many_only=False)
        _put(uk, en, key, _uk_number(n), f"{n:,}")
    downed = _count(rng, counts["drones"] * 3 // 4, counts["drones"] - 2, 1, many_only=False)
    _put_count(uk, en, "downed", downed, NOUNS["drones"][0])

    tonnes = rng.randint(21, 68) / 10
    _put(uk, en, "tonnes", f"{_uk_decimal(tonnes)} млн тонн", f"{_decimal(tonnes)} million tonnes")
    uah = rng.randint(12, 480) / 10
    _put(uk, en, "uah_bn", f"{_uk_decimal(uah)} млрд грн", f"UAH {_decimal(uah)}bn")
    uah_m = rng.randrange(12, 480)
    _put(uk, en, "uah_m", f"{uah_m} млн грн", f"UAH {uah_m}m")
    usd = rng.randrange(120, 960, 10)
    _put(uk, en, "usd_m", f"${usd} млн", f"${usd}m")
    eur_bn = rng.randint(11, 95) / 10
    _put(uk, en, "eur_bn", f"€{_uk_decimal(eur_bn)} млрд", f"€{_decimal(eur_bn)}bn")
    eur_m = rng.randrange(40, 605, 5)
    _put(uk, en, "eur_m", f"€{eur_m} млн", f"€{eur_m}m")
    for key, low, high in (("pct", 21, 148), ("rate", 125, 165), ("inflation", 60, 140)):
        x = rng.randint(low, high) / 10
        if key == "rate":
            x = round(x * 2) / 2
        _put(uk, en, key, f"{_uk_decimal(x)}%", f"{_decimal(x)}%")

    for slots in (uk, en):
        slots.update(
            {key[0].upper() + key[1:]: _capitalised(value) for key, value in list(slots.items())}
        )
    return uk, en


def _capitalised(value: str) -> str:
    return value[:1].upper() + value[1:]
