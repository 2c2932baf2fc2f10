"""The technology desk: drones, cyber defence, digital services, buying guides."""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from .base import Angle, FactBox, Kind, Quote, Source

DRONE_INDUSTRY = Kind(
    code="drone-industry",
    section="technology",
    angles=(
        Angle(
            (
                "Українські виробники щомісяця випускають понад {units_n} FPV-дронів",
                "Ukrainian manufacturers now produce more than {units_n} FPV drones a month",
            ),
            (
                "Виробництво дронів в Україні зростає: щомісяця армія отримує понад {units_n} "
                "FPV-дронів.",
                "Drone production in Ukraine keeps growing: the army now receives more than "
                "{units_n} FPV drones a month.",
            ),
        ),
        Angle(
            (
                "Дрони-перехоплювачі: як стартапи змінюють протиповітряну оборону",
                "Interceptor drones: how start-ups are changing air defence",
            ),
            (
                "Українські стартапи масово виробляють дрони-перехоплювачі, які збивають "
                "«шахеди» в рази дешевше за ракети ППО.",
                "Ukrainian start-ups are mass-producing interceptor drones that bring down "
                "Shaheds at a fraction of the cost of air defence missiles.",
            ),
        ),
        Angle(
            (
                "Держава законтрактувала дрони у {companies_gen}",
                "State signs drone contracts with {companies}",
            ),
            (
                "Контракти на постачання дронів для армії цього року отримали {companies}.",
                "{Companies} have won contracts to supply drones to the army this year.",
            ),
        ),
        Angle(
            (
                "Оборонний хакатон {city_loc}: команди показали наземних роботів",
                "Defence hackathon in {city}: teams show off ground robots",
            ),
            (
                "{City_loc} завершився оборонний хакатон, де інженерні команди показали наземні "
                "роботизовані комплекси для евакуації поранених і логістики.",
                "A defence hackathon has ended in {city}, where engineering teams showed ground "
                "robots for evacuating the wounded and for logistics.",
            ),
        ),
    ),
    context=(
        (
            "Розробники роблять ставку на автономність і захист від засобів РЕБ.",
            "Developers are focusing on autonomy and resistance to electronic warfare.",
        ),
    ),
    sentences=(
        (
            "Більшість компонентів, зокрема рами, плати та камери, уже виробляють в Україні.",
            "Most components, including frames, boards and cameras, are now made in Ukraine.",
        ),
        (
            "Головною проблемою залишається постачання акумуляторів і двигунів.",
            "The main problem is still the supply of batteries and motors.",
        ),
        (
            "Виробники тестують оптоволоконні дрони, які неможливо заглушити.",
            "Manufacturers are testing fibre-optic drones that cannot be jammed.",
        ),
        (
            "Військові дають розробникам зворотний зв’язок буквально щотижня.",
            "Soldiers give developers feedback practically every week.",
        ),
        (
            "Державна платформа дозволяє підрозділам замовляти дрони напряму.",
            "A state platform lets units order drones directly.",
        ),
        (
            "Кілька компаній домовилися про спільне виробництво з партнерами за кордоном.",
            "Several companies have agreed on joint production with partners abroad.",
        ),
        (
            "Ціна одного FPV-дрона за рік знизилася приблизно на третину.",
            "The price of an FPV drone has fallen by about a third in a year.",
        ),
        (
            "Наземні роботизовані комплекси вже доставляють боєприпаси та евакуюють поранених.",
            "Unmanned ground vehicles are already delivering ammunition and evacuating the "
            "wounded.",
        ),
    ),
    subheadings=(
        ("Що виробляють", "What is being made"),
        ("Слабкі місця", "Weak spots"),
        ("Що далі", "What comes next"),
    ),
    quotes=(
        Quote(
            (
                "Ми оновлюємо прошивку швидше, ніж ворог встигає підлаштувати свої РЕБ.",
                "We update the firmware faster than the enemy can adapt its electronic warfare.",
            ),
            ("засновник компанії-виробника дронів", "founder of a drone manufacturer"),
        ),
        Quote(
            (
                "Дрон, який не пройшов перевірку на полігоні, на фронт не поїде.",
                "A drone that fails testing at the range does not go to the front.",
            ),
            (
                "представник Міністерства цифрової трансформації",
                "a Ministry of Digital Transformation official",
            ),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Дрони в цифрах", "Drones in numbers"),
            (
                (
                    "Щомісяця: понад {units_n} FPV-дронів",
                    "Per month: more than {units_n} FPV drones",
                ),
                ("Компаній-виробників: {companies_n}", "Manufacturers: {companies_n}"),
            ),
        ),
    ),
    sources=(
        Source(
            ("Міністерство цифрової трансформації", "Ministry of Digital Transformation"),
            "https://example.gov.ua/digital/defence-tech",
            ("дані оборонного кластера", "defence cluster figures"),
        ),
        Source(
            ("Оборонний технологічний кластер", "Defence tech cluster"),
            "https://example.org/defence-cluster/news",
            ("огляд ринку", "market overview"),
        ),
    ),
    tags=("drones",),
    motifs=("circuit", "hills"),
    labels=("video",),
    label_odds=0.2,
    local=False,
    video=(
        "Відео: випробування дрона-перехоплювача на полігоні",
        "Video: an interceptor drone tested at a range",
    ),
)

