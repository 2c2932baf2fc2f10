"""The test live server's manners: one request at a time on a shared SQLite database, and
nothing served once the test has ended.

Django's live server answers each connection in a thread of its own. With SQLite in memory
every thread shares the test's one connection (there is no other way to see its rows), and
two requests at once — a page and the requests its scripts send, or a browser's request and
the test's own ``Client`` — step on each other's transactions ("database table is locked",
"on_commit() cannot be used in manual transaction management"). A browser test then fails
for no fault of the page. So the server's requests and the test client's take turns (the
gate's lock); a test asserts what pages do, never how fast.

When the test ends the gate closes: a request the browser still sends (the beacon of a page
being closed, a late autosave) is answered 503 without touching the database, and the
requests already running are waited for, before the database is emptied.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
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


class Gate:
    """Wraps the live server's WSGI application: closed, it answers 503 and reads nothing;
    open, it serves one request at a time when ``one_at_a_time``, from its start to the
    close of its answer (where Django sends ``request_finished``)."""

    def __init__(self, app: WsgiApp) -> None:
        self.app = app
        self.lock = threading.Lock()
        self.one_at_a_time = False
        self.closed = False

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if self.closed:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"The test has ended."]
        if not self.one_at_a_time:
            return self.app(environ, start_response)
        self.lock.acquire()
        try:
            body = self.app(environ, start_response)
        except BaseException:
            self.lock.release()
            raise
        return _Answer(body, self.lock)

    def turn(self) -> Any:
        """A context in which the test's own requests wait for the server's turn."""
        return self.lock if self.one_at_a_time and not self.closed else nullcontext()


def shares_a_database_connection() -> bool:
    """Whether the live server's threads would share the test's connection (SQLite in
    memory); on a server database each thread has a connection of its own."""
    return any(
        connection.vendor == "sqlite" and connection.is_in_memory_db()  # type: ignore[attr-defined]
        for connection in connections.all()
    )


def open_gate(httpd: Any) -> Gate:
    """The running live server's ``httpd`` (a WSGI server) behind its gate, open."""
    gate = httpd.get_app()
    if not isinstance(gate, Gate):
        gate = Gate(gate)
        httpd.set_app(gate)
    gate.one_at_a_time = shares_a_database_connection()
    gate.closed = False
    return gate


def close_gate(httpd: Any, seconds: float) -> None:
    """Close the gate, then wait for the requests already running, at most ``seconds`` in
    all. A threading socketserver lists its request threads in ``_threads`` once it has
    served a request; a thread started after the gate closed reads nothing."""
    gate = httpd.get_app()
    if isinstance(gate, Gate):
        gate.closed = True
    deadline = time.monotonic() + seconds
    for thread in list(vars(httpd).get("_threads", ())):
        thread.join(max(0.0, deadline - time.monotonic()))
