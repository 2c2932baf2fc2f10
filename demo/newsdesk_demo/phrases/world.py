"""The world desk: sanctions, diplomacy, aid from partners.

Every partner country in :mod:`places` is grammatically feminine in Ukrainian, so verbs
after ``{country}`` take the feminine past tense ("Німеччина оголосила").
"""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from .base import Angle, FactBox, Kind, Quote, Source

TARGETS = (
    ("суден тіньового флоту", "shadow fleet vessels"),
    ("постачальників компонентів для дронів", "suppliers of drone components"),
    ("банків, що обслуговують оборонні підприємства", "banks serving defence companies"),
    (
        "компаній, які вивозять зерно з окупованих територій",
        "companies shipping grain from the occupied territories",
    ),
    ("посадовців, причетних до депортації дітей", "officials involved in deporting children"),
    ("виробників мікроелектроніки з третіх країн", "microelectronics makers in third countries"),
)

SANCTIONS = Kind(
    code="sanctions",
    section="world",
    angles=(
        Angle(
            (
                "ЄС ухвалив новий пакет санкцій проти Росії",
                "EU adopts new package of sanctions against Russia",
            ),
            (
                "Рада ЄС ухвалила новий пакет санкцій, спрямований насамперед проти {targets}.",
                "The EU Council has adopted a new sanctions package aimed primarily at {targets}.",
            ),
            (
                (
                    "Ухвалення рішення кілька тижнів блокувала одна з країн-членів.",
                    "One of the member states had blocked the decision for several weeks.",
                ),
                (
                    "Рішення набуде чинності після публікації в офіційному віснику.",
                    "The decision takes effect once it is published in the official journal.",
                ),
            ),
        ),
        Angle(
            (
                "{Country} запровадила санкції проти {targets}",
                "{Country} imposes sanctions on {targets}",
            ),
            (
                "{Country} оголосила нові санкції проти {targets}; до списку увійшли {companies} і "
                "кілька десятків фізичних осіб.",
                "{Country} has announced new sanctions on {targets}; {companies} and several "
                "dozen individuals have been added to its list.",
            ),
            (
                (
                    "{Country} координує ці обмеження з іншими партнерами України.",
                    "{Country} is coordinating these restrictions with Ukraine's other partners.",
                ),
            ),
        ),
        Angle(
            (
                "Санкції проти {targets}: що передбачає новий пакет",
                "Sanctions on {targets}: what the new package contains",
            ),
            (
                "Партнери погодили новий пакет обмежень проти {targets}. Розповідаємо, що в "
                "ньому і як контролюватимуть виконання.",
                "Partners have agreed a new package of restrictions on {targets}. We look at "
                "what it contains and how it will be enforced.",
            ),
        ),
        Angle(
            (
                "Під обмеження потрапили {companies}: деталі нового пакета санкцій",
                "{Companies} hit by restrictions: details of the new sanctions package",
            ),
            (
                "До санкційного списку увійшли {companies} і кілька десятків фізичних осіб.",
                "{Companies} and several dozen individuals have been added to the sanctions list.",
            ),
        ),
    ),
    sentences=(
        (
            "Обмеження передбачають заморожування активів і заборону на в’їзд.",
            "The restrictions include asset freezes and travel bans.",
        ),
        (
            "Окремий розділ стосується протидії обходу санкцій через треті країни.",
            "A separate section deals with preventing sanctions from being circumvented through "
            "third countries.",
        ),
        (
            "Українська сторона закликає партнерів посилити контроль за виконанням ухвалених "
            "рішень.",
            "Ukraine is urging partners to tighten enforcement of the decisions already taken.",
        ),
        (
            "За оцінками експертів, санкції вже скоротили нафтогазові доходи Росії.",
            "Experts estimate that sanctions have already cut Russia's oil and gas revenues.",
        ),
        (
            "Під обмеження також потрапили {vessels} тіньового флоту.",
            "{Vessels} of the shadow fleet were also covered by the restrictions.",
        ),
        (
            "Дипломати вже обговорюють наступний пакет.",
            "Diplomats are already discussing the next package.",
        ),
    ),
    subheadings=(
        ("Хто в списку", "Who is on the list"),
        ("Як контролюватимуть виконання", "How enforcement will work"),
    ),
    quotes=(
        Quote(
            (
                "Кожен новий пакет має закривати лазівки, якими обходили попередні.",
                "Each new package must close the loopholes used to get around the previous ones.",
            ),
            ("міністр закордонних справ України", "Ukraine's foreign minister"),
        ),
        Quote(
            (
                "Санкції працюють повільно, але вони працюють — це видно з російського бюджету.",
                "Sanctions work slowly, but they do work: you can see it in Russia's budget.",
            ),
            ("аналітик з питань санкційної політики", "a sanctions policy analyst"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Що передбачають санкції", "What the sanctions involve"),
            (
                ("заморожування активів", "asset freezes"),
                ("заборона на в’їзд", "travel bans"),
                (
                    "заборона на експорт товарів подвійного призначення",
                    "export bans on dual-use goods",
                ),
            ),
        ),
    ),
    sources=(
        Source(
            ("Офіційний вісник ЄС", "Official Journal of the EU"),
            "https://example.org/eu/official-journal",
            ("текст рішення", "the text of the decision"),
        ),
        Source(
            ("Сайт МЗС України", "Ukrainian foreign ministry website"),
            "https://example.gov.ua/mfa/statements",
            ("коментар МЗС", "the ministry's comment"),
        ),
    ),
    tags=("sanctions", "diplomacy"),
    motifs=("schematic_map", "composition"),
    labels=("analysis",),
    label_odds=0.3,
    local=False,
    extras=(("targets", TARGETS),),
)

TALKS = Kind(
    code="talks",
    section="world",
    angles=(
        Angle(
            (
                "Міністри закордонних справ України та {country_gen} провели переговори "
                "{capital_loc}",
                "Foreign ministers of Ukraine and {country} hold talks {capital_loc}",
            ),
            (
                "{Capital_loc} зустрілися міністри закордонних справ України та {country_gen}; "
                "сторони обговорили ППО, енергетику та відбудову.",
                "The foreign ministers of Ukraine and {country} met {capital_loc} to discuss air "
                "defence, energy and reconstruction.",
            ),
        ),
        Angle(
            (
                "{Country} і Україна підписали безпекову угоду",
                "{Country} and Ukraine sign a security agreement",
            ),
            (
                "Україна та {country} підписали двосторонню угоду про безпекову співпрацю "
                "строком на десять років.",
                "Ukraine and {country} have signed a ten-year bilateral agreement on security "
                "cooperation.",
            ),
        ),
        Angle(
            (
                "Переговори {capital_loc}: партнери обговорили ППО і відбудову",
                "Talks {capital_loc}: partners discuss air defence and reconstruction",
            ),
            (
                "{Capital_loc} відбулася зустріч делегацій України та {country_gen}.",
                "Delegations from Ukraine and {country} met {capital_loc}.",
            ),
        ),
        Angle(
            (
                "Що означає візит прем’єр-міністра до {country_gen}",
                "What the prime minister's visit to {country} means",
            ),
            (
                "Візит прем’єр-міністра України до {country_gen} завершився. Пояснюємо, про що "
                "вдалося домовитися і чому це важливо.",
                "The Ukrainian prime minister's visit to {country} is over. We explain what was "
                "agreed and why it matters.",
            ),
        ),
    ),
    context=(
        (
            "Сторони обговорили постачання систем ППО, енергетичну підтримку та відбудову.",
            "The two sides discussed air defence deliveries, energy support and reconstruction.",
        ),
    ),
    sentences=(
        (
            "{Country} пообіцяла передати додаткові системи протиповітряної оборони.",
            "{Country} promised to provide additional air defence systems.",
        ),
        (
            "Окремо йшлося про спільне виробництво озброєння.",
            "Joint arms production was also discussed.",
        ),
        (
            "Сторони домовилися провести наступну зустріч у форматі міжурядових консультацій.",
            "The two sides agreed to meet next in the format of intergovernmental consultations.",
        ),
        (
            "Українська делегація передала партнерам список першочергових потреб.",
            "The Ukrainian delegation handed its partners a list of priority needs.",
        ),
        (
            "Партнери підтвердили підтримку курсу України на вступ до ЄС.",
            "The partners reaffirmed their support for Ukraine's bid to join the EU.",
        ),
        (
            "Частину домовленостей не розголошують з міркувань безпеки.",
            "Some of the agreements are not being disclosed for security reasons.",
        ),
        (
            "Візит відбувся на тлі чергової масованої атаки на українські міста.",
            "The visit came amid another massive attack on Ukrainian cities.",
        ),
        (
            "За підсумками зустрічі ухвалили спільну заяву.",
            "A joint statement was adopted after the meeting.",
        ),
        (
            "{Country_loc} також обговорюють участь місцевого бізнесу у відбудові українських "
            "міст.",
            "{Country_loc}, there is also talk of local businesses taking part in rebuilding "
            "Ukrainian cities.",
        ),
    ),
    subheadings=(
        ("Про що домовилися", "What was agreed"),
        ("Безпекова складова", "The security side"),
        ("Економіка і відбудова", "The economy and reconstruction"),
    ),
    quotes=(
        Quote(
            (
                "Наша підтримка не залежить від новинного циклу — вона розрахована на роки.",
                "Our support does not depend on the news cycle: it is planned for years ahead.",
            ),
            ("міністр закордонних справ країни-партнера", "the partner country's foreign minister"),
        ),
        Quote(
            (
                "Ми приїхали не просити, а домовлятися про спільне виробництво.",
                "We did not come to ask, but to agree on joint production.",
            ),
            ("міністр закордонних справ України", "Ukraine's foreign minister"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Що підписали", "What was signed"),
            (
                ("Меморандум про спільне виробництво.", "A memorandum on joint production."),
                (
                    "Угоду про фінансування енергетичного обладнання.",
                    "An agreement on financing energy equipment.",
                ),
            ),
        ),
    ),
    sources=(
        Source(
            ("Сайт МЗС України", "Ukrainian foreign ministry website"),
            "https://example.gov.ua/mfa/news",
            ("повідомлення за підсумками зустрічі", "readout of the meeting"),
        ),
        Source(
            ("Спільна заява сторін", "Joint statement"),
            "https://example.org/government/joint-statement",
            ("текст заяви", "the text of the statement"),
        ),
    ),
    tags=("diplomacy", "eu-accession"),
    motifs=("colonnade", "schematic_map"),
    labels=("analysis",),
    label_odds=0.3,
    local=False,
)

AID = Kind(
    code="aid",
    section="world",
    angles=(
        Angle(
            (
                "{Country} оголосила новий пакет військової допомоги на {eur_m}",
                "{Country} announces new military aid package worth {eur_m}",
            ),
            (
                "{Country} оголосила новий пакет допомоги Україні на {eur_m}; до нього увійшли "
                "боєприпаси та засоби ППО.",
                "{Country} has announced a new aid package for Ukraine worth {eur_m}, including "
                "ammunition and air defence equipment.",
            ),
        ),
        Angle(
            (
                "Джерела: {country} готує передачу додаткових систем ППО",
                "Sources: {country} preparing to hand over more air defence systems",
            ),
            (
                "{Country} готує рішення про передачу Україні додаткових систем протиповітряної "
                "оборони, повідомили нашій редакції джерела в уряді.",
                "{Country} is preparing to hand Ukraine additional air defence systems, "
                "government sources told us.",
            ),
        ),
        Angle(
            (
                "{Country} виділила {eur_m} на енергетичне обладнання для України",
                "{Country} allocates {eur_m} for energy equipment for Ukraine",
            ),
            (
                "{Country} виділила {eur_m} на трансформатори, генератори та інше обладнання для "
                "відновлення української енергосистеми.",
                "{Country} has allocated {eur_m} for transformers, generators and other equipment "
                "to restore Ukraine's power grid.",
            ),
        ),
        Angle(
            (
                "Рамштайн: партнери погодили нові поставки снарядів і дронів",
                "Ramstein group: partners agree new deliveries of shells and drones",
            ),
            (
                "Учасники Контактної групи з питань оборони України погодили нові поставки "
                "артилерійських снарядів і дронів.",
                "Members of the Ukraine Defence Contact Group have agreed new deliveries of "
                "artillery shells and drones.",
            ),
        ),
    ),
    sentences=(
        (
            "Частину озброєння передадуть зі складів, решту закуплять у виробників.",
            "Some of the weapons will come from stockpiles and the rest will be bought from "
            "manufacturers.",
        ),
        (
            "Поставки мають розпочатися найближчими тижнями.",
            "Deliveries are due to start in the coming weeks.",
        ),
        (
            "Загальний обсяг допомоги від {country_gen} з початку повномасштабного вторгнення "
            "перевищив {eur_bn}.",
            "Total aid from {country} since the start of the full-scale invasion exceeds {eur_bn}.",
        ),
        (
            "Кількість систем не розголошують з міркувань безпеки.",
            "The number of systems is not being disclosed for security reasons.",
        ),
        (
            "Частину коштів спрямують на виробництво зброї в Україні за так званою данською "
            "моделлю.",
            "Part of the money will go towards producing weapons in Ukraine under the so-called "
            "Danish model.",
        ),
        (
            "Рішення ухвалили після звернення української сторони щодо посилення ППО.",
            "The decision followed a Ukrainian request for stronger air defence.",
        ),
        (
            "Парламент країни вже погодив відповідні видатки.",
            "The country's parliament has already approved the spending.",
        ),
        (
            "Джерела в уряді стверджують, що цей пакет — не останній цього року.",
            "Government sources say this will not be the last package this year.",
        ),
    ),
    subheadings=(
        ("Що входить до пакета", "What the package includes"),
        ("Коли чекати поставок", "When to expect deliveries"),
    ),
    quotes=(
        Quote(
            (
                "Ми допомагатимемо Україні стільки, скільки буде потрібно.",
                "We will help Ukraine for as long as it takes.",
            ),
            ("міністр оборони країни-партнера", "the partner country's defence minister"),
        ),
        Quote(
            (
                "Найбільше нам зараз потрібні ракети до ППО — для міст це питання життя.",
                "What we need most right now is air defence missiles: for our cities, it is a "
                "matter of life and death.",
            ),
            ("міністр оборони України", "Ukraine's defence minister"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Пакет допомоги", "The aid package"),
            (
                ("Сума: {eur_m}", "Value: {eur_m}"),
                ("засоби ППО та боєприпаси", "air defence and ammunition"),
                ("обладнання для енергетики", "energy equipment"),
            ),
        ),
    ),
    sources=(
        Source(
            ("Сайт Міністерства оборони", "Ministry of Defence website"),
            "https://example.gov.ua/mod/news",
            ("як зазначено на сайті міністерства", "as stated on the ministry's website"),
        ),
        Source(
            ("Заява уряду країни-партнера", "Partner government statement"),
            "https://example.org/government/press",
            ("офіційне оголошення", "official announcement"),
        ),
    ),
    tags=("military-aid", "defence-minister"),
    motifs=("schematic_map", "composition", "port"),
    labels=("exclusive",),
    label_odds=0.25,
    local=False,
)

KINDS = (SANCTIONS, TALKS, AID)
