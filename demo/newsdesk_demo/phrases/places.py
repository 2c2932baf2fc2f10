"""Places the stories happen in, with the Ukrainian case forms the templates need."""

# ruff: noqa: RUF001, RUF003
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from dataclasses import dataclass


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


CITIES: tuple[City, ...] = (
    City(
        "kharkiv",
        ("Харків", "Kharkiv"),
        "Харкова",
        "у Харкові",
        "по Харкову",
        ("Харківщина", "the Kharkiv region"),
        "Харківщини",
        "на Харківщині",
    ),
    City(
        "odesa",
        ("Одеса", "Odesa"),
        "Одеси",
        "в Одесі",
        "по Одесі",
        ("Одещина", "the Odesa region"),
        "Одещини",
        "на Одещині",
    ),
    City(
        "dnipro",
        ("Дніпро", "Dnipro"),
        "Дніпра",
        "у Дніпрі",
        "по Дніпру",
        ("Дніпропетровщина", "the Dnipropetrovsk region"),
        "Дніпропетровщини",
        "на Дніпропетровщині",
    ),
    City(
        "zaporizhzhia",
        ("Запоріжжя", "Zaporizhzhia"),
        "Запоріжжя",
        "у Запоріжжі",
        "по Запоріжжю",
        ("Запорізька область", "the Zaporizhzhia region"),
        "Запорізької області",
        "у Запорізькій області",
    ),
    City(
        "kherson",
        ("Херсон", "Kherson"),
        "Херсона",
        "у Херсоні",
        "по Херсону",
        ("Херсонщина", "the Kherson region"),
        "Херсонщини",
        "на Херсонщині",
    ),
    City(
        "mykolaiv",
        ("Миколаїв", "Mykolaiv"),
        "Миколаєва",
        "у Миколаєві",
        "по Миколаєву",
        ("Миколаївщина", "the Mykolaiv region"),
        "Миколаївщини",
        "на Миколаївщині",
    ),
    City(
        "sumy",
        ("Суми", "Sumy"),
        "Сум",
        "у Сумах",
        "по Сумах",
        ("Сумщина", "the Sumy region"),
        "Сумщини",
        "на Сумщині",
    ),
    City(
        "chernihiv",
        ("Чернігів", "Chernihiv"),
        "Чернігова",
        "у Чернігові",
        "по Чернігову",
        ("Чернігівщина", "the Chernihiv region"),
        "Чернігівщини",
        "на Чернігівщині",
    ),
    City(
        "kyiv",
        ("Київ", "Kyiv"),
        "Києва",
        "у Києві",
        "по Києву",
        ("Київщина", "the Kyiv region"),
        "Київщини",
        "на Київщині",
    ),
    City(
        "lviv",
        ("Львів", "Lviv"),
        "Львова",
        "у Львові",
        "по Львову",
        ("Львівщина", "the Lviv region"),
        "Львівщини",
        "на Львівщині",
    ),
    City(
        "poltava",
        ("Полтава", "Poltava"),
        "Полтави",
        "у Полтаві",
        "по Полтаві",
        ("Полтавщина", "the Poltava region"),
        "Полтавщини",
        "на Полтавщині",
    ),
    City(
        "kryvyi-rih",
        ("Кривий Ріг", "Kryvyi Rih"),
        "Кривого Рогу",
        "у Кривому Розі",
        "по Кривому Рогу",
        ("Дніпропетровщина", "the Dnipropetrovsk region"),
        "Дніпропетровщини",
        "на Дніпропетровщині",
    ),
    City(
        "zhytomyr",
        ("Житомир", "Zhytomyr"),
        "Житомира",
        "у Житомирі",
        "по Житомиру",
        ("Житомирщина", "the Zhytomyr region"),
        "Житомирщини",
        "на Житомирщині",
    ),
)

# Front-line sectors as the General Staff names them: (locative, English).
DIRECTIONS: tuple[tuple[str, str], ...] = (
    ("на Покровському напрямку", "in the Pokrovsk sector"),
    ("на Костянтинівському напрямку", "in the Kostiantynivka sector"),
    ("на Лиманському напрямку", "in the Lyman sector"),
    ("на Куп’янському напрямку", "in the Kupiansk sector"),
    ("на Сіверському напрямку", "in the Siversk sector"),
    ("на Краматорському напрямку", "in the Kramatorsk sector"),
    ("на Запорізькому напрямку", "in the Zaporizhzhia sector"),
    ("на Херсонському напрямку", "in the Kherson sector"),
)


@dataclass(frozen=True)
class Country:
    name: tuple[str, str]
    gen: str  # "Німеччини"
    loc: str  # "у Німеччині"
    capital: tuple[str, str]
    capital_loc: str  # "у Берліні"


COUNTRIES: tuple[Country, ...] = (
    Country(
        ("Німеччина", "Germany"), "Німеччини", "у Німеччині", ("Берлін", "Berlin"), "у Берліні"
    ),
    Country(("Франція", "France"), "Франції", "у Франції", ("Париж", "Paris"), "у Парижі"),
    Country(("Польща", "Poland"), "Польщі", "у Польщі", ("Варшава", "Warsaw"), "у Варшаві"),
    Country(
        ("Велика Британія", "Britain"),
        "Великої Британії",
        "у Великій Британії",
        ("Лондон", "London"),
        "у Лондоні",
    ),
    Country(("Японія", "Japan"), "Японії", "в Японії", ("Токіо", "Tokyo"), "у Токіо"),
    Country(("Канада", "Canada"), "Канади", "у Канаді", ("Оттава", "Ottawa"), "в Оттаві"),
    Country(("Швеція", "Sweden"), "Швеції", "у Швеції", ("Стокгольм", "Stockholm"), "у Стокгольмі"),
    Country(
        ("Данія", "Denmark"), "Данії", "у Данії", ("Копенгаген", "Copenhagen"), "у Копенгагені"
    ),
    Country(("Норвегія", "Norway"), "Норвегії", "у Норвегії", ("Осло", "Oslo"), "в Осло"),
    Country(
        ("Фінляндія", "Finland"),
        "Фінляндії",
        "у Фінляндії",
        ("Гельсінкі", "Helsinki"),
        "у Гельсінкі",
    ),
    Country(("Литва", "Lithuania"), "Литви", "у Литві", ("Вільнюс", "Vilnius"), "у Вільнюсі"),
    Country(("Італія", "Italy"), "Італії", "в Італії", ("Рим", "Rome"), "у Римі"),
    Country(("Іспанія", "Spain"), "Іспанії", "в Іспанії", ("Мадрид", "Madrid"), "у Мадриді"),
)