CYBER = Kind(
    code="cyber",
    section="technology",
    angles=(
        Angle(
            (
                "Кібератака на інтернет-провайдера: зв’язок відновлюють",
                "Cyberattack on an internet provider: service being restored",
            ),
            (
                "Один із великих інтернет-провайдерів зазнав кібератаки; частина абонентів "
                "кілька годин залишалася без зв’язку.",
                "A major internet provider has been hit by a cyberattack, leaving some "
                "subscribers offline for several hours.",
            ),
            (
                (
                    "Зловмисники намагалися вивести сервери з ладу за допомогою DDoS-атаки.",
                    "The attackers tried to knock the servers offline with a DDoS attack.",
                ),
                (
                    "Персональні дані користувачів, за попередніми даними, не постраждали.",
                    "Preliminary findings suggest users' personal data was not affected.",
                ),
            ),
        ),
        Angle(
            (
                "Кіберполіція попереджає про фішингові розсилки від імені банків",
                "Cyber police warn of phishing messages posing as banks",
            ),
            (
                "Кіберполіція фіксує хвилю повідомлень, у яких шахраї видають себе за банки й "
                "просять «підтвердити» дані картки.",
                "The cyber police are seeing a wave of messages in which scammers pose as banks "
                'and ask people to "confirm" their card details.',
            ),
        ),
        Angle(
            (
                "Урядова команда реагування відбила атаку на державні реєстри",
                "Government response team repels attack on state registers",
            ),
            (
                "Фахівці урядової команди реагування відбили атаку на державні реєстри й "
                "локалізували її за {hours}.",
                "The government response team has repelled an attack on state registers and "
                "contained it within {hours}.",
            ),
            (
                (
                    "Атаку пов’язують з угрупованням, яке раніше атакувало енергетичні компанії.",
                    "The attack is linked to a group that has previously targeted energy "
                    "companies.",
                ),
            ),
        ),
        Angle(
            (
                "Шахраї пропонують «компенсації» за зруйноване житло: як не втратити гроші",
                "Scammers offer fake compensation for destroyed homes: how not to lose your money",
            ),
            (
                "Шахраї розсилають повідомлення з обіцянкою «компенсації» за зруйноване житло і "
                "виманюють дані банківських карток.",
                'Scammers are sending messages promising "compensation" for destroyed homes '
                "and tricking people into handing over their bank card details.",
            ),
        ),
    ),
    sentences=(
        (
            "Кіберполіція радить не переходити за посиланнями з неперевірених повідомлень.",
            "The cyber police advise against clicking links in unverified messages.",
        ),
        (
            "Шахраї часто маскуються під державні сервіси та банки.",
            "Scammers often pose as state services and banks.",
        ),
        (
            "Двофакторна автентифікація суттєво знижує ризик зламу акаунтів.",
            "Two-factor authentication greatly reduces the risk of accounts being hacked.",
        ),
        (
            "Від початку року фахівці опрацювали кілька тисяч кіберінцидентів.",
            "Since the start of the year, specialists have handled several thousand cyber "
            "incidents.",
        ),
        (
            "Частину атак здійснюють через зламані акаунти підрядників.",
            "Some attacks are carried out through contractors' hacked accounts.",
        ),
    ),
    subheadings=(
        ("Як діяли зловмисники", "How the attackers operated"),
        ("Як захиститися", "How to protect yourself"),
    ),
    quotes=(
        Quote(
            (
                "Ворог б’є не лише ракетами, а й по серверах. Ця лінія фронту працює цілодобово.",
                "The enemy strikes not only with missiles but at servers too. This front line "
                "works around the clock.",
            ),
            (
                "керівник урядової команди реагування на кіберінциденти",
                "head of the government cyber incident response team",
            ),
        ),
        Quote(
            (
                "Жоден банк не просить по телефону код з SMS. Якщо просять — кладіть слухавку.",
                "No bank asks for an SMS code over the phone. If someone does, hang up.",
            ),
            ("представниця кіберполіції", "a cyber police officer"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Як не потрапити на гачок", "How not to take the bait"),
            (
                (
                    "Перевіряйте адресу сайту, перш ніж вводити дані.",
                    "Check the website address before entering any details.",
                ),
                ("Увімкніть двофакторну автентифікацію.", "Turn on two-factor authentication."),
                ("Нікому не повідомляйте коди з SMS.", "Never share SMS codes with anyone."),
            ),
        ),
    ),
    sources=(
        Source(
            (
                "Урядова команда реагування на кіберінциденти",
                "Government cyber incident response team",
            ),
            "https://example.gov.ua/cert/alerts",
            ("технічний звіт", "technical report"),
        ),
        Source(
            ("Кіберполіція", "Cyber police"),
            "https://example.gov.ua/cyberpolice/news",
            ("попередження для громадян", "public warning"),
        ),
    ),
    tags=("cybersecurity",),
    motifs=("circuit",),
    labels=("exclusive",),
    label_odds=0.2,
    local=False,
)

DIGITAL = Kind(
    code="digital",
    section="technology",
    angles=(
        Angle(
            (
                "У державному застосунку з’явилася нова послуга для переселенців",
                "New service for displaced people added to the state app",
            ),
            (
                "У державному застосунку запрацювала послуга, через яку переселенці можуть "
                "оформити допомогу без походів до установ.",
                "A new service in the state app lets displaced people apply for assistance "
                "without visiting an office.",
            ),
            (
                (
                    "Перед запуском по всій країні послугу протестували в кількох громадах.",
                    "The service was tested in several communities before the nationwide launch.",
                ),
            ),
        ),
        Angle(
            (
                "Електронна черга на кордоні: що змінилося для водіїв",
                "Electronic border queue: what has changed for drivers",
            ),
            (
                "Електронна черга тепер працює в усіх пунктах пропуску на заході країни; водії "
                "бачать свій час перетину в застосунку.",
                "The electronic queue now covers every border crossing in the west of the "
                "country, and drivers can see their crossing time in the app.",
            ),
        ),
        Angle(
            (
                "Онлайн-послуги: за місяць українці подали понад {units_n} заяв",
                "Online services: Ukrainians filed more than {units_n} applications in a month",
            ),
            (
                "За минулий місяць українці подали через державні онлайн-сервіси понад {units_n} "
                "заяв — від реєстрації бізнесу до допомоги при народженні дитини.",
                "Last month Ukrainians filed more than {units_n} applications through state "
                "online services, from registering a business to childbirth benefits.",
            ),
        ),
    ),
    sentences=(
        (
            "Дані підтягуються з державних реєстрів автоматично.",
            "Data is pulled in automatically from state registers.",
        ),
        (
            "Розробники обіцяють додати підтримку для людей з порушеннями зору.",
            "The developers promise to add support for people with visual impairments.",
        ),
        (
            "У перші години після запуску користувачі скаржилися на збої.",
            "Users complained of glitches in the first hours after the launch.",
        ),
        (
            "Паперову процедуру збережуть для тих, хто не користується смартфоном.",
            "The paper procedure will be kept for those who do not use a smartphone.",
        ),
        (
            "Експерти з кібербезпеки наголошують на потребі регулярних аудитів систем.",
            "Cybersecurity experts stress the need for regular audits of the systems.",
        ),
        (
            "Загалом у застосунку вже понад сорок державних послуг.",
            "The app now offers more than forty government services in total.",
        ),
    ),
    subheadings=(
        ("Як скористатися", "How to use it"),
        ("Що кажуть користувачі", "What users say"),
    ),
    quotes=(
        Quote(
            (
                "Ми прибрали шість довідок, які люди раніше збирали тижнями.",
                "We have removed six certificates that people used to spend weeks collecting.",
            ),
            (
                "заступник міністра цифрової трансформації",
                "deputy minister for digital transformation",
            ),
        ),
        Quote(
            (
                "Оформила все в укритті, поки чекала на відбій тривоги.",
                "I filled everything in at the shelter while waiting for the all-clear.",
            ),
            ("Оксана, переселенка з {city_gen}", "Oksana, who moved from {city}"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Як подати заявку", "How to apply"),
            (
                (
                    "Оновіть застосунок до останньої версії.",
                    "Update the app to the latest version.",
                ),
                (
                    "Оберіть послугу в розділі «Послуги».",
                    "Choose the service in the Services section.",
                ),
                ("Підпишіть заяву електронним підписом.", "Sign the application electronically."),
            ),
        ),
    ),
    sources=(
        Source(
            ("Міністерство цифрової трансформації", "Ministry of Digital Transformation"),
            "https://example.gov.ua/digital/news",
            ("оголошення про запуск послуги", "launch announcement"),
        ),
    ),
    tags=("digital-state",),
    motifs=("circuit", "composition"),
    local=False,
)

BUYING_GUIDE = Kind(
    code="buying-guide",
    section="technology",
    angles=(
        Angle(
            (
                "Як обрати зарядну станцію для квартири: п’ять порад",
                "How to choose a portable power station for your flat: five tips",
            ),
            (
                "Перед сезоном відключень ми порівняли кілька типів зарядних станцій і зібрали "
                "поради, на що зважати під час покупки. Матеріал містить партнерські посилання.",
                "Ahead of the outage season, we compared several types of power station and "
                "gathered tips on what to look for. This article contains affiliate links.",
            ),
        ),
        Angle(
            (
                "Зарядна станція чи генератор: що обрати для квартири",
                "Power station or generator: which to choose for a flat",
            ),
            (
                "Генератор у квартирі не поставиш, а зарядна станція працює тихо і без вихлопу. "
                "Пояснюємо, на що її вистачить. Матеріал містить партнерські посилання.",
                "You cannot run a generator in a flat, while a power station is quiet and has no "
                "exhaust. We explain what it can handle. This article contains affiliate "
                "links.",
            ),
        ),
        Angle(
            (
                "Скільки ват-годин потрібно на вечір без світла: пояснюємо",
                "How many watt-hours you need for an evening without power",
            ),
            (
                "Щоб не переплатити, спершу порахуйте, що саме ви хочете живити під час "
                "відключень. Матеріал містить партнерські посилання.",
                "To avoid overpaying, first work out exactly what you want to power during "
                "outages. This article contains affiliate links.",
            ),
        ),
    ),
    sentences=(
        (
            "Головне — ємність акумулятора: щоб роутер і ноутбук працювали весь вечір, вистачить "
            "500 Вт·год.",
            "Battery capacity matters most: 500 Wh is enough to run a router and a laptop for an "
            "evening.",
        ),
        (
            "Звертайте увагу на тип акумулятора: літій-залізо-фосфатні служать довше.",
            "Pay attention to the battery type: lithium iron phosphate batteries last longer.",
        ),
        (
            "Перевірте, чи можна заряджати станцію від сонячної панелі.",
            "Check whether the station can be charged from a solar panel.",
        ),
        (
            "Шум вентилятора важливий, якщо станція стоятиме в спальні.",
            "Fan noise matters if the station will stand in a bedroom.",
        ),
        (
            "Не купуйте пристрої без гарантії та сервісного центру в Україні.",
            "Do not buy devices without a warranty and a service centre in Ukraine.",
        ),
        (
            "Для холодильника потрібна станція з чистою синусоїдою на виході.",
            "A fridge needs a station with a pure sine wave output.",
        ),
        (
            "Порівнюйте ціну за ват-годину, а не лише загальну вартість.",
            "Compare the price per watt-hour, not just the total price.",
        ),
    ),
    subheadings=(
        ("На що зважати", "What to look for"),
        ("Скільки це коштує", "What it costs"),
        ("Наш вибір", "Our pick"),
    ),
    quotes=(
        Quote(
            (
                "Найчастіше помиляються з потужністю: бойлер чи електрочайник станція просто не "
                "потягне.",
                "The most common mistake is power: the station simply cannot handle a water "
                "heater or an electric kettle.",
            ),
            ("інженер сервісного центру", "a service centre engineer"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Коротко", "In brief"),
            (
                ("Ємність — від 500 Вт·год для квартири.", "Capacity: from 500 Wh for a flat."),
                ("Тип акумулятора — LiFePO4.", "Battery type: LiFePO4."),
                ("Гарантія та сервіс в Україні.", "Warranty and service in Ukraine."),
            ),
        ),
    ),
    sources=(
        Source(
            ("Рекомендації виробників", "Manufacturers' guidance"),
            "https://example.com/power-stations/guide",
            ("технічні характеристики", "technical specifications"),
        ),
    ),
    tags=("energy",),
    motifs=("circuit", "composition", "power_lines"),
    labels=("affiliate",),
    label_odds=1.0,
    weight=1,
    local=False,
)

KINDS = (DRONE_INDUSTRY, CYBER, DIGITAL, BUYING_GUIDE)
