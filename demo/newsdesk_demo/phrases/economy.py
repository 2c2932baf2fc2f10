"""The economy desk: the power grid, grain exports, money, reconstruction."""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from .base import Angle, FactBox, Kind, Quote, Source

ENERGY = Kind(
    code="energy",
    section="economy",
    angles=(
        Angle(
            (
                "{Region_loc} відновили живлення для {customers_gen}",
                "Power restored to {customers} {region_loc}",
            ),
            (
                "Після атаки на енергосистему ремонтні бригади відновили живлення для "
                "{customers_gen} {region_loc}.",
                "Repair crews have restored power to {customers} {region_loc} after an attack "
                "on the grid.",
            ),
        ),
        Angle(
            (
                "Енергетики ліквідовують наслідки атаки: без світла лишаються {customers}",
                "Engineers repair attack damage as {customers} remain without power",
            ),
            (
                "Після атаки на енергетичну інфраструктуру без електропостачання залишилися "
                "{customers}; ремонт триває цілодобово.",
                "After an attack on energy infrastructure, {customers} were left without "
                "electricity; repairs are going on around the clock.",
            ),
        ),
        Angle(
            (
                "Графіки відключень {region_loc}: скільки триватимуть обмеження",
                "Power cut schedules {region_loc}: how long the limits will last",
            ),
            (
                "{Region_loc} знову діють графіки погодинних відключень; знеструмлення "
                "триватимуть до {hours_gen} на добу.",
                "Rolling power cuts are back {region_loc}, with outages of up to {hours} a day.",
            ),
        ),
        Angle(
            (
                "Ворог атакував енергооб’єкт {region_loc}, частину споживачів знеструмлено",
                "Russia attacks an energy facility {region_loc}, cutting power to some households",
            ),
            (
                "{When} ворог атакував об’єкт енергетичної інфраструктури {region_loc}; без "
                "світла залишилися {customers}.",
                "Russia attacked an energy facility {region_loc} {when}, leaving {customers} "
                "without power.",
            ),
        ),
        Angle(
            (
                "Оператор енергосистеми: дефіцит потужності зберігається, економте ввечері",
                "Grid operator: capacity shortfall persists, save power in the evening",
            ),
            (
                "Оператор енергосистеми прогнозує відключення у вечірні години й просить не "
                "вмикати потужні прилади з 17:00 до 22:00.",
                "The grid operator expects power cuts in the evening and asks customers not to "
                "run powerful appliances between 17:00 and 22:00.",
            ),
        ),
    ),
    context=(
        (
            "Ремонтні бригади працюють цілодобово; більшість споживачів обіцяють підключити "
            "протягом {days_gen}.",
            "Repair crews are working around the clock, and most customers are due to be "
            "reconnected within {days}.",
        ),
    ),
    sentences=(
        (
            "Енергетики вже відновили живлення для {customers_gen}.",
            "Engineers have already restored power to {customers}.",
        ),
        (
            "Найскладніша ситуація {region_loc}, де пошкоджено високовольтну підстанцію.",
            "The situation is most difficult {region_loc}, where a high-voltage substation was "
            "damaged.",
        ),
        (
            "Знеструмлення триватимуть до {hours_gen} на добу.",
            "Outages will last up to {hours} a day.",
        ),
        (
            "Водоканал і котельні перевели на резервне живлення від генераторів.",
            "Water utilities and boiler houses have been switched to backup generators.",
        ),
        (
            "Частину обладнання для ремонту передали міжнародні партнери.",
            "Some of the repair equipment was supplied by international partners.",
        ),
        (
            "Енергосистема отримує аварійну допомогу із сусідніх країн.",
            "The power system is receiving emergency assistance from neighbouring countries.",
        ),
        (
            "Графіки відключень публікують на сайті обленерго та в його чат-боті.",
            "Outage schedules are published on the regional utility's website and in its chatbot.",
        ),
        (
            "Повне відновлення пошкодженої підстанції, за словами енергетиків, може зайняти "
            "кілька тижнів.",
            "Engineers say fully repairing the damaged substation could take several weeks.",
        ),
        (
            "У громадах працюють пункти незламності, де можна зарядити телефон і погрітися.",
            "Resilience centres are open in the communities, where people can charge their "
            "phones and warm up.",
        ),
    ),
    subheadings=(
        ("Де немає світла", "Where the power is out"),
        ("Коли завершать ремонт", "When the repairs will be finished"),
        ("Як економити", "How to save power"),
    ),
    quotes=(
        Quote(
            (
                "Наші бригади виїжджають на об’єкти одразу після відбою тривоги, іноді — під "
                "повторні удари.",
                "Our crews go out to the sites as soon as the all-clear sounds, sometimes under "
                "repeat strikes.",
            ),
            ("керівник обленерго", "head of the regional power utility"),
        ),
        Quote(
            (
                "Кожен вимкнений увечері бойлер — це чиєсь світло в сусідньому районі.",
                "Every boiler switched off in the evening means light for someone in the next "
                "district.",
            ),
            ("речниця оператора енергосистеми", "grid operator spokesperson"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Як підготуватися до відключень", "How to prepare for power cuts"),
            (
                (
                    "Тримайте заряджений павербанк і ліхтарик.",
                    "Keep a charged power bank and a torch.",
                ),
                ("Запасіть питну воду на кілька днів.", "Store drinking water for several days."),
                (
                    "Дізнайтеся адресу найближчого пункту незламності.",
                    "Find out where the nearest resilience centre is.",
                ),
            ),
        ),
    ),
    sources=(
        Source(
            ("Оператор енергосистеми", "Grid operator"),
            "https://example.gov.ua/grid/news",
            ("оперативна інформація", "operational update"),
        ),
        Source(
            ("Міністерство енергетики", "Ministry of Energy"),
            "https://example.gov.ua/energy/press",
            ("як повідомили в міністерстві", "as stated by the ministry"),
        ),
    ),
    tags=("energy",),
    motifs=("power_lines",),
    labels=("photo",),
    label_odds=0.2,
    weight=4,
)

GRAIN = Kind(
    code="grain",
    section="economy",
    angles=(
        Angle(
            (
                "Порти Великої Одеси з початку місяця прийняли {vessels}",
                "Greater Odesa ports have handled {vessels} since the start of the month",
            ),
            (
                "Через морський коридор з початку місяця вийшли {vessels} з агропродукцією.",
                "{Vessels} carrying farm produce have left through the sea corridor since the "
                "start of the month.",
            ),
        ),
        Angle(
            (
                "Експорт зерна: за місяць морем вивезли {tonnes}",
                "Grain exports: {tonnes} shipped by sea in a month",
            ),
            (
                "Морський експорт агропродукції за місяць сягнув {tonnes}, трохи більше, ніж "
                "місяцем раніше.",
                "Seaborne farm exports reached {tonnes} for the month, slightly more than the "
                "month before.",
            ),
        ),
        Angle(
            (
                "Морський коридор працює попри атаки на портову інфраструктуру",
                "Sea corridor keeps working despite attacks on port infrastructure",
            ),
            (
                "Попри регулярні удари по портах, судна й далі йдуть українським коридором: з "
                "початку місяця їх уже {vessels_n}.",
                "Despite regular strikes on the ports, ships keep using the Ukrainian corridor: "
                "{vessels_n} have sailed since the start of the month.",
            ),
        ),
        Angle(
            (
                "Аграрії {region_gen} завершують жнива: врожайність нижча за торішню",
                "Farmers in {region} finish the harvest with lower yields than last year",
            ),
            (
                "{Region_loc} зібрали врожай з {hectares_gen}; через посуху та міни врожайність "
                "нижча, ніж торік.",
                "Farmers {region_loc} have harvested {hectares}; drought and mines have left "
                "yields lower than last year.",
            ),
        ),
    ),
    sentences=(
        (
            "Основні покупці — країни Північної Африки, Близького Сходу та Європи.",
            "The main buyers are countries in North Africa, the Middle East and Europe.",
        ),
        (
            "Найбільшу частку експорту становлять кукурудза та пшениця.",
            "Maize and wheat account for the largest share of exports.",
        ),
        (
            "Страхування суден залишається дорогим через ризик ударів по портах.",
            "Insuring vessels remains expensive because of the risk of strikes on the ports.",
        ),
        (
            "Цього тижня ворог знову атакував портову інфраструктуру, пошкоджено зерновий "
            "термінал.",
            "Russia attacked port infrastructure again this week, damaging a grain terminal.",
        ),
        (
            "Аграрії скаржаться на низькі закупівельні ціни та дорогу логістику.",
            "Farmers complain about low purchase prices and costly logistics.",
        ),
        (
            "{Region_loc} зібрали врожай з {hectares_gen}.",
            "Farmers {region_loc} have harvested {hectares}.",
        ),
        (
            "Частину полів досі не обробляють через мінну небезпеку.",
            "Some fields are still not being worked because of the danger from mines.",
        ),
        (
            "Ще близько чверті обсягів вивозять залізницею та через дунайські порти.",
            "Around a quarter of volumes still leave by rail and through the Danube ports.",
        ),
        (
            "Експерти очікують, що валютна виручка від експорту підтримає гривню.",
            "Experts expect export earnings to support the hryvnia.",
        ),
    ),
    subheadings=(
        ("Куди йде українське зерно", "Where Ukrainian grain goes"),
        ("Ризики для портів", "Risks to the ports"),
        ("Що кажуть аграрії", "What farmers say"),
    ),
    quotes=(
        Quote(
            (
                "Кожне судно, яке виходить з порту, — це робочі місця на елеваторах, залізниці "
                "й у полі.",
                "Every ship that leaves port means jobs at the elevators, on the railway and in "
                "the fields.",
            ),
            ("заступник міністра аграрної політики", "deputy minister of agrarian policy"),
        ),
        Quote(
            (
                "Ми сіємо менше, ніж могли б: половина орендованої землі біля лінії фронту досі "
                "замінована.",
                "We sow less than we could: half of our leased land near the front line is "
                "still mined.",
            ),
            ("фермер з півдня області", "a farmer from the south of the region"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Морський коридор", "The sea corridor"),
            (
                (
                    "Працює з осені 2023 року без участі Росії.",
                    "It has operated since autumn 2023 without Russian participation.",
                ),
                (
                    "Судна йдуть уздовж узбережжя, у територіальних водах.",
                    "Ships sail along the coast, within territorial waters.",
                ),
                ("Безпеку забезпечують ВМС і ППО.", "The navy and air defence keep it safe."),
            ),
        ),
    ),
    sources=(
        Source(
            ("Міністерство аграрної політики", "Ministry of Agrarian Policy"),
            "https://example.gov.ua/agro/exports",
            ("щомісячні дані про експорт", "monthly export data"),
        ),
        Source(
            ("Адміністрація морських портів", "Seaports authority"),
            "https://example.gov.ua/ports/stats",
            ("статистика портів", "port statistics"),
        ),
    ),
    tags=("grain", "black-sea"),
    motifs=("wheat_field", "port"),
    labels=("analysis",),
    label_odds=0.3,
    cities=("odesa", "mykolaiv", "kherson", "poltava", "dnipro"),
)

FINANCE = Kind(
    code="finance",
    section="economy",
    angles=(
        Angle(
            (
                "Нацбанк зберіг облікову ставку на рівні {rate}",
                "National Bank holds key rate at {rate}",
            ),
            (
                "Правління Національного банку вирішило зберегти облікову ставку на рівні {rate}.",
                "The National Bank's board has decided to keep the key rate at {rate}.",
            ),
            (
                (
                    "Регулятор пояснює рішення потребою втримати інфляційні очікування.",
                    "The regulator said the decision was needed to keep inflation expectations "
                    "in check.",
                ),
                (
                    "Наступне засідання з монетарної політики відбудеться за шість тижнів.",
                    "The next monetary policy meeting will take place in six weeks.",
                ),
            ),
        ),
        Angle(
            ("Інфляція сповільнилася до {inflation}", "Inflation slows to {inflation}"),
            (
                "Споживча інфляція в річному вимірі сповільнилася до {inflation}, свідчать дані "
                "статистиків.",
                "Annual consumer inflation slowed to {inflation}, official statistics show.",
            ),
            (
                (
                    "Найбільше подорожчали овочі, послуги та пальне.",
                    "Vegetables, services and fuel rose the most in price.",
                ),
            ),
        ),
        Angle(
            (
                "Бюджет-{next_year}: на оборону планують спрямувати понад половину видатків",
                "{Next_year} budget: more than half of spending to go on defence",
            ),
            (
                "Уряд схвалив проєкт бюджету на {next_year} рік: понад половину видатків "
                "спрямують на оборону й безпеку, дефіцит оцінюють у {pct} ВВП.",
                "The government has approved the draft budget for {next_year}: more than half "
                "of spending will go on defence and security, and the deficit is put at {pct} "
                "of GDP.",
            ),
        ),
        Angle(
            (
                "Гривня, ціни, зарплати: що чекає на економіку до кінця року",
                "The hryvnia, prices and wages: what lies ahead for the economy this year",
            ),
            (
                "Інфляція сповільнюється, а облікова ставка тримається на рівні {rate}. "
                "Розповідаємо, чого чекати гаманцям до кінця року.",
                "Inflation is slowing and the key rate is holding at {rate}. We look at what "
                "lies ahead for household budgets this year.",
            ),
        ),
        Angle(
            (
                "Партнери перерахували Україні {eur_bn} бюджетної підтримки",
                "Partners transfer {eur_bn} in budget support to Ukraine",
            ),
            (
                "Україна отримала від міжнародних партнерів {eur_bn} бюджетної підтримки; кошти "
                "підуть на зарплати вчителям і лікарям та соціальні виплати.",
                "Ukraine has received {eur_bn} in budget support from international partners; "
                "the money will go on teachers' and doctors' salaries and social payments.",
            ),
        ),
    ),
    sentences=(
        (
            "Міжнародна фінансова допомога покриває значну частину невійськових видатків.",
            "International financial aid covers a large share of non-military spending.",
        ),
        (
            "Економісти очікують пожвавлення кредитування бізнесу в другому півріччі.",
            "Economists expect lending to businesses to pick up in the second half of the year.",
        ),
        (
            "Курс гривні залишається керовано гнучким, а міжнародні резерви — на рекордному рівні.",
            "The hryvnia remains on a managed float, and international reserves are at a record "
            "high.",
        ),
        (
            "Зарплати в номінальному вимірі зростають, але повільніше, ніж торік.",
            "Nominal wages are rising, but more slowly than last year.",
        ),
        (
            "Головні ризики — нові удари по енергетиці та брак робочої сили.",
            "The main risks are new strikes on the energy system and a shortage of workers.",
        ),
        (
            "Банки вже знизили ставки за гривневими депозитами.",
            "Banks have already lowered rates on hryvnia deposits.",
        ),
    ),
    subheadings=(
        ("Що за цим стоїть", "What lies behind it"),
        ("Прогноз на наступні місяці", "The outlook for the coming months"),
        ("Що це означає для гаманця", "What it means for your wallet"),
    ),
    quotes=(
        Quote(
            (
                "Інфляційний тиск слабшає, але ризики для цін залишаються значними.",
                "Inflationary pressure is easing, but the risks to prices remain considerable.",
            ),
            ("заступниця голови Національного банку", "deputy governor of the National Bank"),
        ),
        Quote(
            (
                "Для бізнесу передбачуваність важливіша, ніж рівень ставки.",
                "Predictability matters more to businesses than the level of the rate.",
            ),
            ("економіст інвестиційної компанії", "an economist at an investment firm"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Ключові цифри", "Key figures"),
            (
                ("Облікова ставка: {rate}", "Key rate: {rate}"),
                ("Інфляція: {inflation}", "Inflation: {inflation}"),
                ("Дефіцит бюджету: {pct} ВВП", "Budget deficit: {pct} of GDP"),
            ),
        ),
    ),
    sources=(
        Source(
            ("Сайт Національного банку", "National Bank website"),
            "https://example.gov.ua/bank/monetary-policy",
            ("прес-реліз за підсумками засідання", "press release after the meeting"),
        ),
        Source(
            ("Державна служба статистики", "State Statistics Service"),
            "https://example.gov.ua/stat/prices",
            ("індекс споживчих цін", "consumer price index"),
        ),
    ),
    tags=("national-bank", "budget"),
    motifs=("composition", "schematic_map", "colonnade"),
    labels=("analysis",),
    label_odds=0.4,
    local=False,
)

RECONSTRUCTION = Kind(
    code="reconstruction",
    section="economy",
    angles=(
        Angle(
            ("{City_loc} відкрили відбудовану школу", "Rebuilt school opens in {city}"),
            (
                "{City_loc} завершили відбудову школи, зруйнованої ударом два роки тому.",
                "Work has been completed in {city} on rebuilding a school destroyed by a strike "
                "two years ago.",
            ),
            (
                (
                    "У новій будівлі облаштували укриття на {children}.",
                    "The new building has a shelter for {children}.",
                ),
            ),
        ),
        Angle(
            (
                "Відбудова {region_gen}: цього року відремонтують {schools}",
                "Rebuilding {region}: {schools} to be repaired this year",
            ),
            (
                "На відновлення інфраструктури {region_gen} цього року спрямують {uah_bn}; у "
                "плані — ремонт {schools_gen}, лікарень і мостів.",
                "{Uah_bn} will go towards restoring infrastructure in {region} this year, "
                "including {schools}, hospitals and bridges.",
            ),
        ),
        Angle(
            (
                "Партнери профінансують відновлення мостів {region_loc}",
                "Partners to fund repairs of bridges {region_loc}",
            ),
            (
                "Міжнародні партнери виділили {eur_m} на відновлення мостів і доріг {region_loc}.",
                "International partners have allocated {eur_m} to rebuild bridges and roads "
                "{region_loc}.",
            ),
        ),
        Angle(
            (
                "{City}: у відновленому будинку облаштували укриття і сонячні панелі",
                "{City}: a restored apartment block gets a shelter and solar panels",
            ),
            (
                "{City_loc} завершили ремонт багатоповерхівки, пошкодженої обстрілом: тепер у "
                "будинку є укриття, а на даху — сонячна електростанція.",
                "An apartment block damaged by shelling has been repaired in {city} and now has "
                "a shelter and solar panels on its roof.",
            ),
        ),
    ),
    sentences=(
        (
            "Роботи профінансували з державного фонду та коштом міжнародних донорів.",
            "The work was paid for by a state fund and international donors.",
        ),
        (
            "Підрядника обирали через відкриті торги, усі документи оприлюднено.",
            "The contractor was chosen through an open tender, and all the documents have been "
            "published.",
        ),
        (
            "Під час ремонту застосували енергоефективні матеріали та утеплення.",
            "Energy-efficient materials and insulation were used in the renovation.",
        ),
        (
            "Наступний етап — відновлення водогонів і доріг.",
            "The next stage is restoring water mains and roads.",
        ),
        (
            "Місцева влада обіцяє завершити роботи до початку опалювального сезону.",
            "Local authorities promise to finish the work before the heating season begins.",
        ),
        (
            "Мешканці можуть стежити за ходом робіт в електронній системі відбудови.",
            "Residents can follow progress in the electronic reconstruction system.",
        ),
        (
            "Частина будівельників — ветерани, які пройшли перекваліфікацію.",
            "Some of the builders are veterans who have retrained.",
        ),
    ),
    subheadings=(
        ("Хто платить", "Who pays"),
        ("Що вже зроблено", "What has been done"),
        ("Наступні кроки", "Next steps"),
    ),
    quotes=(
        Quote(
            (
                "Діти повертаються до класів, а не до дистанційки в підвалі. Це головне.",
                "Children are going back to classrooms, not to remote lessons in a basement. "
                "That is what matters.",
            ),
            ("директорка школи", "the school's head teacher"),
        ),
        Quote(
            (
                "Будуємо одразу з укриттями і з запасом енергонезалежності — по-старому вже не "
                "можна.",
                "We build with shelters and backup power from the start: the old way no longer "
                "works.",
            ),
            ("керівник обласної служби відновлення", "head of the regional reconstruction service"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Відбудова в цифрах", "Reconstruction in numbers"),
            (
                ("Кошторис: {uah_bn}", "Budget: {uah_bn}"),
                ("Шкіл у плані на рік: {schools_n}", "Schools planned this year: {schools_n}"),
            ),
        ),
    ),
    sources=(
        Source(
            ("Агентство відновлення", "Restoration agency"),
            "https://example.gov.ua/restoration/projects",
            ("картка проєкту в системі відбудови", "project page in the reconstruction system"),
        ),
    ),
    tags=("reconstruction", "education"),
    motifs=("skyline", "colonnade"),
    labels=("photo",),
    label_odds=0.3,
)

KINDS = (ENERGY, GRAIN, FINANCE, RECONSTRUCTION)
