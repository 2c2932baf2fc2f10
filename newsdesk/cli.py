"""The ``newsdesk`` console script.

newsdesk demo [--port PORT]   migrate, load demo content once, print an admin login, serve
                              (the production server, one process with threads)
newsdesk serve [--workers N]  the production web server (gunicorn on newsdesk.wsgi)
newsdesk manage ARGS…         Django's management commands
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _home() -> None:
    """Data lives in NEWSDESK_HOME (default ./var), never inside the package."""
    os.makedirs(os.environ.setdefault("NEWSDESK_HOME", "var"), exist_ok=True)


def _django(settings_module: str) -> None:
    _home()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    import django

    django.setup()


def manage(args: list[str]) -> int:
    _home()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["newsdesk manage", *args])
    return 0


DEMO_MISSING = (
    "newsdesk demo: the demo content is not installed here; "
    "run `bash scripts/demo` in a clone of the Newsdesk repository."
)


DEMO_THREADS = 8


def demo(port: int) -> int:
    # The demo is a distribution of its own (demo/, decision 0021) that a production install
    # does not carry: asked for there, say how to get it rather than fail on an import.
    if importlib.util.find_spec("newsdesk_demo") is None:
        print(DEMO_MISSING, file=sys.stderr)
        return 1
    # Feeds, sitemaps and sharing tags carry absolute links: to this server unless told.
    os.environ.setdefault("BASE_URL", f"http://127.0.0.1:{port}")
    _django("newsdesk.settings.dev")
    from newsdesk_demo.setup import prepare_demo

    login = prepare_demo()
    print(f"Newsdesk demo: http://127.0.0.1:{port}/uk/  ·  http://127.0.0.1:{port}/en/")
    admin = f"http://127.0.0.1:{port}/admin/"
    print(f"Admin: {admin}  login: {login.username}  password: {login.password}")
    sys.stdout.flush()
    # The scheduler and the view-count flush tick beside the web server, as services would in
    # production. With a shared cache (Redis) they are processes of their own; the
    # in-process cache is seen only by the one serving process, which holds the view counts
    # and the page cache a publish purges, so there they are threads of it (newsdesk.ticker),
    # started once that process is up (demo_options).
    helpers = []
    if os.environ.get("REDIS_URL"):
        helpers = [
            subprocess.Popen(  # noqa: S603 - our own commands
                [sys.executable, "-m", "newsdesk.cli", "manage", command, "--loop"],
                stdout=subprocess.DEVNULL,
            )
            for command in ("publish_due", "flush_views")
        ]
    try:
        run_server(demo_options(port, tickers=not helpers))
    finally:
        for helper in helpers:
            helper.terminate()
            helper.wait(timeout=10)
    return 0


def demo_options(port: int, *, tickers: bool) -> dict[str, object]:
    """What ``newsdesk demo`` tells gunicorn: the production server, in one process.

    One worker with threads (gunicorn's gthread worker), so that the in-process cache, the
    page cache a publish purges and the view counts live in the one process that serves;
    with ``tickers`` the scheduler and the view-count flush run as threads of that process.
    Static files come from the apps' folders through WhiteNoise (``newsdesk.settings.dev``),
    media through the app's ``/media/`` route. Ctrl-C stops it (docs/decisions/0040).
    """
    options = gunicorn_options(
        argparse.Namespace(
            bind=f"127.0.0.1:{port}",
            workers=1,
            threads=DEMO_THREADS,
            timeout=30,
            graceful_timeout=5,
            max_requests=0,
            max_requests_jitter=0,
            access_log=False,
        )
    )
    if tickers:
        options["post_worker_init"] = _start_tickers
    return options


def _start_tickers(worker: object) -> None:
    """gunicorn's ``post_worker_init``: the demo's clocks as threads of its serving process
    (threads do not survive a fork, so they start in the worker, not before it)."""
    from newsdesk.publishing.actions import publish_due
    from newsdesk.readership.counting import flush
    from newsdesk.ticker import start_thread

    start_thread(publish_due, interval=15.0)
    start_thread(flush, interval=60.0)


def default_workers() -> int:
    """``WEB_CONCURRENCY`` when set, else twice the cores this process may run on, plus one."""
    if os.environ.get("WEB_CONCURRENCY"):
        return int(os.environ["WEB_CONCURRENCY"])
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 2 * (cores or 1) + 1


def gunicorn_options(options: argparse.Namespace) -> dict[str, object]:
    """What ``newsdesk serve`` tells gunicorn (docs/decisions/0016, 0040)."""
    return {
        "bind": [options.bind],
        "workers": options.workers,
        # Sync workers by default: a page is rendered in Python (CPU-bound, holding the GIL)
        # and Varnish in front absorbs slow clients and keeps the connections, so a second
        # thread in a worker would wait for the GIL rather than work. One process per
        # request in flight also bounds memory and a crash to one request. More than one
        # thread switches gunicorn to its gthread worker.
        "worker_class": "sync" if options.threads == 1 else "gthread",
        "threads": options.threads,
        "timeout": options.timeout,
        "graceful_timeout": options.graceful_timeout,
        # The app is imported once, in the master, and every worker is a fork of it: a
        # worker that replaces one (after a crash, a timeout or --max-requests) serves
        # within milliseconds instead of spending 1.6 s of CPU importing Django and Wagtail
        # while requests queue behind it. Nothing is shared that must not be: the master
        # closes its database connections before each fork (_before_fork) and starts no
        # threads; Redis clients re-make their connections in a forked process.
        "preload_app": True,
        "pre_fork": _before_fork,
        # Off by default: a replaced worker starts with empty per-process caches. When
        # asked for, the jitter staggers the replacements.
        "max_requests": options.max_requests,
        "max_requests_jitter": options.max_requests_jitter,
        # Varnish logs every request; the origin logs errors only unless asked.
        "accesslog": "-" if options.access_log else None,
        "errorlog": "-",
        "proc_name": "newsdesk",
        # gunicorn's runtime control socket defaults to one path per user ($HOME/.gunicorn),
        # which a second server of the same user would take over; each home gets its own.
        "control_socket": str(Path(os.environ["NEWSDESK_HOME"]).resolve() / "gunicorn.ctl"),
    }


def _before_fork(server: object, worker: object) -> None:
    """gunicorn's ``pre_fork``, in the master: a database connection opened while the app
    loaded (or by the demo's preparation) must not be inherited by two processes."""
    from django.db import connections

    connections.close_all()


def load_application() -> object:
    """The WSGI application, imported once in the master before the workers fork (preload),
    warmed up, with everything it opened while loading closed again."""
    import gc

    from django.db import connections

    from newsdesk.wsgi import application

    warm_up()
    connections.close_all()
    # What the master loaded lives as long as the workers: out of the collector's sight, a
    # worker's first full collection does not walk (and copy, page by page) the million
    # objects it inherited (the fork case gc.freeze is for).
    gc.collect()
    gc.freeze()
    return application


def warm_up() -> None:
    """Do in the master what every worker would otherwise do on its first request: import
    the URLconf (the admin's URLs import most of Wagtail) and compile its patterns, load
    both editions' translations and compile the project's templates — about 0.4 s of CPU,
    inherited by every fork. Nothing here reads the database or the cache, so no worker
    starts with a copy of anyone's data."""
    from django.conf import settings
    from django.template import engines
    from django.template.loader import get_template
    from django.urls import get_resolver
    from django.utils import translation

    get_resolver()._populate()  # imports the URLconf, compiles every pattern
    for code, _name in settings.LANGUAGES:
        with translation.override(code):  # activating a language loads its catalogues
            pass
    for engine in engines.all():
        for folder in engine.template_dirs:
            if not str(folder).startswith(str(PACKAGE)):
                continue  # the project's own templates; Wagtail's admin compiles on demand
            for path in Path(folder).rglob("*.html"):
                get_template(path.relative_to(folder).as_posix(), using=engine.name)


def run_server(config: dict[str, object]) -> None:
    """Serve ``newsdesk.wsgi:application`` with gunicorn and ``config`` until SIGTERM or
    SIGINT (Ctrl-C)."""
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def __init__(self) -> None:
            super().__init__(prog="newsdesk")

        def load_config(self) -> None:
            for name, value in config.items():
                self.cfg.set(name, value)

        def load(self) -> object:
            return load_application()

    try:
        Server().run()
    except SystemExit as stopped:
        # gunicorn ends its master with sys.exit; 0 is a clean stop.
        if stopped.code not in (None, 0):
            raise


def serve(options: argparse.Namespace) -> int:
    """Serve ``newsdesk.wsgi:application`` with gunicorn until SIGTERM / SIGINT.

    Only serves: migrations and ``collectstatic`` are separate deployment steps (README,
    "Production").
    """
    _home()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.production")
    # A query that outlives the worker's timeout ends with an error the site answers (503)
    # before gunicorn kills the worker and leaves the query running (decision 0047).
    os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", str(max(1, options.timeout - 5)))
    run_server(gunicorn_options(options))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdesk", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser("demo", help="run the demo site on SQLite")
    demo_parser.add_argument("--port", type=int, default=8000)
    serve_parser = commands.add_parser(
        "serve",
        help="the production web server (settings: newsdesk.settings.production by default)",
    )
    serve_parser.add_argument("--bind", default="127.0.0.1:8000", help="HOST:PORT or unix:PATH")
    serve_parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes (default: WEB_CONCURRENCY, else 2 * cores + 1)",
    )
    serve_parser.add_argument("--threads", type=int, default=1, help="threads per worker")
    serve_parser.add_argument(
        "--timeout", type=int, default=30, help="seconds before a silent worker is replaced"
    )
    serve_parser.add_argument(
        "--graceful-timeout",
        type=int,
        default=30,
        help="seconds workers get to finish their requests on restart or stop",
    )
    serve_parser.add_argument(
        "--max-requests",
        type=int,
        default=0,
        help="requests before a worker is replaced (default: never)",
    )
    serve_parser.add_argument(
        "--max-requests-jitter",
        type=int,
        default=200,
        help="up to this many more, at random per worker, with --max-requests",
    )
    serve_parser.add_argument(
        "--access-log", action="store_true", help="log every request to stdout"
    )
    commands.add_parser("manage", help="run a Django management command")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["manage"]:
        return manage(argv[1:])
    options = build_parser().parse_args(argv)
    if options.command == "demo":
        return demo(options.port)
    if options.command == "serve":
        if options.workers is None:
            options.workers = default_workers()
        return serve(options)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
