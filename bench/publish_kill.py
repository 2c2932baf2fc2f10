"""Drill: kill -9 the web server during admin publishes, restart, reconcile, count the
half-written articles (decision 0033; the target is 0).

Each trial starts gunicorn on a PostgreSQL database of its own, signs in as an editor,
posts the admin's "Publish" of a new article, and kills the server's process group with
SIGKILL at a random moment between 20 ms and 1.2 times what one publish took when nothing
killed it (measured first): on a loaded machine a fixed 20-300 ms would kill every request
before its transaction began, and prove nothing. After the trials the outbox worker and
the reconciliation run once, as after a real restart. Prints one table.

Usage (PostgreSQL on 127.0.0.1, user postgres, trust; a throwaway cluster of the drill's
own is best, on any port):
    .venv/bin/python bench/publish_kill.py [--trials 50] [--database D] [--pg-port 5432]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "drill-password-not-secret"  # noqa: S105 - a throwaway database


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603 - our own console script
        [str(ROOT / ".venv/bin/newsdesk"), "manage", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "newsdesk.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
            "--timeout=60",
            "--log-level=warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,  # its own process group: SIGKILL takes master and worker
    )
    for _ in range(300):
        try:
            requests.get(f"http://127.0.0.1:{port}/health", timeout=10)
            return server
        except requests.RequestException:
            time.sleep(0.2)
    kill(server)
    raise RuntimeError("gunicorn did not start")


def kill(server: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)
    server.wait()


def sign_in(base: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/admin/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token, "no CSRF token on the login page"
    done = session.post(
        f"{base}/admin/login/",
        data={"csrfmiddlewaretoken": token.group(1), "username": "drill", "password": PASSWORD},
        headers={"Referer": f"{base}/admin/login/"},
        timeout=30,
    )
    assert "/admin/login/" not in done.url, "sign-in failed"
    return session


def publish_form(session: requests.Session, base: str, n: int, section: int, author: int) -> dict:
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    add = f"{base}/admin/snippets/articles/article/add/?locale=uk"
    page = session.get(add, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token, "no CSRF token on the add form"
    data = nested_form_data(
        {
            "headline": f"Drill article {n}",
            "slug": f"drill-{n}",
            "lead": "Written to be killed half-way.",
            "hero_image": "",
            "hero_caption": "",
            "hero_credit": "",
            "hero_alt": "",
            "body": streamfield([("paragraph", rich_text("<p>Paragraph.</p>"))]),
            "sources": streamfield([]),
            "section": section,
            "update_note": "",
            "go_live_at": "",
            "expire_at": "",
            "bylines": inline_formset([{"author": author, "id": ""}], min=1),
            "read_also_picks": inline_formset([]),
            "story": "",
            "coverage": "",
        }
    )
    data["csrfmiddlewaretoken"] = token.group(1)
    data["action-publish"] = "action-publish"
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--database", default="newsdesk_drill")
    parser.add_argument("--port", type=int, default=8711, help="the web server's port")
    parser.add_argument("--pg-port", type=int, default=5432, help="PostgreSQL's port")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--count-only",
        action="store_true",
        help="no setup, no trials: reconcile and count the database of an earlier run",
    )
    options = parser.parse_args()
    rng = random.Random(options.seed)  # noqa: S311 - timing jitter, not a secret

    home = tempfile.mkdtemp(prefix="newsdesk-drill-")
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{options.pg_port}/{options.database}",
        NEWSDESK_HOME=home,
        DJANGO_SETTINGS_MODULE="newsdesk.settings.dev",
    )
    env.pop("REDIS_URL", None)
    server_options = ["-h", "127.0.0.1", "-p", str(options.pg_port), "-U", "postgres"]
    # PostgreSQL's own client programs, on PATH; the database name is ours.
    drop = ["dropdb", *server_options, "--if-exists", "--force", options.database]
    took, window = 0.0, (0.0, 0.0)
    answered = killed_before_answer = 0
    if not options.count_only:
        subprocess.run(drop, check=True)  # noqa: S603
        subprocess.run(["createdb", *server_options, options.database], check=True)  # noqa: S603, S607
        log("migrating")
        manage(env, "migrate", "--noinput", "-v", "0")
        setup = (
            "from django.contrib.auth import get_user_model;"
            "from django.contrib.auth.models import Group;"
            "from wagtail.models import Locale;"
            "from newsdesk.sections.models import Section;"
            "from newsdesk.people.models import Author;"
            f"u = get_user_model().objects.create_user('drill', password={PASSWORD!r});"
            "u.groups.add(Group.objects.get(name='Editors'));"
            "uk = Locale.objects.get(language_code='uk');"
            "s = Section.objects.create(locale=uk, name='Війна', slug='war');"
            "a = Author.objects.create(locale=uk, name='Олена Коваль', slug='olena-koval');"
            "print(s.pk, a.pk)"
        )
        printed = manage(env, "shell", "--verbosity", "0", "--command", setup).splitlines()
        section, author = map(int, printed[-1].split())

    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if not options.count_only:
        base = f"http://127.0.0.1:{options.port}"
        server = start_server(env, options.port)
        try:
            session = sign_in(base)
            data = publish_form(session, base, 0, section, author)
            started = time.monotonic()
            session.post(
                f"{base}/admin/snippets/articles/article/add/?locale=uk",
                data=data,
                headers={"Referer": f"{base}/admin/"},
                allow_redirects=False,
                timeout=60,
            )
            took = time.monotonic() - started
        finally:
            kill(server)
        window = (0.020, max(0.300, 1.2 * took))
        log(f"one publish takes {took * 1000:.0f} ms; killing {window[0]:.3f}-{window[1]:.3f} s in")
        answered = killed_before_answer = 0
        for n in range(1, options.trials + 1):
            server = start_server(env, options.port)
            try:
                session = sign_in(base)
                data = publish_form(session, base, n, section, author)
            except BaseException:
                kill(server)
                raise
            outcome: dict[str, object] = {}

            def send(
                data: dict = data, outcome: dict = outcome, session: requests.Session = session
            ) -> None:
                try:
                    response = session.post(
                        f"{base}/admin/snippets/articles/article/add/?locale=uk",
                        data=data,
                        headers={"Referer": f"{base}/admin/"},
                        allow_redirects=False,
                        timeout=60,
                    )
                    outcome["status"] = response.status_code
                except requests.RequestException as exc:
                    outcome["error"] = type(exc).__name__

            thread = threading.Thread(target=send)
            thread.start()
            time.sleep(rng.uniform(*window))
            kill(server)
            thread.join()
            if "status" in outcome:
                answered += 1
            else:
                killed_before_answer += 1
    log("trials done; counting before any repair")

    from newsdesk.articles.models import Article
    from newsdesk.publishing.events import process_outbox
    from newsdesk.publishing.models import OutboxEntry
    from newsdesk.publishing.reconcile import reconcile

    trials = Article.objects.exclude(slug="drill-0")
    live = trials.filter(live=True).count()
    drafts = trials.filter(live=False).count()
    pending = OutboxEntry.objects.count()
    before = reconcile(repair=False)
    by_check = {check: sum(f.check == check for f in before) for check in ("audit", "slug")}
    delivered, failed = process_outbox(limit=100_000)
    repaired = reconcile(repair=True)
    after = reconcile(repair=False)

    rows = [
        ("one publish, not killed (ms)", round(took * 1000)),
        (f"trials (kill -9 {window[0]:.2f}-{window[1]:.2f} s after the POST)", options.trials),
        ("answered before the kill", answered),
        ("killed before answering", killed_before_answer),
        ("articles live after restart", live),
        ("articles left as drafts (killed before the publish committed)", drafts),
        ("outbox rows left by the kills", pending),
        ("live without audit entry, before repair", by_check["audit"]),
        ("live without slug history, before repair", by_check["slug"]),
        (
            "other findings before repair (search, archive: owed by the outbox)",
            len(before) - sum(by_check.values()),
        ),
        ("outbox rows delivered by the worker", delivered),
        ("outbox rows that failed", failed),
        ("findings repaired by reconcile after the worker", len(repaired)),
        ("half-written articles after restart and reconciliation", len(after)),
    ]
    width = max(len(label) for label, _ in rows)
    print(f"publish kill drill, PostgreSQL, {time.strftime('%Y-%m-%d')}")
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    return 0 if not after else 1


if __name__ == "__main__":
    sys.exit(main())
