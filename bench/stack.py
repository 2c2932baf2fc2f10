"""The reader pages under load on the production and the embedded stack: one table.

    python bench/stack.py --database-url postgres://postgres@127.0.0.1:5432/nd_archive \\
        --sqlite-home ARCHIVE_HOME

Production: gunicorn (``newsdesk serve``, production settings) on PostgreSQL and Redis, with
Varnish in front (``deploy/varnish/default.vcl``, its backend pointed at that gunicorn).
Embedded: the same server on the SQLite archive of ``--sqlite-home`` with the in-process
cache. Every server runs from a temporary NEWSDESK_HOME (static files collected there once;
the SQLite database and media are linked in), and everything started is stopped on exit,
Ctrl-C or error.

For each page wrk measures requests per second and the median and 99th-percentile latency:
"cold" against the origin with every cache of whole pages off (``NEWSDESK_PAGE_CACHE=0``),
"warm" through Varnish (production) or with the app's own page cache (embedded). The SQL
queries of each page are counted in process with Django's test client
(``stack_probe.py inspect``). Then: nginx serving the article page's bytes as a static file
(the yardstick of the front cache), one-client latencies for the budgets stated as
latencies, how long a publish, an unpublish and their undoing take to show through Varnish
(``stack_probe.py publish``: it changes one article and restores it), and the memory of the
gunicorn workers.

Times depend on the machine; ``--quick`` is a smoke run with short loads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from stack_report import Row, StackReport, Static, Workers, render
from stack_servers import (
    ACCEPT_GZIP,
    ROOT,
    Processes,
    StackError,
    Wrk,
    free_port,
    get,
    log,
    run,
    start_nginx,
    start_varnish,
    wait_ready,
    worker_memory,
)

PROBE = Path(__file__).resolve().parent / "stack_probe.py"
# What the app reads from the environment and each stack sets for itself.
APP_VARIABLES = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "VARNISH_URLS",
    "NEWSDESK_HOME",
    "NEWSDESK_PAGE_CACHE",
    "NEWSDESK_API_RATE",
    "NEWSDESK_SEARCH_RATE",
    "NEWSDESK_MISS_RATE",
    "WEB_CONCURRENCY",
    "BASE_URL",
)
# Pages timed with one client as well: their budgets are latencies.
LATENCY_PAGES = ("feed, page 1", "search, two words")
# Where a publish must show (DESIGN.md): the article, the feed, home, RSS, the sitemap.
PUBLISH_PAGES = ("article", "home", "feed, page 1", "RSS", "news sitemap")


class Bench:
    def __init__(self, options: argparse.Namespace, processes: Processes, tmp: Path) -> None:
        self.options = options
        self.processes = processes
        self.tmp = tmp
        self.wrk = Wrk(
            tmp,
            threads=options.threads,
            connections=options.connections,
            duration=options.duration,
            warmup=options.warmup,
        )
        self.static_root = tmp / "static"
        self.secret_key = secrets.token_urlsafe(32)
        self.serve = self._serve_command()

    # The app's environment and servers

    def app_env(
        self,
        home: Path,
        *,
        base_url: str,
        page_cache: bool = False,
        database_url: str | None = None,
        redis_url: str | None = None,
        varnish_url: str | None = None,
    ) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in APP_VARIABLES}
        env |= {
            "DJANGO_SETTINGS_MODULE": "newsdesk.settings.production",
            "SECRET_KEY": self.secret_key,
            "SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "NEWSDESK_HOME": str(home),
            "BASE_URL": base_url,
            "NEWSDESK_PAGE_CACHE": "1" if page_cache else "0",
            # The per-client limits are for the internet, not for one load generator.
            "NEWSDESK_API_RATE": "1000000/m",
            "NEWSDESK_SEARCH_RATE": "1000000/m",
            "NEWSDESK_MISS_RATE": "1000000/m",
        }
        services = {
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "VARNISH_URLS": varnish_url,
        }
        return env | {name: value for name, value in services.items() if value}

    def home(self, name: str, links: dict[str, Path]) -> Path:
        """A NEWSDESK_HOME of its own with the collected static files and ``links``."""
        if not self.static_root.exists():
            log("collectstatic (production storage: hashed and compressed files)")
            collect = self.tmp / "collect"
            collect.mkdir()
            env = self.app_env(collect, base_url="http://127.0.0.1")
            newsdesk = [sys.executable, "-m", "newsdesk.cli"]
            run([*newsdesk, "manage", "collectstatic", "--noinput", "--verbosity", "0"], env=env)
            (collect / "static").rename(self.static_root)
        home = self.tmp / name
        home.mkdir()
        (home / "static").symlink_to(self.static_root)
        for link, target in links.items():
            if target.exists():
                (home / link).symlink_to(target.resolve())
        return home

    def _serve_command(self) -> list[str]:
        newsdesk = [sys.executable, "-m", "newsdesk.cli"]
        check = subprocess.run(  # noqa: S603 - a fixed command
            [*newsdesk, "serve", "--help"], cwd=ROOT, capture_output=True, check=False
        )
        if check.returncode == 0:
            return [*newsdesk, "serve"]
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        return [gunicorn, "newsdesk.wsgi:application", "--error-logfile", "-"]

    def gunicorn(self, name: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
        log_file = self.tmp / f"{name}.log"
        argv = [*self.serve, "--bind", f"127.0.0.1:{port}", "--workers", str(self.options.workers)]
        process = self.processes.start(argv, env=env, log_file=log_file)
        wait_ready(f"http://127.0.0.1:{port}", process, log_file)
        return process

    def workers(self, master: subprocess.Popen[bytes], name: str) -> Workers:
        """The workers' memory now, and how many gunicorn replaced since it started (after
        ``--max-requests`` requests, or when one was silent past ``--timeout``)."""
        log_text = (self.tmp / f"{name}.log").read_text(errors="replace")
        booted = log_text.count("Booting worker with pid")
        return Workers(
            sizes=worker_memory(master.pid),
            replaced=max(0, booted - self.options.workers),
            timed_out=log_text.count("WORKER TIMEOUT"),
        )

    def probe(self, command: str, env: dict[str, str], params: dict[str, Any]) -> dict[str, Any]:
        output = run([sys.executable, str(PROBE), command, json.dumps(params)], env=env)
        result: dict[str, Any] = json.loads(output)
        return result

    def inspect(self, name: str, description: str, env: dict[str, str]) -> StackReport:
        log(f"{name}: choosing the pages and counting their queries")
        options = self.options
        params = {"edition": options.edition, "depth": options.depth, "analyze": options.analyze}
        info = self.probe("inspect", env, params)
        rows = [
            Row(page, found["queries"], found["first_queries"], found["ms"], found["first_ms"])
            for page, found in info["pages"].items()
        ]
        report = StackReport(name, f"{info['database']}, {description}", info, rows)
        broken = [
            f"{p} {found['status']}" for p, found in info["pages"].items() if found["status"] != 200
        ]
        if broken:
            raise StackError(f"{name}: pages that do not answer 200: {', '.join(broken)}")
        return report

    def alone(self, base: str, report: StackReport) -> None:
        """One client at a time, for the budgets stated as latencies."""
        deep = [page for page in report.info["pages"] if page.startswith("feed, page ")]
        for page in dict.fromkeys([*LATENCY_PAGES, *deep]):
            if page in report.info["pages"]:
                log(f"{report.name}, one client: {page}")
                report.alone[page] = self.wrk.load(base + report.url(page), connections=1)

    # The stacks

    def production(self) -> StackReport:
        options = self.options
        origin_port, front_port = free_port(), free_port()
        origin = f"http://127.0.0.1:{origin_port}"
        front = f"http://127.0.0.1:{front_port}"
        media = {"media": Path(options.media)} if options.media else {}
        env = self.app_env(
            self.home("production", media),
            base_url=front,
            database_url=options.database_url,
            redis_url=options.redis_url,
            varnish_url=front,
        )
        description = f"Redis, gunicorn {options.workers} workers, Varnish (malloc 256 MB)"
        report = self.inspect("production", description, env)
        # VARNISH_URLS turns the app's page cache off: this origin is the cold one.
        gunicorn = self.gunicorn("production-gunicorn", origin_port, env)
        start_varnish(self.processes, self.tmp, port=front_port, backend_port=origin_port)
        for row in report.rows:
            log(f"production, cold: {row.page}")
            row.cold = self.wrk.load(origin + report.url(row.page))
        for row in report.rows:
            log(f"production, warm: {row.page}")
            get(front, report.url(row.page))
            # As readers come: accepting gzip, which Varnish stores (decision 0025); a client
            # that does not costs a gunzip on every hit (bench/front.py measures both).
            row.warm = self.wrk.load(front + report.url(row.page), headers=ACCEPT_GZIP)
            row.warm_from = get(front, report.url(row.page))[1].get("x-cache", "?")
        self.alone(origin, report)
        report.article_body = get(origin, report.url("article"))[2]
        report.article_gzip = get(front, report.url("article"), headers=ACCEPT_GZIP)[2]
        report.workers["production origin"] = self.workers(gunicorn, "production-gunicorn")
        log("production: publish and unpublish, until visible through Varnish")
        watched = {page: report.url(page) for page in PUBLISH_PAGES if page in report.info["pages"]}
        params = {"front": front, "article_id": report.info["article_id"], "pages": watched}
        report.publish = self.probe("publish", env, params)
        self.processes.stop_all()
        return report

    def embedded(self) -> StackReport:
        options = self.options
        archive = Path(options.sqlite_home)
        database = archive / "newsdesk.sqlite3"
        if not database.exists():
            raise StackError(f"no newsdesk.sqlite3 in {archive}")
        home = self.home("embedded", {"newsdesk.sqlite3": database, "media": archive / "media"})
        port = free_port()
        origin = f"http://127.0.0.1:{port}"
        description = f"in-process cache, gunicorn {options.workers} workers"
        report = self.inspect("embedded", description, self.app_env(home, base_url=origin))

        cold = self.gunicorn("embedded-cold", port, self.app_env(home, base_url=origin))
        for row in report.rows:
            log(f"embedded, cold: {row.page}")
            row.cold = self.wrk.load(origin + report.url(row.page))
        self.alone(origin, report)
        report.article_body = get(origin, report.url("article"))[2]
        report.workers["embedded, page cache off"] = self.workers(cold, "embedded-cold")
        self.processes.stop(cold)

        env = self.app_env(home, base_url=origin, page_cache=True)
        warm = self.gunicorn("embedded-warm", port, env)
        for row in report.rows:
            log(f"embedded, warm: {row.page}")
            row.warm = self.wrk.load(origin + report.url(row.page))
            # Each worker keeps its own copy: this answer is from whichever worker took it.
            row.warm_from = get(origin, report.url(row.page))[1].get("x-page-cache", "miss")
        report.workers["embedded, page cache on"] = self.workers(warm, "embedded-warm")
        self.processes.stop(warm)
        return report

    def static(self, body: bytes, gzipped: bytes) -> Static:
        """nginx serving the article page's bytes: the gzip ones Varnish sends, when the
        production stack ran, else the plain ones the embedded stack sends."""
        log("nginx: the article page's bytes as a static file")
        base, process = start_nginx(self.processes, self.tmp, body, gzipped or None)
        headers = ACCEPT_GZIP if gzipped else ()
        try:
            load = self.wrk.load(base + "/article.html", headers=headers)
            return Static(load, len(gzipped or body), gzip=bool(gzipped))
        finally:
            self.processes.stop(process)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        epilog="\n\n".join((__doc__ or "").split("\n\n")[2:]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL"),
        help="the PostgreSQL archive of the production stack (default: $DATABASE_URL)",
    )
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/5",
        help="the production stack's Redis, a database of its own (default: %(default)s)",
    )
    parser.add_argument(
        "--media", help="MEDIA_ROOT of the PostgreSQL archive, if its pages need the files"
    )
    parser.add_argument(
        "--no-analyze",
        dest="analyze",
        action="store_false",
        help="leave PostgreSQL tables never analyzed as they are (default: ANALYZE them first)",
    )
    parser.add_argument("--sqlite-home", help="a NEWSDESK_HOME holding an SQLite archive")
    parser.add_argument("--edition", default="uk")
    parser.add_argument(
        "--depth", type=int, default=10_000, help="the deep feed page (default: %(default)s)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * (os.cpu_count() or 1) + 1,
        help="gunicorn workers (default: 2 per core + 1 = %(default)s)",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per load")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up before each")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--keep-logs", help="copy the servers' logs into this folder at the end")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2 s loads")
    options = parser.parse_args(argv)
    if options.quick:
        options.duration, options.warmup = 2, 1
    if not options.database_url and not options.sqlite_home:
        parser.error("give --database-url, --sqlite-home or both")
    return options


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@contextmanager
def workspace(keep_logs: str | None) -> Iterator[tuple[Processes, Path]]:
    processes = Processes()
    with tempfile.TemporaryDirectory(prefix="newsdesk-stack-") as tmp:
        # Varnish and nginx, started as root, read their files as unprivileged users.
        Path(tmp).chmod(0o755)
        try:
            yield processes, Path(tmp)
        finally:
            processes.stop_all()
            if keep_logs:
                Path(keep_logs).mkdir(parents=True, exist_ok=True)
                for found in Path(tmp).glob("*.log"):
                    shutil.copy(found, keep_logs)


def main(argv: list[str] | None = None) -> int:
    options = parse(argv)
    # Ctrl-C and SIGTERM both end the run through the same cleanup, also when the shell
    # started this script with SIGINT ignored (as it does for background jobs).
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    started = dt.datetime.now(dt.UTC)
    load_before = os.getloadavg()
    began = time.monotonic()
    reports: list[StackReport] = []
    try:
        with workspace(options.keep_logs) as (processes, tmp):
            bench = Bench(options, processes, tmp)
            if options.database_url:
                reports.append(bench.production())
            if options.sqlite_home:
                reports.append(bench.embedded())
            static = bench.static(reports[0].article_body, reports[0].article_gzip)
    except StackError as error:
        log(f"failed: {error}")
        return 1
    except KeyboardInterrupt:
        log("interrupted; every server started is stopped")
        return 130
    print(render(options, started, reports, static, (load_before, os.getloadavg())))
    log(f"done in {(time.monotonic() - began) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
