"""Bilingual names for the archive's sections, tags and authors, as many as asked for.

The demo's own sections, tags and authors come first, with the slugs the demo gives them,
so an archive built on top of ``load_demo`` content reuses them instead of doubling them.
Everything after them is invented: topical desks, regions, topics and people whose names
are put together from common Ukrainian first names and surname stems.
"""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.text import slugify

from newsdesk.articles.slugs import romanise_ukrainian, slug_from_headline
from newsdesk_demo import directory
from newsdesk_demo.phrases.places import CITIES

Pair = tuple[str, str]


@dataclass(frozen=True)
class Entry:
    """One catalogue item in both editions: its names, slugs and the key its pair shares."""

    key: str
    name: Pair
    slug: Pair
    desk: str = ""
    role: Pair = ("", "")
    bio: Pair = ("", "")


# (Ukrainian, English, desk whose phrase material the section's articles are written from)
_DESKS: tuple[tuple[str, str, str], ...] = (
    ("Фронт", "Front line", "war"),
    ("Оборона", "Defence", "war"),
    ("Обстріли", "Strikes", "war"),
    ("Енергетика", "Energy", "economy"),
    ("Парламент", "Parliament", "politics"),
    ("Уряд", "Government", "politics"),
    ("Європа", "Europe", "world"),
    ("Полонені та зниклі", "Prisoners and missing", "war"),
    ("Окуповані території", "Occupied territories", "war"),
    ("Антикорупція", "Anti-corruption", "politics"),
    ("Фінанси", "Finance", "economy"),
    ("Аграрний сектор", "Agriculture", "economy"),
    ("Відбудова", "Reconstruction", "economy"),
    ("Освіта", "Education", "society"),
    ("Здоров’я", "Health", "society"),
    ("Ветерани", "Veterans", "society"),
    ("Дрони", "Drones", "technology"),
    ("Кібербезпека", "Cybersecurity", "technology"),
    ("США", "United States", "world"),
    ("Дипломатія", "Diplomacy", "world"),
    ("Бізнес", "Business", "economy"),
    ("Права людини", "Human rights", "society"),
    ("Громади", "Communities", "society"),
    ("Наука", "Science", "technology"),
    ("Цифрова держава", "Digital state", "technology"),
    ("Кіно", "Film", "culture"),
    ("Книжки", "Books", "culture"),
    ("Вибори", "Elections", "politics"),
    ("Близький Схід", "Middle East", "world"),
    ("Азія", "Asia", "world"),
    ("Музика", "Music", "culture"),
    ("Театр", "Theatre", "culture"),
    ("Спадщина", "Heritage", "culture"),
    ("Спорт", "Sport", "society"),
    ("Колонки", "Columns", "opinion"),
    ("Нерухомість", "Property", "economy"),
)

_TOPICS: tuple[Pair, ...] = (
    ("Мобілізація", "Mobilisation"),
    ("Збройні сили", "Armed Forces"),
    ("Ракетні удари", "Missile strikes"),
    ("Блекаути", "Power cuts"),
    ("Переговори", "Negotiations"),
    ("НАТО", "NATO"),
    ("Європейський Союз", "European Union"),
    ("Інфляція", "Inflation"),
    ("Податки", "Taxes"),
    ("Пенсії", "Pensions"),
    ("Залізниця", "Railways"),
    ("Медицина", "Medicine"),
    ("Школи", "Schools"),
    ("Університети", "Universities"),
    ("Екологія", "Environment"),
    ("Погода", "Weather"),
    ("Аграрії", "Farmers"),
    ("Логістика", "Logistics"),
    ("Судова реформа", "Judicial reform"),
    ("Місцева влада", "Local government"),
    ("Волонтерство", "Volunteering"),
    ("Переселенці", "Displaced people"),
    ("Воєнні злочини", "War crimes"),
    ("Міжнародне право", "International law"),
    ("Оборонна промисловість", "Defence industry"),
    ("Стартапи", "Start-ups"),
    ("Штучний інтелект", "Artificial intelligence"),
    ("Зв’язок", "Telecoms"),
    ("Фестивалі", "Festivals"),
    ("Музеї", "Museums"),
    ("Футбол", "Football"),
    ("Паралімпійці", "Paralympians"),
    ("Реабілітація", "Rehabilitation"),
    ("Психологічна допомога", "Mental health support"),
    ("Житло", "Housing"),
    ("Транспорт", "Transport"),
    ("Морські дрони", "Sea drones"),
    ("Протиповітряна оборона", "Air defence systems"),
    ("Санкції проти Росії", "Sanctions on Russia"),
    ("Заморожені активи", "Frozen assets"),
)

