"""Flushing on a clock: the ``flush_views --loop`` command, or a thread of the web process.

Counts wait in the cache. With a shared cache (Redis) any process can flush them, so a
service runs ``newsdesk manage flush_views --loop``. The demo's in-process cache is seen
only by the web server's own process, so there a daemon thread of that process flushes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.db import DatabaseError, close_old_connections

from .counting import flush

logger = logging.getLogger(__name__)

INTERVAL = 60.0


def run(
    *,
    interval: float = INTERVAL,
    stop: threading.Event,
    report: Callable[[int], None] | None = None,
) -> None:
    """Flush every ``interval`` seconds until ``stop`` is set; a failed flush is retried
    at the next tick (the counts stay in the cache meanwhile)."""
    while True:
        try:
            written = flush()
        except DatabaseError:
            logger.warning("Flushing view counts failed; retrying later", exc_info=True)
        else:
            if report is not None:
                report(written)
        finally:
            close_old_connections()
        if stop.wait(interval):
            return


def start_thread(interval: float = INTERVAL) -> threading.Event:
    """Flush from a daemon thread of this process; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(
        target=run, kwargs={"interval": interval, "stop": stop}, name="flush-views", daemon=True
    ).start()
    return stop
