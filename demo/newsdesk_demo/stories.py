"""A running story in both editions with its timeline, as the desk would keep it.

"Foreign troops in Russia": a chronology of claims about a contingent sent to fight for
Russia, with the figures different sources gave over the months, several war articles filed
under the story and one of them embedding the timeline as its background section. The
figures and statements are invented for the demo. Entries are dated back from the moment
of the load, so the timeline always ends in the recent past. Found again by a fixed
translation key: a second load changes nothing.
"""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from newsdesk.articles.models import LIVE, Article
from newsdesk.editions import EDITIONS, kyiv
from newsdesk.publishing import actions
from newsdesk.stories.models import Story, TimelineEntry

from .catalogue import Catalogue, translation_key
from .filing import date_back
from .showcase import DRAFT_KEY, SCHEDULED_KEY, UPDATED_KEY

STORY_KEY = translation_key("story:foreign-troops")
TITLE = ("Північнокорейські війська в Росії", "North Korean troops in Russia")
SLUG = ("pivnichnokoreiski-viiska-v-rosii", "north-korean-troops-in-russia")
SUMMARY = (
    "Як з’являлися відомості про військових КНДР у Росії: хто що заявляв, коли і які цифри "
    "називав.",
    "How word of North Korean soldiers in Russia emerged: who said what, when, and which "
    "numbers they gave.",
)
STORY_PAIRS = 4  # article pairs filed under the story

UA_INTEL = ("Воєнна розвідка України", "Ukrainian military intelligence")
SK_INTEL = ("Розвідка Південної Кореї", "South Korean intelligence")
US_DEFENCE = ("Міністерство оборони США", "US Department of Defense")
KREMLIN = ("Пресслужба Кремля", "Kremlin press office")
TROOPS = ("військових", "troops")
CASUALTIES = ("втрат", "casualties")


@dataclass(frozen=True)
class Line:
    days_ago: int
    time: dt.time | None
    speaker: tuple[str, str]
    role: tuple[str, str]
    statement: tuple[str, str]
    status: str
    source: tuple[str, str]
    url: str
    figure: int | None = None
    unit: tuple[str, str] = ("", "")
    reported: bool = False  # linked to the newest article of the story


LINES = (
    Line(
        290,
        None,
        UA_INTEL,
        ("розвідувальне відомство", "intelligence agency"),
        (
            "Близько 3 000 військових КНДР проходять підготовку на полігонах Далекого Сходу Росії.",
            "About 3,000 North Korean soldiers are training at ranges in Russia's Far East.",
        ),
        TimelineEntry.CLAIMED,
        ("Телеграм-канал відомства", "The agency's Telegram channel"),
        "https://intel.example.org/statements/far-east-training",
        3000,
        TROOPS,
    ),
    Line(
        284,
        dt.time(10, 40),
        SK_INTEL,
        ("закритий брифінг для парламенту", "closed briefing to parliament"),
        (
            "Перші 1 500 бійців сил спеціальних операцій КНДР перекинуто до Росії морем.",
            "A first 1,500 North Korean special forces soldiers have been shipped to Russia "
            "by sea.",
        ),
        TimelineEntry.CLAIMED,
        ("Заява парламентського комітету", "Statement of the parliamentary committee"),
        "https://assembly.example.org/intelligence-committee/briefing",
        1500,
        TROOPS,
    ),
    Line(
        281,
        dt.time(13, 15),
        KREMLIN,
        ("речник", "spokesperson"),
        (
            "Повідомлення про військових КНДР у Росії названо «черговою вигадкою».",
            'Reports of North Korean soldiers in Russia were called "another fabrication".',
        ),
        TimelineEntry.DENIED,
        ("Брифінг для журналістів", "Press briefing"),
        "https://kremlin-press.example.org/briefings/daily",
    ),
    Line(
        270,
        dt.time(18, 5),
        US_DEFENCE,
        ("речниця міністерства", "department spokesperson"),
        (
            "Близько 10 000 військових КНДР перебувають у Росії; частина рухається до фронту.",
            "About 10,000 North Korean troops are in Russia, some of them moving towards "
            "the front.",
        ),
        TimelineEntry.CLAIMED,
        ("Стенограма брифінгу", "Briefing transcript"),
        "https://defense.example.org/transcripts/briefing-troops",
        10000,
        TROOPS,
    ),
    Line(
        255,
        None,
        UA_INTEL,
        ("розвідувальне відомство", "intelligence agency"),
        (
            "Щонайменше 11 000 військових КНДР розгорнуто в Курській області.",
            "At least 11,000 North Korean troops have been deployed in the Kursk region.",
        ),
        TimelineEntry.CLAIMED,
        ("Сайт відомства", "The agency's website"),
        "https://intel.example.org/statements/kursk-deployment",
        11000,
        TROOPS,
    ),
    Line(
        246,
        None,
        SK_INTEL,
        ("закритий брифінг для парламенту", "closed briefing to parliament"),
        (
            "Розвідка оцінює присутність у зоні бойових дій у понад 11 000 військових КНДР.",
            "Intelligence puts the North Korean presence in the combat zone at over 11,000.",
        ),
        TimelineEntry.CLAIMED,
        ("Заява парламентського комітету", "Statement of the parliamentary committee"),
        "https://assembly.example.org/intelligence-committee/update",
        11000,
        TROOPS,
    ),
    Line(
        205,
        dt.time(9, 30),
        UA_INTEL,
        ("розвідувальне відомство", "intelligence agency"),
        (
            "Втрати підрозділів КНДР убитими й пораненими оцінено в 4 000 осіб.",
            "North Korean units are estimated to have lost 4,000 killed and wounded.",
        ),
        TimelineEntry.DISPUTED,
        ("Телеграм-канал відомства", "The agency's Telegram channel"),
        "https://intel.example.org/statements/losses",
        4000,
        CASUALTIES,
    ),
    Line(
        160,
        None,
        SK_INTEL,
        ("закритий брифінг для парламенту", "closed briefing to parliament"),
        (
            "Загальні втрати військових КНДР сягнули приблизно 4 700 осіб.",
            "Total North Korean casualties have reached about 4,700.",
        ),
        TimelineEntry.CLAIMED,
        ("Заява парламентського комітету", "Statement of the parliamentary committee"),
        "https://assembly.example.org/intelligence-committee/casualties",
        4700,
        CASUALTIES,
    ),
    Line(
        120,
        dt.time(16, 0),
        KREMLIN,
        ("речник", "spokesperson"),
        (
            "Москва вперше визнала участь військових КНДР у боях у Курській області.",
            "Moscow acknowledged for the first time that North Korean troops fought in the "
            "Kursk region.",
        ),
        TimelineEntry.CONFIRMED,
        ("Офіційна заява", "Official statement"),
        "https://kremlin-press.example.org/statements/acknowledgement",
    ),
    Line(
        21,
        None,
        US_DEFENCE,
        ("речниця міністерства", "department spokesperson"),
        (
            "У Росії перебувають близько 12 000 військових КНДР; очікується нова ротація.",
            "About 12,000 North Korean troops are in Russia, and a new rotation is expected.",
        ),
        TimelineEntry.CLAIMED,
        ("Стенограма брифінгу", "Briefing transcript"),
        "https://defense.example.org/transcripts/rotation",
        12000,
        TROOPS,
        reported=True,
    ),
    Line(
        3,
        dt.time(8, 20),
        UA_INTEL,
        ("розвідувальне відомство", "intelligence agency"),
        (
            "З новою групою контингент КНДР у Росії налічує близько 14 000 військових.",
            "With a new group, the North Korean contingent in Russia numbers about 14,000 troops.",
        ),
        TimelineEntry.CLAIMED,
        ("Сайт відомства", "The agency's website"),
        "https://intel.example.org/statements/new-group",
        14000,
        TROOPS,
        reported=True,
    ),
)


