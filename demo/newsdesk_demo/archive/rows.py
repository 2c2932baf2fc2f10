"""Composes the archive's articles as plain rows, story by story, oldest first.

A story is told in one edition or in both; twins share the translation key, section,
tags, bylines, labels, picture and block ids, and the English text is a translation of
the Ukrainian. Nothing here touches the database: :mod:`.writer` stores the rows.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from newsdesk.editions import EDITIONS, kyiv
from newsdesk_demo import directory
from newsdesk_demo.writer import CREDIT, ILLUSTRATIVE, Picture

from . import plan
from .catalogue import Catalogue
from .material import VARIANTS, Material, Rendered, Sentence, kind, kinds_of

Block = tuple[str, Any, str]
"""A body block before it is put into one language: (type, content, block id)."""

HERO_ODDS = 0.6
TAG_COUNTS = (1, 2, 3, 4, 5)
TAG_COUNT_WEIGHTS = (0.15, 0.3, 0.3, 0.15, 0.1)
SECOND_AUTHOR_ODDS = 0.2
# Body length in words: (shortest, longest, most common), as a news desk writes them.
WORDS = (300, 900, 450)


@dataclass(slots=True)
class Draft:
    """One article, everything but its primary key (and the slug's number, which is it)."""

    key: uuid.UUID
    locale_id: int
    published: dt.datetime
    headline: str
    slug_base: str
    lead: str
    labels: str
    hero_id: int | None
    hero_caption: str
    hero_credit: str
    hero_alt: str
    body: str
    sources: str
    section_id: int
    tag_ids: list[int]
    author_ids: list[int]


class Composer:
    """Turns the plan's distributions into drafts; one instance makes one archive run."""

    def __init__(
        self,
        *,
        seed: int,
        salt: int,
        catalogue: Catalogue,
        pictures: Sequence[Picture],
        years: int,
        now: dt.datetime,
        total: int,
    ) -> None:
        self.rng = random.Random(f"archive:{seed}")  # noqa: S311 - invented content
        self.salt = salt
        self.catalogue = catalogue
        self.material = Material(seed)
        self.total = total
        self.timeline = plan.Timeline(self.rng, years=years, now=now, count=total)
        self.sections = plan.Zipf(len(catalogue.desks), 0.9)
        self.tags = plan.Zipf(len(catalogue.tags["uk"]), 1.05)
        self.authors = plan.Zipf(len(catalogue.authors["uk"]), 0.7)
        self.desk_kinds = {desk: kinds_of(desk) for desk in set(catalogue.desks)}
        # The demo's topics and cities head the tag list, in the order of directory.TAGS.
        ranks = {key: rank for rank, key in enumerate(directory.TAGS)}
        self.kind_tags = {
            i: [ranks[t] for t in kind(i).tags if ranks.get(t, 10**9) < len(self.tags.cumulative)]
            for kinds in self.desk_kinds.values()
            for i in kinds
        }
        self.pictures = {
            i: [p for p in pictures if p.motif in kind(i).motifs] or list(pictures)
            for kinds in self.desk_kinds.values()
            for i in kinds
        }

    def drafts(self) -> Iterator[Draft]:
        """All ``total`` drafts in order of publication (a twin soon after its original)."""
        made = 0
        while made < self.total:
            story = self._story(made)
            for draft in story[: self.total - made]:
                yield draft
                made += 1

    def _story(self, made: int) -> list[Draft]:
        rng = self.rng
        moment = self.timeline.moment(rng, made)
        editions = plan.editions(rng)
        section = self.sections.draw(rng)
        desk = self.catalogue.desks[section]
        k = rng.choice(self.desk_kinds[desk])
        story_kind = kind(k)
        rendered = self.material.get(k, kyiv(moment).year, rng.randrange(VARIANTS))
        angle = rng.randrange(len(rendered.headlines))
        context = (
            rendered.context[rng.randrange(len(rendered.context))]
            if (rendered.context and rng.random() < 0.4)
            else None
        )
        odds = story_kind.label_odds if story_kind.label_odds >= 1 else story_kind.label_odds / 3
        labels = json.dumps(
            plan.labels(rng, kind_labels=story_kind.labels, kind_odds=odds, desk=desk)
        )
        hero = rng.choice(self.pictures[k]) if rng.random() < HERO_ODDS else None
        tag_ranks = self._tags(rng, k)
        author_ranks = self.authors.sample(rng, 2 if rng.random() < SECOND_AUTHOR_ODDS else 1)
        body = self._body(rng, k, rendered, angle)
        sources = [
            (source, rng.randint(1000, 99999), _block_id(rng))
            for source in rng.sample(
                story_kind.sources, k=min(len(story_kind.sources), rng.randint(1, 2))
            )
        ]
        key = uuid.UUID(int=rng.getrandbits(128) ^ self.salt, version=4)

        drafts = []
        for code in editions:
            i = EDITIONS.index(code)
            lead = rendered.leads[angle][i] + (" " + context[i] if context else "")
            drafts.append(
                Draft(
                    key=key,
                    locale_id=self.catalogue.locales[code],
                    published=moment,
                    headline=rendered.headlines[angle][i],
                    slug_base=rendered.slugs[angle][i],
                    lead=lead,
                    labels=labels,
                    hero_id=hero.pk if hero else None,
                    hero_caption=f"{hero.title[i]}. {ILLUSTRATIVE[i]}" if hero else "",
                    hero_credit=CREDIT[i] if hero else "",
                    hero_alt=hero.alt[i] if hero else "",
                    body=_body_json(body, i),
                    sources=json.dumps(
                        [
                            {
                                "type": "source",
                                "value": {
                                    "name": s.name[i],
                                    "url": f"{s.url}/{ident}",
                                    "note": s.note[i],
                                },
                                "id": block_id,
                            }
                            for s, ident, block_id in sources
                        ],
                        ensure_ascii=False,
                    ),
                    section_id=self.catalogue.sections[code][section],
                    tag_ids=[self.catalogue.tags[code][r] for r in tag_ranks],
                    author_ids=[self.catalogue.authors[code][r] for r in author_ranks],
                )
            )
            moment = self.timeline.translated(rng, moment)
        return drafts

    def _tags(self, rng: random.Random, k: int) -> list[int]:
        """1 to 5 tags: one or two of the story's own topics, the rest from the long tail."""
        count = rng.choices(TAG_COUNTS, TAG_COUNT_WEIGHTS)[0]
        own = self.kind_tags[k]
        ranks = rng.sample(own, k=min(len(own), rng.randint(1, 2), count))
        while len(ranks) < min(count, len(self.tags.cumulative)):
            rank = self.tags.draw(rng)
            if rank not in ranks:
                ranks.append(rank)
        return ranks

    def _body(self, rng: random.Random, k: int, rendered: Rendered, angle: int) -> list[Block]:
        """Blocks as (type, content, id): paragraphs of 2 to 4 sentences up to the story's
        length, a subheading every few paragraphs, a quote or two."""
        target = int(rng.triangular(*WORDS))
        variant = rng.randrange(VARIANTS)
        own = list(rendered.sentences)
        rng.shuffle(own)
        streams = [
            rendered.details[angle] + own,
            _rotated(rng, self.material.pool(k, variant, same_desk=True)),
            _rotated(rng, self.material.pool(k, variant, same_desk=False)),
        ]
        sentences = [s for stream in streams for s in stream]
        subheadings = _rotated(rng, self.material.desk_subheadings(k, variant))
        quotes = list(rendered.quotes)
        rng.shuffle(quotes)
        quote_after = {rng.randint(1, 3), rng.randint(5, 9)} if quotes else set()

        blocks: list[Block] = []
        words = paragraphs = used = 0
        next_subheading = rng.randint(2, 3)
        while words < target and used < len(sentences):
            size = rng.randint(2, 4)
            paragraph = sentences[used : used + size]
            used += size
            words += sum(s[2] for s in paragraph)
            blocks.append(("paragraph", paragraph, _block_id(rng)))
            paragraphs += 1
            if paragraphs in quote_after and quotes:
                blocks.append(("quote", quotes.pop(), _block_id(rng)))
            if paragraphs == next_subheading and subheadings and words < target:
                blocks.append(("subheading", subheadings.pop(), _block_id(rng)))
                next_subheading += rng.randint(3, 5)
        return blocks


def _rotated(rng: random.Random, items: list) -> list:
    # A random starting point instead of a shuffle: as varied, at a fraction of the cost.
    if not items:
        return []
    start = rng.randrange(len(items))
    return items[start:] + items[:start]


def _body_json(blocks: list[Block], i: int) -> str:
    out = []
    for block_type, content, block_id in blocks:
        value: Any
        if block_type == "paragraph":
            value = "<p>" + " ".join(s[i] for s in content) + "</p>"
        elif block_type == "subheading":
            value = content[i]
        else:
            text, who = content
            value = {"text": text[i], "attribution": who[i]}
        out.append({"type": block_type, "value": value, "id": block_id})
    # Not ASCII-escaped: Cyrillic stays one character, not six, in SQLite's text column.
    return json.dumps(out, ensure_ascii=False)


def _block_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


__all__ = ["Composer", "Draft", "Sentence"]
