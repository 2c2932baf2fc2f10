"""The opinion desk: columns. Written so the columnist's gender never shows in a verb."""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

from .base import Angle, FactBox, Kind, Quote, Source

DISCLAIMER = FactBox(
    ("Думка автора", "The author's view"),
    (
        (
            "Колонка відображає позицію автора і може не збігатися з позицією редакції.",
            "This column reflects the author's view, which may differ from that of the editors.",
        ),
    ),
)

STATE = Kind(
    code="column-state",
    section="opinion",
    angles=(
        Angle(
            (
                "Чому ППО — це не витрата, а інвестиція",
                "Why air defence is not a cost but an investment",
            ),
            (
                "Кожна збита ракета коштує дорого, але зруйнована підстанція чи лікарня — значно "
                "дорожче.",
                "Every missile shot down is expensive, but a destroyed substation or hospital "
                "costs far more.",
            ),
        ),
        Angle(
            ("Санкції без контролю — лише папір", "Sanctions without enforcement are just paper"),
            (
                "Нові пакети санкцій ухвалюють регулярно, але без контролю за виконанням вони "
                "перетворюються на ритуал.",
                "New sanctions packages are adopted regularly, but without enforcement they "
                "become a ritual.",
            ),
        ),
        Angle(
            (
                "Відбудова починається з прозорості, а не з бетону",
                "Reconstruction starts with transparency, not concrete",
            ),
            (
                "Донори дають гроші тим, кому довіряють. Тому кожна відкрита закупівля важить не "
                "менше, ніж новий міст.",
                "Donors give money to those they trust. That is why every open tender matters "
                "as much as a new bridge.",
            ),
        ),
        Angle(
            (
                "Ми надто звикли до тривог. І це небезпечно",
                "We have grown too used to alerts. That is dangerous",
            ),
            (
                "Сирена стала фоном, який ми перестали чути. Але звичка — поганий порадник, коли "
                "йдеться про життя.",
                "The siren has become background noise we no longer hear. But habit is a poor "
                "guide when lives are at stake.",
            ),
        ),
        Angle(
            (
                "Партнерам час перестати боятися ескалації",
                "It is time our partners stopped fearing escalation",
            ),
            (
                "Кожне обмеження на використання зброї ворог сприймає як дозвіл. Стримування "
                "працює лише тоді, коли воно рішуче.",
                "Russia reads every restriction on the use of weapons as permission. Deterrence "
                "works only when it is resolute.",
            ),
        ),
        Angle(
            (
                "Енергетика громад — наш найкращий захист від зимових ударів",
                "Community energy is our best defence against winter strikes",
            ),
            (
                "Велику електростанцію можна вивести з ладу однією ракетою. Сотні малих "
                "сонячних і газових установок — ні.",
                "A large power plant can be knocked out by one missile. Hundreds of small solar "
                "and gas units cannot.",
            ),
        ),
    ),
    sentences=(
        (
            "На мою думку, відкладати ці рішення — означає згодом заплатити за них удвічі більше.",
            "In my view, putting these decisions off means paying twice as much for them later.",
        ),
        (
            "Досвід останніх років показує: децентралізовані системи витримують удари краще.",
            "The experience of recent years shows that decentralised systems withstand strikes "
            "better.",
        ),
        (
            "Партнери допомагають щедро, але кожна затримка з постачанням коштує нам життів.",
            "Our partners are generous, but every delay in deliveries costs us lives.",
        ),
        (
            "Держава має пояснювати свої рішення, а не лише оголошувати їх.",
            "The state must explain its decisions, not just announce them.",
        ),
        (
            "Суспільство втомилося, і це нормально. Ненормально — вдавати, що втоми немає.",
            "Society is tired, and that is normal. What is not normal is pretending there is no "
            "fatigue.",
        ),
        (
            "Нам потрібні не гасла, а прості правила, які однаково працюють для всіх.",
            "We need simple rules that work the same for everyone, not slogans.",
        ),
        (
            "Чесна розмова про ціну війни — теж частина стійкості.",
            "An honest conversation about the cost of the war is also part of resilience.",
        ),
        (
            "Я не вірю в швидкі рішення, але вірю в системні.",
            "I do not believe in quick fixes, but I do believe in systemic ones.",
        ),
        (
            "Поки ми сперечаємося про дрібниці, ворог вчиться на наших помилках.",
            "While we argue about trivia, the enemy is learning from our mistakes.",
        ),
        (
            "Якщо ми хочемо, щоб люди поверталися, громади мають стати безпечними вже зараз.",
            "If we want people to come back, communities must be made safe now.",
        ),
    ),
    subheadings=(
        ("У чому проблема", "What the problem is"),
        ("Що можна зробити", "What can be done"),
        ("Ціна бездіяльності", "The cost of doing nothing"),
    ),
    quotes=(
        Quote(
            (
                "Стійкість — це не щоденний героїзм, а система, яка працює, коли героїв поруч "
                "немає.",
                "Resilience is not heroism every day, but a system that works when there are no "
                "heroes around.",
            ),
            (
                "з виступу військового аналітика на конференції в Києві",
                "from a military analyst's talk at a conference in Kyiv",
            ),
        ),
    ),
    fact_boxes=(DISCLAIMER,),
    sources=(
        Source(
            ("Дані Міністерства фінансів", "Finance ministry data"),
            "https://example.gov.ua/finance/budget",
            ("на які посилається автор", "cited by the author"),
        ),
    ),
    tags=("air-defence", "reconstruction", "sanctions", "energy"),
    motifs=("composition",),
    labels=("opinion",),
    label_odds=1.0,
    local=False,
)

