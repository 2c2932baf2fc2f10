"""Origin render cost of each reader page, in process (no network, no front cache).

    NEWSDESK_HOME=var/bench-home python bench/pages.py --articles 2000 --requests 200

Builds (or tops up) the demo content with `load_demo`, then renders each page type with
Django's test client and prints, per page: SQL queries, mean and p95 milliseconds, and
pages per second of one process. Times depend on the machine; the query counts do not.

``--bodies`` measures only the pages that show full article bodies (the article pages, the
feeds, the API's article and ninjs) in the same run, alternating: rendered anew on every
read (``NEWSDESK_KEEP_RENDERED = False``), and from what is kept by published revision —
bodies, feed entries, article pages, feed items (the default). The query count of the kept
side is that of a warm request. ``--listings`` does the same for the home page and the
listings of both editions (section, tag, a deep "More news" page), with an article view
beside them as the yardstick; ``--profile N`` prints where N kept views of each listing
spend their time (cProfile).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from typing import Any
from urllib.parse import urlencode

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
os.environ.setdefault("NEWSDESK_HOME", "var/bench")
# The origin's own cost: the app's page cache would answer every repeat from memory.
os.environ["NEWSDESK_PAGE_CACHE"] = "0"
os.makedirs(os.environ["NEWSDESK_HOME"], exist_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--bodies", action="store_true", help="kept renders off and on")
    parser.add_argument("--listings", action="store_true", help="listings, kept off and on")
    parser.add_argument("--profile", type=int, default=0, help="profile N views of each")
    options = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from newsdesk.articles.models import Article

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_demo", articles=options.articles, verbosity=0)
    # The per-client limits are for the internet, not for this loop.
    from django.conf import settings

    settings.NEWSDESK_API_RATE = "1000000/s"
    settings.NEWSDESK_SEARCH_RATE = "1000000/s"
    settings.NEWSDESK_MISS_RATE = "1000000/s"
    print(f"load_demo --articles {options.articles}: {time.perf_counter() - started:.1f} s")

    client = Client(HTTP_HOST="127.0.0.1")
    pages: dict[str, str] = {}
    for edition in ("uk", "en"):
        article = (
            Article.objects.published()
            .in_edition(edition)
            .select_related("section")
            .newest_first()
            .first()
        )
        assert article is not None
        tag = article.tags.first()
        byline = article.bylines.select_related("author").first()
        pages[f"{edition} home"] = f"/{edition}/"
        pages[f"{edition} feed"] = f"/{edition}/news/"
        pages[f"{edition} article"] = article.get_url()
        pages[f"{edition} section"] = f"/{edition}/sections/{article.section.slug}/"
        if tag:
            pages[f"{edition} tag"] = f"/{edition}/tags/{tag.slug}/"
        if byline:
            pages[f"{edition} author"] = f"/{edition}/authors/{byline.author.slug}/"

    # A deep "More news" page of each edition: the one a full page before the oldest article.
    from newsdesk.articles.query import Cursor

    deep = settings.NEWSDESK_FEED_PAGE_SIZE + 1
    for edition in ("uk", "en"):
        oldest = (
            Article.objects.published().in_edition(edition).order_by("first_published_at", "id")
        )
        cursor = Cursor.after(oldest[min(deep, oldest.count() - 1)])
        pages[f"{edition} feed, last page"] = f"/{edition}/news/?after={cursor.encode()}"
    # What outside clients read.
    newest = Article.objects.published().in_edition("uk").newest_first().first()
    assert newest is not None
    month = f"{newest.first_published_at:%Y-%m}"
    pages |= {
        "uk RSS": "/uk/news/rss.xml",
        "uk Atom": "/uk/news/atom.xml",
        "uk JSON Feed": "/uk/news/feed.json",
        "sitemap index": "/sitemap.xml",
        "uk month sitemap": f"/uk/sitemaps/articles-{month}.xml",
        "uk news sitemap": "/uk/sitemaps/news.xml",
        "uk search": "/uk/search/?" + urlencode({"q": "обстріл міста"}),
        "en search": "/en/search/?" + urlencode({"q": "drone attack"}),
        "API list": "/api/v1/articles?edition=uk",
        "API ninjs": f"/api/v1/articles/{newest.pk}/ninjs",
    }

    def measure(url: str) -> tuple[int, float, float]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)  # now: each request clears the log (request_started)
        timings = []
        for _ in range(options.requests):
            t0 = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - t0) * 1000)
        timings.sort()
        return queries, statistics.fmean(timings), timings[int(len(timings) * 0.95) - 1]

    if options.bodies:
        with_bodies = ("article", "RSS", "Atom", "JSON Feed", "ninjs")
        shown = {name: url for name, url in pages.items() if name.endswith(with_bodies)}
        shown["API article"] = f"/api/v1/articles/{newest.pk}"
        # The heaviest body the demo writes: a story's article that embeds its timeline.
        for article in Article.objects.published().filter(story__isnull=False).newest_first():
            if any(block.get("type") == "timeline" for block in article.body.raw_data):
                shown["timeline article"] = article.get_url()
                shown["timeline API"] = f"/api/v1/articles/{article.pk}"
                break
        return compare(shown, measure, settings)
    if options.listings:
        listed = ("home", "section", "tag", "last page", "uk article")
        shown = {name: url for name, url in pages.items() if name.endswith(listed)}
        if options.profile:
            return profile(shown, client, options.profile)
        return compare(shown, measure, settings)

    print(f"{'page':<22}{'queries':>8}{'mean ms':>10}{'p95 ms':>9}{'pages/s':>9}")
    for name, url in pages.items():
        queries, mean, p95 = measure(url)
        print(f"{name:<22}{queries:>8}{mean:>10.1f}{p95:>9.1f}{1000 / mean:>9.0f}")
    return 0


def compare(pages: dict[str, str], measure: Any, settings: Any, cycles: int = 3) -> int:
    """Each page rendered anew on every read, then from what is kept by published revision
    (bodies, feed entries, article pages), alternating, ``cycles`` times; the median of
    each side's means is printed, so that a slow moment of the machine hits both."""
    results: dict[bool, dict[str, list[tuple[int, float, float]]]] = {False: {}, True: {}}
    for _cycle in range(cycles):
        for name, url in pages.items():
            for keep in (False, True):
                settings.NEWSDESK_KEEP_RENDERED = keep
                results[keep].setdefault(name, []).append(measure(url))
    print(
        f"{'page':<18}{'rendered: q':>12}{'pages/s':>9}{'kept: q':>9}{'pages/s':>9}{'speed-up':>9}"
    )
    for name in pages:
        q0 = results[False][name][0][0]
        q1 = results[True][name][-1][0]
        mean0 = statistics.median(run[1] for run in results[False][name])
        mean1 = statistics.median(run[1] for run in results[True][name])
        print(
            f"{name:<18}{q0:>12}{1000 / mean0:>9.0f}{q1:>9}{1000 / mean1:>9.0f}"
            f"{mean0 / mean1:>8.1f}x"
        )
    return 0


def profile(pages: dict[str, str], client: Any, views: int) -> int:
    """Where ``views`` warm views of each page spend their time, the top of cProfile's
    cumulative table, with kept renders on (the default)."""
    import cProfile
    import pstats

    for name, url in pages.items():
        client.get(url)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(views):
            client.get(url)
        profiler.disable()
        print(f"--- {name} ({views} views)")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
