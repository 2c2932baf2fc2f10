"""The test live server's manners: one request at a time on a shared SQLite database, and
no test ending while a request is still running.

Django's live server answers each connection in a thread of its own. With SQLite in memory
every thread shares the test's one connection (there is no other way to see its rows), and
two requests at once — a page and the requests its scripts send — step on each other's
transactions ("database table is locked"). A browser test then fails for no fault of the
page. Serialising the requests costs the tests nothing they measure: a test asserts what
pages do, never how fast.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.db import connections

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class _Answer:
    """A WSGI answer that lets the next request in once the server has closed it (after
    the last byte was sent, or the client went away)."""

    def __init__(self, body: Iterable[bytes], lock: threading.Lock) -> None:
        self.body = body
        self.lock = lock

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.body)

    def close(self) -> None:
        try:
            close = getattr(self.body, "close", None)
            if close is not None:
                close()
        finally:
            self.lock.release()


class OneRequestAtATime:
    """Wraps a WSGI application so that it serves one request at a time, from its start to
    the close of its answer (where Django sends ``request_finished``)."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> _Answer:
        self.lock.acquire()
        try:
            body = self.app(environ, start_response)
        except BaseException:
            self.lock.release()
            raise
        return _Answer(body, self.lock)


def shares_a_database_connection() -> bool:
    """Whether the live server's threads would share the test's connection (SQLite in
    memory); on a server database each thread has a connection of its own."""
    return any(
        connection.vendor == "sqlite" and connection.is_in_memory_db()  # type: ignore[attr-defined]
        for connection in connections.all()
    )


def serve_one_request_at_a_time(httpd: Any) -> None:
    """Make the running live server's ``httpd`` (a WSGI server) serve one request at a time,
    once; a server whose threads each have a connection is left as it is."""
    if not shares_a_database_connection() or isinstance(httpd.get_app(), OneRequestAtATime):
        return
    httpd.set_app(OneRequestAtATime(httpd.get_app()))


def wait_for_requests(httpd: Any, seconds: float) -> None:
    """Wait for the live server's request threads to finish, at most ``seconds`` in all. A
    threading socketserver lists them in its own ``_threads`` once it has served a request."""
    deadline = time.monotonic() + seconds
    for thread in list(vars(httpd).get("_threads", ())):
        thread.join(max(0.0, deadline - time.monotonic()))
