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
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """In a module where any test reads the shared demo newsroom, every test that uses the
    database reads it too: the newsroom lives for the whole module, so a test that ran
    after the first one would see it anyway, and one that ran before would not."""
    shared = {
        item.module
        for item in items
        if "demo_newsroom" in getattr(item, "fixturenames", ())
        and isinstance(item, pytest.Function)
    }
    for item in items:
        if (
            isinstance(item, pytest.Function)
            and item.module in shared
            and "demo_newsroom" not in item.fixturenames
        ):
            if {"transactional_db", "live_server"} & set(item.fixturenames):
                raise pytest.UsageError(
                    f"{item.nodeid} needs committed rows, which the module's shared demo "
                    "newsroom (an open transaction) cannot give: move it to another module"
                )
            if "db" in item.fixturenames:
                # First, so that the module's transaction is open before the test's own.
                item.fixturenames.insert(0, "demo_newsroom")


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


@pytest.fixture(autouse=True)
def live_server_manners(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """A test on the live server gets a server whose requests take turns with each other
    and with the test's own ``Client`` on SQLite in memory, and that serves nothing once
    the test has ended, before the database is emptied (``newsdesk.testing.live_server``)."""
    if "live_server" not in request.fixturenames:
        yield
        return
    from django.test.client import ClientHandler

    from newsdesk.testing.live_server import close_gate, open_gate

    server = request.getfixturevalue("live_server")
    # Asked for here, so that this teardown runs before the database is emptied.
    request.getfixturevalue("transactional_db")
    gate = open_gate(server.thread.httpd)
    served = ClientHandler.__call__

    def in_turn(handler: ClientHandler, environ: dict[str, Any]) -> Any:
        with gate.turn():
            return served(handler, environ)

    monkeypatch.setattr(ClientHandler, "__call__", in_turn)
    yield
    close_gate(server.thread.httpd, seconds=15.0)


@pytest.fixture
def admin_client(admin_user: Any) -> Any:
    """pytest-django's client signed in as a superuser, with the second factor already
    given: superusers count as Administrators, who must give one (decision 0029)."""
    from django.test import Client

    from newsdesk.testing.factories import sign_in

    return sign_in(Client(), admin_user)


@pytest.fixture
def demo_content(db) -> Callable[..., None]:
    """A small edition pair made by ``load_demo`` (the demo's own command)."""

    def load(articles: int = 20) -> None:
        from newsdesk.testing.factories import restore_migrated_rows

        # A transactional test before this one may have flushed the migrated rows too.
        restore_migrated_rows()
        call_command("load_demo", articles=articles, seed=7, verbosity=0)

    return load


# How many live articles the module's demo newsroom holds, unless the module sets
# ``DEMO_ARTICLES``: enough for every page type in both editions.
DEMO_ARTICLES = 10
# The shared newsroom is filed this long before the fixed instant, so that every test, which
# starts at the instant itself, finds all of it already published.
DEMO_FILED_BEFORE = dt.timedelta(minutes=1)


@pytest.fixture(scope="module")
def _module_newsroom(
    request: pytest.FixtureRequest,
    django_db_setup: None,
    django_db_blocker: Any,
    session_clock: dt.datetime,
) -> Iterator[None]:
    """The demo newsroom, loaded once for a module inside a transaction that is rolled back
    when the module ends. Each test runs in a savepoint within it (pytest-django's ``db``),
    so what a test writes is undone and the next test finds the newsroom as it was."""
    articles = getattr(request.module, "DEMO_ARTICLES", DEMO_ARTICLES)
    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            with time_machine.travel(session_clock - DEMO_FILED_BEFORE, tick=True):
                call_command("load_demo", articles=articles, seed=7, verbosity=0)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo_newsroom(_module_newsroom: None, db: None) -> None:
    """The demo newsroom shared by the tests of a module (``DEMO_ARTICLES`` live articles),
    for tests that read a whole newsroom; a test that needs an archive of its own size uses
    ``demo_content``."""