_MEN = (
    "Андрій", "Богдан", "Василь", "Віктор", "Дмитро", "Євген", "Іван", "Максим", "Микола",
    "Олег", "Олександр", "Остап", "Павло", "Петро", "Роман", "Сергій", "Степан", "Тарас",
    "Юрій", "Ярослав", "Артем", "Денис", "Ігор", "Кирило", "Назар", "Володимир", "Михайло",
    "Григорій", "Федір", "Антон",
)  # fmt: skip
_WOMEN = (
    "Алла", "Анна", "Валентина", "Вікторія", "Галина", "Дарина", "Ірина", "Катерина", "Лариса",
    "Леся", "Мар’яна", "Марта", "Наталія", "Оксана", "Олена", "Ольга", "Поліна", "Світлана",
    "Соломія", "Тетяна", "Уляна", "Христина", "Юлія", "Ярина", "Зоряна", "Людмила", "Надія",
    "Софія", "Віра", "Богдана",
)  # fmt: skip
_FIRST_NAMES = [(name, False) for name in _MEN] + [(name, True) for name in _WOMEN]
_STEMS = (
    "Бондар", "Гончар", "Ткач", "Кравц", "Шевч", "Мельнич", "Олійнич", "Савч", "Марч", "Павл",
    "Петр", "Литвин", "Руд", "Сидор", "Гриц", "Демч", "Кост", "Мороз", "Гаврил", "Дан", "Юрч",
    "Тимош", "Мирон", "Панас", "Семен", "Стец", "Федор", "Харч", "Яковл", "Назар", "Зінч",
    "Клим", "Лук", "Онищ", "Прокоп", "Сав", "Устим", "Філіп", "Хом", "Цимбал", "Чорн",
    "Шаповал", "Бойч", "Вакул", "Гнат", "Дорош", "Євтуш", "Жук", "Зах", "Карп", "Лев", "Пилип",
    "Свир", "Тимч", "Хмар", "Чуб", "Шум", "Щерб", "Юхим", "Ярем", "Вовч", "Дмитр", "Єрем",
    "Зуб", "Кирил", "Мартин", "Нест", "Охрім", "Приход", "Рябч", "Трох", "Гордієнк", "Ковал",
    "Гуцал", "Дячен", "Костюч", "Лозин", "Мазур", "Остапч", "Пасічн", "Сірч", "Танч", "Фесен",
    "Шпак", "Яцен", "Бабич", "Горбан", "Кушнір", "Левч",
)  # fmt: skip
_SUFFIXES = ("енко", "ук", "чук", "ишин", "ак", "ович")
_ROLES: tuple[tuple[str, str, str], ...] = (
    ("Кореспондент", "Кореспондентка", "Correspondent"),
    ("Редактор", "Редакторка", "Editor"),
    ("Оглядач", "Оглядачка", "Columnist"),
    ("Репортер", "Репортерка", "Reporter"),
    ("Фотограф", "Фотографиня", "Photographer"),
    ("Аналітик", "Аналітикиня", "Analyst"),
    ("Випусковий редактор", "Випускова редакторка", "News editor"),
    ("Запрошений автор", "Запрошена авторка", "Guest author"),
)


def sections(count: int) -> list[Entry]:
    """The first ``count`` sections: the demo's desks, topical desks, then one per region."""
    entries = [Entry(f"section:{s.key}", s.name, s.slug, desk=s.key) for s in directory.SECTIONS]
    entries.extend(_entry("section", (uk, en), desk=desk) for uk, en, desk in _DESKS)
    for city in CITIES:
        region = (city.region[0], city.region[1].removeprefix("the ").capitalize())
        entries.append(_entry("section", region, desk="war" if city.tag != "lviv" else "society"))
    desks = [s.key for s in directory.SECTIONS]
    n = 1
    while len(entries) < count:
        desk = desks[n % len(desks)]
        entries.append(_entry("section", (f"Спецпроєкт {n}", f"Special project {n}"), desk=desk))
        n += 1
    return _distinct(entries)[:count]


def tags(count: int) -> list[Entry]:
    """``count`` tags, most important first: the order is the tags' popularity rank."""
    entries = [
        Entry(f"tag:{key}", names, (slug_from_headline(names[0]), key))
        for key, names in directory.TAGS.items()
    ]
    entries.extend(_entry("tag", names) for names in _TOPICS)
    if len(entries) < count:
        entries.extend(_people("tag", _with_spare(count - len(entries)), start=True))
    return _distinct(entries)[:count]


def authors(count: int) -> list[Entry]:
    """``count`` authors: the demo's staff first, then invented reporters and guests."""
    entries = [
        Entry(
            f"author:{a.key}",
            a.name,
            (slug_from_headline(a.name[0]), slug_from_headline(a.name[1])),
            role=a.role,
            bio=a.bio,
        )
        for a in directory.AUTHORS
    ]
    if len(entries) < count:
        # From the far end of the list of people, so reporters are rarely also tags.
        entries.extend(_people("author", _with_spare(count - len(entries)), start=False))
    return _distinct(entries)[:count]


def _with_spare(count: int) -> int:
    # A few more than needed: two names may romanise to the same slug and one is dropped.
    return count + count // 20 + 10


def _entry(kind: str, name: Pair, *, desk: str = "", role: Pair = ("", "")) -> Entry:
    slug = (slug_from_headline(name[0]), slugify(name[1]))
    return Entry(f"{kind}:{slug[1]}", name, slug, desk=desk, role=role)


def _people(kind: str, count: int, *, start: bool) -> Iterator[Entry]:
    # A fixed shuffle (not the archive's seed), so that the catalogue is the same for
    # every seed and a second run finds the people of the first.
    names = [
        (first, stem + suffix, female)
        for stem in _STEMS
        for suffix in _SUFFIXES
        for first, female in _FIRST_NAMES
    ]
    random.Random("archive-people").shuffle(names)  # noqa: S311 - invented names, not secrets
    if not start:
        names.reverse()
    for n in range(count):
        first, last, female = names[n % len(names)]
        # Past the end of the name list, a number keeps names apart ("Олена Бондаренко 2").
        extra = f" {n // len(names) + 1}" if n >= len(names) else ""
        uk = f"{first} {last}{extra}"
        en = romanise_ukrainian(uk).title()
        role = _ROLES[n % len(_ROLES)]
        yield _entry(kind, (uk, en), role=(role[1] if female else role[0], role[2]))


def _distinct(entries: list[Entry]) -> list[Entry]:
    """Drop entries whose slug repeats one before it in either edition."""
    seen: tuple[set[str], set[str]] = (set(), set())
    kept = []
    for entry in entries:
        if entry.slug[0] in seen[0] or entry.slug[1] in seen[1]:
            continue
        seen[0].add(entry.slug[0])
        seen[1].add(entry.slug[1])
        kept.append(entry)
    return kept
