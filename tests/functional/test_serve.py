"""``newsdesk serve`` and ``newsdesk demo``: gunicorn on ``newsdesk.wsgi``.

The server runs in a subprocess on a free port against the test database (PostgreSQL
when DATABASE_URL names it; otherwise a copy of the SQLite test database in its own
NEWSDESK_HOME) and answers real HTTP requests: ``serve`` from the number of workers it was
given, with the production settings; ``demo`` from one threaded worker, with the demo's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
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
import time_machine
from django.db import connection
from wagtail.models import Locale

from newsdesk import cli
from newsdesk.testing import factories

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 2
# A bound for a loaded machine, not a measurement (bench/tail.py measures).
BOOT_SECONDS = 60
# The demo migrates and makes its logins before it serves.
DEMO_BOOT_SECONDS = 120

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

        # Workers are forked one after another: the first may answer before the last is up.
        deadline = time.monotonic() + BOOT_SECONDS
        while len(children(server.pid)) < WORKERS and time.monotonic() < deadline:
            time.sleep(0.2)
        assert len(children(server.pid)) == WORKERS, log.read_text()
    finally:
        server.send_signal(signal.SIGTERM)
        returncode = server.wait(timeout=15)
    output = log.read_text()
    assert returncode == 0, output
    assert "Using worker: sync" in output
    assert output.count("Booting worker") == WORKERS
    assert "GET /robots.txt" not in output  # no access log: Varnish keeps it


def wait_for(
    url: str, server: subprocess.Popen, log: Path, seconds: float = BOOT_SECONDS
) -> tuple[int, dict[str, str], bytes]:
    deadline = time.monotonic() + seconds
    while True:
        if server.poll() is not None:
            pytest.fail(f"the server exited with {server.returncode}:\n{log.read_text()}")
        try:
            return get(url)
        except urllib.error.HTTPError:
            raise
        except OSError:  # not listening yet
            if time.monotonic() > deadline:
                pytest.fail(f"the server did not answer in {seconds} s:\n{log.read_text()}")
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
        max_requests=0,
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


def test_serve_preloads_the_app_and_replaces_workers_only_when_asked(monkeypatch, tmp_path):
    # A worker forked from a master that imported the app serves at once; one that imports
    # it after the fork spends 1.6 s of CPU first, while requests queue (docs/benchmarks.md).
    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path))
    defaults = cli.build_parser().parse_args(["serve"])
    assert defaults.max_requests == 0
    options = cli.gunicorn_options(defaults)
    assert options["preload_app"] is True
    assert options["pre_fork"] is cli._before_fork
    assert options["max_requests"] == 0
    asked = cli.build_parser().parse_args(["serve", "--max-requests", "5000"])
    assert cli.gunicorn_options(asked)["max_requests"] == 5000
    assert cli.gunicorn_options(asked)["max_requests_jitter"] == 200


def test_the_demo_is_one_threaded_worker_of_the_same_server(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path))
    options = cli.demo_options(8123, tickers=True)
    assert options["bind"] == ["127.0.0.1:8123"]
    assert options["workers"] == 1
    assert options["worker_class"] == "gthread"
    assert options["threads"] == cli.DEMO_THREADS > 1
    assert options["preload_app"] is True
    assert options["max_requests"] == 0  # one process for the demo's whole life
    assert options["post_worker_init"] is cli._start_tickers
    # With Redis the clocks are processes of their own.
    assert "post_worker_init" not in cli.demo_options(8123, tickers=False)


def test_the_master_loads_the_app_warm_and_holds_no_connection(tmp_path):
    # What the master does before it forks, in a fresh interpreter: every worker inherits
    # the URLconf, both editions' catalogues and the compiled templates instead of paying
    # for them on its first request; the database it may have touched is closed again; what
    # it loaded is frozen out of the workers' garbage collections.
    code = (
        "import sys\n"
        "from django.db import connections\n"
        "from django.template import engines\n"
        "from django.utils.translation import trans_real\n"
        "from newsdesk.cli import load_application\n"
        "load_application()\n"
        "loader = engines['django'].engine.template_loaders[0]\n"
        "print(sorted(loader.get_template_cache))\n"
        "print('newsdesk.urls' in sys.modules, sorted(trans_real._translations))\n"
        "print([c.alias for c in connections.all(initialized_only=True) if c.connection])\n"
        "import gc; print(gc.get_freeze_count() > 100_000)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env |= {"DJANGO_SETTINGS_MODULE": "newsdesk.settings.dev", "NEWSDESK_HOME": str(tmp_path)}
    done = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    templates, imported, connected, frozen = done.stdout.splitlines()
    assert "'site/article.html'" in templates and "'site/includes/feed_item.html'" in templates
    assert imported == "True ['en', 'uk']"
    assert connected == "[]"
    assert frozen == "True"  # the loaded app is out of the workers' garbage collections


def open_files(pid: int) -> list[str]:
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            found.append(os.readlink(fd))
        except OSError:
            continue
    return found


def test_newsdesk_demo_serves_on_the_production_server(home):
    """On a home whose database holds an article already (the demo's first-run load of
    240 articles is the demo's own tests' business), ``newsdesk demo`` prints the login and
    serves the editions, static files and media from one threaded gunicorn worker, with its
    scheduler ticking in that worker; Ctrl-C stops it cleanly."""
    folder, database = home
    for code in ("uk", "en"):
        Locale.objects.get_or_create(language_code=code)  # a transactional test starts empty
    factories.published("uk", "demo-server", headline="Перша новина")
    # Scheduled in 2000: due for the server, whatever its clock (it runs on the real one).
    long_ago = dt.datetime(2000, 1, 3, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(long_ago, tick=False):
        due = factories.scheduled(
            "uk", "due-now", headline="Заплановано", go_live_at=long_ago + dt.timedelta(hours=1)
        )
    if connection.vendor == "sqlite":  # the copy is taken now, with both articles in it
        folder, database = copy_sqlite(folder)
    (folder / "media" / "images").mkdir(parents=True)
    (folder / "media" / "images" / "pixel.png").write_bytes(PIXEL_PNG)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "VARNISH_", "BASE_URL"))
    }
    env |= {"NEWSDESK_HOME": str(folder), **database}
    log = folder / "demo.log"
    command = [sys.executable, "-m", "newsdesk.cli", "demo", "--port", str(port)]
    with log.open("wb") as output:
        server = subprocess.Popen(  # noqa: S603 - this interpreter, our own module
            command,
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        status, _headers, body = wait_for(f"{base}/uk/", server, log, DEMO_BOOT_SECONDS)
        assert status == 200
        assert "Перша новина" in body.decode()
        assert get(f"{base}/en/")[0] == 200
        status, headers, body = get(f"{base}/static/site/site.css")
        assert status == 200
        assert headers["Content-Type"].startswith("text/css")
        assert body == (ROOT / "newsdesk/site/static/site/site.css").read_bytes()
        status, _headers, body = get(f"{base}/media/images/pixel.png")
        assert (status, body) == (200, PIXEL_PNG)

        workers = children(server.pid)
        assert len(workers) == 1, log.read_text()
        # The master opened the database to prepare the demo and closed it before forking.
        assert not [f for f in open_files(server.pid) if "newsdesk.sqlite3" in f]
        # The scheduler runs in the serving process: the due article goes live.
        wait_until(lambda: fetch_status(f"{base}/uk/news/{due.slug}/") == 200, server, log)
    finally:
        # Ctrl-C in a terminal signals the whole foreground group.
        os.killpg(server.pid, signal.SIGINT)
        returncode = server.wait(timeout=15)
    output = log.read_text()
    assert returncode == 0, output
    login = re.search(r"Admin: \S+/admin/  login: admin  password: (\S+)", output)
    assert login, output
    assert json.loads((folder / "demo-logins.json").read_text())["admin"] == login.group(1)
    assert "Using worker: gthread" in output
    assert output.count("Booting worker") == 1
    assert "development server" not in output
    assert "Traceback" not in output


PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def copy_sqlite(folder: Path) -> tuple[Path, dict[str, str]]:
    """A fresh home holding a copy of the SQLite test database as it is now."""
    fresh = folder.parent / "demo-home"
    fresh.mkdir()
    copy = sqlite3.connect(fresh / "newsdesk.sqlite3")
    connection.connection.backup(copy)
    copy.close()
    return fresh, {}


def fetch_status(url: str) -> int:
    try:
        return get(url)[0]
    except urllib.error.HTTPError as error:
        return error.code


def wait_until(ready, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + BOOT_SECONDS
    while not ready():
        if server.poll() is not None:
            pytest.fail(f"the server exited with {server.returncode}:\n{log.read_text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"not reached in {BOOT_SECONDS} s:\n{log.read_text()}")
        time.sleep(0.2)