def ensure_story(catalogue: Catalogue, *, now: dt.datetime) -> None:
    """The story in both editions, with its timeline and articles, unless it exists."""
    if Story.objects.filter(translation_key=STORY_KEY).exists():
        return
    pairs = _article_pairs()
    today = kyiv(now).date()
    for i, code in enumerate(EDITIONS):
        story = Story.objects.create(
            locale=catalogue.locales[code],
            translation_key=STORY_KEY,
            title=TITLE[i],
            slug=SLUG[i],
            summary=SUMMARY[i],
        )
        story.save_revision(log_action=True)
        articles = [pair[code] for pair in pairs]
        for n, article in enumerate(articles):
            _file_under(article, story, embed=n == 0)
        newest = articles[-1] if articles else None
        for line in LINES:
            entry = TimelineEntry(
                story=story,
                occurred_on=today - dt.timedelta(days=line.days_ago),
                occurred_time=line.time,
                statement=line.statement[i],
                speaker=line.speaker[i],
                speaker_role=line.role[i],
                figure=Decimal(line.figure) if line.figure is not None else None,
                unit=line.unit[i],
                source_name=line.source[i],
                source_url=line.url,
                status=line.status,
                article=newest if line.reported else None,
            )
            entry.full_clean()
            entry.save()
            entry.save_revision(log_action=True)


def _article_pairs() -> list[dict[str, Article]]:
    """War and world articles out in both editions, oldest first, leaving out the showcase,
    live coverage and, when there are enough, the newest pair (the latest article stays an
    ordinary one). A small demo may hold only two or three such pairs at a given hour."""
    showcase = {UPDATED_KEY, DRAFT_KEY, SCHEDULED_KEY}
    rows = (
        Article.objects.filter(
            live=True, story__isnull=True, section__slug__in=("war", "viina", "world", "svit")
        )
        .exclude(translation_key__in=showcase)
        .exclude(coverage=LIVE)
        .select_related("locale")
        .order_by("first_published_at", "id")
    )
    pairs: dict[object, dict[str, Article]] = {}
    for article in rows:
        pairs.setdefault(article.translation_key, {})[article.locale.language_code] = article
    complete = [pair for pair in pairs.values() if len(pair) == len(EDITIONS)]
    if len(complete) > STORY_PAIRS:
        complete = complete[:-1]
    return complete[:STORY_PAIRS]


def _file_under(article: Article, story: Story, *, embed: bool) -> None:
    """File a published article under the story (a silent fix: no update note), the first
    one with the timeline as its background section."""
    published = article.last_published_at
    article.story = story
    if embed:
        body = list(article.body.raw_data)
        body.append({"type": "timeline", "value": {"story": story.pk, "start": None, "end": None}})
        article.body = body  # type: ignore[assignment]  # StreamField accepts raw blocks
    revision = actions.publish(article=article, user=None)
    if published is not None:
        date_back(article, revision, published)
