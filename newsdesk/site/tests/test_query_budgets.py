"""Query budgets of the reader pages (DESIGN.md: at most 8 per page, independent of the
archive's size), at two archive sizes.

Its own module: the other page tests share one demo newsroom per module, and this one
needs to grow an archive of its own from a known small size."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

BUDGET = 8


def _count(client, url: str) -> int:
    client.get(url)  # warm: renditions made on first use are not part of the budget
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _measure(client, urls: dict[str, str]) -> dict[str, int]:
    return {name: _count(client, url) for name, url in urls.items()}


def test_query_counts_stay_within_budget_and_do_not_grow(
    client, demo_content, pages, django_assert_max_num_queries
):
    demo_content(articles=10)
    urls = {}
    for edition in ("uk", "en"):
        where = pages(edition)
        found = where.listings() | {"article": where.article, "updated": where.updated_article}
        urls |= {f"{edition} {name}": url for name, url in found.items()}
    small = _measure(client, urls)
    demo_content(articles=500)
    large = _measure(client, urls)
    assert max(small.values()) <= BUDGET, small
    assert large == small, {"10 articles": small, "500 articles": large}
    for url in (pages("uk").article, pages("en").news, pages("uk").home):
        with django_assert_max_num_queries(BUDGET):
            client.get(url)
