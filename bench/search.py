"""Search latency over whatever archive the database holds (two-word queries).

    DATABASE_URL=postgres://… NEWSDESK_HOME=var/bench-home python bench/search.py --queries 200
    … python bench/search.py --backend     # the backend's query alone, no page

Picks word pairs from published headlines of each edition (seeded), runs each query once
to warm the database's caches, then times the search page through Django's test client
and prints p50, p95 and max milliseconds per edition, the first query of each edition
before its warm-up ("uk" runs first: its figure is what a just-started server's worker
pays, the app warmed as ``newsdesk serve`` warms it, the database's own caches as they are), and
the archive size. The budget
(DESIGN.md) is p95 ≤ 50 ms at 1,000,000 articles. Times depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from urllib.parse import urlencode

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
os.environ.setdefault("NEWSDESK_HOME", "var/bench")
# The per-client search limit is for the internet, not for this loop.
os.environ.setdefault("NEWSDESK_SEARCH_RATE", "1000000/s")
# Each query is timed twice; the second must reach the search, not the app's page cache.
os.environ.setdefault("NEWSDESK_PAGE_CACHE", "0")
os.makedirs(os.environ["NEWSDESK_HOME"], exist_ok=True)


def word_pairs(edition: str, count: int, rng: random.Random) -> list[str]:
    from newsdesk.articles.models import Article

    newest = Article.objects.published().in_edition(edition).newest_first()
    ids = list(newest.values_list("id", flat=True)[:5000])
    headlines = Article.objects.filter(id__in=rng.sample(ids, min(len(ids), count)))
    pairs = []
    for headline in headlines.values_list("headline", flat=True):
        words = [w.strip(".,:;«»\"'()!?") for w in headline.split()]
        words = [w for w in words if len(w) > 3]
        if len(words) >= 2:
            pairs.append(" ".join(rng.sample(words, 2)))
    return pairs[:count]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--backend",
        action="store_true",
        help="time the search backend's query alone, not the page (no page cache, no limit)",
    )
    parser.add_argument(
        "--pair", action="append", help="time these words (repeat), not pairs from headlines"
    )
    options = parser.parse_args()

    import django

    django.setup()
    from django.test import Client

    from newsdesk.cli import warm_up

    # What ``newsdesk serve`` does before it forks: the first query below is then what a
    # just-started worker pays, not the import of the admin's URLs and the templates.
    warm_up()

    from newsdesk.articles.models import Article
    from newsdesk.search.backends import SearchQuery, get_backend
    from newsdesk.search.models import Document
    from newsdesk.search.text import parse_query

    client = Client(HTTP_HOST="127.0.0.1")

    def run(edition: str, pair: str) -> None:
        if options.backend:
            terms = parse_query(pair).terms
            get_backend().search(SearchQuery(terms=terms, edition=edition))
            return
        url = f"/{edition}/search/?{urlencode({'q': pair})}"
        assert client.get(url).status_code == 200, url

    rng = random.Random(options.seed)  # noqa: S311 - picks sample queries, not secrets
    print(
        f"archive: {Article.objects.published().count():,} published articles, "
        f"{Document.objects.count():,} in the search index"
    )
    print(f"{'edition':<9}{'queries':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'first ms':>10}")
    first: list[float] = []
    for edition in ("uk", "en"):
        pairs = options.pair * options.queries if options.pair else []
        pairs = pairs or word_pairs(edition, options.queries, rng)
        # The first query of a fresh process, then a warm-up: the first run of a query
        # reads pages from disk.
        started = time.perf_counter()
        run(edition, pairs[0])
        first.append((time.perf_counter() - started) * 1000)
        for pair in pairs[1:]:
            run(edition, pair)
        timings = []
        for pair in pairs:
            started = time.perf_counter()
            run(edition, pair)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(
            f"{edition:<9}{len(timings):>8}{statistics.median(timings):>9.1f}"
            f"{p95:>9.1f}{timings[-1]:>9.1f}{first[-1]:>10.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
