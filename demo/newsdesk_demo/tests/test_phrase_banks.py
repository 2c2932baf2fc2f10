"""The phrase banks are data the demo reads: a seeded load on a fixed clock files the same
headlines, word for word, whatever form the banks are kept in."""

# ruff: noqa: RUF001
# (Ukrainian text: Cyrillic letters are meant.)

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest

from newsdesk.articles.models import Article
from newsdesk_demo.builder import load_demo

NOW = dt.datetime(2025, 2, 12, 9, 30, tzinfo=dt.UTC)

# What seed 21 files at NOW (drafts and scheduled ones too), sorted. It changes only when the
# banks or the writer do, deliberately.
HEADLINES = [
    ("en", "Air Force: Russia launched 64 drones and 13 missiles"),
    ("en", "Air defence downs 125 of 137 drones overnight"),
    ("en", "Cabinet allocates UAH 45.8bn for compensation for repairs to damaged homes"),
    ("en", "Government launches extra pay for teachers in front-line communities: who is eligible"),
    ("en", "Mobile fire teams down more than 53 drones in one night"),
    ("en", "Norway allocates €580m for energy equipment for Ukraine"),
    ("en", "Overnight attack on Kyiv and the regions: live"),
    ("en", "Partners transfer €5.2bn in budget support to Ukraine"),
    ("en", "Rescuers finish clearing rubble after strike on Chernihiv"),
    ("uk", "Мобільні вогневі групи збили понад 53 дрони за ніч"),
    ("uk", "Наслідки удару по Чернігову: рятувальники завершили розбирати завали"),
    ("uk", "Норвегія виділила €580 млн на енергетичне обладнання для України"),
    ("uk", "Нічна атака на Київ і області: онлайн"),
    ("uk", "Партнери перерахували Україні €5,2 млрд бюджетної підтримки"),
    ("uk", "Повітряні сили: ворог запустив 64 дрони і 13 ракет"),
    ("uk", "Уночі сили ППО знешкодили 125 із 137 дронів"),
    ("uk", "Уряд запускає доплати вчителям прифронтових громад: хто може скористатися"),
]


@pytest.mark.django_db
def test_a_seeded_load_files_the_same_headlines():
    # The showcase's scheduled article is checked against the publish action's own clock.
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        load_demo(articles=12, days=2, seed=21, now=NOW)
    filed = Article.objects.values_list("locale__language_code", "headline")
    assert sorted(filed) == HEADLINES
