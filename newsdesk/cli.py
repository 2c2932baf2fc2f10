"""The ``newsdesk`` console script.

newsdesk demo [--port PORT]   migrate, load demo content once, print an admin login, serve
newsdesk manage ARGS…         Django's management commands
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys


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


def demo(port: int) -> int:
    # Feeds, sitemaps and sharing tags carry absolute links: to this server unless told.
    os.environ.setdefault("BASE_URL", f"http://127.0.0.1:{port}")
    _django("newsdesk.settings.dev")
    from django.core.management import call_command

    from newsdesk.demo.setup import prepare_demo

    login = prepare_demo()
    print(f"Newsdesk demo: http://127.0.0.1:{port}/uk/  ·  http://127.0.0.1:{port}/en/")
    admin = f"http://127.0.0.1:{port}/admin/"
    print(f"Admin: {admin}  login: {login.username}  password: {login.password}")
    sys.stdout.flush()
    # The scheduler ticks beside the web server, as it would run as a service in production.
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "newsdesk.cli", "manage", "publish_due", "--loop"],
        stdout=subprocess.DEVNULL,
    )
    # View counts wait in the cache: a shared one (Redis) is flushed by a process of its
    # own, the in-process one only by a thread of this process, which holds it.
    flusher = None
    if os.environ.get("REDIS_URL"):
        flusher = subprocess.Popen(
            [sys.executable, "-m", "newsdesk.cli", "manage", "flush_views", "--loop"],
            stdout=subprocess.DEVNULL,
        )
    else:
        from newsdesk.readership.flusher import start_thread

        start_thread()
    try:
        call_command("runserver", f"127.0.0.1:{port}", "--noreload", "--insecure")
    finally:
        scheduler.terminate()
        scheduler.wait(timeout=10)
        if flusher is not None:
            flusher.terminate()
            flusher.wait(timeout=10)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["manage"]:
        return manage(argv[1:])
    parser = argparse.ArgumentParser(prog="newsdesk", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    demo_parser = commands.add_parser("demo", help="run the demo site on SQLite")
    demo_parser.add_argument("--port", type=int, default=8000)
    commands.add_parser("manage", help="run a Django management command")
    options = parser.parse_args(argv)
    if options.command == "demo":
        return demo(options.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
