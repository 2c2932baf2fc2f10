"""Query budgets (DESIGN.md: at most 8 per page, independent of the archive's size) and
keyset paging of the latest-news feed."""

from __future__ import annotations

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from newsdesk.articles.models import Article

from .conftest import Page

BUDGET = 8


# The shared demo newsroom's size (see the root conftest).
DEMO_ARTICLES = 20


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


@override_settings(NEWSDESK_FEED_PAGE_SIZE=4)
def test_feed_pages_by_keyset_and_covers_every_article_once(client, demo_newsroom):
    expected = [a.get_url() for a in Article.objects.published().in_edition("en").newest_first()]
    seen: list[str] = []
    url: str | None = "/en/news/"
    sql: list[str] = []
    while url:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        sql += [query["sql"] for query in queries.captured_queries]
        page = Page(response.content.decode())
        seen += [a["href"] for a in page.anchors if a.get("class") == "feed-link"]
        more = [a["href"] for a in page.anchors if "data-feed-more" in a]
        url = more[0] if more else None
    assert seen == expected
    assert len(seen) == len(set(seen))
    assert not [statement for statement in sql if " OFFSET " in statement.upper()]


def test_anonymous_pages_never_read_the_session(client, demo_content, pages):
    demo_content(articles=10)
    where = pages("uk")
    for url in [*where.listings().values(), where.article]:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert not [q for q in queries.captured_queries if "django_session" in q["sql"]], url
        assert not [q for q in queries.captured_queries if "auth_user" in q["sql"]], url
