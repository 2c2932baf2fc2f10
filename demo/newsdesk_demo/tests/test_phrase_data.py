"""The phrase banks' JSON is read strictly: a slip in a hand-edited file names the file and
the key instead of surfacing as a wrong article."""

from __future__ import annotations

import pytest

from newsdesk_demo.phrases import DESKS, KINDS, data, kind
from newsdesk_demo.phrases.base import Angle, Kind

MINIMAL = {
    "code": "drill",
    "section": "war",
    "angles": [{"headline": ["Навчання", "A drill"], "lead": ["Лід", "Lead"]}],
    "sentences": [["Речення.", "A sentence."]],
    "subheadings": [],
    "quotes": [],
    "fact_boxes": [],
    "sources": [],
    "tags": ["kyiv"],
    "motifs": ["siren"],
}


def test_every_desk_has_a_bank_and_every_kind_a_unique_code():
    codes = [k.code for k in KINDS]
    assert len(codes) == len(set(codes))
    assert {k.code for desk in DESKS for k in data.bank(desk)} == set(codes)
    assert kind("strike").section == "war"


def test_a_minimal_kind_takes_the_defaults_and_tuples():
    read = data.kind(MINIMAL, "test.json[0]")
    assert read == Kind(
        code="drill",
        section="war",
        angles=(Angle(("Навчання", "A drill"), ("Лід", "Lead")),),
        sentences=(("Речення.", "A sentence."),),
        subheadings=(),
        quotes=(),
        fact_boxes=(),
        sources=(),
        tags=("kyiv",),
        motifs=("siren",),
    )
    assert read.weight == 2 and read.local is True and read.extras == ()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"motifs": None}, r"drill\)\.motifs: expected a list"),
        ({"headline": 1}, r"unknown keys \['headline'\]"),
        ({"sentences": [["only Ukrainian"]]}, r"sentences\[0\]: expected a \[Ukrainian, English\]"),
        ({"weight": True}, r"weight: unexpected value True"),
        ({"extras": [["title", []]]}, r"extras: expected an object of slot names"),
    ],
)
def test_a_malformed_kind_is_refused_naming_file_and_key(change, message):
    with pytest.raises(data.BankError, match=message):
        data.kind(MINIMAL | change, "test.json[0]")


def test_a_missing_key_is_named():
    incomplete = {key: value for key, value in MINIMAL.items() if key != "tags"}
    with pytest.raises(data.BankError, match=r"test.json\[0\]: missing keys \['tags'\]"):
        data.kind(incomplete, "test.json[0]")


def test_an_unknown_kind_is_a_lookup_error():
    with pytest.raises(LookupError, match="no kind of story 'parade'"):
        kind("parade")
