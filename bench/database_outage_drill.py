"""Drill: PostgreSQL stopped under load on the production stack (decision 0047). Prints
what readers got before, during and after the outage.

    .venv/bin/python bench/database_outage_drill.py [--outage 120] [--front app|varnish]

It makes a PostgreSQL cluster of its own (Debian's initdb and pg_ctl, run as the postgres
user when started as root) on ``--pg-port``, a redis-server of its own on ``--redis-port``,
migrates, loads the demo newsroom, and serves it with ``newsdesk serve`` (production
settings, the page cache on Redis; with ``--front varnish`` Varnish with the deployment's
VCL in front and the app's page cache off, as in production). Then ``--clients`` threads
ask in turn for pages that a cache holds (home, an article, the feed, RSS: asked once
before) and for pages no cache holds (a search for a new word each time, an article never
asked before), while PostgreSQL answers, while it is stopped (``pg_ctl stop -m fast``) for
``--outage`` seconds, and after it is started again.

What must hold: cached pages 200 throughout; the others the site's 503 (its words, no
traceback) within 2 s; every page 200 again within 10 s of PostgreSQL accepting connections.
Nothing here touches the shared PostgreSQL or Redis; the cluster is removed at the end.
"""

from __future__ import annotations

import argparse
import glob
import http.client
import itertools
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from stack_servers import Processes, get, log, program, run, start_varnish, wait_ready

NO_DISK = ("--save", "", "--appendonly", "no")
BRANDED = ("Сайт ремонтують".encode(), b"The site is being repaired")


@dataclass
class Answer:
    phase: str
    kind: str  # "cached" or "uncached"
    at: float  # monotonic time the request was sent
    seconds: float
    status: int  # 0: no answer (connection error or client timeout)
    branded: bool
    traceback: bool


