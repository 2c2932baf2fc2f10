"""The politics desk: parliament, government decisions, anti-corruption cases."""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from .base import Angle, FactBox, Kind, Quote, Source

LAWS = (
    ("про компенсацію за зруйноване житло", "on compensation for destroyed housing"),
    ("про соціальну адаптацію ветеранів", "on the social adaptation of veterans"),
    (
        "про прозорість закупівель під час відбудови",
        "on transparency in reconstruction procurement",
    ),
    ("про статус зниклих безвісти", "on the status of missing persons"),
    ("про гармонізацію митних правил з ЄС", "on aligning customs rules with the EU"),
    ("про енергетичну безпеку громад", "on the energy security of communities"),
    ("про підтримку внутрішньо переміщених осіб", "on support for internally displaced people"),
    (
        "про захист критичної інфраструктури від кібератак",
        "on protecting critical infrastructure from cyberattacks",
    ),
)

PROGRAMMES = (
    ("компенсацію за ремонт пошкодженого житла", "compensation for repairs to damaged homes"),
    ("пільгові кредити для релокованих підприємств", "cheap loans for relocated businesses"),
    ("доплати вчителям прифронтових громад", "extra pay for teachers in front-line communities"),
    ("безкоштовні курси перекваліфікації для ветеранів", "free retraining courses for veterans"),
    ("гранти фермерам на розмінування полів", "grants for farmers to clear their fields of mines"),
    ("субсидії на встановлення сонячних панелей", "subsidies for installing solar panels"),
    (
        "єдину онлайн-чергу на житло для переселенців",
        "a single online housing queue for displaced people",
    ),
)

