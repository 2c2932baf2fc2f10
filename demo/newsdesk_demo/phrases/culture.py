"""The culture desk: exhibitions, festivals, interviews. Reviews live in :mod:`reviews`."""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from .base import Angle, FactBox, Kind, Quote, Source

EXHIBITION_TITLES = (
    ("Тиша після сирени", "Silence After the Siren"),
    ("Світло в укритті", "Light in the Shelter"),
    ("Карта пам’яті", "A Map of Memory"),
    ("Вікна на схід", "Windows to the East"),
    ("Сад під попелом", "A Garden Under Ash"),
    ("Друга зміна", "The Second Shift"),
    ("Голоси прикордоння", "Voices of the Borderland"),
)

EXHIBITION = Kind(
    code="exhibition",
    section="culture",
    angles=(
        Angle(
            ("{City_loc} відкрилася виставка «{title}»", "Exhibition “{title}” opens in {city}"),
            (
                "У художньому музеї {city_gen} відкрилася виставка «{title}», де представлено "
                "{works} сучасних авторів.",
                "An exhibition called “{title}”, featuring {works} by contemporary artists, has "
                "opened at an art museum in {city}.",
            ),
        ),
        Angle(
            (
                "«{title}»: {artists} показують війну без пафосу",
                "“{title}”: {artists} show the war without pathos",
            ),
            (
                "На виставці «{title}» {artists} показують, як змінилося повсякденне життя за "
                "роки війни.",
                "At “{title}”, {artists} show how everyday life has changed over the years of war.",
            ),
        ),
        Angle(
            (
                "Виставку «{title}» за перший тиждень побачили {visitors}",
                "“{title}” draws {visitors} in its first week",
            ),
            (
                "Виставка «{title}», що відкрилася {city_loc}, за тиждень зібрала {visitors}.",
                "“{title}”, which opened {city_loc}, drew {visitors} in its first week.",
            ),
        ),
        Angle(
            ("Що варто побачити на виставці «{title}»", "What to see at “{title}”"),
            (
                "«{title}» — це {works}, три зали і жодного пафосу. Розповідаємо, на що звернути "
                "увагу.",
                "“{title}” brings together {works} in three rooms, without pathos. Here is what "
                "to look out for.",
            ),
        ),
    ),
    context=(
        (
            "Частину робіт створено в укриттях і на деокупованих територіях.",
            "Some of the works were made in shelters and in liberated territories.",
        ),
    ),
    sentences=(
        (
            "Куратори поєднали живопис, фотографію та відеоінсталяції.",
            "The curators have combined painting, photography and video installations.",
        ),
        (
            "Центральне місце в експозиції посідає інсталяція з уламків вікон зруйнованих "
            "будинків.",
            "At the centre of the exhibition is an installation made from the broken windows of "
            "destroyed homes.",
        ),
        (
            "Під час тривоги відвідувачів проводять до укриття в підвалі музею.",
            "During alerts, visitors are taken to a shelter in the museum's basement.",
        ),
        (
            "Виставка триватиме до кінця наступного місяця, вхід вільний.",
            "The exhibition runs until the end of next month, and admission is free.",
        ),
        (
            "Частину коштів від продажу каталогу передадуть на потреби війська.",
            "Part of the proceeds from catalogue sales will go to the army.",
        ),
        (
            "Для шкільних груп організовують безкоштовні екскурсії.",
            "Free guided tours are available for school groups.",
        ),
        (
            "Деякі автори вперше показують роботи, створені після мобілізації.",
            "Some of the artists are showing, for the first time, work made after they were "
            "mobilised.",
        ),
        (
            "Згодом експозицію планують показати в інших містах і за кордоном.",
            "The exhibition is due to travel to other cities and abroad later.",
        ),
    ),
    subheadings=(
        ("Що показують", "What is on show"),
        ("Про що ця виставка", "What the exhibition is about"),
    ),
    quotes=(
        Quote(
            (
                "Ми не хотіли робити виставку про руїни. Ми хотіли — про людей, які серед них "
                "живуть.",
                "We did not want to make an exhibition about ruins. We wanted it to be about the "
                "people who live among them.",
            ),
            ("кураторка виставки", "the exhibition's curator"),
        ),
        Quote(
            (
                "Я малював у підвалі при ліхтарику, і ці кольори — з того підвалу.",
                "I painted in a basement by torchlight, and these colours come from that basement.",
            ),
            ("один з учасників виставки", "one of the artists in the exhibition"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Якщо підете", "If you go"),
            (
                ("Вхід вільний.", "Admission is free."),
                ("Щодня, крім понеділка, з 11:00 до 18:00.", "Daily except Mondays, 11:00–18:00."),
                (
                    "Під час тривоги — укриття в підвалі музею.",
                    "During alerts: shelter in the museum basement.",
                ),
            ),
        ),
    ),
    sources=(
        Source(
            ("Сайт музею", "Museum website"),
            "https://example.org/museum/exhibitions",
            ("анонс виставки", "exhibition announcement"),
        ),
    ),
    tags=("heritage",),
    motifs=("gallery",),
    labels=("review", "photo"),
    label_odds=0.5,
    extras=(("title", EXHIBITION_TITLES),),
)

INTERVIEW = Kind(
    code="interview",
    section="culture",
    angles=(
        Angle(
            (
                "«Глядачі приходять навіть після нічних обстрілів»: директорка театру з "
                "{city_gen} — про сцену під час війни",
                "“Audiences come even after a night of shelling”: the head of a {city} theatre "
                "on staging plays in wartime",
            ),
            (
                "Ми поговорили з директоркою театру про те, як працює сцена під час тривог і "
                "чому квитки розкуповують за кілька годин.",
                "We talked to the theatre's director about keeping the stage going during "
                "alerts and why tickets sell out within hours.",
            ),
        ),
        Angle(
            (
                "«Найважче — не обстріли, а втома»: розмова з режисеркою театру з {city_gen}",
                "“The hardest thing is not the shelling but the fatigue”: a conversation with a "
                "theatre director from {city}",
            ),
            (
                "Режисерка розповіла, що дає людям театр під час війни і як трупа пережила "
                "евакуацію та повернення.",
                "The director told us what theatre gives people in wartime and how the company "
                "lived through evacuation and return.",
            ),
        ),
        Angle(
            (
                "«Ми граємо в укритті, і це теж сцена»: розмова з акторами театру з {city_gen}",
                "“We play in a shelter, and that is a stage too”: a conversation with actors "
                "from a theatre in {city}",
            ),
            (
                "Актори театру розповіли, як грати виставу, коли над містом лунає сирена.",
                "Actors from the theatre told us how to perform when the sirens are sounding "
                "over the city.",
            ),
        ),
    ),
    sentences=(
        (
            "Ми перенесли вистави в укриття ще в перший рік війни і відтоді жодного разу не "
            "скасували сезон.",
            "We moved the performances into a shelter in the first year of the war and have not "
            "cancelled a season since.",
        ),
        (
            "Глядачі кажуть, що дві години вистави — це єдиний час за тиждень, коли вони не "
            "гортають новини.",
            "Audiences say the two hours of a performance are the only time in the week when "
            "they are not scrolling through the news.",
        ),
        (
            "Половина трупи — люди, які повернулися з евакуації.",
            "Half of the company are people who came back from evacuation.",
        ),
        (
            "Найважче — не обстріли, а втома. Але втома минає, коли бачиш повну залу.",
            "The hardest thing is not the shelling but the fatigue. But the fatigue goes when you "
            "see a full house.",
        ),
        (
            "Ми граємо і класику, і нові українські п’єси, написані вже під час війни.",
            "We play both the classics and new Ukrainian plays written during the war.",
        ),
        (
            "Кожна вистава закінчується збором для бригади, яка обороняє місто.",
            "Every performance ends with a collection for the brigade defending the city.",
        ),
        (
            "Колеги з-за кордону запрошують нас на гастролі, але ми розуміємо, що потрібні тут.",
            "Colleagues abroad invite us on tour, but we know we are needed here.",
        ),
    ),
    subheadings=(
        ("Як змінився театр за роки війни?", "How has the theatre changed during the war?"),
        ("Хто ваш глядач сьогодні?", "Who is your audience today?"),
        ("Що буде далі?", "What comes next?"),
    ),
    quotes=(
        Quote(
            (
                "Театр — це місце, де люди знову відчувають себе разом, а не наодинці зі своїм "
                "страхом.",
                "A theatre is a place where people feel together again, rather than alone with "
                "their fear.",
            ),
            ("директорка театру", "the theatre's director"),
        ),
        Quote(
            (
                "Коли вмикається сирена, ми просто переходимо з глядачами в укриття і граємо далі.",
                "When the siren goes off, we simply move into the shelter with the audience and "
                "carry on.",
            ),
            ("актор театру", "an actor with the theatre"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Про театр", "About the theatre"),
            (
                (
                    "Вистави в укритті — з першого року війни.",
                    "Performances in the shelter since the first year of the war.",
                ),
                ("Квитки продають онлайн.", "Tickets are sold online."),
            ),
        ),
    ),
    sources=(
        Source(
            ("Сайт театру", "Theatre website"),
            "https://example.org/theatre/programme",
            ("афіша", "the programme"),
        ),
    ),
    tags=("theatre",),
    motifs=("gallery", "composition"),
    labels=("interview",),
    label_odds=1.0,
    weight=1,
    cities=("kharkiv", "zaporizhzhia", "dnipro", "sumy", "kherson", "mykolaiv", "odesa"),
)

FESTIVAL = Kind(
    code="festival",
    section="culture",
    angles=(
        Angle(
            (
                "{City_loc} відбувся фестиваль української музики",
                "Ukrainian music festival held in {city}",
            ),
            (
                "{City_loc} відбувся фестиваль української музики, на який прийшли {visitors}.",
                "A Ukrainian music festival in {city} drew {visitors}.",
            ),
        ),
        Angle(
            (
                "Книжковий фестиваль {city_loc} зібрав {visitors}",
                "Book festival in {city} draws {visitors}",
            ),
            (
                "Книжковий фестиваль {city_loc} зібрав {visitors}: читання, дискусії та "
                "автограф-сесії тривали два дні.",
                "A book festival {city_loc} drew {visitors} over two days of readings, "
                "discussions and book signings.",
            ),
        ),
        Angle(
            (
                "Фестиваль у підземному переході: як {city_loc} повертають культуру на вулиці",
                "A festival in an underpass: how {city} is bringing culture back to the streets",
            ),
            (
                "{City_loc} влаштували фестиваль у підземному переході, який під час тривог "
                "слугує укриттям.",
                "{City} has held a festival in an underpass that doubles as a shelter during "
                "alerts.",
            ),
        ),
    ),
    context=(
        (
            "Усі кошти від продажу квитків передали на підтримку війська.",
            "All ticket proceeds went to support the army.",
        ),
    ),
    sentences=(
        (
            "У програмі — концерти, читання, дискусії та ярмарок місцевих виробників.",
            "The programme included concerts, readings, discussions and a local producers' market.",
        ),
        (
            "Локації обирали з урахуванням найближчих укриттів.",
            "Venues were chosen with the nearest shelters in mind.",
        ),
        (
            "Під час тривоги концерт перенесли до підземного паркінгу.",
            "During an alert, the concert moved to an underground car park.",
        ),
        (
            "Організатори вперше запросили ветеранські гурти.",
            "The organisers invited veterans' bands for the first time.",
        ),
        (
            "Квитки на головні події розкупили за кілька годин.",
            "Tickets for the main events sold out within hours.",
        ),
        (
            "Наступного року фестиваль обіцяють зробити дводенним.",
            "The organisers promise to make it a two-day festival next year.",
        ),
        (
            "Для дітей працювала окрема сцена з ляльковими виставами.",
            "A separate stage with puppet shows was set up for children.",
        ),
    ),
    subheadings=(
        ("Програма", "The programme"),
        ("Безпека", "Safety"),
    ),
    quotes=(
        Quote(
            (
                "Люди скучили за тим, щоб просто стояти поруч і слухати музику.",
                "People have missed just standing together and listening to music.",
            ),
            ("організатор фестивалю", "the festival's organiser"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Фестиваль у цифрах", "The festival in numbers"),
            (
                ("Відвідувачів: {visitors_n}", "Visitors: {visitors_n}"),
                ("Учасників: {artists_n}", "Performers: {artists_n}"),
            ),
        ),
    ),
    sources=(
        Source(
            ("Сторінка фестивалю", "Festival page"),
            "https://example.org/festival/news",
            ("офіційна програма", "the official programme"),
        ),
    ),
    tags=("heritage", "volunteers"),
    motifs=("composition", "skyline", "night_sky"),
    labels=("photo", "video"),
    label_odds=0.3,
    weight=1,
    video=(
        "Відео: виступ на головній сцені фестивалю",
        "Video: a performance on the festival's main stage",
    ),
)

KINDS = (EXHIBITION, INTERVIEW, FESTIVAL)
