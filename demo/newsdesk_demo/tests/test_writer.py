"""The phrase banks and the writer: every template fills in both languages, and repeats."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk_demo import slots
from newsdesk_demo.phrases import KINDS
from newsdesk_demo.phrases.places import CITIES, COUNTRIES
from newsdesk_demo.seeding import seeded
from newsdesk_demo.writer import Picture, write

MOMENT = dt.datetime(2026, 3, 4, 1, 30, tzinfo=dt.UTC)
PICTURES = [
    Picture(pk=n, motif=motif, title=("Назва", "Title"), alt=("Опис", "Description"))
    for n, motif in enumerate(
        [
            "skyline",
            "night_sky",
            "wheat_field",
            "power_lines",
            "port",
            "schematic_map",
            "colonnade",
            "gallery",
            "circuit",
            "hills",
            "composition",
        ]
    )
]


def _templates(kind):
    for angle in kind.angles:
        yield angle.headline
        yield angle.lead
        yield from angle.details
    yield from kind.context
    yield from kind.sentences
    yield from kind.subheadings
    for quote in kind.quotes:
        yield quote.text
        yield quote.who
    for box in kind.fact_boxes:
        yield box.title
        yield from box.items
    for source in kind.sources:
        yield source.name
        yield source.note
    if kind.video:
        yield kind.video


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.code)
def test_every_template_fills_in_both_languages(kind):
    for options in [dict(kind.extras)] if kind.extras else [{}]:
        extras = {name: values[0] for name, values in options.items()}
        for city in CITIES:
            uk, en = slots.fill(
                seeded(city.tag), hour=3, year=2026, city=city, country=COUNTRIES[0], extras=extras
            )
            for pair in _templates(kind):
                assert "{" not in pair[0].format_map(uk)
                assert "{" not in pair[1].format_map(en)


def test_counts_never_end_in_one_so_ukrainian_agreement_holds():
    for seed in range(300):
        uk, _en = slots.fill(seeded(seed), hour=12, year=2026, city=CITIES[0], country=COUNTRIES[0])
        for key in (*slots.NOUNS, *slots.MANY_ONLY):
            n = int(uk[f"{key}_n"].replace("\u00a0", ""))
            assert n % 10 != 1 or n % 100 == 11, (key, n)


def test_the_same_seed_writes_the_same_story():
    kind = KINDS[0]
    first = write(kind, seeded("seed"), moment=MOMENT, pictures=PICTURES)
    second = write(kind, seeded("seed"), moment=MOMENT, pictures=PICTURES)
    assert first.texts == second.texts
    assert first.tags == second.tags and first.authors == second.authors


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.code)
def test_the_english_text_has_the_same_shape_as_the_ukrainian(kind):
    for seed in range(20):
        story = write(kind, seeded(seed), moment=MOMENT, pictures=PICTURES)
        uk, en = story.texts["uk"], story.texts["en"]
        assert [(b["type"], b["id"]) for b in uk.body] == [(b["type"], b["id"]) for b in en.body]
        assert 3 <= len(uk.body) <= 8
        paragraphs = [b["value"] for b in uk.body if b["type"] == "paragraph"]
        assert len(set(paragraphs)) == len(paragraphs)
        assert uk.headline != en.headline


def test_a_headline_already_in_use_is_avoided_when_another_angle_is_left():
    kind = next(k for k in KINDS if k.code == "column-state")
    first = write(kind, seeded(1), moment=MOMENT, pictures=PICTURES)
    used = {first.texts["uk"].headline}
    again = write(kind, seeded(1), moment=MOMENT, pictures=PICTURES, avoid=used)
    assert again.texts["uk"].headline not in used


def test_night_reports_say_overnight():
    assert slots.time_of_day(2) == ("уночі", "overnight")
    assert slots.time_of_day(9) == ("зранку", "this morning")
