"""A PostgreSQL that is stopped, or that accepts connections and never answers, costs a
reader's page one connection attempt and answers the site's 503 in the edition's language
(decision 0047). ``bench/database_outage_drill.py`` times the same on the production stack.

The outage is real: the app's default connection is swapped for a PostgreSQL connection with
the production settings' options, pointed at a local port where nothing listens, or where a
socket listens and never says a word. No PostgreSQL server is needed.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connections

from .production_settings import production_settings
from .test_cache_outage import closed_port

PAGES = [("uk", "Сайт ремонтують"), ("en", "The site is being repaired")]


def production_database(port: int) -> dict[str, Any]:
    """The production settings' connection to a PostgreSQL on ``port``."""
    url = f"postgres://postgres@127.0.0.1:{port}/newsdesk"
    return production_settings({"DATABASE_URL": url}, "DATABASES")["DATABASES"]["default"]


@contextmanager
def database_at(port: int) -> Iterator[list[int]]:
    """This thread's default connection is the production one to ``port``; yields the list
    of connection attempts (one entry per attempt)."""
    from django.db.backends.postgresql.base import DatabaseWrapper

    current = connections["default"]
    wrapper = DatabaseWrapper({**current.settings_dict, **production_database(port)}, "default")
    attempts: list[int] = []
    connect = wrapper.get_new_connection

    def counted(params: dict[str, Any]) -> Any:
        attempts.append(1)
        return connect(params)

    wrapper.get_new_connection = counted  # type: ignore[method-assign]
    connections["default"] = wrapper
    try:
        yield attempts
    finally:
        connections["default"] = current


@contextmanager
def silent_server() -> Iterator[int]:
    """A port whose kernel completes the TCP handshake (the backlog) while nobody ever reads
    or answers: what a hung PostgreSQL or a host behind a dead link looks like to libpq."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


def test_production_connections_give_up_on_a_silent_server_and_have_no_statement_limit():
    database = production_database(5432)
    assert database["OPTIONS"]["connect_timeout"] == 2
    assert "statement_timeout" not in database["OPTIONS"].get("options", "")  # commands


def test_the_web_server_limits_statements_below_its_worker_timeout():
    url = "postgres://postgres@127.0.0.1:5432/newsdesk?options=-c%20search_path%3Dnews"
    configured = production_settings(
        {"DATABASE_URL": url, "DATABASE_STATEMENT_TIMEOUT": "25"}, "DATABASES"
    )
    options = configured["DATABASES"]["default"]["OPTIONS"]
    assert options["options"] == "-c search_path=news -c statement_timeout=25000"


def test_serve_sets_the_statement_timeout_from_its_worker_timeout(monkeypatch):
    from newsdesk import cli

    monkeypatch.delenv("DATABASE_STATEMENT_TIMEOUT", raising=False)
    monkeypatch.setenv("NEWSDESK_HOME", "var/test")
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "newsdesk.settings.test")
    served: list[dict[str, object]] = []
    monkeypatch.setattr(cli, "run_server", served.append)
    options = cli.build_parser().parse_args(["serve", "--timeout", "30", "--workers", "1"])
    cli.serve(options)
    import os

    assert os.environ["DATABASE_STATEMENT_TIMEOUT"] == "25"
    assert served and served[0]["timeout"] == 30


@pytest.mark.parametrize(("edition", "words"), PAGES)
def test_a_stopped_database_is_the_sites_503_after_one_refused_connection(
    client, db, edition, words
):
    client.raise_request_exception = False
    with database_at(closed_port()) as attempts:
        pages = [client.get(f"/{edition}/news/") for _ in range(3)]
    for response in pages:
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert response["Cache-Control"] == "no-store"
        assert response["Content-Language"] == edition
        body = response.content.decode()
        assert words in body
        assert "Traceback" not in body
    assert len(attempts) == 3  # one attempt a page: no retries that multiply the wait


@pytest.mark.parametrize(("edition", "words"), PAGES)
def test_a_database_that_never_answers_is_the_sites_503_after_its_connect_timeout(
    client, db, edition, words
):
    """Without ``connect_timeout`` libpq waits for the server's first word for ever: the
    request below would never end. The guard's 60 s are a hang detector, far above the 2 s
    that libpq waits, not a measure of time (the drill measures)."""
    client.raise_request_exception = False
    outcome: dict[str, Any] = {}

    def read(port: int) -> None:
        try:
            with database_at(port) as attempts:
                outcome["response"] = client.get(f"/{edition}/news/")
                outcome["attempts"] = len(attempts)
        finally:
            connections.close_all()

    with silent_server() as port:
        reader = threading.Thread(target=read, args=(port,), daemon=True)
        reader.start()
        reader.join(60)
    assert not reader.is_alive(), "the page waited for a database that never answers"
    response = outcome["response"]
    assert response.status_code == 503
    assert words in response.content.decode()
    assert outcome["attempts"] == 1


@pytest.mark.parametrize(("edition", "words"), PAGES)
def test_a_reader_with_a_session_cookie_gets_the_503_too(client, db, settings, edition, words):
    """The page cache asks the session store whether a cookie names a signed-in editor
    before any view runs: that lookup, too, meets the stopped database."""
    settings.NEWSDESK_PAGE_CACHE = True
    client.raise_request_exception = False
    client.cookies["sessionid"] = "made-up-or-stale"
    with database_at(closed_port()) as attempts:
        response = client.get(f"/{edition}/news/")
    assert response.status_code == 503
    assert words in response.content.decode()
    assert len(attempts) == 1
