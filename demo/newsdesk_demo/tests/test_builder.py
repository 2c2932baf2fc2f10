"""load_demo as a function: the same seed and clock give the same archive."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.utils import timezone

from newsdesk.articles.models import Article
from newsdesk_demo.builder import load_demo


@pytest.mark.django_db
def test_the_same_seed_and_clock_give_the_same_archive():
    now = timezone.now()

    def load() -> list[tuple]:
        with transaction.atomic():
            report = load_demo(articles=12, days=2, seed=9, now=now)
            rows = sorted(
                Article.objects.values_list(
                    "locale__language_code", "slug", "headline", "lead", "first_published_at"
                )
            )
            transaction.set_rollback(True)
        assert report.live >= 12
        return rows

    assert load() == load()


@pytest.mark.parametrize(("articles", "days"), [(0, 3), (5, 0)])
def test_refuses_numbers_below_one(articles, days):
    with pytest.raises(ValueError, match="at least 1"):
        load_demo(articles=articles, days=days)
