"""What pages tell machines in their <head>: feed links, sharing tags, JSON-LD."""

from __future__ import annotations

import json
import re

import pytest

from newsdesk.site import structured_data

from .conftest import Page


def _feeds(page: Page) -> list[tuple[str, str]]:
    return [
        (link["type"], link["href"])
        for link in page.links
        if link.get("rel") == "alternate" and "type" in link
    ]


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_every_page_links_the_feeds_of_what_it_lists(client, demo_newsroom, pages, edition):
    where = pages(edition)
    expected = {
        where.home: [
            ("application/rss+xml", f"/{edition}/news/rss.xml"),
            ("application/atom+xml", f"/{edition}/news/atom.xml"),
            ("application/feed+json", f"/{edition}/news/feed.json"),
        ],
        where.article: [("application/rss+xml", f"/{edition}/news/rss.xml")],
        where.section: [
            ("application/rss+xml", f"{where.section}rss.xml"),
            ("application/atom+xml", f"{where.section}atom.xml"),
            ("application/rss+xml", f"/{edition}/news/rss.xml"),
        ],
        where.tag: [
            ("application/rss+xml", f"{where.tag}rss.xml"),
            ("application/atom+xml", f"{where.tag}atom.xml"),
            ("application/rss+xml", f"/{edition}/news/rss.xml"),
        ],
        where.author: [
            ("application/rss+xml", f"{where.author}rss.xml"),
            ("application/atom+xml", f"{where.author}atom.xml"),
            ("application/rss+xml", f"/{edition}/news/rss.xml"),
        ],
    }
    for url, feeds in expected.items():
        page = Page(client.get(url).content.decode())
        assert _feeds(page) == feeds, url
        titles = [link["title"] for link in page.links if link.get("type") in dict(feeds)]
        assert all(titles), url
        for media_type, href in feeds:
            response = client.get(href)
            assert response.status_code == 200, href
            assert response["Content-Type"].startswith(media_type), href


def test_home_and_listings_share_as_websites(client, demo_newsroom):
    html = client.get("/en/news/").content.decode()
    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:url" content="http://127.0.0.1:8000/en/news/">' in html
    assert '<meta property="og:locale:alternate" content="uk_UA">' in html
    assert '<meta name="twitter:card" content="summary">' in html


@pytest.mark.parametrize(
    ("labels", "kind"),
    [
        ([], "NewsArticle"),
        (["exclusive"], "NewsArticle"),
        (["opinion"], "OpinionNewsArticle"),
        (["review", "video"], "NewsArticle"),
        (["analysis"], "AnalysisNewsArticle"),
        (["video", "opinion"], "OpinionNewsArticle"),
    ],
)
def test_the_label_picks_the_schema_type(labels, kind):
    assert structured_data.article_type(labels) == kind


def test_a_review_is_a_news_article_of_the_review_genre():
    # ReviewNewsArticle would ask for the itemReviewed, which the newsroom does not model.
    assert structured_data.article_genre(["video", "review"]) == "review"
    assert structured_data.article_genre(["opinion"]) is None


def test_json_ld_escapes_what_could_end_the_script_block():
    block = str(structured_data.script({"headline": "a </script><!-- & b"}))
    inner = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', block)
    assert inner is not None
    assert "<" not in inner.group(1) and ">" not in inner.group(1)
    assert json.loads(inner.group(1)) == {"headline": "a </script><!-- & b"}
