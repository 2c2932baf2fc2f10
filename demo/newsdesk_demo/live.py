"""A live article in both editions: a night of air raid alerts followed update by update.

Invented events and people, written for the demo. Found again by a fixed translation key,
so a second load writes nothing. Some updates are pinned or key events, one was edited
after publication and one carries a correction, so every part of a live page shows.
"""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max

from newsdesk.articles.models import LIVE, Article, Byline
from newsdesk.editions import EDITIONS
from newsdesk.live.models import LiveUpdate
from newsdesk.publishing import actions
from newsdesk.publishing.live import publish_live_update

from .catalogue import Catalogue, translation_key
from .filing import Slugs, date_back
from .writer import Picture

LIVE_KEY = translation_key("showcase:live")
STARTED_AGO = dt.timedelta(hours=5, minutes=40)
SKY = "night_sky"

HEADLINE = (
    "Нічна атака на Київ і області: онлайн",
    "Overnight attack on Kyiv and the regions: live",
)
LEAD = (
    "Повітряна тривога, робота ППО, наслідки влучань і допомога постраждалим — стежимо за "
    "подіями в режимі реального часу.",
    "Air raid alerts, air defence at work, the aftermath of strikes and help for those "
    "affected: we follow events as they happen.",
)
INTRO = (
    (
        "Тривогу оголосили в більшості областей невдовзі після опівночі. Ми оновлюємо цю "
        "сторінку, щойно з’являються перевірені дані від місцевої влади, рятувальників і "
        "наших кореспондентів.",
        "Alerts sounded across most regions shortly after midnight. We update this page as "
        "soon as local authorities, rescuers and our correspondents confirm new information.",
    ),
    (
        "Під час тривоги залишайтеся в укритті й не знімайте роботу ППО: такі відео "
        "допомагають противникові коригувати удари.",
        "During an alert, stay in a shelter and do not film air defence at work: such videos "
        "help the enemy adjust its strikes.",
    ),
    (
        "Кількість збитих цілей і наслідки влучань уточнюються; ми позначаємо кожне "
        "виправлення на цій сторінці.",
        "The number of targets shot down and the damage are still being established; we mark "
        "every correction on this page.",
    ),
)
TAGS = ("air-defence", "energy")
SOURCE = (
    ("Повітряні сили ЗСУ", "Ukrainian Air Force"),
    "https://example.gov.ua/air-force/updates",
    ("як повідомили в Повітряних силах", "as stated by the Air Force"),
)
CAPTION = ("Нічне небо над містом. Ілюстрація.", "The night sky over the city. Illustration.")
CREDIT = ("Ілюстрація редакції", "Newsroom illustration")


@dataclass(frozen=True)
class Entry:
    minutes: int  # after the coverage started
    author: str
    title: tuple[str, str]
    text: tuple[str, str]
    pinned: bool = False
    key_event: bool = False
    quote: tuple[str, str, str, str] | None = None  # text uk, text en, who uk, who en
    correction: tuple[str, str] | None = None
    edited_text: tuple[str, str] | None = None  # the text as changed 20 minutes later


