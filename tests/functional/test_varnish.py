"""Varnish in front of the app, over real connections, with the shipped VCL.

A publish is visible through Varnish on the first request after it returns (the purge is
sent on commit, before the editor's request ends); an unpublished article is gone from every
page that showed it; with the origin stopped, Varnish keeps serving what it holds.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test import override_settings
from django.test.testcases import LiveServerThread
from wagtail.models import Locale

from newsdesk import http_policy
from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.testing import factories
from newsdesk.testing.live_server import open_gate

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"
# The parameters README starts varnishd with (decision 0041).
PARAMS = VCL.with_name("varnishd.params")
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"

pytestmark = [
    pytest.mark.skipif(
        not Path(VARNISHD).exists(),
        reason="varnishd is not installed (Debian: apt-get install varnish varnish-modules)",
    ),
    pytest.mark.django_db(transaction=True),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def origin() -> Iterator[LiveServerThread]:
    """The app on a port of its own, sharing the test database (also SQLite in memory)."""
    shared = {}
    for conn in connections.all():
        if conn.vendor == "sqlite" and conn.is_in_memory_db():
            conn.inc_thread_sharing()
            shared[conn.alias] = conn
    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, shared, 0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    open_gate(thread.httpd)
    try:
        yield thread
    finally:
        thread.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()


@contextmanager
def varnish(backend_port: int) -> Iterator[str]:
    """varnishd with the shipped VCL, its backend moved to ``backend_port``."""
    with varnishd(backend_port) as (base, _state):
        yield base


@contextmanager
def varnishd(
    backend_port: int, crawlers: str = "", budgets_per: str = "60s"
) -> Iterator[tuple[str, Path]]:
    """:func:`varnish`, with the instance's working directory (``varnishadm -n``, the log);
    ``crawlers`` is written into the VCL's crawler networks (``"127.0.0.1";``), and its
    clients' budgets are given for ``budgets_per`` instead of a minute (vsthrottle's bucket
    gives back a minute's budget over the minute: an hour's keeps a slow test's count exact)."""
    with tempfile.TemporaryDirectory() as work:
        # varnishd reads the VCL as its own unprivileged user.
        Path(work).chmod(0o755)
        vcl = Path(work) / "default.vcl"
        text = VCL.read_text().replace('.port = "8000"', f'.port = "{backend_port}"')
        text = text.replace(", 60s)", f", {budgets_per})")
        vcl.write_text(text.replace("acl crawlers {\n", f"acl crawlers {{\n    {crawlers}\n"))
        vcl.chmod(0o644)
        port = _free_port()
        command = [VARNISHD, "-F", "-n", str(Path(work) / "state"), "-a", f"127.0.0.1:{port}"]
        command += ["-f", str(vcl), "-s", "malloc,32m", "-p", "default_ttl=0"]
        command += shlex.split(PARAMS.read_text(), comments=True)
        process = subprocess.Popen(  # noqa: S603 - our own varnishd and VCL
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                        break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(process.stderr.read().decode()) from None  # type: ignore[union-attr]
                    time.sleep(0.1)
            yield f"http://127.0.0.1:{port}", Path(work) / "state"
        finally:
            process.terminate()
            process.wait(timeout=10)
            process.stderr.close()  # type: ignore[union-attr]


def fetch(url: str) -> tuple[int, str, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - a local test URL
            return answer.status, answer.read().decode(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def make_article(slug: str, headline: str) -> Article:
    # A transactional test empties every table, the editions' locales included.
    Locale.objects.get_or_create(language_code="uk")
    Locale.objects.get_or_create(language_code="en")
    return factories.published(
        "uk",
        slug,
        headline=headline,
        lead="Lead.",
        in_section=factories.section("uk", "viina", name="Війна"),
        tags=[factories.tag("uk", "kharkiv", name="Харків")],
        authors=[factories.author("uk", "reporter", name="Reporter")],
    )


PAGES = [
    "/uk/",
    "/uk/news/",
    "/uk/sections/viina/",
    "/uk/tags/kharkiv/",
    "/uk/authors/reporter/",
    "/uk/news/rss.xml",
    "/uk/sitemaps/news.xml",
]


def _warm(base: str, paths: list[str]) -> None:
    for path in paths:
        fetch(base + path)
        status, _body, headers = fetch(base + path)
        assert (status, headers.get("X-Cache")) == (200, "hit"), path


def test_publish_update_and_unpublish_show_through_varnish_at_once():
    article = make_article("grid-repairs", "Ремонт мережі в Харкові завершено")
    with origin() as app, varnish(app.port) as base:
        settings = {
            "NEWSDESK_FRONT_CACHES": [
                {"BACKEND": "newsdesk.frontcache.backends.Varnish", "OPTIONS": {"urls": [base]}}
            ]
        }
        with override_settings(**settings):
            article_path = f"/uk/news/{article.slug}/"
            _warm(base, [*PAGES, article_path])
            _status, body, headers = fetch(base + article_path)
            assert "xkey" not in {name.lower() for name in headers}  # keys stay inside

            # An update: the new headline on the first request after the publish returns.
            article.headline = "Ремонт мережі завершено достроково"
            actions.publish(article=article)
            for path in [*PAGES, article_path]:
                status, body, headers = fetch(base + path)
                assert status == 200, path
                assert "достроково" in body, path
                assert headers["X-Cache"] == "miss", path

            # A new article joins the lists at once.
            fresh = make_article("sirens", "Сирени в Києві вщухли")
            for path in PAGES:
                assert "Сирени в Києві вщухли" in fetch(base + path)[1], path

            # Unpublished: gone from every page that showed it; its own page is a 404.
            _warm(base, PAGES)
            actions.unpublish(article=Article.objects.get(pk=fresh.pk))
            for path in PAGES:
                assert "Сирени в Києві вщухли" not in fetch(base + path)[1], path
            assert fetch(base + f"/uk/news/{fresh.slug}/")[0] == 404


def test_with_the_origin_stopped_varnish_keeps_serving_what_it_holds(monkeypatch):
    article = make_article("grid-repairs", "Ремонт мережі в Харкові завершено")
    # Copies go stale after a second, so what follows is served from grace, not as fresh.
    monkeypatch.setattr(http_policy, "PAGE", dataclasses.replace(http_policy.PAGE, shared=1))
    with origin() as app, varnish(app.port) as base:
        article_path = f"/uk/news/{article.slug}/"
        _warm(base, ["/uk/", article_path])
        app.terminate()
        time.sleep(2.5)

        for path in ["/uk/", article_path]:
            status, body, _headers = fetch(base + path)
            assert status == 200, path
            assert "Ремонт мережі в Харкові завершено" in body, path
        # What Varnish never held cannot be served.
        assert fetch(base + "/uk/news/")[0] == 503


def _ask(url: str, headers: dict[str, str]) -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - a local test URL
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
            return answer.status, answer.read().decode(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def test_the_api_limit_holds_on_varnish_hits_and_every_answer_allows_any_origin():
    make_article("grid-repairs", "Ремонт мережі в Харкові завершено")
    origin_header = {"Origin": "https://partner.example"}
    with origin() as app, varnish(app.port) as base:
        api = base + "/api/v1/articles?edition=uk"
        answers = [_ask(api, origin_header) for _ in range(3)]
        assert [(status, h["X-Cache"]) for status, _b, h in answers] == [
            (200, "miss"),
            (200, "hit"),
            (200, "hit"),
        ]
        for _status, _body, headers in answers:
            assert headers["Access-Control-Allow-Origin"] == "*"
            assert headers["RateLimit-Policy"] == '"api";q=300;w=60'
        # Varnish's count, not the one the app sent with the copy it keeps.
        assert [h["RateLimit"].split(";")[1] for _s, _b, h in answers] == [
            "r=299",
            "r=298",
            "r=297",
        ]

        etag = answers[0][2]["ETag"]
        status, _body, headers = _ask(api, origin_header | {"If-None-Match": etag})
        assert status == 304
        assert headers["Access-Control-Allow-Origin"] == "*"
        assert "RateLimit" in headers

        # Hits only from here on: the limit still holds. The bucket refills a request
        # every 0.2 s, hence a margin over the 296 left.
        for _ in range(400):
            status, body, headers = _ask(api, origin_header)
            if status != 200:
                break
            assert headers["X-Cache"] == "hit"
        assert status == 429
        assert "Too many requests" in json.loads(body)["detail"]
        assert headers["Retry-After"] == "1"
        assert headers["Access-Control-Allow-Origin"] == "*"
        assert headers["RateLimit"].startswith('"api";r=0;')


def _fetch_bytes(url: str, accept_encoding: str | None) -> tuple[bytes, dict[str, str]]:
    request = urllib.request.Request(url)  # noqa: S310 - a local test URL
    if accept_encoding is not None:
        request.add_header("Accept-Encoding", accept_encoding)
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
        return answer.read(), dict(answer.headers)


def test_varnish_sends_gzip_to_clients_that_accept_it_and_plain_to_others():
    article = make_article("grid-repairs", "Ремонт мережі в Харкові завершено")
    with origin() as app, varnish(app.port) as base:
        for path in ["/uk/", f"/uk/news/{article.slug}/", "/uk/news/rss.xml"]:
            packed, packed_headers = _fetch_bytes(base + path, "gzip, deflate, br")
            plain, plain_headers = _fetch_bytes(base + path, None)
            # The plain copy is the gzip one, gunzipped by Varnish: both come from one object.
            assert plain_headers["X-Cache"] == "hit", path
            assert packed_headers["Content-Encoding"] == "gzip", path
            assert "Content-Encoding" not in plain_headers, path
            assert gzip.decompress(packed) == plain, path
            assert len(packed) < len(plain), path
            assert "Ремонт мережі в Харкові завершено" in plain.decode(), path
            for headers in (packed_headers, plain_headers):
                assert headers["Vary"].count("Accept-Encoding") == 1, path


def test_varnish_runs_with_the_deployment_parameters_and_still_logs_every_request():
    # The parameters leave the VCL's trace and the response headers out of the shared-memory
    # log that every hit writes; varnishncsa's access log (README) must stay whole.
    article = make_article("grid-repairs", "Ремонт мережі в Харкові завершено")
    with origin() as app, varnishd(app.port) as (base, state):
        path = f"/uk/news/{article.slug}/"
        _warm(base, [path])

        def admin(*args: str) -> str:
            done = subprocess.run(  # noqa: S603 - Varnish's own tool, our instance
                [shutil.which("varnishadm") or "/usr/bin/varnishadm", "-n", str(state), *args],
                capture_output=True,
                text=True,
                timeout=10,
                check=True,
            )
            return done.stdout

        assert "Value is: 200" in admin("param.show", "thread_pool_min")
        mask = admin("param.show", "vsl_mask").split("Value is:")[1].splitlines()[0]
        assert "-VCL_call" in mask and "-RespHeader" in mask
        assert "ReqURL" not in mask and "ReqHeader" not in mask
        log = subprocess.run(  # noqa: S603 - Varnish's own tool, our instance
            [shutil.which("varnishncsa") or "/usr/bin/varnishncsa", "-n", str(state), "-d"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout
        lines = [line for line in log.splitlines() if f"GET {base}{path} HTTP/1.1" in line]
        assert len(lines) == 2, log  # the miss and the hit
        assert all('" 200 ' in line for line in lines), log


def fetch_as(url: str, headers: dict[str, str]) -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - a local test URL
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
            return answer.status, answer.read().decode(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


@contextmanager
def origin_requests() -> Iterator[list[str]]:
    """Every request that reaches the origin, but the health probe's."""
    from django.core.signals import request_started

    seen: list[str] = []

    def note(sender: object, environ: dict[str, str], **kwargs: object) -> None:
        if environ.get("PATH_INFO") != "/robots.txt":
            seen.append(f"{environ.get('PATH_INFO')}?{environ.get('QUERY_STRING', '')}")

    request_started.connect(note, weak=False)
    try:
        yield seen
    finally:
        request_started.disconnect(note)


def test_cookies_and_unknown_parameters_do_not_bypass_varnish():
    """Decision 0031: a made-up session cookie or invented parameters get the cached copy;
    the origin sees one request for the page, and known parameters in any order are one."""
    article = make_article("grid-repairs", "Ремонт мережі в Харкові завершено")
    with origin() as app, varnish(app.port) as base, origin_requests() as seen:
        path = f"/uk/news/{article.slug}/"
        assert fetch(base + path)[0] == 200
        for number in range(25):
            status, body, headers = fetch_as(
                f"{base}{path}?nocache={number}&utm_source=x{number}",
                {"Cookie": f"sessionid=forged{number}; csrftoken=t{number}; _ga=1"},
            )
            assert (status, headers["X-Cache"]) == (200, "hit"), number
            assert "Ремонт мережі в Харкові завершено" in body
            assert "Set-Cookie" not in headers
        assert seen == [f"{path}?"]

        # Known parameters are kept, in one order, with the unknown ones dropped.
        fetch(f"{base}/uk/search/?q=grid&label=&junk=1")
        status, _body, headers = fetch_as(
            f"{base}/uk/search/?zz=2&label=&q=grid", {"Cookie": "sessionid=forged"}
        )
        assert (status, headers["X-Cache"]) == (200, "hit")
        assert seen[1:] == ["/uk/search/?label=&q=grid"]


def test_misses_and_searches_are_limited_per_client_at_the_edge():
    make_article("grid-repairs", "Ремонт мережі в Харкові завершено")
    with (
        origin() as app,
        varnishd(app.port, budgets_per="3600s") as (base, _state),
        origin_requests() as seen,
    ):
        answers = [fetch(f"{base}/uk/search/?q=random{number}")[0] for number in range(40)]
        assert answers[:30] == [200] * 30
        assert answers[30:] == [429] * 10
        status, body, headers = fetch(f"{base}/uk/search/?q=one-more")
        assert status == 429
        assert headers["Cache-Control"] == "no-store"
        assert "Забагато запитів" in body and "Too many requests" in body
        assert len(seen) == 30  # the refused searches never reached the origin
        # The budget is the client's, not the site's: cached pages still serve it.
        assert fetch(f"{base}/uk/")[0] == 200


def test_a_crawlers_network_may_miss_more_pages_than_a_reader_at_the_edge():
    make_article("grid-repairs", "Ремонт мережі в Харкові завершено")

    def misses(base: str) -> list[int]:
        return [fetch(f"{base}/uk/news/?page={number}")[0] for number in range(130)]

    with origin() as app:
        with varnishd(app.port, budgets_per="3600s") as (base, _state):
            as_reader = misses(base)
        with varnishd(app.port, crawlers='"127.0.0.1";', budgets_per="3600s") as (base, _):
            as_crawler = misses(base)
    assert 429 not in as_reader[:120]
    assert as_reader[120:] == [429] * 10
    assert 429 not in as_crawler
