"""The society desk: evacuation, schools, veterans, demining."""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from .base import Angle, FactBox, Kind, Quote, Source

EVACUATION = Kind(
    code="evacuation",
    section="society",
    angles=(
        Angle(
            (
                "З прикордонних громад {region_gen} евакуювали {evacuees}",
                "{Evacuees} evacuated from border communities in {region}",
            ),
            (
                "За минулу добу з небезпечних районів {region_gen} евакуювали {evacuees}, серед "
                "них — діти та люди з інвалідністю.",
                "{Evacuees}, including children and people with disabilities, were evacuated from "
                "dangerous areas of {region} over the past day.",
            ),
        ),
        Angle(
            (
                "{Region}: примусова евакуація родин з дітьми триває",
                "{Region}: mandatory evacuation of families with children continues",
            ),
            (
                "Влада продовжує примусову евакуацію родин з дітьми з прифронтових громад "
                "{region_gen}.",
                "The authorities are continuing the mandatory evacuation of families with "
                "children from front-line communities in {region}.",
            ),
        ),
        Angle(
            (
                "Евакуаційний потяг з {city_gen} вивіз понад {evacuees}",
                "Evacuation train from {city} carries more than {evacuees}",
            ),
            (
                "Евакуаційний потяг вивіз з {city_gen} понад {evacuees}, зокрема лежачих хворих.",
                "An evacuation train has taken more than {evacuees}, including bedridden "
                "patients, out of {city}.",
            ),
        ),
    ),
    context=(
        (
            "Евакуацію ускладнюють постійні обстріли доріг і дрони над трасами.",
            "Evacuation is being hampered by constant shelling of the roads and drones over the "
            "highways.",
        ),
    ),
    sentences=(
        (
            "Людей вивозять волонтерські екіпажі та поліцейські підрозділи «Білий янгол».",
            "People are being taken out by volunteer crews and the White Angel police units.",
        ),
        (
            "У транзитних центрах переселенцям надають їжу, ліки та психологічну допомогу.",
            "At transit centres, displaced people are given food, medicine and psychological "
            "support.",
        ),
        (
            "Багато літніх людей відмовляються виїжджати, попри постійні обстріли.",
            "Many elderly people refuse to leave despite the constant shelling.",
        ),
        (
            "Для родин з дітьми евакуація є обов’язковою.",
            "Evacuation is mandatory for families with children.",
        ),
        (
            "Переселенцям пропонують тимчасове житло в центральних і західних областях.",
            "Displaced people are being offered temporary housing in the central and western "
            "regions.",
        ),
        (
            "Місцева влада закликає не відкладати виїзд до останнього моменту.",
            "Local authorities urge people not to leave it until the last moment.",
        ),
        (
            "За тиждень громади отримали понад сотню заявок на евакуацію лежачих хворих.",
            "In a week, communities received more than a hundred requests to evacuate bedridden "
            "patients.",
        ),
        (
            "Евакуаційні рейси курсують щодня, розклад публікують у Telegram-каналі адміністрації.",
            "Evacuation services run daily; the timetable is posted on the administration's "
            "Telegram channel.",
        ),
    ),
    subheadings=(
        ("Як виїхати", "How to leave"),
        ("Де прийматимуть переселенців", "Where displaced people will be housed"),
    ),
    quotes=(
        Quote(
            (
                "Ми забираємо людей з під’їздів, де вже немає ні вікон, ні дверей. Дехто виходить "
                "з однією сумкою.",
                "We pick people up from stairwells that no longer have windows or doors. Some "
                "come out with just one bag.",
            ),
            ("водій волонтерського евакуаційного екіпажу", "a volunteer evacuation driver"),
        ),
        Quote(
            (
                "Я прожила тут сорок років, але онуки важливіші за стіни.",
                "I lived here for forty years, but my grandchildren matter more than walls.",
            ),
            ("Галина, переселенка з {region_gen}", "Halyna, who fled {region}"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Як записатися на евакуацію", "How to sign up for evacuation"),
            (
                (
                    "Зателефонуйте на гарячу лінію обласної адміністрації.",
                    "Call the regional administration hotline.",
                ),
                (
                    "Підготуйте документи, ліки та запас води.",
                    "Have your documents, medicines and water ready.",
                ),
                (
                    "Для маломобільних людей подайте окрему заявку.",
                    "File a separate request for people with limited mobility.",
                ),
            ),
        ),
    ),
    sources=(
        Source(
            ("Обласна військова адміністрація", "Regional military administration"),
            "https://example.gov.ua/ova/evacuation",
            ("щоденне зведення", "daily update"),
        ),
        Source(
            ("Міністерство соціальної політики", "Ministry of Social Policy"),
            "https://example.gov.ua/social/idp",
            ("дані про переселенців", "figures on displaced people"),
        ),
    ),
    tags=("evacuation", "humanitarian-aid"),
    motifs=("hills", "skyline"),
    labels=("photo",),
    label_odds=0.3,
    cities=("kharkiv", "sumy", "kherson", "zaporizhzhia", "dnipro", "chernihiv", "mykolaiv"),
)

SCHOOLS = Kind(
    code="schools",
    section="society",
    angles=(
        Angle(
            (
                "{City_loc} відкрили ще одну підземну школу",
                "Another underground school opens in {city}",
            ),
            (
                "{City_loc} запрацювала ще одна підземна школа, розрахована на {children}.",
                "Another underground school, for {children}, has opened in {city}.",
            ),
            (
                (
                    "Будівництво тривало майже рік і коштувало {uah_m}.",
                    "Construction took almost a year and cost {uah_m}.",
                ),
                (
                    "Укриття обладнане вентиляцією, резервним живленням і запасом води.",
                    "The shelter has ventilation, backup power and a water supply.",
                ),
            ),
        ),
        Angle(
            (
                "Навчання під землею: як {city_loc} повертають дітей до очних уроків",
                "Learning underground: how {city} is bringing children back to the classroom",
            ),
            (
                "{City_loc} працюють уже кілька підземних шкіл; у кожній навчаються сотні дітей, "
                "які роками бачили однокласників лише на екрані.",
                "{City} already has several underground schools, each teaching hundreds of "
                "children who for years saw their classmates only on screen.",
            ),
            (
                (
                    "Діти навчаються у дві зміни, а під час тривоги уроки не перериваються.",
                    "Children study in two shifts, and lessons carry on during air-raid alerts.",
                ),
            ),
        ),
        Angle(
            (
                "Через обстріли {children} у громаді поблизу {city_gen} досі навчаються онлайн",
                "Because of shelling, {children} in a community near {city} still study online",
            ),
            (
                "У прифронтовій громаді поблизу {city_gen} {children} досі навчаються "
                "дистанційно: у місцевих школах немає укриттів.",
                "In a front-line community near {city}, {children} still study remotely because "
                "local schools have no shelters.",
            ),
        ),
        Angle(
            (
                "Школи {region_gen} готуються до нового навчального року: укриття є не в усіх",
                "Schools in {region} prepare for the new school year, but not all have shelters",
            ),
            (
                "Перевірка перед початком навчального року показала, що укриття мають не всі "
                "школи {region_gen}.",
                "Checks before the school year showed that not every school in {region} has a "
                "shelter.",
            ),
        ),
    ),
    sentences=(
        (
            "Батьки кажуть, що діти вперше за кілька років побачили однокласників наживо.",
            "Parents say their children have met their classmates in person for the first time "
            "in several years.",
        ),
        (
            "Учителі зауважують, що очне навчання допомагає надолужити освітні втрати.",
            "Teachers say classroom learning is helping children make up for lost schooling.",
        ),
        (
            "Для учнів організували гаряче харчування та гуртки після уроків.",
            "Pupils are given hot meals and can join after-school clubs.",
        ),
        (
            "Ще кілька таких шкіл планують збудувати до кінця року.",
            "Several more such schools are planned by the end of the year.",
        ),
        (
            "Психологи працюють з дітьми, які пережили обстріли та евакуацію.",
            "Psychologists are working with children who have lived through shelling and "
            "evacuation.",
        ),
        (
            "Частина учнів і далі навчається дистанційно — з інших міст і з-за кордону.",
            "Some pupils continue to study remotely, from other cities and from abroad.",
        ),
    ),
    subheadings=(
        ("Як облаштована школа", "How the school is set up"),
        ("Що кажуть батьки", "What parents say"),
        ("Освітні втрати", "Lost learning"),
    ),
    quotes=(
        Quote(
            (
                "Дзвінок тут такий самий, як у звичайній школі. Діти навіть не одразу помітили, "
                "що ми під землею.",
                "The bell sounds just like in an ordinary school. At first the children did not "
                "even notice we were underground.",
            ),
            ("вчителька початкових класів", "a primary school teacher"),
        ),
        Quote(
            (
                "Син нарешті перестав питати, чи буде сьогодні тривога. Тепер питає, що буде на "
                "фізкультурі.",
                "My son has finally stopped asking whether there will be an alert today. Now he "
                "asks what they will do in PE.",
            ),
            ("мама третьокласника", "mother of a third-grader"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Підземна школа", "The underground school"),
            (
                ("Місткість: {children}", "Capacity: {children}"),
                ("Вартість: {uah_m}", "Cost: {uah_m}"),
                ("Навчання у дві зміни", "Lessons in two shifts"),
            ),
        ),
    ),
    sources=(
        Source(
            ("Міністерство освіти і науки", "Ministry of Education and Science"),
            "https://example.gov.ua/education/news",
            ("як повідомили в міністерстві", "as stated by the ministry"),
        ),
        Source(
            ("Міська рада", "City council"),
            "https://example.gov.ua/city-council/news",
            ("новина на сайті міськради", "news item on the council's website"),
        ),
    ),
    tags=("education",),
    motifs=("skyline", "composition"),
    labels=("photo",),
    label_odds=0.25,
    cities=(
        "kharkiv",
        "zaporizhzhia",
        "dnipro",
        "mykolaiv",
        "kherson",
        "sumy",
        "odesa",
        "chernihiv",
    ),
)

VETERANS = Kind(
    code="veterans",
    section="society",
    angles=(
        Angle(
            (
                "{City_loc} відкрили реабілітаційний центр для ветеранів",
                "Rehabilitation centre for veterans opens in {city}",
            ),
            (
                "{City_loc} запрацював центр, де ветерани можуть пройти фізичну та психологічну "
                "реабілітацію.",
                "A centre has opened in {city} where veterans can undergo physical and "
                "psychological rehabilitation.",
            ),
            (
                (
                    "Фахівці центру пройшли навчання за кордоном.",
                    "The centre's specialists were trained abroad.",
                ),
                (
                    "Центр може приймати сотні пацієнтів на рік і працює безкоштовно.",
                    "The centre can treat hundreds of patients a year and is free of charge.",
                ),
            ),
        ),
        Angle(
            (
                "Ветеранський бізнес: як захисники відкривають власну справу",
                "Veteran businesses: how former soldiers are starting their own companies",
            ),
            (
                "Дедалі більше ветеранів відкривають власну справу — від кав’ярень до "
                "столярних майстерень. Розповідаємо, хто і як їм допомагає.",
                "More and more veterans are starting businesses, from cafés to joinery "
                "workshops. We look at who is helping them and how.",
            ),
        ),
        Angle(
            (
                "{City_loc} запрацювала лабораторія протезування",
                "A prosthetics lab opens in {city}",
            ),
            (
                "{City_loc} відкрили лабораторію, де ветерани можуть отримати протез за кілька "
                "тижнів замість кількох місяців.",
                "A lab has opened in {city} where veterans can get a prosthesis within weeks "
                "rather than months.",
            ),
        ),
        Angle(
            (
                "Повернення до цивільного життя: ветерани розповідають, чого бракує",
                "Back to civilian life: veterans describe what is missing",
            ),
            (
                "Ми поговорили з ветеранами про те, що найважче після повернення з фронту — і що "
                "допомагає.",
                "We talked to veterans about what is hardest after coming back from the front, "
                "and what helps.",
            ),
        ),
    ),
    sentences=(
        (
            "Окрім реабілітації, тут допомагають з працевлаштуванням і юридичними питаннями.",
            "Besides rehabilitation, staff help with finding jobs and with legal questions.",
        ),
        (
            "Черга на протезування за останній рік скоротилася майже вдвічі.",
            "Waiting times for prosthetics have almost halved over the past year.",
        ),
        (
            "Ветерани можуть отримати грант до 250 тисяч гривень на власну справу.",
            "Veterans can get a grant of up to 250,000 hryvnias to start a business.",
        ),
        (
            "Багато ветеранів кажуть, що найважче — знайти роботу, яку можна поєднати з "
            "лікуванням.",
            "Many veterans say the hardest part is finding a job that fits around their treatment.",
        ),
        (
            "Громадські організації вимагають розширити мережу центрів у малих містах.",
            "Civic organisations want the network of centres extended to small towns.",
        ),
        (
            "Частину обладнання придбали коштом міжнародних партнерів.",
            "Some of the equipment was bought with funding from international partners.",
        ),
    ),
    subheadings=(
        ("Що пропонує центр", "What the centre offers"),
        ("Робота після служби", "Work after service"),
    ),
    quotes=(
        Quote(
            (
                "Тут тебе ніхто не жаліє, тут допомагають знову стати на ноги — у прямому сенсі.",
                "Nobody pities you here; they help you get back on your feet, literally.",
            ),
            ("ветеран, пацієнт центру", "a veteran being treated at the centre"),
        ),
        Quote(
            (
                "Реабілітація — це не лише тренажери. Це робота, родина і відчуття, що ти "
                "потрібен.",
                "Rehabilitation is not just exercise machines. It is work, family and the "
                "feeling that you are needed.",
            ),
            ("керівниця реабілітаційного центру", "head of the rehabilitation centre"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Куди звертатися ветеранам", "Where veterans can turn"),
            (
                (
                    "Гаряча лінія Міністерства у справах ветеранів.",
                    "The veterans ministry hotline.",
                ),
                ("Ветеранські простори в громадах.", "Veterans' hubs in local communities."),
                ("Центри надання адміністративних послуг.", "Administrative services centres."),
            ),
        ),
    ),
    sources=(
        Source(
            ("Міністерство у справах ветеранів", "Ministry of Veterans Affairs"),
            "https://example.gov.ua/veterans/news",
            ("як повідомили в міністерстві", "as stated by the ministry"),
        ),
    ),
    tags=("veterans",),
    motifs=("composition", "hills"),
    labels=("photo",),
    label_odds=0.15,
)

DEMINING = Kind(
    code="demining",
    section="society",
    angles=(
        Angle(
            (
                "Сапери повернули аграріям {hectares} {region_loc}",
                "Deminers return {hectares} to farmers {region_loc}",
            ),
            (
                "Піротехніки завершили обстеження полів {region_loc} і повернули фермерам "
                "{hectares}.",
                "Bomb disposal experts have finished surveying fields {region_loc} and returned "
                "{hectares} to farmers.",
            ),
        ),
        Angle(
            (
                "{Region}: піротехніки за тиждень знешкодили понад тисячу вибухонебезпечних "
                "предметів",
                "{Region}: bomb disposal teams clear more than a thousand explosive items in a "
                "week",
            ),
            (
                "За тиждень піротехніки {region_gen} знешкодили понад тисячу мін, снарядів і "
                "касетних боєприпасів.",
                "In a week, bomb disposal teams in {region} cleared more than a thousand mines, "
                "shells and cluster munitions.",
            ),
        ),
        Angle(
            (
                "Машинне розмінування: у громаді поблизу {city_gen} запрацювала нова техніка",
                "Mechanical demining: new machines start work in a community near {city}",
            ),
            (
                "У громаді поблизу {city_gen} почали працювати машини для розмінування, які "
                "передали міжнародні партнери.",
                "Demining machines provided by international partners have started work in a "
                "community near {city}.",
            ),
        ),
    ),
    context=(
        (
            "Розмінування ускладнює велика кількість касетних боєприпасів і мін-«пелюсток».",
            'Demining is complicated by the large number of cluster munitions and "petal" mines.',
        ),
    ),
    sentences=(
        (
            "Обстеження проводять за міжнародними стандартами, після чого землю сертифікують.",
            "Surveys follow international standards, after which the land is certified.",
        ),
        (
            "Фермери можуть подати заявку на безоплатне розмінування через електронний кабінет.",
            "Farmers can apply for free demining through an online account.",
        ),
        (
            "Машини для розмінування передали міжнародні партнери.",
            "The demining machines were provided by international partners.",
        ),
        (
            "Найчастіше знаходять протитанкові міни та залишки артилерійських снарядів.",
            "Most finds are anti-tank mines and the remains of artillery shells.",
        ),
        (
            "Жителів просять не заходити до лісосмуг і не торкатися підозрілих предметів.",
            "Residents are asked to stay out of tree belts and not to touch suspicious objects.",
        ),
        (
            "За рік у громаді на мінах підірвалися кілька тракторів.",
            "Several tractors have hit mines in the community over the past year.",
        ),
        (
            "Нових саперів готують у навчальних центрах у західних областях.",
            "New deminers are trained at centres in the western regions.",
        ),
        (
            "Повне розмінування, за оцінками фахівців, може тривати десятиліттями.",
            "Specialists estimate that full demining could take decades.",
        ),
    ),
    subheadings=(
        ("Як працюють сапери", "How the deminers work"),
        ("Що знайшли", "What was found"),
        ("Правила безпеки", "Safety rules"),
    ),
    quotes=(
        Quote(
            (
                "Один гектар може забрати день роботи, а може — тиждень. Усе залежить від того, "
                "що там лежить.",
                "One hectare can take a day or a week. It all depends on what is lying there.",
            ),
            ("керівник групи розмінування", "head of a demining team"),
        ),
        Quote(
            (
                "Я вперше за три роки засіяв поле біля дому й не боявся їхати трактором.",
                "For the first time in three years I sowed the field next to my house and was not "
                "afraid to drive the tractor.",
            ),
            ("фермер з громади поблизу {city_gen}", "a farmer from a community near {city}"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Якщо знайшли підозрілий предмет", "If you find a suspicious object"),
            (
                ("Не торкайтеся і не наближайтеся.", "Do not touch it or go near it."),
                (
                    "Позначте місце й відійдіть тим самим шляхом.",
                    "Mark the spot and leave the way you came.",
                ),
                ("Телефонуйте 101 або 102.", "Call 101 or 102."),
            ),
        ),
    ),
    sources=(
        Source(
            ("Державна служба з надзвичайних ситуацій", "State Emergency Service"),
            "https://example.gov.ua/dsns/demining",
            ("зведення піротехніків", "bomb disposal report"),
        ),
        Source(
            ("Міністерство економіки", "Ministry of Economy"),
            "https://example.gov.ua/economy/demining",
            ("реєстр розмінованих земель", "register of cleared land"),
        ),
    ),
    tags=("demining",),
    motifs=("wheat_field", "hills", "schematic_map"),
    labels=("photo",),
    label_odds=0.3,
    cities=("kharkiv", "kherson", "mykolaiv", "chernihiv", "sumy", "zaporizhzhia"),
)

KINDS = (EVACUATION, SCHOOLS, VETERANS, DEMINING)
