"""Keyset paging of the latest-news feed, and anonymous pages that never read the session
(the budgets at two archive sizes are in ``test_query_budgets``)."""

from __future__ import annotations

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from newsdesk.articles.models import Article

from .conftest import Page

# The shared demo newsroom's size (see the root conftest).
DEMO_ARTICLES = 20


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


def test_anonymous_pages_never_read_the_session(client, demo_newsroom, pages):
    where = pages("uk")
    for url in [*where.listings().values(), where.article]:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert not [q for q in queries.captured_queries if "django_session" in q["sql"]], url
        assert not [q for q in queries.captured_queries if "auth_user" in q["sql"]], url
