"""Bytes on the wire per reader output: plain, gzip and Brotli, as the app sends them.

    NEWSDESK_HOME=var/bench-compression python bench/compression.py

Loads the demo newsroom (`load_demo`, its defaults: what `newsdesk demo` shows), then asks
each output once per `Accept-Encoding` through the whole middleware stack with Django's
test client, checks that each compressed body decodes to the plain one, and prints a
Markdown table: bytes, the ratio to plain, and the median milliseconds the compression
middleware adds (the page cache keeps plain copies, so this is paid on every request).
"""

from __future__ import annotations

import gzip
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
os.environ.setdefault("NEWSDESK_HOME", "var/bench-compression")
os.environ["NEWSDESK_PAGE_CACHE"] = "0"
os.makedirs(os.environ["NEWSDESK_HOME"], exist_ok=True)

ROUNDS = 20


def main() -> int:
    import brotli
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from newsdesk import compression
    from newsdesk.articles.models import Article

    call_command("migrate", verbosity=0)
    if not Article.objects.exists():
        call_command("load_demo", verbosity=0)
    settings.NEWSDESK_API_RATE = "1000000/s"
    settings.NEWSDESK_SEARCH_RATE = "1000000/s"
    settings.NEWSDESK_MISS_RATE = "1000000/s"
    article = Article.objects.published().in_edition("uk").newest_first().first()
    assert article is not None
    outputs = {
        "home (uk)": "/uk/",
        "article (uk)": article.get_absolute_url(),
        "RSS (uk news)": "/uk/news/rss.xml",
        "JSON Feed (uk news)": "/uk/news/feed.json",
        "sitemap (uk articles, month)": (
            f"/uk/sitemaps/articles-{article.first_published_at:%Y-%m}.xml"
        ),
        "API list (uk, 20)": "/api/v1/articles?edition=uk",
    }
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{Article.objects.published().count()} live articles\n")
    print("| output | plain | gzip | br | gzip ms | br ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, address in outputs.items():
        plain = client.get(address)
        packed = {enc: client.get(address, HTTP_ACCEPT_ENCODING=enc) for enc in ("gzip", "br")}
        assert plain.status_code == 200, address
        assert gzip.decompress(packed["gzip"].content) == plain.content, address
        assert brotli.decompress(packed["br"].content) == plain.content, address
        cost = {
            enc: statistics.median(_timed(compression.compress, plain.content, enc))
            for enc in ("gzip", "br")
        }
        size = len(plain.content)
        cells = [f"{size:,}"]
        cells += [_share(len(packed[enc].content), size) for enc in ("gzip", "br")]
        cells += [f"{cost[enc]:.1f}" for enc in ("gzip", "br")]
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


def _timed(compress, content: bytes, encoding: str) -> list[float]:
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        compress(content, encoding)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _share(compressed: int, plain: int) -> str:
    return f"{compressed:,} ({compressed / plain:.0%})"


if __name__ == "__main__":
    sys.exit(main())
