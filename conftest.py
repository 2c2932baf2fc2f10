"""Fixtures shared by every test: demo content comes from the same command the demo uses."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, as each test starts with its own rows: a value
    cached from another test's database (the section navigation, a rate-limit counter)
    must not leak into the next one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_content(db):
    """A small edition pair made by ``load_demo`` (the demo's own command)."""

    def load(articles: int = 20) -> None:
        call_command("load_demo", articles=articles, seed=7, verbosity=0)

    return load