SOCIETY = Kind(
    code="column-society",
    section="opinion",
    angles=(
        Angle(
            (
                "Ветерани не потребують жалю. Вони потребують роботи",
                "Veterans do not need pity. They need jobs",
            ),
            (
                "Ми багато говоримо про підтримку ветеранів, але рідко питаємо їх самих, чого "
                "вони насправді хочуть.",
                "We talk a lot about supporting veterans but rarely ask them what they actually "
                "want.",
            ),
        ),
        Angle(
            (
                "Школа з укриттям — не подвиг, а мінімальний стандарт",
                "A school with a shelter is not a feat but a minimum standard",
            ),
            (
                "Кожна підземна школа — привід для гордості. Але ми не маємо права вважати це "
                "дивом.",
                "Every underground school is something to be proud of. But we have no right to "
                "treat it as a miracle.",
            ),
        ),
        Angle(
            ("Культура під час війни — не розкіш", "Culture in wartime is not a luxury"),
            (
                "Коли мова заходить про бюджет на культуру, часто чути: не на часі. Насправді "
                "саме зараз вона потрібна найбільше.",
                "When culture budgets come up, people often say now is not the time. In fact, "
                "now is when we need culture most.",
            ),
        ),
        Angle(
            ("Чому ми мовчимо про втому", "Why we keep quiet about fatigue"),
            (
                "За кожною статистикою стоять люди, які щодня ухвалюють важкі рішення — і яким "
                "дедалі важче про це говорити.",
                "Behind every statistic are people making hard decisions every day, and finding "
                "it ever harder to talk about.",
            ),
        ),
        Angle(
            ("Переселенці — не тимчасові гості", "Displaced people are not temporary guests"),
            (
                "Мільйони людей живуть не там, де народилися. Громади, які це зрозуміли, вже "
                "виграють.",
                "Millions of people are living away from where they were born. The communities "
                "that understand this are already gaining.",
            ),
        ),
    ),
    sentences=(
        (
            "Громади, які відкрилися для переселенців, уже мають від цього користь.",
            "Communities that have opened up to displaced people are already benefiting.",
        ),
        (
            "Найкраща підтримка — та, що повертає людині контроль над власним життям.",
            "The best support is the kind that gives people back control over their own lives.",
        ),
        (
            "Ми не можемо відкласти нормальне життя до перемоги: діти ростуть уже зараз.",
            "We cannot put normal life on hold until victory: children are growing up now.",
        ),
        (
            "Роботодавці мають навчитися працювати з людьми, які повернулися з фронту.",
            "Employers must learn to work with people who have come back from the front.",
        ),
        (
            "Культура допомагає проговорити те, що важко сказати вголос.",
            "Culture helps us put into words what is hard to say out loud.",
        ),
        (
            "Втома — не зрада. Це сигнал, що систему треба лагодити.",
            "Fatigue is not betrayal. It is a signal that the system needs fixing.",
        ),
        (
            "Кожна бібліотека чи театр, що відкриваються в прифронтовому місті, — це заява, що "
            "місто житиме.",
            "Every library or theatre that opens in a front-line city is a statement that the "
            "city will live.",
        ),
        (
            "Держава й громадянське суспільство мають діяти разом, а не змагатися за увагу.",
            "The state and civil society must act together rather than compete for attention.",
        ),
        (
            "На мою думку, саме тут і вирішується, якою буде країна після війни.",
            "In my view, this is exactly where the shape of the country after the war is being "
            "decided.",
        ),
    ),
    subheadings=(
        ("Про що ми не говоримо", "What we do not talk about"),
        ("Що можна зробити", "What can be done"),
    ),
    quotes=(
        Quote(
            (
                "Ми не просимо особливого ставлення. Ми просимо, щоб нас чули.",
                "We are not asking for special treatment. We are asking to be heard.",
            ),
            ("учасниця ветеранської ініціативи", "a member of a veterans' initiative"),
        ),
    ),
    fact_boxes=(DISCLAIMER,),
    sources=(
        Source(
            ("Опитування соціологічної служби", "Opinion poll"),
            "https://example.org/survey/results",
            ("дані, на які посилається автор", "figures cited by the author"),
        ),
    ),
    tags=("veterans", "education", "evacuation", "heritage"),
    motifs=("composition", "hills"),
    labels=("opinion",),
    label_odds=1.0,
    local=False,
)

KINDS = (STATE, SOCIETY)
