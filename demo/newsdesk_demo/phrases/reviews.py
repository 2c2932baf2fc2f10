"""Reviews for the culture desk: books and films (all titles invented)."""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from .base import Angle, FactBox, Kind, Quote, Source

BOOK_TITLES = (
    ("Зимова лінія", "The Winter Line"),
    ("Листи без адреси", "Letters Without an Address"),
    ("Дім на лівому березі", "The House on the Left Bank"),
    ("Сіль і попіл", "Salt and Ash"),
    ("Коридор між двома стінами", "The Corridor Between Two Walls"),
)

FILM_TITLES = (
    ("Позивний „Ластівка“", "Call Sign Swallow"),
    ("Тепла ніч", "A Warm Night"),
    ("Між двома тривогами", "Between Two Alerts"),
    ("Поле", "The Field"),
)

BOOK = Kind(
    code="book-review",
    section="culture",
    angles=(
        Angle(
            (
                "«{title}»: роман про життя прифронтового міста",
                "“{title}”: a novel about life in a front-line city",
            ),
            (
                "Роман «{title}» — історія родини, яка вирішила залишитися {city_loc}, попри "
                "обстріли.",
                "“{title}” is the story of a family who decided to stay {city_loc} despite the "
                "shelling.",
            ),
        ),
        Angle(
            (
                "Рецензія на книжку «{title}»: тиша, яка кричить",
                "Review of “{title}”: a silence that screams",
            ),
            (
                "«{title}» — тиха книжка про гучний час. Авторка пише стримано, і саме це робить "
                "роман сильним.",
                "“{title}” is a quiet book about a loud time. The author writes with restraint, "
                "and that is what makes the novel powerful.",
            ),
        ),
        Angle(
            ("Книжка тижня: «{title}»", "Book of the week: “{title}”"),
            (
                "Наш вибір цього тижня — роман «{title}» про родину, яка залишилася {city_loc}.",
                "Our pick this week is “{title}”, a novel about a family who stayed {city_loc}.",
            ),
        ),
    ),
    sentences=(
        (
            "Дія роману охоплює один рік — від першої зими без світла до наступної весни.",
            "The novel covers a single year, from the first winter without electricity to the "
            "following spring.",
        ),
        (
            "Найсильніші сторінки — розмови бабусі з онукою в коридорі під час тривог.",
            "The strongest pages are the conversations between a grandmother and her "
            "granddaughter in the corridor during alerts.",
        ),
        (
            "Іноді авторці бракує дистанції, і текст стає надто документальним.",
            "At times the author lacks distance, and the text becomes too documentary.",
        ),
        (
            "Мова роману жива, з місцевими словами та інтонаціями.",
            "The language of the novel is vivid, full of local words and intonations.",
        ),
        (
            "Книжку вже готують до перекладу англійською та польською.",
            "The book is already being translated into English and Polish.",
        ),
        (
            "Перший наклад розійшовся за кілька тижнів.",
            "The first print run sold out within a few weeks.",
        ),
        (
            "Це книжка не про війну як подію, а про війну як побут.",
            "This is not a book about war as an event, but about war as everyday life.",
        ),
        (
            "Фінал залишає відкритим головне питання: чи можна повернутися додому, якого вже "
            "немає?",
            "The ending leaves the central question open: can you return to a home that no longer "
            "exists?",
        ),
    ),
    subheadings=(
        ("Про що книжка", "What the book is about"),
        ("Що вдалося", "What works"),
        ("Що не вдалося", "What does not"),
    ),
    quotes=(
        Quote(
            (
                "Я писала цю книжку в коридорі між двома стінами — там, де всі ми навчилися жити.",
                "I wrote this book in a corridor between two walls, where we have all learned "
                "to live.",
            ),
            ("авторка роману", "the novel's author"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Про книжку", "About the book"),
            (
                ("Обсяг: 320 сторінок", "Length: 320 pages"),
                ("Жанр: роман", "Genre: novel"),
                ("Вік: 16+", "Age: 16+"),
            ),
        ),
    ),
    sources=(
        Source(
            ("Сайт видавництва", "Publisher's website"),
            "https://example.com/publisher/books",
            ("сторінка книжки", "the book's page"),
        ),
    ),
    tags=("books",),
    motifs=("composition", "gallery"),
    labels=("review",),
    label_odds=1.0,
    weight=1,
    extras=(("title", BOOK_TITLES),),
)

FILM = Kind(
    code="film-review",
    section="culture",
    angles=(
        Angle(
            (
                "«{title}»: фільм про війну, який не кричить",
                "“{title}”: a war film that does not shout",
            ),
            (
                "Фільм «{title}» розповідає про три доби з життя евакуаційного екіпажу — і "
                "робить це майже без слів.",
                "“{title}” follows three days in the life of an evacuation crew, and does so "
                "almost without words.",
            ),
        ),
        Angle(
            (
                "Рецензія: «{title}» — найкращий український фільм року?",
                "Review: is “{title}” the best Ukrainian film of the year?",
            ),
            (
                "Стрічку «{title}» уже показали на кількох міжнародних фестивалях. Розповідаємо, "
                "чи виправдала вона очікування.",
                "“{title}” has already screened at several international festivals. We ask "
                "whether it lives up to expectations.",
            ),
        ),
        Angle(
            ("«{title}» виходить в український прокат", "“{title}” opens in Ukrainian cinemas"),
            (
                "З четверга фільм «{title}» можна побачити в кінотеатрах по всій країні.",
                "From Thursday, “{title}” is showing in cinemas across the country.",
            ),
        ),
    ),
    sentences=(
        (
            "Режисерка знімала в реальних локаціях, частину ролей виконали непрофесійні актори.",
            "The director shot on real locations, and some of the roles are played by "
            "non-professional actors.",
        ),
        (
            "Камера майже весь час залишається всередині машини, і глядач відчуває тісноту та "
            "втому.",
            "The camera stays inside the van almost the whole time, and the viewer feels the "
            "cramped space and the fatigue.",
        ),
        (
            "Музики у фільмі майже немає — лише звуки дороги та рації.",
            "There is almost no music in the film, only the sounds of the road and the radio.",
        ),
        (
            "Друга половина дещо затягнута, але фінал це компенсує.",
            "The second half drags a little, but the ending makes up for it.",
        ),
        (
            "Сеанси в кінотеатрах переривають на час повітряних тривог.",
            "Cinema screenings are paused during air-raid alerts.",
        ),
        (
            "Частину зборів від прокату передадуть на евакуаційні автомобілі.",
            "Part of the box office takings will go towards evacuation vehicles.",
        ),
        (
            "Фільм знято за підтримки державного агентства з питань кіно.",
            "The film was made with support from the state film agency.",
        ),
    ),
    subheadings=(
        ("Про що фільм", "What the film is about"),
        ("Як знято", "How it was made"),
        ("Вердикт", "The verdict"),
    ),
    quotes=(
        Quote(
            (
                "Ми хотіли, щоб глядач просто побув поруч із цими людьми три доби — без "
                "героїзації.",
                "We wanted the audience simply to spend three days beside these people, without "
                "turning them into heroes.",
            ),
            ("режисерка фільму", "the film's director"),
        ),
    ),
    fact_boxes=(
        FactBox(
            ("Про фільм", "About the film"),
            (
                ("Тривалість: 104 хвилини", "Running time: 104 minutes"),
                (
                    "Мова: українська, субтитри англійською",
                    "Language: Ukrainian, with English subtitles",
                ),
            ),
        ),
    ),
    sources=(
        Source(
            ("Сайт кінофестивалю", "Film festival website"),
            "https://example.org/film-festival/programme",
            ("програма показів", "screening programme"),
        ),
    ),
    tags=("film",),
    motifs=("composition", "night_sky", "skyline"),
    labels=("review",),
    label_odds=1.0,
    weight=1,
    local=False,
    extras=(("title", FILM_TITLES),),
    video=("Відео: трейлер фільму", "Video: the film's trailer"),
)

KINDS = (BOOK, FILM)