class Cluster:
    """A throwaway PostgreSQL cluster: initdb, start, stop, remove."""

    def __init__(self, folder: Path, port: int) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
        if not found:
            raise SystemExit("PostgreSQL's server programs are not installed")
        self.bin = Path(found[-1]).parent
        self.folder = folder
        self.data = folder / "data"
        self.port = port
        self.as_postgres = os.geteuid() == 0  # the server refuses to run as root

    def _run(self, *argv: str) -> None:
        command = [str(self.bin / argv[0]), *argv[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # noqa: S603

    def create(self) -> None:
        self.folder.mkdir(parents=True)
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        log_file = str(self.folder / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log_file, "-w", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


# Readers come from many addresses; one would meet the edge's limits per client (0031:
# 120 misses and 30 searches a minute) and be answered 429s that say nothing about the
# outage. Linux routes all of 127.0.0.0/8 to the loopback interface.
READERS = itertools.cycle([f"127.0.{a}.{b}" for a in (1, 2) for b in range(1, 251)])


def fetch(base: str, path: str, source: str) -> tuple[int, bytes]:
    host, _colon, port = base.removeprefix("http://").partition(":")
    connection = http.client.HTTPConnection(host, int(port), 30, (source, 0))
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def ask(base: str, path: str, load: Load, kind: str) -> Answer:
    """One request; asked in one phase and answered in another, it is "crossing"."""
    phase, started = load.phase, time.monotonic()
    try:
        status, body = fetch(base, path, load.reader())
    except OSError:
        status, body = 0, b""
    took = time.monotonic() - started
    branded = any(words in body for words in BRANDED)
    phase = phase if phase == load.phase else "crossing"
    return Answer(phase, kind, started, took, status, branded, b"Traceback" in body)


class Load:
    """``clients`` threads asking for pages in turn until stopped; ``phase`` names what
    PostgreSQL is doing."""

    def __init__(self, base: str, cached: Sequence[str], uncached: Sequence[str]) -> None:
        self.base = base
        self.cached = cached
        self.uncached = iter(uncached)
        self.phase = "answering"
        self.answers: list[Answer] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._searches = itertools.count()

    def reader(self) -> str:
        with self._lock:
            return next(READERS)

    def next_uncached(self) -> str:
        with self._lock:
            path = next(self.uncached, None)
            if path is None:  # no article left that was never asked: a new search
                path = f"/uk/search/?q=drill{next(self._searches)}x{secrets.token_hex(3)}"
            return path

    def client(self) -> None:
        while not self._stop.is_set():
            for path in self.cached:
                self._record(ask(self.base, path, self, "cached"))
            self._record(ask(self.base, self.next_uncached(), self, "uncached"))

    def _record(self, answer: Answer) -> None:
        with self._lock:
            self.answers.append(answer)

    def run(self, clients: int) -> list[threading.Thread]:
        threads = [threading.Thread(target=self.client, daemon=True) for _ in range(clients)]
        for thread in threads:
            thread.start()
        return threads

    def stop(self, threads: list[threading.Thread]) -> None:
        self._stop.set()
        for thread in threads:
            thread.join(60)


def describe(answers: list[Answer]) -> str:
    if not answers:
        return "none"
    statuses = sorted({a.status for a in answers})
    counts = ", ".join(
        f"{s or 'no answer'}: {sum(a.status == s for a in answers)}" for s in statuses
    )
    times = [a.seconds * 1000 for a in answers]
    return (
        f"{len(answers):>5} pages ({counts}); median {statistics.median(times):7.1f} ms,"
        f" slowest {max(times):8.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--outage", type=float, default=120, help="seconds PostgreSQL is down")
    parser.add_argument("--before", type=float, default=15, help="seconds of load before")
    parser.add_argument("--after", type=float, default=20, help="seconds of load after")
    parser.add_argument("--front", choices=("app", "varnish"), default="app")
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pg-port", type=int, default=5441)
    parser.add_argument("--redis-port", type=int, default=6391)
    parser.add_argument("--app-port", type=int, default=8122)
    parser.add_argument("--varnish-port", type=int, default=8123)
    options = parser.parse_args()
    processes = Processes()
    with tempfile.TemporaryDirectory(prefix="newsdesk-outage-") as name:
        tmp = Path(name)
        tmp.chmod(0o755)
        cluster = Cluster(tmp / "pg", options.pg_port)
        try:
            return drill(options, processes, cluster, tmp)
        finally:
            processes.stop_all()
            cluster.remove()


def drill(options: argparse.Namespace, processes: Processes, cluster: Cluster, tmp: Path) -> int:
    log(f"PostgreSQL cluster of the drill's own on {cluster.port}")
    cluster.create()
    cluster.start()
    run([program("createdb"), "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres", "nd"])
    processes.start(
        [
            program("redis-server"),
            "--port",
            str(options.redis_port),
            "--bind",
            "127.0.0.1",
            *NO_DISK,
        ],
        log_file=tmp / "redis.log",
    )
    home = tmp / "home"
    home.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "NEWSDESK_HOME": str(home),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{cluster.port}/nd",
        "REDIS_URL": f"redis://127.0.0.1:{options.redis_port}/0",
        "NEWSDESK_API_PROXY_COUNT": "0",
        # One client address asks for everything here: the per-client limits would answer
        # 429s that say nothing about the outage.
        "NEWSDESK_MISS_RATE": "1000000/m",
        "NEWSDESK_SEARCH_RATE": "1000000/m",
    }
    newsdesk = [sys.executable, "-m", "newsdesk.cli"]
    log("migrate, demo newsroom, collectstatic")
    run([*newsdesk, "manage", "migrate", "--verbosity", "0"], env=env)
    run(
        [*newsdesk, "manage", "load_demo"],
        env=env | {"DJANGO_SETTINGS_MODULE": "newsdesk.settings.dev"},
    )
    run([*newsdesk, "manage", "collectstatic", "--noinput", "--verbosity", "0"], env=env)
    slugs = run(
        [
            *newsdesk,
            "manage",
            "shell",
            "-c",
            "from newsdesk.articles.models import Article; "
            "print('SLUGS', *Article.objects.published().in_edition('uk').newest_first()"
            ".values_list('slug', flat=True)[:400])",
        ],
        env=env,
    )
    slugs = next(line for line in slugs.splitlines() if line.startswith("SLUGS")).split()[1:]
    article = f"/uk/news/{slugs[0]}/"
    cached = ["/uk/", article, "/uk/news/", "/uk/news/rss.xml", "/en/"]
    uncached = [f"/uk/news/{slug}/" for slug in slugs[1:]]

    app_env = env | {"NEWSDESK_PAGE_CACHE": "1"}
    base = f"http://127.0.0.1:{options.app_port}"
    if options.front == "varnish":
        app_env = env | {"VARNISH_URLS": f"http://127.0.0.1:{options.varnish_port}"}
    serve = [*newsdesk, "serve", "--bind", f"127.0.0.1:{options.app_port}"]
    app = processes.start(
        [*serve, "--workers", str(options.workers)], env=app_env, log_file=tmp / "app.log"
    )
    wait_ready(base, app, tmp / "app.log")
    if options.front == "varnish":
        edge = tmp / "edge"
        edge.mkdir()
        edge.chmod(0o755)
        start_varnish(processes, edge, port=options.varnish_port, backend_port=options.app_port)
        base = f"http://127.0.0.1:{options.varnish_port}"
    for path in cached:
        status = get(base, path)[0]
        if status != 200:
            raise SystemExit(f"{path} answered {status} before the outage")

    load = Load(base, cached, uncached)
    threads = load.run(options.clients)
    time.sleep(options.before)
    log(f"stopping PostgreSQL for {options.outage:.0f} s")
    load.phase = "stopped"
    cluster.stop()
    time.sleep(options.outage)
    load.phase = "starting"
    cluster.start()
    back = time.monotonic()
    load.phase = "back"
    log("PostgreSQL accepts connections again")
    time.sleep(options.after)
    load.stop(threads)

    answers = load.answers
    print(
        f"\nPostgreSQL stopped for {options.outage:.0f} s under load: {options.clients} clients,"
        f" newsdesk serve --workers {options.workers}, front: {options.front}"
        f" ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores)"
    )
    for phase in ("answering", "stopped", "back", "crossing"):
        for kind in ("cached", "uncached"):
            chosen = [a for a in answers if a.phase == phase and a.kind == kind]
            print(f"  {phase:<9} {kind:<8} {describe(chosen)}")
    down = [a for a in answers if a.phase == "stopped"]
    cached_down = [a for a in down if a.kind == "cached"]
    others_down = [a for a in down if a.kind == "uncached"]
    failed_cached = sum(a.status != 200 for a in cached_down)
    branded_503 = [a for a in others_down if a.status == 503 and a.branded and not a.traceback]
    slow_503 = sum(a.seconds > 2 for a in branded_503)
    other_answers = len(others_down) - len(branded_503) - sum(a.status == 200 for a in others_down)
    after = [a for a in answers if a.at >= back and a.kind == "uncached"]
    first_ok = next((a for a in after if a.status == 200), None)
    last_bad = max((a.at + a.seconds for a in after if a.status != 200), default=back)
    print(f"  outage: cached pages not 200: {failed_cached} of {len(cached_down)}")
    print(
        f"  outage: uncached pages answered the branded 503: {len(branded_503)} of"
        f" {len(others_down)} (slower than 2 s: {slow_503}; other answers: {other_answers})"
    )
    if first_ok is None:
        print("  recovery: no uncached page answered 200 after PostgreSQL came back")
        return 1
    print(
        f"  recovery: first uncached 200 {first_ok.at + first_ok.seconds - back:.2f} s after"
        f" PostgreSQL accepted connections; last failure {last_bad - back:.2f} s after"
    )
    held = failed_cached == 0 and slow_503 == 0 and other_answers == 0 and last_bad - back <= 10
    print(f"  held: {'yes' if held else 'NO'}")
    return 0 if held else 1


if __name__ == "__main__":
    sys.exit(main())
