"""Snippets are plain-text fragments; the template escapes them and adds ``<mark>``."""

# ruff: noqa: RUF001 - Ukrainian words and apostrophes are the subject

from __future__ import annotations

from newsdesk.search.snippets import Fragment, highlight, snippet


def test_highlight_marks_every_form_of_the_word():
    assert highlight("Харків і Харкова <b>", {"харк"}) == [
        Fragment("Харків", mark=True),
        Fragment(" і "),
        Fragment("Харкова", mark=True),
        Fragment(" <b>"),
    ]


def test_apostrophe_words_are_marked_whole():
    assert [f.text for f in highlight("Ринок: м’ята дешевшає", {"мят"}) if f.mark] == ["м’ята"]


def test_snippet_is_cut_around_the_first_match_of_the_first_text_that_has_one():
    body = "Слово " * 100 + "Суми під обстрілом. " + "Далі " * 100
    fragments = snippet(["Лід без збігів.", body], {"сум"}, size=120)
    text = "".join(f.text for f in fragments)
    assert fragments[0] == Fragment("…") and fragments[-1] == Fragment("…")
    assert [f.text for f in fragments if f.mark] == ["Суми"]
    assert len(text) <= 125


def test_snippet_without_a_match_starts_at_the_lead():
    fragments = snippet(["Короткий лід.", "Тіло."], {"харк"})
    assert fragments == [Fragment("Короткий лід.")]
    assert snippet(["", "  "], {"харк"}) == []
