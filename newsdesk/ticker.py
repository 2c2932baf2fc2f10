"""Work on a clock: the loop of a ``--loop`` command, or a daemon thread of a web process.

A service runs ``newsdesk manage publish_due --loop`` and ``flush_views --loop``. The
demo's in-process cache is seen only by the web server's own process: view counts wait in
it and the page cache is purged in it, so without Redis the demo ticks in threads of that
process instead.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from django.db import DatabaseError, close_old_connections

logger = logging.getLogger(__name__)
T = TypeVar("T")


def run(
    work: Callable[[], T],
    *,
    interval: float,
    stop: threading.Event,
    report: Callable[[T], None] | None = None,
) -> None:
    """Call ``work`` every ``interval`` seconds until ``stop`` is set; a tick that fails
    on the database is logged and retried at the next one."""
    while True:
        try:
            done = work()
        except DatabaseError:
            logger.warning("%s failed; retrying later", work.__name__, exc_info=True)
        else:
            if report is not None:
                report(done)
        finally:
            close_old_connections()
        if stop.wait(interval):
            return


def start_thread(work: Callable[[], object], *, interval: float) -> threading.Event:
    """:func:`run` in a daemon thread of this process; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(
        target=run,
        args=(work,),
        kwargs={"interval": interval, "stop": stop},
        name=work.__name__,
        daemon=True,
    ).start()
    return stop
