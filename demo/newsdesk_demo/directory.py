"""Who and what the demo newsroom writes about: sections, tags and (invented) authors.

Every entry is a pair, Ukrainian first. Author names are made up; public officials in the
phrase banks appear only by their role.
"""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from dataclasses import dataclass

from .phrases.places import CITIES

Pair = tuple[str, str]


@dataclass(frozen=True)
class SectionEntry:
    key: str
    name: Pair
    slug: Pair
    description: Pair


SECTIONS: tuple[SectionEntry, ...] = (
    SectionEntry(
        "war",
        ("Війна", "War"),
        ("viina", "war"),
        (
            "Фронт, обстріли й оборона: новини війни щогодини.",
            "The front line, strikes and defence: war news around the clock.",
        ),
    ),
    SectionEntry(
        "politics",
        ("Політика", "Politics"),
        ("polityka", "politics"),
        (
            "Парламент, уряд, антикорупційні розслідування.",
            "Parliament, government and anti-corruption investigations.",
        ),
    ),
    SectionEntry(
        "economy",
        ("Економіка", "Economy"),
        ("ekonomika", "economy"),
        (
            "Енергетика, експорт, фінанси та відбудова.",
            "Energy, exports, finance and reconstruction.",
        ),
    ),
    SectionEntry(
        "world",
        ("Світ", "World"),
        ("svit", "world"),
        ("Партнери, санкції, дипломатія.", "Partners, sanctions and diplomacy."),
    ),
    SectionEntry(
        "society",
        ("Суспільство", "Society"),
        ("suspilstvo", "society"),
        ("Люди, громади, освіта, ветерани.", "People, communities, education and veterans."),
    ),
    SectionEntry(
        "technology",
        ("Технології", "Technology"),
        ("tekhnolohii", "technology"),
        ("Дрони, кібербезпека, цифрові послуги.", "Drones, cybersecurity and digital services."),
    ),
    SectionEntry(
        "culture",
        ("Культура", "Culture"),
        ("kultura", "culture"),
        ("Виставки, книжки, кіно, театр.", "Exhibitions, books, film and theatre."),
    ),
    SectionEntry(
        "opinion",
        ("Думки", "Opinion"),
        ("dumky", "opinion"),
        (
            "Колонки наших авторів і запрошених експертів.",
            "Columns by our writers and guest experts.",
        ),
    ),
)

TOPICS: dict[str, Pair] = {
    "air-defence": ("ППО", "Air defence"),
    "air-force": ("Повітряні сили", "Air Force"),
    "general-staff": ("Генштаб", "General Staff"),
    "drones": ("Дрони", "Drones"),
    "energy": ("Енергетика", "Energy"),
    "sanctions": ("Санкції", "Sanctions"),
    "grain": ("Експорт зерна", "Grain exports"),
    "black-sea": ("Чорне море", "Black Sea"),
    "reconstruction": ("Відбудова", "Reconstruction"),
    "demining": ("Розмінування", "Demining"),
    "humanitarian-aid": ("Гуманітарна допомога", "Humanitarian aid"),
    "evacuation": ("Евакуація", "Evacuation"),
    "education": ("Освіта", "Education"),
    "veterans": ("Ветерани", "Veterans"),
    "cybersecurity": ("Кібербезпека", "Cybersecurity"),
    "digital-state": ("Цифрова держава", "Digital state"),
    "diplomacy": ("Дипломатія", "Diplomacy"),
    "eu-accession": ("Вступ до ЄС", "EU accession"),
    "budget": ("Бюджет", "Budget"),
    "national-bank": ("Нацбанк", "National Bank"),
    "anti-corruption": ("Антикорупція", "Anti-corruption"),
    "parliament": ("Верховна Рада", "Parliament"),
    "prime-minister": ("Прем’єр-міністр", "Prime minister"),
    "defence-minister": ("Міністр оборони", "Defence minister"),
    "ombudsman": ("Омбудсман", "Ombudsman"),
    "prisoner-exchange": ("Обмін полоненими", "Prisoner exchange"),
    "military-aid": ("Військова допомога", "Military aid"),
    "heritage": ("Культурна спадщина", "Cultural heritage"),
    "film": ("Кіно", "Film"),
    "books": ("Книжки", "Books"),
    "theatre": ("Театр", "Theatre"),
    "volunteers": ("Волонтери", "Volunteers"),
}
TAGS: dict[str, Pair] = {**TOPICS, **{city.tag: city.name for city in CITIES}}


@dataclass(frozen=True)
class AuthorEntry:
    key: str
    name: Pair
    role: Pair
    bio: Pair
    desks: tuple[str, ...]


