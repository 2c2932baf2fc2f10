"""The Django side of ``bench/stack.py``, run in a child process with a stack's environment.

    python bench/stack_probe.py inspect '{"edition": "uk", "depth": 10000}'
    python bench/stack_probe.py publish '{"front": "http://127.0.0.1:6081", "article": 1, …}'

``inspect`` picks the pages to load (the newest article of the edition, its section, tag and
author, the "More news" page at the given depth, a search for the most frequent word pair of
recent headlines…), counts the SQL queries of each with Django's test client and describes
the archive. ``publish`` changes and restores a headline, unpublishes and republishes the
article through ``newsdesk.publishing.actions`` and times how long each change takes to show
through the front cache. Each prints one JSON object on stdout.
"""

from __future__ import annotations

import http.client
import itertools
import json
import secrets
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

# How long a change may take to show before the check gives up on that page.
VISIBLE_TIMEOUT = 30.0
POLL_INTERVAL = 0.02
# Around words in headlines: ASCII marks, guillemets, dashes, ellipsis, typographic quotes.
PUNCTUATION = ".,:;\"'()!?-\u00ab\u00bb\u2013\u2014\u2026\u2018\u2019\u201c\u201d"


def fetch(base: str, path: str, timeout: float = 120.0) -> tuple[int, dict[str, str], bytes]:
    """GET ``base + path``; the status, the headers (lower-case names) and the body."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(
        address.hostname or "127.0.0.1", address.port or 80, timeout=timeout
    )
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        body = response.read()
        headers = {name.lower(): value for name, value in response.getheaders()}
        return response.status, headers, body
    finally:
        connection.close()


def common_pair(edition: str, sample: int = 2000) -> str:
    """The two words that most often share a headline among the newest ``sample``."""
    from newsdesk.articles.models import Article

    headlines = (
        Article.objects.published()
        .in_edition(edition)
        .newest_first()
        .values_list("headline", flat=True)[:sample]
    )
    pairs: Counter[tuple[str, str]] = Counter()
    for headline in headlines:
        words = {word.strip(PUNCTUATION).lower() for word in headline.split()}
        pairs.update(itertools.combinations(sorted(w for w in words if len(w) > 3), 2))
    return " ".join(pairs.most_common(1)[0][0])


def database_version() -> str:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0]}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.vendor


def analyze_new_tables() -> list[str]:
    """ANALYZE the PostgreSQL tables that were never analyzed: after a bulk load, until
    autovacuum gets to them (or where it is off), the planner guesses their sizes and picks
    plans that read whole tables (a search filtering every document of an edition)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname FROM pg_stat_user_tables WHERE n_live_tup > 0"
            " AND last_analyze IS NULL AND last_autoanalyze IS NULL ORDER BY relname"
        )
        tables = [row[0] for row in cursor.fetchall()]
        for table in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    return tables