ENTRIES = (
    Entry(
        0,
        "hnatyshyn",
        ("Тривога по всій країні", "Alerts across the country"),
        (
            "Повітряна тривога триває в Києві та 18 областях. Повітряні сили повідомляють "
            "про групи ударних дронів, що рухаються з півночі та сходу.",
            "An air raid alert is in force in Kyiv and 18 regions. The air force reports "
            "groups of attack drones heading in from the north and the east.",
        ),
        key_event=True,
    ),
    Entry(
        25,
        "lysenchuk",
        ("", ""),
        (
            "У Харкові чути роботу мобільних вогневих груп. Мешканців просять залишатися в "
            "укриттях до відбою.",
            "Mobile fire teams can be heard working in Kharkiv. Residents are asked to stay "
            "in shelters until the all-clear.",
        ),
    ),
    Entry(
        50,
        "hnatyshyn",
        ("Ракетна небезпека", "Missile threat"),
        (
            "Повітряні сили попереджають про можливий запуск крилатих ракет зі стратегічних "
            "бомбардувальників. Усім, хто ще вдома, варто спуститися в укриття.",
            "The air force warns of a possible launch of cruise missiles from strategic "
            "bombers. Anyone still at home should go down to a shelter.",
        ),
        key_event=True,
    ),
    Entry(
        80,
        "lysenchuk",
        ("", ""),
        (
            "У Києві лунають вибухи — працює ППО. Уламки впали в одному з дворів "
            "Дніпровського району, повідомляє міська військова адміністрація.",
            "Explosions in Kyiv as air defence engages. Debris fell in a courtyard in the "
            "Dniprovskyi district, the city military administration says.",
        ),
        correction=(
            "Раніше ми помилково написали, що уламки впали в Деснянському районі.",
            "We earlier wrote in error that the debris fell in the Desnianskyi district.",
        ),
    ),
    Entry(
        105,
        "hnatyshyn",
        ("Пошкоджено енергооб’єкт", "Energy facility damaged"),
        (
            "Енергетики повідомляють про пошкодження підстанції в Київській області. Частина "
            "споживачів тимчасово без світла, аварійні бригади вже на місці.",
            "Power engineers report damage to a substation in the Kyiv region. Some homes are "
            "temporarily without power; repair crews are already on site.",
        ),
        key_event=True,
        edited_text=(
            "Енергетики повідомляють про пошкодження підстанції в Київській області. Без "
            "світла залишаються близько 40 тисяч споживачів, аварійні бригади вже на місці.",
            "Power engineers report damage to a substation in the Kyiv region. About 40,000 "
            "homes are without power; repair crews are already on site.",
        ),
    ),
    Entry(
        130,
        "lysenchuk",
        ("", ""),
        (
            "Рятувальники працюють на місці влучання в багатоповерхівку. Під завалами можуть "
            "бути люди, кінологи обстежують під’їзд.",
            "Rescuers are at work where a block of flats was hit. People may be trapped under "
            "the rubble; dog teams are searching the stairwell.",
        ),
        quote=(
            "Ми працюватимемо, доки не перевіримо кожну квартиру.",
            "We will keep going until we have checked every flat.",
            "керівник рятувальної зміни",
            "the head of the rescue shift",
        ),
    ),
    Entry(
        160,
        "hnatyshyn",
        ("Відбій у столиці", "All-clear in the capital"),
        (
            "У Києві оголошено відбій повітряної тривоги. У кількох областях на сході вона триває.",
            "The all-clear has sounded in Kyiv. The alert continues in several eastern regions.",
        ),
        key_event=True,
    ),
    Entry(
        195,
        "lysenchuk",
        ("", ""),
        (
            "Міська влада відкрила пункт незламності поруч із пошкодженим будинком: там можна "
            "зігрітися, зарядити телефон і отримати воду.",
            "The city has opened a resilience centre next to the damaged building, where "
            "people can warm up, charge their phones and get water.",
        ),
    ),
    Entry(
        230,
        "hnatyshyn",
        ("Перші дані про наслідки атаки", "First figures on the attack"),
        (
            "За попередніми даними Повітряних сил, уночі збито 31 із 38 дронів і 4 із 6 "
            "ракет. Дані уточнюються.",
            "According to preliminary air force figures, 31 of 38 drones and 4 of 6 "
            "missiles were shot down overnight. The figures are being checked.",
        ),
        pinned=True,
        key_event=True,
    ),
    Entry(
        265,
        "lysenchuk",
        ("", ""),
        (
            "Залізниця повідомляє про затримку трьох приміських поїздів через знеструмлення "
            "ділянки колії. Рух відновлять протягом години.",
            "The railway reports delays to three commuter trains after a section of line "
            "lost power. Services should resume within the hour.",
        ),
    ),
    Entry(
        300,
        "hnatyshyn",
        ("Де отримати допомогу", "Where to get help"),
        (
            "Мешканці пошкоджених будинків можуть звернутися до центру надання "
            "адміністративних послуг району: там приймають заяви на компенсацію та "
            "тимчасове житло.",
            "Residents of damaged buildings can apply at the district's administrative "
            "services centre, which takes claims for compensation and temporary housing.",
        ),
        pinned=True,
    ),
    Entry(
        320,
        "lysenchuk",
        ("", ""),
        (
            "Енергетики відновили живлення для більшості споживачів, які залишилися без "
            "світла після нічної атаки.",
            "Power engineers have restored supply to most of the homes left without "
            "electricity after the overnight attack.",
        ),
    ),
)
EDIT_DELAY = dt.timedelta(minutes=20)


