"""Writes one story in both languages from the phrase banks, choice for choice.

Every random choice is made once and applied to the Ukrainian and the English text alike,
so the English article is a translation of the Ukrainian one. Nothing here touches the
database: the output is plain data that :mod:`newsdesk_demo.filing` turns into articles.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import string
import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsdesk.editions import kyiv

from . import directory, slots
from .phrases.base import Angle, FactBox, Kind, Pair, Quote
from .phrases.places import CITIES, COUNTRIES
from .seeding import seeded

LANGUAGES = ("uk", "en")
CREDIT: Pair = ("Ілюстрація: Newsdesk", "Illustration: Newsdesk")
ILLUSTRATIVE: Pair = ("Ілюстративне зображення", "Illustrative image")
GENERIC_VIDEO: Pair = ("Відео з місця подій", "Video from the scene")
_VIDEO_ID_ALPHABET = string.ascii_letters + string.digits + "-_"


@dataclass(frozen=True)
class Picture:
    """A demo image as the writer needs it: which motif it shows and how to describe it."""

    pk: int
    motif: str
    title: Pair
    alt: Pair


@dataclass
class Text:
    """One edition's version of a story, ready for the Article fields."""

    headline: str
    lead: str
    body: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    hero_caption: str = ""
    hero_credit: str = ""
    hero_alt: str = ""


@dataclass
class Story:
    kind: Kind
    editions: tuple[str, ...]
    tags: list[str]
    authors: list[str]
    labels: list[str]
    hero: Picture | None
    texts: dict[str, Text] = field(default_factory=dict)


READ_ALSO = "read_also"


def write(
    kind: Kind,
    rng: random.Random,
    *,
    moment: dt.datetime,
    pictures: Sequence[Picture],
    editions: tuple[str, ...] = LANGUAGES,
    avoid: Collection[str] = (),
) -> Story:
    """Compose a story of ``kind``; a ``read_also`` block, if any, still lacks its article.

    ``avoid`` holds Ukrainian headlines already in use; another angle is taken if one is left.
    """
    cities = [c for c in CITIES if not kind.cities or c.tag in kind.cities]
    city = rng.choice(cities)
    extras = {name: rng.choice(options) for name, options in kind.extras}
    filled = slots.fill(
        rng,
        hour=kyiv(moment).hour,
        year=kyiv(moment).year,
        city=city,
        country=rng.choice(COUNTRIES),
        extras=extras,
    )
    labels = [rng.choice(kind.labels)] if kind.labels and rng.random() < kind.label_odds else []
    suitable = [p for p in pictures if p.motif in kind.motifs] or list(pictures)
    hero = rng.choice(suitable) if suitable and rng.random() < 0.85 else None

    tags = rng.sample(kind.tags, k=rng.randint(1, min(3, len(kind.tags))))
    if kind.local:
        tags.append(city.tag)

    writers = directory.desk(kind.section)
    authors = [rng.choice(writers).key]
    if kind.section != "opinion" and rng.random() < 0.3:
        others = [a.key for a in directory.AUTHORS if "opinion" not in a.desks]
        authors.append(rng.choice([key for key in others if key not in authors]))

    # A headline the archive already has would read as a duplicate in the feed.
    angles = rng.sample(kind.angles, k=len(kind.angles))
    fresh = [a for a in angles if a.headline[0].format_map(filled[0]) not in avoid]
    angle = (fresh or angles)[0]
    lead = [angle.lead]
    if kind.context and rng.random() < 0.4:
        lead.append(rng.choice(kind.context))
    plan = _plan(kind, angle, rng, labels=labels, pictures=suitable, hero=hero)
    sources = rng.sample(kind.sources, k=min(len(kind.sources), rng.randint(1, 2)))
    source_ids = [rng.randint(1000, 99999) for _ in sources]
    source_block_ids = [_block_id(rng, n) for n in range(len(sources))]

    story = Story(kind, editions, tags, authors, labels, hero)
    for lang in editions:
        i, values = LANGUAGES.index(lang), filled[LANGUAGES.index(lang)]

        def say(pair: Pair, i: int = i, values: slots.Slots = values) -> str:
            return pair[i].format_map(values)

        story.texts[lang] = Text(
            headline=say(angle.headline),
            lead=" ".join(say(pair) for pair in lead),
            body=[_render(block, say, i) for block in plan],
            sources=[
                {
                    "type": "source",
                    "id": block_id,
                    "value": {"name": say(s.name), "url": f"{s.url}/{ident}", "note": say(s.note)},
                }
                for s, ident, block_id in zip(sources, source_ids, source_block_ids, strict=True)
            ],
            hero_caption=_caption(hero, i) if hero else "",
            hero_credit=CREDIT[i] if hero else "",
            hero_alt=hero.alt[i] if hero else "",
        )
    return story