AUTHORS: tuple[AuthorEntry, ...] = (
    AuthorEntry(
        "hnatyshyn",
        ("Марта Гнатишин", "Marta Hnatyshyn"),
        ("Військова кореспондентка", "Military correspondent"),
        (
            "Пише про фронт і прифронтові громади з 2022 року. До того працювала в "
            "регіональній редакції на сході країни.",
            "Has covered the front line and front-line communities since 2022. Before "
            "that she worked for a regional newsroom in the east of the country.",
        ),
        ("war",),
    ),
    AuthorEntry(
        "lysenchuk",
        ("Остап Лисенчук", "Ostap Lysenchuk"),
        ("Кореспондент у Харкові", "Kharkiv correspondent"),
        (
            "Живе в Харкові й розповідає про місто, яке щодня живе під обстрілами.",
            "Lives in Kharkiv and reports on a city under daily bombardment.",
        ),
        ("war", "society"),
    ),
    AuthorEntry(
        "kushnirchuk",
        ("Дарина Кушнірчук", "Daryna Kushnirchuk"),
        ("Редакторка відділу економіки", "Economy editor"),
        (
            "Пише про енергетику, бюджет і відбудову. Переконана, що про економіку можна "
            "розповідати без жаргону.",
            "Writes about energy, the budget and reconstruction, and believes economics "
            "can be explained without jargon.",
        ),
        ("economy",),
    ),
    AuthorEntry(
        "zhdan",
        ("Тарас Ждан", "Taras Zhdan"),
        ("Політичний оглядач", "Political correspondent"),
        (
            "Стежить за роботою парламенту й уряду, веде хроніку антикорупційних справ.",
            "Follows parliament and the government and keeps a chronicle of anti-corruption cases.",
        ),
        ("politics",),
    ),
    AuthorEntry(
        "makovetska",
        ("Віра Маковецька", "Vira Makovetska"),
        ("Редакторка міжнародного відділу", "World editor"),
        (
            "Пише про дипломатію, санкції та міжнародну допомогу. Говорить п’ятьма мовами.",
            "Writes about diplomacy, sanctions and international aid, and speaks five languages.",
        ),
        ("world",),
    ),
    AuthorEntry(
        "horobchuk",
        ("Назар Горобчук", "Nazar Horobchuk"),
        ("Технологічний журналіст", "Technology reporter"),
        (
            "Пише про оборонні технології, кібербезпеку та цифрові сервіси.",
            "Covers defence technology, cybersecurity and digital services.",
        ),
        ("technology",),
    ),
    AuthorEntry(
        "vitruk",
        ("Соломія Вітрук", "Solomiia Vitruk"),
        ("Культурна оглядачка", "Culture critic"),
        (
            "Пише про книжки, кіно й театр, які народжуються під час війни.",
            "Writes about the books, films and theatre being made during the war.",
        ),
        ("culture",),
    ),
    AuthorEntry(
        "sahaidak",
        ("Лілія Сагайдак", "Liliia Sahaidak"),
        ("Кореспондентка відділу суспільства", "Society reporter"),
        (
            "Розповідає історії переселенців, ветеранів і вчителів.",
            "Tells the stories of displaced people, veterans and teachers.",
        ),
        ("society",),
    ),
    AuthorEntry(
        "ternavskyi",
        ("Максим Тернавський", "Maksym Ternavskyi"),
        ("Випусковий редактор нічної зміни", "Night news editor"),
        (
            "Веде стрічку новин уночі, коли відбувається більшість атак.",
            "Runs the news feed at night, when most attacks happen.",
        ),
        ("war", "economy", "world", "politics"),
    ),
    AuthorEntry(
        "yakymets",
        ("Богдан Якимець", "Bohdan Yakymets"),
        ("Колумніст", "Columnist"),
        (
            "Колишній юрист, пише колонки про державу, право і суспільство.",
            "A former lawyer who writes columns on the state, the law and society.",
        ),
        ("opinion",),
    ),
    AuthorEntry(
        "sokyrko",
        ("Ірена Сокирко", "Irena Sokyrko"),
        ("Запрошена авторка", "Guest columnist"),
        (
            "Соціологиня, досліджує втому і стійкість суспільства під час війни.",
            "A sociologist who studies fatigue and resilience in society during the war.",
        ),
        ("opinion",),
    ),
)


def desk(section: str) -> tuple[AuthorEntry, ...]:
    """The authors who write for a section."""
    return tuple(author for author in AUTHORS if section in author.desks)
