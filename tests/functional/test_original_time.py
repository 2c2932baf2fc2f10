"""An article dated at its original first publication (decision 0038) lands in its own day
of the archive, its month sitemap and search, and never in today's news outputs."""

from __future__ import annotations

import datetime as dt
import html
import json

import feedparser
import pytest
from django.utils import timezone
from django.utils.translation import override

from newsdesk.publishing import actions
from newsdesk.site import presentation
from newsdesk.syndication.tests.helpers import new_article, scope_of

pytestmark = pytest.mark.dated


@pytest.fixture
def seed_story(demo_newsroom, django_capture_on_commit_callbacks):
    article = new_article("uk", "seed-story-kharkiv", headline="Насіннєвий фонд Харківщини")
    original = timezone.now() - dt.timedelta(days=45, hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article, first_published_at=original)
    return article


def _feed_links(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    if url.endswith(".json"):
        return [item["url"] for item in json.loads(response.content)["items"]]
    return [entry.link for entry in feedparser.parse(response.content).entries]


def test_it_goes_out_in_no_feed_nor_news_sitemap(client, seed_story):
    address = seed_story.get_url()
    feeds = scope_of(seed_story).feeds()
    assert feeds
    for url in feeds.values():
        links = _feed_links(client, url)
        assert links, url  # the feed lists the section's other articles
        assert not any(link.endswith(address) for link in links), url
    assert address not in client.get("/uk/sitemaps/news.xml").content.decode()


def test_it_stays_out_of_the_feeds_even_when_dated_an_hour_ago(
    client, demo_newsroom, django_capture_on_commit_callbacks
):
    article = new_article("uk", "late-filing")
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article, first_published_at=timezone.now() - dt.timedelta(hours=1))
    links = _feed_links(client, "/uk/news/rss.xml")
    assert not any(link.endswith(article.get_url()) for link in links)
    assert article.get_url() not in client.get("/uk/sitemaps/news.xml").content.decode()
    # A fresh article goes out as ever.
    fresh = new_article("uk", "fresh-news")
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=fresh)
    assert any(link.endswith(fresh.get_url()) for link in _feed_links(client, "/uk/news/rss.xml"))


def test_it_lands_in_its_month_sitemap_search_and_its_own_day(client, seed_story):
    address = seed_story.get_url()
    month = f"/uk/sitemaps/articles-{seed_story.first_published_at:%Y-%m}.xml"
    assert address in client.get(month).content.decode()

    found = client.get("/uk/search/", {"q": "Насіннєвий фонд"}).content.decode()
    assert address in found

    with override("uk"):
        # The headings come escaped for the page ("П&#x27;ятниця"); the page is read unescaped.
        day = html.unescape(presentation.day_heading(seed_story.first_published_at))
        today = html.unescape(presentation.day_heading(timezone.now()))
    # Paging back by "More news" reaches its day, with the article under that day's heading.
    url, seen = "/uk/news/", ""
    for _page in range(200):
        page = html.unescape(client.get(url).content.decode())
        if address in page:
            seen = page
            break
        marker = page.rfind("?after=")
        assert marker != -1, "the archive ended before the article's day"
        url = "/uk/news/" + page[marker : page.index('"', marker)].replace("&amp;", "&")
    assert seen
    before = seen[: seen.index(address)]
    headings = before.split('class="day-heading">')[1:]
    assert headings[-1].startswith(day)
    assert day != today


def test_its_page_shows_the_original_date_in_the_editions_format(client, seed_story):
    page = html.unescape(client.get(seed_story.get_url()).content.decode())
    with override("uk"):
        shown = presentation.moment(seed_story.first_published_at)
    assert shown in page
    assert seed_story.first_published_at < timezone.now() - dt.timedelta(days=40)