def inspect(params: dict[str, Any]) -> dict[str, Any]:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from newsdesk.articles.models import Article
    from newsdesk.articles.query import Cursor

    analyzed = analyze_new_tables() if params["analyze"] else []
    edition: str = params["edition"]
    published = Article.objects.published().in_edition(edition)
    newest = published.newest_first().select_related("section").first()
    assert newest is not None, f"no published article in the {edition} edition"
    size = settings.NEWSDESK_FEED_PAGE_SIZE
    in_edition = published.count()
    depth = max(1, min(int(params["depth"]), -(-in_edition // size)))

    pages = {
        "home": f"/{edition}/",
        "article": newest.get_url(),
        "feed, page 1": f"/{edition}/news/",
    }
    if depth > 1:
        # Page ``depth`` starts after item (depth - 1) * size: its cursor is that item's.
        last_before = published.newest_first().only("id", "first_published_at")[
            (depth - 1) * size - 1
        ]
        cursor = Cursor.after(last_before)
        pages[f"feed, page {depth:,}"] = f"/{edition}/news/?after={cursor.encode()}"
    pages["section"] = f"/{edition}/sections/{newest.section.slug}/"
    tag = newest.tags.order_by("id").first()
    if tag is not None:
        pages["tag"] = f"/{edition}/tags/{tag.slug}/"
    byline = newest.bylines.select_related("author").order_by("sort_order").first()
    if byline is not None:
        pages["author"] = f"/{edition}/authors/{byline.author.slug}/"
    words = common_pair(edition)
    pages["search, two words"] = f"/{edition}/search/?" + urlencode({"q": words})
    pages["RSS"] = f"/{edition}/news/rss.xml"
    pages["news sitemap"] = f"/{edition}/sitemaps/news.xml"
    pages["API list"] = f"/api/v1/articles?edition={edition}"

    client = Client(HTTP_HOST="127.0.0.1")
    measured: dict[str, dict[str, Any]] = {}
    for name, url in pages.items():
        # The first request may fill caches the steady state reads (navigation, clock).
        with CaptureQueriesContext(connection) as first:
            started = time.perf_counter()
            client.get(url)
            first_ms = (time.perf_counter() - started) * 1000
        with CaptureQueriesContext(connection) as again:
            started = time.perf_counter()
            response = client.get(url)
            again_ms = (time.perf_counter() - started) * 1000
        measured[name] = {
            "url": url,
            "status": response.status_code,
            "queries": len(again),
            "first_queries": len(first),
            "ms": again_ms,
            "first_ms": first_ms,
            "bytes": len(response.content),
            "cache_control": response.get("Cache-Control", ""),
        }
    return {
        "pages": measured,
        "article_id": newest.pk,
        "search_words": words,
        "depth": depth,
        "page_size": size,
        "articles": Article.objects.count(),
        "published_in_edition": in_edition,
        "database": database_version(),
        "analyzed": analyzed,
    }


def wait_all(
    front: str, pages: dict[str, str], shown: Callable[[str, int, bytes], bool], started: float
) -> dict[str, float | None]:
    """Poll every page through the front cache until ``shown`` holds for it; seconds from
    ``started`` per page (None: not within ``VISIBLE_TIMEOUT``)."""
    seen: dict[str, float | None] = dict.fromkeys(pages)

    def poll(name: str, path: str) -> None:
        while time.perf_counter() - started < VISIBLE_TIMEOUT:
            status, _headers, body = fetch(front, path)
            if shown(name, status, body):
                seen[name] = time.perf_counter() - started
                return
            time.sleep(POLL_INTERVAL)

    threads = [threading.Thread(target=poll, args=item) for item in pages.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return seen


def publish_check(params: dict[str, Any]) -> dict[str, Any]:
    from newsdesk.articles.models import Article
    from newsdesk.publishing import actions

    front: str = params["front"]
    pages: dict[str, str] = params["pages"]
    article = Article.objects.get(pk=params["article_id"])
    path = article.get_url()
    original = article.headline

    # Warm every page in the front cache, and leave out listings the article is not on.
    front_cache: dict[str, str] = {}
    for name, url in list(pages.items()):
        fetch(front, url)
        status, headers, body = fetch(front, url)
        front_cache[name] = headers.get("x-cache", "?")
        if status != 200 or path.encode() not in body:
            del pages[name]
    not_listed = sorted(set(params["pages"]) - set(pages))

    def headline_shows(marker: str) -> Callable[[str, int, bytes], bool]:
        return lambda _name, status, body: status == 200 and marker.encode() in body

    def headline_gone(marker: str) -> Callable[[str, int, bytes], bool]:
        return lambda _name, status, body: status == 200 and marker.encode() not in body

    def article_gone(name: str, status: int, body: bytes) -> bool:
        if name == "article":
            return status in (404, 410)
        return status == 200 and path.encode() not in body

    def article_back(name: str, status: int, body: bytes) -> bool:
        return status == 200 and (name == "article" or path.encode() in body)

    marker = f"bench{secrets.token_hex(4)}"
    results: dict[str, Any] = {"not_listed": not_listed, "front_cache_before": front_cache}

    started = time.perf_counter()
    article.headline = f"{original} {marker}"
    actions.publish(article=article)
    results["publish_call"] = time.perf_counter() - started
    results["publish"] = wait_all(front, pages, headline_shows(marker), started)

    started = time.perf_counter()
    article.headline = original
    actions.publish(article=article)
    results["restore"] = wait_all(front, pages, headline_gone(marker), started)

    started = time.perf_counter()
    actions.unpublish(article=article)
    results["unpublish_call"] = time.perf_counter() - started
    results["unpublish"] = wait_all(front, pages, article_gone, started)

    started = time.perf_counter()
    article.refresh_from_db()
    actions.publish(article=article)
    results["republish"] = wait_all(front, pages, article_back, started)
    article.refresh_from_db()
    results["restored"] = article.live and article.headline == original
    return results


def main() -> int:
    command, raw = sys.argv[1], sys.argv[2]
    import django

    django.setup()
    params = json.loads(raw)
    if command == "inspect":
        result = inspect(params)
    elif command == "publish":
        result = publish_check(params)
    else:
        raise SystemExit(f"unknown command {command!r}")
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
