"""Fixtures shared by every test: demo content comes from the same command the demo uses."""

from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.fixture
def demo_content(db):
    """A small edition pair made by ``load_demo`` (the demo's own command)."""

    def load(articles: int = 20) -> None:
        call_command("load_demo", articles=articles, seed=7, verbosity=0)

    return load
