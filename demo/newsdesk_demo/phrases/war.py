"""The war desk: overnight attacks and strikes on cities. The front line is in :mod:`frontline`."""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from .base import Angle, FactBox, Kind, Quote, Source

COMMON = (
    (
        "Інформація про наслідки уточнюється.",
        "Information about the aftermath is still being gathered.",
    ),
    (
        "Російська сторона ці дані не коментувала.",
        "The Russian side has not commented on these figures.",
    ),
)

AIR_DEFENCE = Kind(
    code="air-defence",
    section="war",
    angles=(
        Angle(
            (
                "{When} сили ППО знешкодили {downed_n} із {drones_gen}",
                "Air defence downs {downed_n} of {drones} {when}",
            ),
            (
                "За даними Повітряних сил, {when} ворог запустив по Україні {drones} та "
                "{missiles}. Сили ППО знешкодили {downed}.",
                "Russia launched {drones} and {missiles} at Ukraine {when}, the Air Force said. "
                "Air defence brought down {downed}.",
            ),
        ),
        Angle(
            (
                "Повітряні сили: ворог запустив {drones} і {missiles}",
                "Air Force: Russia launched {drones} and {missiles}",
            ),
            (
                "Атака тривала кілька годин, найбільше цілей летіло в бік {region_gen}. Більшість "
                "із них вдалося знешкодити.",
                "The attack lasted several hours, with most targets heading for {region}. Most "
                "of them were neutralised.",
            ),
        ),
        Angle(
            (
                "Масована атака дронів: найбільше цілей летіло в бік {region_gen}",
                "Massive drone attack: most targets headed for {region}",
            ),
            (
                "{When} ворог атакував ударними дронами кілька областей; найдовше тривога "
                "тривала {region_loc}.",
                "Russia attacked several regions with drones {when}; the alert lasted longest "
                "{region_loc}.",
            ),
        ),
        Angle(
            (
                "Атака «шахедів» {region_loc}: уламки впали на приватний сектор",
                "Shahed attack {region_loc}: debris falls on houses",
            ),
            (
                "Уламки збитих дронів упали на території {city_gen}: пошкоджено {buildings}, "
                "люди не постраждали.",
                "Debris from downed drones fell in {city}, damaging {buildings}; no one was hurt.",
            ),
        ),
        Angle(
            (
                "Мобільні вогневі групи збили понад {downed} за ніч",
                "Mobile fire teams down more than {downed} in one night",
            ),
            (
                "Значну частину дронів цієї ночі знищили мобільні вогневі групи — кулеметники та "
                "екіпажі дронів-перехоплювачів.",
                "A large share of the drones that night were destroyed by mobile fire teams: "
                "machine gunners and interceptor drone crews.",
            ),
        ),
    ),
    context=(
        (
            "Сили протиповітряної оборони працювали в кількох областях.",
            "Air defence units were at work in several regions.",
        ),
    ),
    sentences=(
        (
            "Ворог запустив {drones} типу «Шахед» і дрони-імітатори, а також {missiles}.",
            "Russia launched {drones}, both Shahed-type attack drones and decoys, as well as "
            "{missiles}.",
        ),
        (
            "На момент публікації підтверджено знешкодження {downed_n} цілей.",
            "At the time of publication, {downed_n} targets had been confirmed destroyed.",
        ),
        (
            "Частина дронів зникла з радарів, імовірно, через протидію засобів радіоелектронної "
            "боротьби.",
            "Some drones disappeared from radar, probably because of electronic warfare.",
        ),
        (
            "Повітряну тривогу {region_loc} оголошували кілька разів за ніч.",
            "An air-raid alert was declared several times overnight {region_loc}.",
        ),
        (
            "Уламки збитих дронів упали на території {city_gen}: пошкоджено {buildings} і "
            "кілька автомобілів.",
            "Debris from downed drones fell in {city}, damaging {buildings} and several cars.",
        ),
        (
            "Мобільні вогневі групи працювали в кількох областях, зокрема {region_loc}.",
            "Mobile fire teams were at work in several regions, including {region}.",
        ),
        (
            "Частину цілей перехопили дрони-перехоплювачі, які дедалі частіше застосовують над "
            "великими містами.",
            "Some targets were taken down by interceptor drones, which are increasingly used "
            "over large cities.",
        ),
        (
            "За оцінкою військових, головною ціллю атаки була енергетична та логістична "
            "інфраструктура.",
            "The military believes the main target was energy and transport infrastructure.",
        ),
        (
            "У Повітряних силах закликали не ігнорувати сигнали тривоги та не публікувати відео "
            "роботи ППО.",
            "The Air Force urged people not to ignore alerts and not to post videos of air "
            "defence at work.",
        ),
        (
            "Напередодні атака була меншою, але ворог застосував більше ракет.",
            "The previous day's attack was smaller, but more missiles were used.",
        ),
        *COMMON,
    ),
    subheadings=(
        ("Як відбивали атаку", "How the attack was repelled"),
        ("Куди впали уламки", "Where the debris fell"),
        ("Що кажуть військові", "What the military says"),
    ),
    quotes=(
        Quote(
            (
                "Ворог постійно змінює маршрути й висоту польоту дронів, тому кожна ніч для "
                "мобільних груп — окремий іспит.",
                "Russia keeps changing the routes and altitudes of its drones, so every night "
                "is a new exam for the mobile teams.",
            ),
            ("речник Повітряних сил", "Air Force spokesperson"),
        ),
        Quote(
            (
                "Ми бачимо, що ворог накопичує ракети для масованих ударів, і готуємося до "
                "цього заздалегідь.",
                "We can see Russia stockpiling missiles for massive strikes, and we are "
                "preparing for that in advance.",
            ),
            ("командир зенітного ракетного дивізіону", "commander of an air defence battalion"),
        ),
        Quote(
            (
                "Тривога — не привід для паніки, але привід піти в укриття.",
                "An alert is no reason to panic, but it is a reason to go to a shelter.",
            ),
            (
                "начальник обласної військової адміністрації",
                "head of the regional military administration",
            ),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Як діяти під час тривоги", "What to do during an alert"),
            (
                (
                    "Перейдіть до найближчого укриття або дотримуйтеся правила двох стін.",
                    "Go to the nearest shelter or follow the two-walls rule.",
                ),
                (
                    "Не знімайте роботу ППО і не публікуйте відео.",
                    "Do not film air defence at work or post the videos.",
                ),
                (
                    "Стежте за офіційними каналами обласної адміністрації.",
                    "Follow the regional administration's official channels.",
                ),
            ),
        ),
        FactBox(
            ("Атака в цифрах", "The attack in numbers"),
            (
                ("Дронів запущено: {drones_n}", "Drones launched: {drones_n}"),
                ("Знешкоджено: {downed_n}", "Neutralised: {downed_n}"),
                ("Ракет: {missiles_n}", "Missiles: {missiles_n}"),
            ),
        ),
    ),
    sources=(
        Source(
            ("Telegram-канал Повітряних сил", "Air Force Telegram channel"),
            "https://example.gov.ua/air-force/updates",
            ("як повідомили в Повітряних силах", "as stated by the Air Force"),
        ),
        Source(
            ("Обласна військова адміністрація", "Regional military administration"),
            "https://example.gov.ua/ova/news",
            ("дані про наслідки атаки", "figures on the aftermath"),
        ),
    ),
    tags=("air-defence", "air-force", "drones"),
    motifs=("night_sky", "skyline"),
    labels=("video",),
    label_odds=0.25,
    weight=5,
    video=("Відео: робота мобільної вогневої групи", "Video: a mobile fire team at work"),
)

