"""Normalisation shared by the index and the queries."""

# ruff: noqa: RUF001 - apostrophes are the subject here

from __future__ import annotations

import pytest

from newsdesk.search.text import (
    MAX_QUERY_TERMS,
    distinct_key_text,
    key_text,
    keys,
    parse_query,
    word_key,
)


@pytest.mark.parametrize(
    ("forms", "key"),
    [
        (["Харків", "Харкова", "Харкові", "Харковом", "ХАРКОВУ"], "харк"),
        (["Київ", "Києва", "Києві", "Києвом"], "києв"),
        (["Львів", "Львова", "Львові"], "льв"),
        (["Одеса", "Одеси", "Одесі", "Одесу"], "одес"),
        (["обстріл", "обстрілу", "обстріли", "обстрілів"], "обстрол"),
        (["м’ята", "м'ята", "мʼята", "м`ята", "м‘ята", "м'яти"], "мят"),
        (["Дар'я", "Дар’ї", "Дарʼю"], "дар"),
        (["Ґорґани", "Горгани"], "горган"),
        (["drone", "drones", "Drones"], "dron"),
        (["strike", "strikes", "striking"], "strik"),
        (["shelling", "shelled", "shells"], "shell"),
        (["Kharkiv", "Kharkiv's", "Kharkiv’s"], "kharkiv"),
    ],
)
def test_forms_of_a_word_share_one_key(forms, key):
    assert {k for form in forms for k in keys(form)} == {key}


def test_different_words_keep_different_keys():
    assert len({keys(word)[0] for word in ["Харків", "Херсон", "Хмельницький", "Київ"]}) == 4


@pytest.mark.parametrize(
    "typed",
    ['"', "*", "(((", ")", "-", "^", ":", "\x00", "😀", "!!! ???", " ", ""],
)
def test_punctuation_symbols_and_nul_leave_nothing_to_search(typed):
    assert not parse_query(typed)


def test_fts_syntax_becomes_plain_words():
    parsed = parse_query('title:"war" OR NEAR(kyiv* -strike)^2')
    assert parsed.terms == ("titl", "war", "or", "near", "kyiv", "strik", "2")
    assert all(term.isalnum() for term in parsed.terms)


def test_long_queries_are_cut():
    parsed = parse_query("a" * 100_000)
    assert parsed.shortened and parsed.terms == ("a" * 200,)
    many = parse_query(" ".join(f"word{n}" for n in range(20)))
    assert many.shortened and len(many.terms) == MAX_QUERY_TERMS
    assert not parse_query("Харків обстріл").shortened


def test_repeated_words_count_once():
    assert parse_query("Харків Харкова харкові").terms == ("харк",)


@pytest.mark.parametrize(
    ("word", "key"),
    [("Харкова", "харк"), ("м’ята", "мят"), ("Strikes", "strik"), ("’", ""), ("ҐАНОК", "ганок")],
)
def test_a_word_of_running_text_has_the_key_its_query_would(word, key):
    assert word_key(word) == key
    assert keys(word) == ([key] if key else [])


def test_a_body_s_distinct_keys_are_its_keys_once_each_in_first_order():
    text = "Харків, Харкова й знову Харкові: обстріл. Обстріли! м’ята, м'ята"
    repeated = ["харк", "харк", "й", "знов", "харк", "обстрол", "обстрол", "мят", "мят"]
    assert key_text(text).split() == repeated
    assert distinct_key_text(text).split() == ["харк", "й", "знов", "обстрол", "мят"]
    assert distinct_key_text("") == distinct_key_text(" …, — ") == ""