def _paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _body(entry: Entry, i: int, text: str) -> list[dict]:
    body = [_paragraph(text)]
    if entry.quote is not None:
        body.append(
            {
                "type": "quote",
                "value": {"text": entry.quote[i], "attribution": entry.quote[2 + i]},
            }
        )
    return body


def ensure_live_coverage(
    *, catalogue: Catalogue, pictures: list[Picture], slugs: Slugs, now: dt.datetime
) -> int:
    """Create the live article and its updates in whichever edition lacks them; returns how
    many articles it made."""
    existing = set(
        Article.objects.filter(translation_key=LIVE_KEY).values_list(
            "locale__language_code", flat=True
        )
    )
    hero = next((picture for picture in pictures if picture.motif == SKY), None)
    started = now - STARTED_AGO
    made = 0
    for i, code in enumerate(EDITIONS):
        if code in existing:
            continue
        locale = catalogue.locales[code]
        article = Article(
            locale=locale,
            translation_key=LIVE_KEY,
            headline=HEADLINE[i],
            slug=slugs.claim(locale.pk, HEADLINE[i]),
            lead=LEAD[i],
            section=catalogue.sections[("war", code)],
            coverage=LIVE,
            hero_image_id=hero.pk if hero else None,
            hero_caption=CAPTION[i] if hero else "",
            hero_credit=CREDIT[i] if hero else "",
            hero_alt=hero.alt[i] if hero else "",
            body=[_paragraph(paragraph[i]) for paragraph in INTRO],
            sources=[
                {
                    "type": "source",
                    "value": {"name": SOURCE[0][i], "url": SOURCE[1], "note": SOURCE[2][i]},
                }
            ],
        )
        article.tags = [catalogue.tags[(tag, code)] for tag in TAGS]
        article.bylines = [  # type: ignore[misc]  # modelcluster assigns children
            Byline(author=catalogue.authors[("hnatyshyn", code)], sort_order=0),
            Byline(author=catalogue.authors[("lysenchuk", code)], sort_order=1),
        ]
        article.first_published_at = started
        revision = actions.publish(article=article, user=None)
        date_back(article, revision, started)
        for entry in ENTRIES:
            _add(article, entry, i, code, catalogue=catalogue, at=started, now=now)
        # The updates were dated back: so is the article's modification time they set.
        updates = LiveUpdate.objects.filter(article=article)
        newest = updates.aggregate(published=Max("published_at"), edited=Max("edited_at")).values()
        Article.objects.filter(pk=article.pk).update(
            live_updated_at=max((moment for moment in newest if moment), default=None)
        )
        made += 1
    return made


def _add(
    article: Article,
    entry: Entry,
    i: int,
    code: str,
    *,
    catalogue: Catalogue,
    at: dt.datetime,
    now: dt.datetime,
) -> None:
    published = min(at + dt.timedelta(minutes=entry.minutes), now)
    update = LiveUpdate(
        article=article,
        title=entry.title[i],
        body=_body(entry, i, entry.text[i]),
        author=catalogue.authors[(entry.author, code)],
        pinned=entry.pinned,
        key_event=entry.key_event,
        correction=entry.correction[i] if entry.correction else "",
    )
    update = publish_live_update(update=update)
    stamps: dict[str, dt.datetime | None] = {"published_at": published}
    if entry.edited_text is not None:
        update.body = _body(entry, i, entry.edited_text[i])
        publish_live_update(update=update)
        stamps["edited_at"] = min(published + EDIT_DELAY, now)
    LiveUpdate.objects.filter(pk=update.pk).update(**stamps)
