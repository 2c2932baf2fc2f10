"""The clock that runs the scheduler and the view-count flush in a loop or a thread."""

from __future__ import annotations

import threading

import pytest
from django.db import DatabaseError

from newsdesk import ticker

# Each tick ends by closing stale connections, as a long-running loop must.
pytestmark = pytest.mark.django_db


def test_a_failed_tick_is_retried_and_reports_only_what_succeeded():
    stop = threading.Event()
    outcomes = iter([DatabaseError("database is locked"), 3, 5])
    reported: list[int] = []

    def work() -> int:
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    def report(value: int) -> None:
        reported.append(value)
        if len(reported) == 2:
            stop.set()

    ticker.run(work, interval=0.01, stop=stop, report=report)

    assert reported == [3, 5]


def test_a_thread_ticks_until_stopped():
    ticked = threading.Event()

    def publish_due() -> None:
        ticked.set()

    stop = ticker.start_thread(publish_due, interval=0.01)
    assert ticked.wait(5)
    (thread,) = [t for t in threading.enumerate() if t.name == "publish_due"]
    assert thread.daemon
    stop.set()
    thread.join(5)
    assert not thread.is_alive()