def _plan(
    kind: Kind,
    angle: Angle,
    rng: random.Random,
    *,
    labels: list[str],
    pictures: Sequence[Picture],
    hero: Picture | None,
) -> list[tuple[str, Any, str]]:
    """The body as (block type, content, block id), before it is put into words."""
    paragraph_count = rng.randint(2, 4)
    pool = list(kind.sentences)
    rng.shuffle(pool)
    # What only this angle says comes first, as a reporter would put it.
    pool = [*angle.details, *pool]
    paragraphs: list[tuple[Pair, ...]] = []
    while len(paragraphs) < paragraph_count and len(pool) >= 2:
        size = rng.randint(2, 3)
        paragraphs.append(tuple(pool[:size]))
        pool = pool[size:]

    others = [p for p in pictures if p != hero] or list(pictures)
    image_count = rng.randint(2, 3) if "photo" in labels else int(rng.random() < 0.2)
    images = rng.sample(others, k=min(len(others), image_count)) if others else []
    wants_embed = "video" in labels or rng.random() < 0.05
    middle: list[tuple[str, Any]] = []
    if kind.quotes and rng.random() < 0.8:
        middle.append(("quote", rng.choice(kind.quotes)))
    if images:
        middle.append(("image", images[0]))
    if wants_embed:
        middle.append(("embed", kind.video or GENERIC_VIDEO))

    blocks: list[tuple[str, Any]] = [("paragraph", paragraphs[0])]
    if rng.random() < 0.6:
        blocks.append(("subheading", rng.choice(kind.subheadings)))
    for n, paragraph in enumerate(paragraphs[1:]):
        blocks.append(("paragraph", paragraph))
        if n < len(middle):
            blocks.append(middle[n])
    blocks.extend(middle[len(paragraphs) - 1 :])
    blocks.extend(("image", picture) for picture in images[1:])
    if kind.fact_boxes and rng.random() < 0.35:
        blocks.append(("fact_box", rng.choice(kind.fact_boxes)))
    if len(blocks) < 3:
        if pool:
            blocks.append(("paragraph", tuple(pool[:2])))
        elif kind.quotes:
            blocks.append(("quote", rng.choice(kind.quotes)))
        else:
            blocks.insert(1, ("subheading", rng.choice(kind.subheadings)))
    while len(blocks) > 7:
        blocks.pop(-2)
    # Inserted last, so that dropping it (no earlier article to point at) leaves 3 blocks.
    if rng.random() < 0.15:
        blocks.insert(min(3, len(blocks)), (READ_ALSO, None))
    return [
        (block_type, content, _block_id(rng, n)) for n, (block_type, content) in enumerate(blocks)
    ]


def _render(block: tuple[str, Any, str], say: Callable[[Pair], str], i: int) -> dict[str, Any]:
    block_type, content, block_id = block
    value: Any
    if block_type == "paragraph":
        value = "<p>" + _escape(" ".join(say(sentence) for sentence in content)) + "</p>"
    elif block_type == "subheading":
        value = say(content)
    elif block_type == "quote":
        quote: Quote = content
        value = {"text": say(quote.text), "attribution": say(quote.who)}
    elif block_type == "image":
        picture: Picture = content
        value = {
            "image": picture.pk,
            "caption": _caption(picture, i),
            "credit": CREDIT[i],
            "alt": picture.alt[i],
        }
    elif block_type == "fact_box":
        box: FactBox = content
        items = "".join(f"<li>{_escape(say(item))}</li>" for item in box.items)
        value = {"title": say(box.title), "body": f"<ul>{items}</ul>"}
    elif block_type == "embed":
        video = "".join(seeded(block_id).choices(_VIDEO_ID_ALPHABET, k=11))
        value = {"url": f"https://www.youtube.com/watch?v={video}", "title": say(content)}
    else:
        value = {"article": None}
    return {"type": block_type, "value": value, "id": block_id}


def _caption(picture: Picture, i: int) -> str:
    # Says what the picture shows, and that it is not a photograph of the event.
    return f"{picture.title[i]}. {ILLUSTRATIVE[i]}"


def _escape(text: str) -> str:
    # Rich text needs <, > and & escaped; quotes and apostrophes stay readable.
    return html.escape(text, quote=False)


def _block_id(rng: random.Random, salt: int) -> str:
    # Seeded, so a reload writes the same block ids, and the same in both editions
    # (Wagtail's translation tools pair blocks by id).
    return str(uuid.UUID(int=rng.getrandbits(128) ^ salt, version=4))
