"""The corrections page: corrections and clarifications of published articles, newest
first, paged by keyset, in a fixed number of queries."""

from __future__ import annotations

import json
import re

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from newsdesk.articles.models import Article
from newsdesk.editions import kyiv
from newsdesk.publishing import actions

from .conftest import Page

# The entries with their articles, and the section navigation of the page frame.
CORRECTIONS_QUERIES = 2


# The shared demo newsroom's size (see the root conftest).
DEMO_ARTICLES = 20


def _published(edition: str, count: int) -> list[Article]:
    rows = list(Article.objects.published().in_edition(edition).newest_first()[:count])
    assert len(rows) == count
    return rows


def _correct(article: Article, note: str, kind: str = "correction") -> None:
    actions.publish(article=article, update_kind=kind, update_note=note)


def test_lists_corrections_and_clarifications_newest_first_with_their_articles(
    client, demo_newsroom
):
    first, second, third = _published("en", 3)
    _correct(first, "The strike was on Tuesday, not Monday.")
    _correct(second, "The figure is for the region, not the city.", kind="clarification")
    _correct(third, "More rescuers arrived.", kind="update")

    response = client.get("/en/corrections/")

    assert response.status_code == 200
    page = Page(response.content.decode())
    text = page.visible_text
    assert "Corrections and clarifications" in text
    clarified = text.index("The figure is for the region")
    corrected = text.index("The strike was on Tuesday")
    assert clarified < corrected  # newest first
    assert "Clarification · " in text and "Correction · " in text
    assert "More rescuers arrived." not in text  # an update is news, not a correction
    links = [a["href"] for a in page.anchors]
    assert first.get_url() in links and second.get_url() in links
    assert client.get("/uk/corrections/").content.decode().count("The strike was") == 0


def test_entries_of_unpublished_articles_are_left_out(client, demo_newsroom):
    (article,) = _published("uk", 1)
    _correct(article, "Виправлено ім'я мера.")
    assert "Виправлено ім&#x27;я мера." in client.get("/uk/corrections/").content.decode()

    actions.unpublish(article=article)

    body = client.get("/uk/corrections/").content.decode()
    assert "мера" not in body
    assert article.get_url() not in body


def test_the_footer_links_to_the_corrections_page(client, demo_newsroom):
    page = Page(client.get("/uk/").content.decode())
    assert "/uk/corrections/" in [a["href"] for a in page.anchors]


@override_settings(NEWSDESK_FEED_PAGE_SIZE=3)
def test_pages_by_keyset_in_fixed_queries(client, demo_newsroom, django_assert_max_num_queries):
    articles = _published("en", 7)
    for number, article in enumerate(articles):
        _correct(article, f"Correction number {number}.")
    seen: list[str] = []
    sql: list[str] = []
    counts: list[int] = []
    url: str | None = "/en/corrections/"
    while url:
        client.get(url)  # warm the page frame's cached parts
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
        sql += [query["sql"] for query in queries.captured_queries]
        page = Page(response.content.decode())
        seen += [part.split(".")[0] for part in page.visible_text.split("Correction number ")[1:]]
        more = [a["href"] for a in page.anchors if a.get("rel") == "next"]
        url = more[0] if more else None
    assert seen == [str(n) for n in reversed(range(7))]
    assert len(counts) == 3 and len(set(counts)) == 1
    assert max(counts) <= CORRECTIONS_QUERIES
    assert not [statement for statement in sql if " OFFSET " in statement.upper()]
    with django_assert_max_num_queries(CORRECTIONS_QUERIES):
        client.get("/en/corrections/")


def test_a_cursor_we_did_not_make_is_a_bad_request(client, demo_newsroom):
    response = client.get("/en/corrections/?after=yesterday")
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


def test_the_article_shows_the_correction_and_its_json_ld_follows_the_log(client, demo_newsroom):
    (article,) = _published("en", 1)
    _correct(article, "The strike was on Tuesday, not Monday.")
    newest = article.update_log.order_by("-created_at", "-id").first()
    assert newest is not None and newest.kind == "correction"

    html = client.get(article.get_url()).content.decode()

    assert "The strike was on Tuesday, not Monday." in Page(html).visible_text
    blocks = [
        json.loads(raw)
        for raw in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    news = next(block for block in blocks if block.get("@type") == "NewsArticle")
    assert news["correction"][0] == "The strike was on Tuesday, not Monday."
    assert news["dateModified"] == kyiv(newest.created_at).isoformat(timespec="seconds")
