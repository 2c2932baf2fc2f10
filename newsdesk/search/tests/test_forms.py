"""The search page's filters: the select written without Django's widget templates must
be what those templates write."""

# ruff: noqa: RUF001 - Ukrainian labels are the subject

from __future__ import annotations

import pytest
from django import forms
from django.test.html import Element, parse_html

from newsdesk.search.forms import PlainSelect, SearchFilters

CHOICES = [("", "Усі рубрики"), ("viina", "Війна & мир"), ("x", '<script>"x"</script>'), (7, "7")]


def _tight(html: str) -> Element:
    """The HTML as a tree: whitespace between tags and the order of attributes aside."""
    return parse_html(html)


@pytest.mark.parametrize("value", ["", "viina", "7", "unknown", None])
@pytest.mark.parametrize(
    "attrs",
    [None, {"id": "id_section"}, {"aria-invalid": "true", "aria-describedby": "e", "id": "s"}],
)
def test_the_plain_select_writes_what_django_select_does(value, attrs):
    ours = PlainSelect(choices=CHOICES).render("section", value, attrs)
    django = forms.Select(choices=CHOICES).render("section", value, attrs)
    assert _tight(ours) == _tight(django)
    assert "<script>" not in ours


def test_true_and_false_attributes_as_django_writes_them():
    attrs = {"required": True, "disabled": False, "data-x": 'a"b'}
    ours = PlainSelect(choices=CHOICES).render("label", "", attrs)
    assert _tight(ours) == _tight(forms.Select(choices=CHOICES).render("label", "", attrs))
    assert " required" in ours and "disabled" not in ours and 'data-x="a&quot;b"' in ours


def test_grouped_choices_are_left_to_django():
    grouped = [("Group", [("a", "A"), ("b", "B")]), ("c", "C")]
    ours = PlainSelect(choices=grouped).render("section", "b", None)
    assert ours == forms.Select(choices=grouped).render("section", "b", None)
    assert "<optgroup" in ours


def test_the_filters_form_marks_a_bad_choice_beside_its_field():
    form = SearchFilters(
        {"section": "nowhere", "label": "exclusive"}, sections=[("viina", "Війна")]
    )
    assert not form.is_valid()
    form.drop_invalid()
    section = str(form["section"])
    assert 'aria-invalid="true"' in section and 'aria-describedby="id_section_error"' in section
    assert "selected" not in section.split("</option>", 1)[1]  # the bad value is dropped
    assert '<option value="exclusive" selected>' in str(form["label"])
