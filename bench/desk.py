"""The editors' desk over whatever archive the database holds: the article listing's first
and a deep page (all, one edition, a status filter), the admin's search for a common and a
rare word, the dashboard, the Read also chooser (open and search) and the tag autocomplete.

    NEWSDESK_HOME=var/archive python bench/desk.py --runs 7

Signs in as a benchmark superuser (made if missing), warms each URL once, then times it
through Django's test client and prints the median and worst milliseconds and the SQL
queries per request. The deep page is the one 2,000 pages of 50 in (or the deepest the
archive has), reached by its keyset cursor as the "Older" links reach it. The budget
(DESIGN.md) is 1 s each. Times depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections import Counter

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings.dev")
os.environ.setdefault("NEWSDESK_HOME", "var/bench")
os.makedirs(os.environ["NEWSDESK_HOME"], exist_ok=True)

DEEP_PAGE = 2000
PER_PAGE = 50


def pick_words(rng: random.Random) -> tuple[str, str]:
    """A word of many headlines and one of a single headline, from a sample."""
    from newsdesk.articles.models import Article

    ids = list(Article.objects.order_by("-pk").values_list("pk", flat=True)[:20000])
    sample = Article.objects.filter(pk__in=rng.sample(ids, min(len(ids), 3000)))
    counts: Counter[str] = Counter()
    for headline in sample.values_list("headline", flat=True):
        counts.update(w.strip(".,:;«»\"'()!?").lower() for w in headline.split() if len(w) > 5)
    common = counts.most_common(1)[0][0]
    rare = rng.choice(sorted(w for w, n in counts.items() if n == 1))
    return common, rare


def measure(client, url: str, runs: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm
    assert response.status_code == 200, (url, response.status_code)
    times = []
    queries = 0
    for _run in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
    return statistics.median(times), max(times), queries


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    import django

    django.setup()
    from urllib.parse import quote, urlencode

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from newsdesk.articles.models import Article
    from newsdesk.editorial.autocomplete import URL_NAME as TAG_SEARCH

    rng = random.Random(options.seed)  # noqa: S311 - picks sample queries, not secrets
    total = Article.objects.count()
    user = get_user_model().objects.filter(username="bench-desk").first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench-desk", "bench@newsdesk.test", None)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)

    listing = reverse("wagtailsnippets_articles_article:list")
    depth = min(DEEP_PAGE * PER_PAGE, total - 1) - 1
    cursor = Article.objects.order_by("-pk").values_list("pk", flat=True)[depth]
    common, rare = pick_words(rng)
    cases = [
        ("article listing, page 1", listing),
        (f"article listing, page {depth // PER_PAGE + 2:,} (keyset)", f"{listing}?after={cursor}"),
        (f"admin search, common word «{common}»", f"{listing}?{urlencode({'q': common})}"),
        (f"admin search, rare word «{rare}»", f"{listing}?{urlencode({'q': rare})}"),
        ("article listing, Ukrainian edition", f"{listing}?locale=uk"),
        ("article listing, scheduled", f"{listing}?state=scheduled"),
        ("dashboard", reverse("wagtailadmin_home")),
        ("Read also chooser", reverse("wagtailsnippetchoosers_articles_article:choose")),
        (
            f"Read also chooser, search «{common}»",
            reverse("wagtailsnippetchoosers_articles_article:choose_results")
            + f"?{urlencode({'q': common})}",
        ),
        ("tag autocomplete «kh»", f"{reverse(TAG_SEARCH)}?edition=uk&q=kh"),
        ("tag autocomplete «тем»", f"{reverse(TAG_SEARCH)}?edition=uk&q={quote('тем')}"),
    ]
    print(f"archive: {total:,} articles")
    print("| what | median ms | worst ms | SQL queries |")
    print("|---|---|---|---|")
    for label, url in cases:
        median, worst, queries = measure(client, url, options.runs)
        print(f"| {label} | {median:.0f} | {worst:.0f} | {queries} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
