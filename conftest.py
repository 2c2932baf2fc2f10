"""Fixtures shared by every test: one fixed clock, an empty cache, and the demo newsroom for
the few tests that need a whole one (decision 0017).

Every test runs at one instant, ``NEWSDESK_TEST_CLOCK`` (ISO 8601 with a UTC offset) or
``DEFAULT_CLOCK``: time-machine moves ``time.time()`` and ``datetime.now()`` and so
``timezone.now()``, in this process and its threads (the live server, the Varnish origin).
The clock ticks from that instant, so two writes in one test still get two times.
``scripts/clock-matrix`` runs the tests marked ``dated`` at the edges of days, months,
years and daylight-saving time.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command

CLOCK_VARIABLE = "NEWSDESK_TEST_CLOCK"
# A weekday in mid-June, Kyiv summer time: nothing near an edge of a day, month or year,
# and twelve days of demo archive all fall in one month.
DEFAULT_CLOCK = "2026-06-17T14:20:00+03:00"


def configured_clock() -> dt.datetime:
    """The instant every test starts at, from the environment or the default."""
    raw = os.environ.get(CLOCK_VARIABLE) or DEFAULT_CLOCK
    try:
        instant = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise pytest.UsageError(
            f"{CLOCK_VARIABLE}={raw!r} is not an ISO 8601 time, e.g. {DEFAULT_CLOCK}"
        ) from None
    if instant.utcoffset() is None:
        raise pytest.UsageError(
            f"{CLOCK_VARIABLE}={raw!r} needs a UTC offset, e.g. {DEFAULT_CLOCK}"
        )
    return instant


def pytest_configure(config: pytest.Config) -> None:
    configured_clock()  # a bad value stops the run before any test, with the reason


def pytest_report_header(config: pytest.Config) -> str:
    return f"clock: {configured_clock().isoformat()} ({CLOCK_VARIABLE})"


@pytest.fixture(scope="session", autouse=True)
def session_clock() -> Iterator[dt.datetime]:
    """The fixed clock for session- and module-scoped fixtures (the database, the demo)."""
    instant = configured_clock()
    with time_machine.travel(instant, tick=True):
        yield instant


@pytest.fixture(autouse=True)
def clock(session_clock: dt.datetime) -> Iterator[time_machine.Coordinates]:
    """Each test starts at the fixed instant, whatever the tests before it took. Tests that
    need time to pass call ``clock.shift(...)`` or ``clock.move_to(...)``."""
    with time_machine.travel(session_clock, tick=True) as coordinates:
        yield coordinates


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """Each test starts with an empty cache, as each test starts with its own rows: a value
    cached from another test's database (the section navigation, a rate-limit counter)
    must not leak into the next one."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_content(db) -> Callable[..., None]:
    """A small edition pair made by ``load_demo`` (the demo's own command)."""

    def load(articles: int = 20) -> None:
        call_command("load_demo", articles=articles, seed=7, verbosity=0)

    return load
