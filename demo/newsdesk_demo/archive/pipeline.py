"""Composing the next batch while the database stores the previous one.

Composing is pure Python; storing is mostly waiting for the database (SQLite's engine and
psycopg release the interpreter lock while they work). A second thread that composes
ahead keeps both busy. At most ``AHEAD`` batches wait in memory, so memory stays flat.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")
AHEAD = 2
_DONE = object()


def batches(items: Iterator[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size``, drawn from ``items`` in a background thread.

    The thread touches no database connection (Django's are per thread anyway). An error
    in it is raised here; leaving the loop early stops it.
    """
    ready: queue.Queue[object] = queue.Queue(maxsize=AHEAD)
    stop = threading.Event()

    def offer(item: object) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def compose() -> None:
        try:
            while chunk := list(itertools.islice(items, size)):
                if not offer(chunk):
                    return
        except BaseException as exc:  # handed to the consumer, which raises it
            offer(exc)
            return
        offer(_DONE)

    worker = threading.Thread(target=compose, name="archive-composer", daemon=True)
    worker.start()
    try:
        while (item := ready.get()) is not _DONE:
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]  # anything else put there is a batch
    finally:
        stop.set()
        worker.join()