PARLIAMENT = Kind(
    code="parliament",
    section="politics",
    angles=(
        Angle(
            ("Рада ухвалила закон {law}", "Parliament passes law {law}"),
            (
                "Верховна Рада ухвалила закон {law}. Рішення набрало {votes}.",
                "The Verkhovna Rada has passed the law {law}. It received {votes}.",
            ),
        ),
        Angle(
            ("Законопроєкт {law} набрав {votes}", "Bill {law} backed by {votes}"),
            (
                "Депутати ухвалили в цілому законопроєкт {law}; документ ще має підписати "
                "президент.",
                "MPs have passed the bill {law} as a whole; the president still has to sign it.",
            ),
        ),
        Angle(
            (
                "Депутати підтримали в першому читанні законопроєкт {law}",
                "MPs back bill {law} at first reading",
            ),
            (
                "Законопроєкт {law} пройшов перше читання: рішення набрало {votes}. До другого "
                "читання автори обіцяють доопрацювати текст.",
                "The bill {law} has passed its first reading with {votes}. Its authors promise "
                "to revise the text before the second reading.",
            ),
        ),
        Angle(
            ("Що змінить закон {law}: пояснюємо", "What the law {law} will change: an explainer"),
            (
                "Парламент ухвалив закон {law}. Розповідаємо, що він змінює і коли запрацюють "
                "нові правила.",
                "Parliament has passed the law {law}. We explain what it changes and when the "
                "new rules take effect.",
            ),
        ),
    ),
    context=(
        (
            "Законопроєкт готували понад пів року разом із громадськими організаціями та "
            "експертами.",
            "The bill took more than six months to prepare, with input from civic groups and "
            "experts.",
        ),
    ),
    sentences=(
        (
            "За словами автора законопроєкту, документ усуває прогалини, які виявилися під час "
            "повномасштабної війни.",
            "The bill's author said it closes gaps that came to light during the full-scale war.",
        ),
        (
            "Опозиційні фракції критикували окремі норми, зокрема строки їх запровадження.",
            "Opposition factions criticised some provisions, including the timeline for "
            "introducing them.",
        ),
        (
            "До другого читання надійшло понад триста поправок.",
            "More than three hundred amendments were filed before the second reading.",
        ),
        (
            "Профільний комітет рекомендував ухвалити документ у цілому.",
            "The relevant committee recommended passing the document as a whole.",
        ),
        (
            "Частина норм запрацює лише після завершення воєнного стану.",
            "Some of the provisions will only come into force after martial law ends.",
        ),
        (
            "Уряд має ухвалити підзаконні акти протягом трьох місяців.",
            "The government has three months to adopt the secondary legislation.",
        ),
        (
            "Громадські організації закликають стежити за тим, як закон виконуватимуть на місцях.",
            "Civic organisations are calling for close monitoring of how the law is applied "
            "locally.",
        ),
        (
            "Зміни також потрібні для виконання зобов’язань України на шляху до членства в ЄС.",
            "The changes are also needed to meet Ukraine's commitments on its path to EU "
            "membership.",
        ),
        (
            "Під час обговорення депутати кілька разів оголошували перерву через повітряну "
            "тривогу.",
            "MPs had to break off the debate several times because of air-raid alerts.",
        ),
    ),
    subheadings=(
        ("Що передбачає закон", "What the law provides for"),
        ("Хто голосував проти", "Who voted against"),
        ("Коли запрацюють зміни", "When the changes take effect"),
    ),
    quotes=(
        Quote(
            (
                "Ми нарешті даємо людям зрозумілі правила замість десятків постанов, які "
                "суперечать одна одній.",
                "We are finally giving people clear rules instead of dozens of regulations that "
                "contradict one another.",
            ),
            ("голова профільного комітету", "chair of the parliamentary committee"),
        ),
        Quote(
            (
                "Закон добрий, але без фінансування він залишиться декларацією.",
                "The law is good, but without funding it will remain a declaration.",
            ),
            ("депутатка від опозиційної фракції", "an opposition MP"),
        ),
        Quote(
            (
                "Ми стежитимемо, щоб підзаконні акти не спотворили суть закону.",
                "We will make sure the secondary legislation does not distort the law's intent.",
            ),
            ("експертка громадської організації", "an expert with a civic organisation"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Як ухвалюють закони", "How a law is passed"),
            (
                (
                    "Перше читання — голосування за основу.",
                    "First reading: a vote on the bill in principle.",
                ),
                (
                    "Друге читання — розгляд поправок і голосування в цілому.",
                    "Second reading: amendments are debated and the bill is voted on as a whole.",
                ),
                (
                    "Після підпису президента закон публікують, і він набуває чинності.",
                    "Once the president signs it, the law is published and takes effect.",
                ),
            ),
        ),
    ),
    sources=(
        Source(
            ("Сайт Верховної Ради", "Verkhovna Rada website"),
            "https://example.gov.ua/rada/bills",
            ("картка законопроєкту", "the bill's page"),
        ),
        Source(
            ("Трансляція пленарного засідання", "Plenary session broadcast"),
            "https://example.gov.ua/rada/live",
            ("запис засідання", "session recording"),
        ),
    ),
    tags=("parliament",),
    motifs=("colonnade",),
    labels=("analysis",),
    label_odds=0.3,
    local=False,
    extras=(("law", LAWS),),
)

GOVERNMENT = Kind(
    code="government",
    section="politics",
    angles=(
        Angle(
            ("Уряд ухвалив рішення про {programme}", "Government approves {programme}"),
            (
                "Кабінет міністрів ухвалив постанову, яка запроваджує {programme}.",
                "The Cabinet of Ministers has adopted a resolution introducing {programme}.",
            ),
        ),
        Angle(
            (
                "Кабмін виділив {uah_bn} на {programme}",
                "Cabinet allocates {uah_bn} for {programme}",
            ),
            (
                "Уряд спрямує {uah_bn} на {programme}; гроші передбачено в бюджеті цього року.",
                "The government will put {uah_bn} towards {programme}; the money is in this "
                "year's budget.",
            ),
        ),
        Angle(
            (
                "Уряд запускає {programme}: хто може скористатися",
                "Government launches {programme}: who is eligible",
            ),
            (
                "Уряд запускає {programme}. Пояснюємо, хто має право на допомогу і як подати "
                "заявку.",
                "The government is launching {programme}. We explain who is eligible and how to "
                "apply.",
            ),
        ),
    ),
    context=(
        (
            "Подати заявку можна буде онлайн або в центрі надання адміністративних послуг.",
            "Applications can be made online or at an administrative services centre.",
        ),
    ),
    sentences=(
        (
            "Рішення ухвалили на засіданні уряду за пропозицією профільного міністерства.",
            "The decision was taken at a government meeting on the proposal of the relevant "
            "ministry.",
        ),
        (
            "Очікується, що програмою скористаються щонайменше {customers_n} родин.",
            "At least {customers_n} families are expected to use the programme.",
        ),
        (
            "Гроші надходитимуть на рахунки отримувачів протягом {days_gen}.",
            "Money will reach recipients' accounts within {days}.",
        ),
        (
            "Частину коштів покриють міжнародні партнери.",
            "Part of the cost will be covered by international partners.",
        ),
        (
            "Перші виплати очікуються вже наступного місяця.",
            "The first payments are expected next month.",
        ),
        (
            "Опозиція вказує на ризик затримок через бюрократію на місцях.",
            "The opposition points to the risk of delays caused by local red tape.",
        ),
        (
            "Міністерство обіцяє щомісяця оприлюднювати звіт про використання коштів.",
            "The ministry promises to publish a monthly report on how the money is spent.",
        ),
        (
            "Пілотний етап уже пройшов у трьох областях.",
            "A pilot phase has already run in three regions.",
        ),
    ),
    subheadings=(
        ("Хто може отримати допомогу", "Who can get help"),
        ("Як подати заявку", "How to apply"),
        ("Скільки це коштує", "What it costs"),
    ),
    quotes=(
        Quote(
            (
                "Ми спростили процедуру до кількох кліків: жодних довідок, які держава може "
                "знайти сама.",
                "We have cut the procedure down to a few clicks: no certificates the state can "
                "find for itself.",
            ),
            ("міністр соціальної політики", "the minister of social policy"),
        ),
        Quote(
            (
                "Для громад це шанс утримати людей і не втратити школи.",
                "For communities this is a chance to keep people and not lose their schools.",
            ),
            ("голова прифронтової громади", "head of a front-line community"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Що потрібно для заявки", "What you need to apply"),
            (
                ("паспорт або ID-картка", "a passport or ID card"),
                ("реєстраційний номер облікової картки платника податків", "a taxpayer number"),
                ("номер банківського рахунку", "a bank account number"),
            ),
        ),
    ),
    sources=(
        Source(
            ("Урядовий портал", "Government portal"),
            "https://example.gov.ua/cabinet/decisions",
            ("текст постанови", "the text of the resolution"),
        ),
    ),
    tags=("prime-minister", "budget"),
    motifs=("colonnade", "composition"),
    local=False,
    extras=(("programme", PROGRAMMES),),
)

PROCUREMENT = (
    (
        "Закупівлі проводили без конкурентних процедур, посилаючись на воєнний стан.",
        "The purchases were made without competitive tendering, citing martial law.",
    ),
    (
        "Ціни на обладнання в договорах були в півтора-два рази вищими за ринкові.",
        "Equipment prices in the contracts were one and a half to two times the market rate.",
    ),
)

ANTICORRUPTION = Kind(
    code="anti-corruption",
    section="politics",
    angles=(
        Angle(
            (
                "Антикорупційне бюро викрило схему на закупівлях для {region_gen}",
                "Anti-corruption bureau uncovers procurement scheme in {region}",
            ),
            (
                "Детективи антикорупційного бюро повідомили про підозру кільком посадовцям, які, "
                "за даними слідства, завищували ціни на закупівлях для {region_gen}.",
                "Anti-corruption detectives have charged several officials who, investigators "
                "say, inflated prices in procurement for {region}.",
            ),
            (
                (
                    "За даними слідства, збитки державі перевищують {uah_m}.",
                    "Investigators say the losses to the state exceed {uah_m}.",
                ),
                PROCUREMENT[0],
                PROCUREMENT[1],
            ),
        ),
        Angle(
            (
                "Посадовцям міськради {city_gen} повідомили про підозру через завищені ціни на "
                "генератори",
                "{City} city council officials charged over inflated generator prices",
            ),
            (
                "За версією слідства, посадовці міськради {city_gen} закупили генератори для шкіл "
                "і лікарень за цінами, удвічі вищими за ринкові.",
                "Officials at {city} city council bought generators for schools and hospitals at "
                "twice the market price, investigators allege.",
            ),
            PROCUREMENT,
        ),
        Angle(
            (
                "Розкрадання на відбудові: збитки оцінюють у {uah_m}",
                "Reconstruction embezzlement: losses put at {uah_m}",
            ),
            (
                "Слідство вважає, що під час ремонту доріг і мостів {region_loc} привласнили "
                "понад {uah_m}.",
                "Investigators believe more than {uah_m} was embezzled during repairs to roads "
                "and bridges {region_loc}.",
            ),
        ),
        Angle(
            (
                "Суд арештував колишнього заступника міністра у справі про хабар",
                "Court remands former deputy minister in bribery case",
            ),
            (
                "Антикорупційний суд узяв під варту з правом внесення застави колишнього "
                "заступника міністра, якого підозрюють в одержанні хабаря.",
                "The anti-corruption court has remanded in custody, with the option of bail, a "
                "former deputy minister suspected of taking a bribe.",
            ),
        ),
    ),
    sentences=(
        (
            "Під час обшуків вилучено документи, телефони та готівку.",
            "Documents, phones and cash were seized during searches.",
        ),
        (
            "Підозрюваним загрожує до 12 років позбавлення волі з конфіскацією майна.",
            "The suspects face up to 12 years in prison and confiscation of property.",
        ),
        (
            "Прокурор просить суд обрати запобіжний захід у вигляді застави.",
            "The prosecutor is asking the court to set bail.",
        ),
        (
            "Захист підозрюваних називає звинувачення безпідставними.",
            "Lawyers for the suspects call the accusations groundless.",
        ),
        (
            "Посадовців відсторонили від роботи на час розслідування.",
            "The officials have been suspended for the duration of the investigation.",
        ),
        (
            "Частину коштів уже вдалося повернути до бюджету.",
            "Some of the money has already been returned to the budget.",
        ),
        (
            "Розслідування триває, не виключено нових підозр.",
            "The investigation continues, and further charges are possible.",
        ),
        (
            "Справу розслідують спільно зі спеціалізованою антикорупційною прокуратурою.",
            "The case is being investigated jointly with the specialised anti-corruption "
            "prosecutor's office.",
        ),
    ),
    subheadings=(
        ("Як працювала схема", "How the scheme worked"),
        ("Що загрожує підозрюваним", "What the suspects face"),
    ),
    quotes=(
        Quote(
            (
                "Воєнний стан не скасовує відповідальності: кожна гривня на відбудові має бути "
                "прозорою.",
                "Martial law does not cancel accountability: every hryvnia spent on "
                "reconstruction must be accounted for.",
            ),
            ("директор антикорупційного бюро", "director of the anti-corruption bureau"),
        ),
        Quote(
            (
                "Ми звернули увагу на ці тендери ще пів року тому, коли побачили ціни.",
                "We flagged these tenders six months ago, when we saw the prices.",
            ),
            (
                "аналітик громадської організації, що моніторить закупівлі",
                "an analyst with a procurement watchdog",
            ),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Як повідомити про корупцію", "How to report corruption"),
            (
                (
                    "Заяву можна подати анонімно через офіційний сайт бюро.",
                    "A report can be filed anonymously through the bureau's official website.",
                ),
                (
                    "Викривачі мають право на захист і винагороду.",
                    "Whistleblowers are entitled to protection and a reward.",
                ),
            ),
        ),
    ),
    sources=(
        Source(
            ("Повідомлення антикорупційного бюро", "Anti-corruption bureau statement"),
            "https://example.gov.ua/nabu/press",
            ("як зазначено в повідомленні", "as stated in the statement"),
        ),
        Source(
            ("Реєстр судових рішень", "Register of court decisions"),
            "https://example.gov.ua/court/register",
            ("ухвала суду", "the court ruling"),
        ),
    ),
    tags=("anti-corruption", "reconstruction"),
    motifs=("colonnade", "schematic_map"),
    labels=("exclusive",),
    label_odds=0.3,
)

KINDS = (PARLIAMENT, GOVERNMENT, ANTICORRUPTION)
