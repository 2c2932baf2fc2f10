"""Slugs follow Ukraine's official romanisation (CMU resolution No. 55, 2010)."""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters and typographic apostrophes are meant.)

from __future__ import annotations

import pytest

from newsdesk.articles.slugs import slug_from_headline as slug_for


@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [
        ("Війна", "viina"),
        ("Харків", "kharkiv"),
        ("Чернігів", "chernihiv"),
        ("Запоріжжя", "zaporizhzhia"),
        ("Згурівка", "zghurivka"),
        ("Юрій", "yurii"),
        ("Їжакевич", "yizhakevych"),
        ("Щастя", "shchastia"),
        ("Знам’янка", "znamianka"),
        ("Гаґа", "haga"),
    ],
)
def test_national_table(ukrainian, latin):
    assert slug_for(ukrainian) == latin


def test_slug_keeps_numbers_readable_and_cuts_at_a_word():
    assert slug_for("Ставка 14,5%") == "stavka-14-5"
    assert slug_for("понад 13\u00a0500 FPV-дронів") == "ponad-13500-fpv-droniv"
    assert slug_for("Ukraine gets 2,400 drones") == "ukraine-gets-2400-drones"
    long = slug_for("Рада " * 40, max_length=30)
    assert len(long) <= 30 and not long.endswith("-") and long.endswith("rada")
