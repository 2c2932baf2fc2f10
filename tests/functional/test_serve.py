"""``newsdesk serve``: gunicorn on ``newsdesk.wsgi`` with the production settings.

The server runs in a subprocess on a free port against the test database (PostgreSQL
when DATABASE_URL names it; otherwise a copy of the SQLite test database in its own
NEWSDESK_HOME) and answers real HTTP requests from the number of workers it was given.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from newsdesk import cli

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 2
BOOT_SECONDS = 15

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="counts worker processes through /proc"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid: int) -> list[int]:
    """Processes whose parent is ``pid``, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # exited while we looked
            continue
        # "pid (command) state ppid …": the command may contain spaces and parentheses.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - http://127.0.0.1
        return response.status, dict(response.headers), response.read()


@pytest.fixture
def home(tmp_path, transactional_db) -> tuple[Path, dict[str, str]]:
    """A NEWSDESK_HOME for the server, and the database settings that reach the migrated
    test database. Transactional: the server reads through connections of its own, and an
    SQLite database cannot be copied while this test holds a write transaction open."""
    home = tmp_path / "home"
    (home / "static").mkdir(parents=True)  # collectstatic's target; no page here needs it
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        user = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
        url = f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        return home, {"DATABASE_URL": url}
    # The SQLite test database lives in this process's memory: the server gets a copy where
    # the production settings look for it.
    connection.ensure_connection()
    copy = sqlite3.connect(home / "newsdesk.sqlite3")
    connection.connection.backup(copy)
    copy.close()
    return home, {}


def test_newsdesk_serve_runs_gunicorn_workers_with_the_production_settings(home):
    folder, database = home
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env |= {
        "NEWSDESK_HOME": str(folder),
        "SECRET_KEY": "serve-test-not-secret",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        **database,
    }
    log = folder / "serve.log"
    command = [sys.executable, "-m", "newsdesk.cli", "serve", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(WORKERS), "--graceful-timeout", "5"]
    with log.open("wb") as output:
        server = subprocess.Popen(  # noqa: S603 - this interpreter, our own module
            command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        status, headers, body = wait_for(f"{base}/robots.txt", server, log)
        assert status == 200
        assert b"Sitemap: " in body
        # Only the production settings send HSTS (to a request that came in over HTTPS).
        assert "max-age=31536000" in headers["Strict-Transport-Security"]

        status, headers, body = get(f"{base}/api/v1/sections?edition=uk")
        assert status == 200
        assert headers["Content-Type"].startswith("application/json")
        assert "items" in json.loads(body)  # read from the database by a worker

        assert len(children(server.pid)) == WORKERS, log.read_text()
    finally:
        server.send_signal(signal.SIGTERM)
        returncode = server.wait(timeout=15)
    output = log.read_text()
    assert returncode == 0, output
    assert "Using worker: sync" in output
    assert output.count("Booting worker") == WORKERS
    assert "GET /robots.txt" not in output  # no access log: Varnish keeps it


def wait_for(url: str, server: subprocess.Popen, log: Path) -> tuple[int, dict[str, str], bytes]:
    deadline = time.monotonic() + BOOT_SECONDS
    while True:
        if server.poll() is not None:
            pytest.fail(f"newsdesk serve exited with {server.returncode}:\n{log.read_text()}")
        try:
            return get(url)
        except urllib.error.HTTPError:
            raise
        except OSError:  # not listening yet
            if time.monotonic() > deadline:
                pytest.fail(
                    f"newsdesk serve did not answer in {BOOT_SECONDS} s:\n{log.read_text()}"
                )
            time.sleep(0.2)


def test_worker_count_comes_from_web_concurrency_or_the_cores(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    assert cli.default_workers() == 3
    monkeypatch.delenv("WEB_CONCURRENCY")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert cli.default_workers() == 2 * (cores or 1) + 1


def test_threads_switch_to_the_threaded_worker_and_access_log_is_opt_in(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path))
    options = argparse.Namespace(
        bind="127.0.0.1:8000",
        workers=5,
        threads=1,
        timeout=30,
        graceful_timeout=30,
        max_requests=2000,
        max_requests_jitter=200,
        access_log=False,
    )
    sync = cli.gunicorn_options(options)
    assert sync["worker_class"] == "sync"
    assert sync["accesslog"] is None
    assert sync["control_socket"] == str(tmp_path / "gunicorn.ctl")
    threaded = cli.gunicorn_options(argparse.Namespace(**{**vars(options), "threads": 4}))
    assert threaded["worker_class"] == "gthread"
    logged = cli.gunicorn_options(argparse.Namespace(**{**vars(options), "access_log": True}))
    assert logged["accesslog"] == "-"