STRIKE = Kind(
    code="strike",
    section="war",
    angles=(
        Angle(
            (
                "Удар {city_po}: постраждали {injured}, пошкоджено {buildings}",
                "Strike on {city} injures {injured}, damages {buildings}",
            ),
            (
                "{When} ворог ударив {city_po}. Постраждали {injured}, пошкоджено {buildings}.",
                "Russia struck {city} {when}. {Injured} were injured and {buildings} damaged.",
            ),
        ),
        Angle(
            (
                "{City_loc} після атаки дронів спалахнула пожежа на підприємстві",
                "Fire breaks out at an industrial site in {city} after drone attack",
            ),
            (
                "{When} дрони атакували промислову зону {city_gen}; пожежу на площі близько "
                "{area_n} м² гасили кілька годин.",
                "Drones attacked an industrial area of {city} {when}; a fire covering about "
                "{area_n} square metres took several hours to put out.",
            ),
        ),
        Angle(
            (
                "Наслідки удару {city_po}: рятувальники завершили розбирати завали",
                "Rescuers finish clearing rubble after strike on {city}",
            ),
            (
                "Рятувальники завершили пошуково-рятувальну операцію на місці удару; загалом "
                "постраждали {injured}.",
                "Rescuers have finished the search and rescue operation at the site of the "
                "strike; {injured} were injured in total.",
            ),
        ),
        Angle(
            (
                "Балістичний удар {city_po}: що відомо на цю хвилину",
                "Ballistic missile strike on {city}: what we know so far",
            ),
            (
                "Ворог завдав балістичного удару {city_po}. За попередніми даними, пошкоджено "
                "{buildings}, є постраждалі.",
                "Russia hit {city} with a ballistic missile. Preliminary reports say {buildings} "
                "were damaged and people were injured.",
            ),
        ),
    ),
    context=(
        (
            "На місці працюють рятувальники, поліція та комунальні служби.",
            "Rescuers, police and municipal services are working at the site.",
        ),
        (
            "Удар стався під час повітряної тривоги, за кілька хвилин після її оголошення.",
            "The strike came during an air-raid alert, a few minutes after it was declared.",
        ),
    ),
    sentences=(
        (
            "За словами начальника обласної військової адміністрації, пошкоджено {buildings}, "
            "адміністративну будівлю та кілька автомобілів.",
            "According to the head of the regional military administration, {buildings}, an "
            "office building and several cars were damaged.",
        ),
        (
            "Медики надали допомогу на місці; частину постраждалих госпіталізували.",
            "Medics treated people at the scene; some of the injured were taken to hospital.",
        ),
        (
            "Вибуховою хвилею вибило вікна в сусідніх багатоповерхівках.",
            "The blast wave shattered windows in nearby apartment blocks.",
        ),
        (
            "Для мешканців пошкоджених будинків розгорнули пункт незламності та пункт видачі "
            "будматеріалів.",
            "A resilience centre and a building-materials point were set up for residents of "
            "the damaged houses.",
        ),
        (
            "Прокуратура розпочала досудове розслідування за фактом порушення законів і звичаїв "
            "війни.",
            "Prosecutors have opened a criminal investigation into violations of the laws and "
            "customs of war.",
        ),
        (
            "Мешканців просять не наближатися до місця удару, поки вибухотехніки не завершать "
            "роботу.",
            "Residents are asked to stay away from the site until bomb disposal experts finish "
            "their work.",
        ),
        (
            "Це вже не перший удар по місту за останній тиждень.",
            "This is not the first strike on the city in the past week.",
        ),
        (
            "Комунальники обіцяють закрити вікна плівкою та OSB-плитами до вечора.",
            "Municipal workers promise to cover the windows with film and OSB boards by evening.",
        ),
        *COMMON,
    ),
    subheadings=(
        ("Що відомо про наслідки", "What we know about the damage"),
        ("Допомога постраждалим", "Help for those affected"),
        ("Розслідування", "The investigation"),
    ),
    quotes=(
        Quote(
            (
                "Люди прокинулися від вибуху, скло летіло просто в квартири. Добре, що "
                "більшість була в коридорах.",
                "People woke up to the blast, and glass flew straight into the flats. It is "
                "lucky most of them were in their corridors.",
            ),
            ("Олена, мешканка сусіднього будинку", "Olena, who lives next door"),
        ),
        Quote(
            (
                "Усі служби працюють на місці. Житло для тих, хто його втратив, ми знайдемо вже "
                "сьогодні.",
                "All services are on site. We will find housing today for those who have lost "
                "their homes.",
            ),
            ("міський голова", "the mayor"),
        ),
        Quote(
            (
                "Поруч не було жодного військового об’єкта — лише житлові будинки і школа.",
                "There was no military site anywhere nearby, only homes and a school.",
            ),
            ("речник обласної прокуратури", "spokesperson for the regional prosecutor"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Куди звертатися по допомогу", "Where to get help"),
            (
                (
                    "Гаряча лінія міської ради працює цілодобово.",
                    "The city council hotline works around the clock.",
                ),
                (
                    "Заявку на компенсацію за пошкоджене житло можна подати онлайн.",
                    "Compensation claims for damaged housing can be filed online.",
                ),
                (
                    "Психологи чергують у пункті незламності біля місця удару.",
                    "Psychologists are on duty at the resilience centre near the site.",
                ),
            ),
        ),
    ),
    sources=(
        Source(
            ("Обласна військова адміністрація", "Regional military administration"),
            "https://example.gov.ua/ova/strike-aftermath",
            ("як повідомив очільник ОВА", "as stated by the head of the administration"),
        ),
        Source(
            ("Державна служба з надзвичайних ситуацій", "State Emergency Service"),
            "https://example.gov.ua/dsns/operations",
            ("зведення рятувальників", "rescuers' report"),
        ),
    ),
    tags=("reconstruction",),
    motifs=("skyline", "night_sky"),
    labels=("photo",),
    label_odds=0.25,
    weight=5,
)

KINDS = (AIR_DEFENCE, STRIKE)
