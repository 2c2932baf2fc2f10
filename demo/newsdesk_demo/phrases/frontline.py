"""The war desk, continued: the front line and prisoner exchanges."""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from .base import Angle, FactBox, Kind, Quote, Source
from .war import COMMON

FRONTLINE = Kind(
    code="frontline",
    section="war",
    angles=(
        Angle(
            (
                "Генштаб: за добу {clashes}, найгарячіше {direction_loc}",
                "General Staff: {clashes} in a day, heaviest fighting {direction_loc}",
            ),
            (
                "За минулу добу на фронті відбулося {clashes}; найбільше штурмів ворог здійснив "
                "{direction_loc}.",
                "There were {clashes} along the front in the past day; Russian forces launched "
                "the most assaults {direction_loc}.",
            ),
        ),
        Angle(
            (
                "{Direction_loc} ворог здійснив {assaults} за добу",
                "Russian forces launch {assaults} {direction_loc} in a day",
            ),
            (
                "{Direction_loc} за минулу добу ворог здійснив {assaults}, намагаючись "
                "просунутися вглиб оборони.",
                "Russian forces launched {assaults} {direction_loc} over the past day, trying to "
                "push deeper into the defences.",
            ),
        ),
        Angle(
            (
                "Сили оборони відбили наступ {direction_loc}: що відомо",
                "Ukrainian forces repel an offensive {direction_loc}: what we know",
            ),
            (
                "Українські підрозділи відбили масований штурм із застосуванням бронетехніки "
                "{direction_loc}.",
                "Ukrainian units have repelled a large armoured assault {direction_loc}.",
            ),
        ),
        Angle(
            (
                "Ворог намагається обійти оборону з флангів {direction_loc}",
                "Russian troops try to outflank the defences {direction_loc}",
            ),
            (
                "{Direction_loc} ворог змінив тактику: замість лобових атак малі групи "
                "намагаються обійти позиції з флангів.",
                "Russian forces have changed tactics {direction_loc}: instead of frontal "
                "attacks, small groups are trying to get round positions on the flanks.",
            ),
        ),
        Angle(
            (
                "Чому ворог посилив тиск {direction_loc}",
                "Why Russia has stepped up pressure {direction_loc}",
            ),
            (
                "Кількість штурмів {direction_loc} за тиждень помітно зросла. Пояснюємо, чого "
                "домагається ворог і як тримається оборона.",
                "The number of assaults {direction_loc} has risen markedly this week. We explain "
                "what Russia is after and how the defence is holding.",
            ),
        ),
    ),
    context=(
        (
            "Українські підрозділи утримують позиції, попри постійні атаки малих піхотних груп.",
            "Ukrainian units are holding their positions despite constant attacks by small "
            "infantry groups.",
        ),
    ),
    sentences=(
        (
            "Загалом за минулу добу Генштаб зафіксував {clashes}.",
            "In total, the General Staff recorded {clashes} over the past day.",
        ),
        (
            "Найбільше штурмових дій ворог здійснив {direction_loc}, де намагався просунутися "
            "поблизу кількох сіл.",
            "Russian assaults were most frequent {direction_loc}, where troops tried to advance "
            "near several villages.",
        ),
        (
            "Ворог активно використовує малі піхотні групи та мотоцикли, намагаючись "
            "просочуватися між позиціями.",
            "Russian forces make heavy use of small infantry groups and motorbikes, trying to "
            "slip between positions.",
        ),
        (
            "Українські підрозділи широко застосовують FPV-дрони проти техніки та піхоти.",
            "Ukrainian units make wide use of FPV drones against vehicles and infantry.",
        ),
        (
            "Ворог завдав {airstrikes}, скинувши {bombs}.",
            "Russia carried out {airstrikes}, dropping {bombs}.",
        ),
        (
            "Ситуація {direction_loc} залишається складною, але контрольованою.",
            "The situation {direction_loc} remains difficult but under control.",
        ),
        (
            "За даними військових, ворог зазнає значних втрат, однак продовжує кидати в бій "
            "резерви.",
            "According to the military, Russian forces are taking heavy losses but keep "
            "committing reserves.",
        ),
        (
            "Командування не розкриває деталей, щоб не видати позицій підрозділів.",
            "Commanders are not giving details so as not to reveal units' positions.",
        ),
        (
            "Прикордонні громади {region_gen} й далі потерпають від артилерійських обстрілів.",
            "Border communities in {region} remain under artillery fire.",
        ),
        (
            "Аналітики звертають увагу, що погода та «зеленка» помітно впливають на "
            "інтенсивність штурмів.",
            "Analysts note that weather and foliage noticeably affect the intensity of assaults.",
        ),
        *COMMON,
    ),
    subheadings=(
        ("Найгарячіші напрямки", "The hottest sectors"),
        ("Тактика ворога", "Russian tactics"),
        ("Що далі", "What comes next"),
    ),
    quotes=(
        Quote(
            (
                "Вони йдуть групами по двоє-троє, і кожну таку групу треба побачити раніше, "
                "ніж вона дійде до посадки.",
                "They come in groups of two or three, and we have to spot each group before "
                "it reaches the tree line.",
            ),
            ("командир роти з позивним «Граніт»", "company commander, call sign Granit"),
        ),
        Quote(
            (
                "Без дронів тут уже не тримається жодна позиція: це і очі, і зброя водночас.",
                "No position holds here without drones any more: they are both eyes and weapons.",
            ),
            (
                "оператор ударних дронів однієї з бригад",
                "attack drone operator with one of the brigades",
            ),
        ),
        Quote(
            (
                "Ворог має перевагу в людях, ми — у вмінні берегти своїх.",
                "They have more men; we are better at keeping ours alive.",
            ),
            ("речник угруповання військ", "spokesperson for the group of forces"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Доба на фронті в цифрах", "A day at the front in numbers"),
            (
                ("Бойових зіткнень: {clashes_n}", "Clashes: {clashes_n}"),
                ("Авіаударів: {airstrikes_n}", "Air strikes: {airstrikes_n}"),
                ("Атак FPV-дронами: понад {fpv_n}", "FPV drone attacks: more than {fpv_n}"),
            ),
        ),
    ),
    sources=(
        Source(
            ("Зведення Генерального штабу", "General Staff daily update"),
            "https://example.gov.ua/general-staff/daily",
            ("ранкове зведення", "morning update"),
        ),
        Source(
            ("Заява угруповання військ", "Group of forces statement"),
            "https://example.gov.ua/general-staff/briefings",
            ("як зазначено в заяві", "as stated in the statement"),
        ),
    ),
    tags=("general-staff",),
    motifs=("schematic_map", "hills"),
    labels=("analysis",),
    label_odds=0.35,
    weight=4,
    local=False,
)

EXCHANGE = Kind(
    code="exchange",
    section="war",
    angles=(
        Angle(
            (
                "Україна повернула з полону {returned}",
                "Ukraine brings home {returned} from captivity",
            ),
            (
                "Україна провела черговий обмін полоненими й повернула додому {returned}.",
                "Ukraine has carried out another prisoner exchange and brought home {returned}.",
            ),
        ),
        Angle(
            (
                "Новий обмін полоненими: додому повернулися {returned}",
                "New prisoner exchange: {returned} return home",
            ),
            (
                "Під час нового обміну додому повернулися {returned} — військові, прикордонники "
                "та нацгвардійці.",
                "{Returned}, among them soldiers, border guards and National Guard members, have "
                "come home in a new exchange.",
            ),
        ),
        Angle(
            (
                "Обмін полоненими: серед звільнених — оборонці Маріуполя",
                "Prisoner exchange: defenders of Mariupol among those freed",
            ),
            (
                "Україна повернула з полону {returned}; серед них — оборонці Маріуполя, які "
                "провели в неволі понад три роки.",
                "Ukraine has brought home {returned} from captivity, among them defenders of "
                "Mariupol who spent more than three years in detention.",
            ),
        ),
    ),
    context=(
        (
            "Частина звільнених пробула в полоні понад два роки.",
            "Some of those freed spent more than two years in captivity.",
        ),
    ),
    sentences=(
        (
            "Обмін став можливим завдяки посередництву партнерів.",
            "The exchange was made possible with the mediation of partner countries.",
        ),
        (
            "Усі звільнені пройдуть медичне обстеження та реабілітацію.",
            "All of those freed will undergo medical checks and rehabilitation.",
        ),
        (
            "Частина повернених мають поранення, отримані ще до полону.",
            "Some of those who returned have wounds sustained before they were captured.",
        ),
        (
            "Рідним звільнених уже повідомили про повернення.",
            "The families of those freed have already been informed.",
        ),
        (
            "Координаційний штаб продовжує верифікувати списки тих, хто залишається в полоні.",
            "The coordination headquarters continues to verify lists of those still in captivity.",
        ),
        (
            "Представники штабу закликали родини не поширювати чутки про наступні обміни.",
            "Headquarters officials urged families not to spread rumours about future exchanges.",
        ),
        (
            "Найстаршому зі звільнених — 58 років, наймолодшому — 21.",
            "The oldest of those freed is 58 and the youngest is 21.",
        ),
        ("Це вже не перший обмін цього місяця.", "This is not the first exchange this month."),
    ),
    subheadings=(
        ("Хто повернувся", "Who came home"),
        ("Що буде далі", "What happens next"),
    ),
    quotes=(
        Quote(
            (
                "Ми працюємо над тим, щоб повернути всіх. Кожен обмін — це місяці тихої роботи.",
                "We are working to bring everyone back. Every exchange takes months of quiet work.",
            ),
            ("представник Координаційного штабу", "coordination headquarters official"),
        ),
        Quote(
            (
                "Коли побачив український прапор на кордоні, вперше за довгий час видихнув.",
                "When I saw the Ukrainian flag at the border, I breathed out for the first time "
                "in a long while.",
            ),
            ("звільнений військовий", "a freed soldier"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Куди звертатися родинам", "Where families can turn"),
            (
                (
                    "Гаряча лінія Координаційного штабу працює цілодобово.",
                    "The coordination headquarters hotline works around the clock.",
                ),
                (
                    "Заяву про зниклого безвісти можна подати до поліції за місцем проживання.",
                    "A missing-person report can be filed with the local police.",
                ),
            ),
        ),
    ),
    sources=(
        Source(
            (
                "Координаційний штаб з питань поводження з військовополоненими",
                "Coordination headquarters for the treatment of prisoners of war",
            ),
            "https://example.gov.ua/koordshtab/news",
            ("офіційне повідомлення штабу", "the headquarters' official statement"),
        ),
    ),
    tags=("prisoner-exchange", "ombudsman"),
    motifs=("hills",),
    labels=("exclusive",),
    label_odds=0.25,
    weight=1,
    local=False,
)

KINDS = (FRONTLINE, EXCHANGE)
