"""A live update as machines read it: feeds (feedparser), the read API, ninjs (the IPTC
schema), the news sitemap and the page's JSON-LD (extruct). Each output is read once before
the update, so what it kept (the front cache, kept feed entries) must follow the purge."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import quote

import extruct
import feedparser
import pytest
from django.urls import reverse
from lxml import etree

from newsdesk.api.tests.test_ninjs import SCHEMAS, ninjs_validator, problems
from newsdesk.editions import kyiv
from newsdesk.http_policy import absolute
from newsdesk.live import digest
from newsdesk.live.models import LiveUpdate
from newsdesk.publishing.live import publish_live_update
from newsdesk.testing import factories

pytestmark = [pytest.mark.django_db, pytest.mark.dated]

NEWS = "Drones were shot down over Odesa overnight."
FIRST = "Air raid alert in Odesa region."
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _seconds(moment: dt.datetime) -> dt.datetime:
    return moment.replace(microsecond=0)


def _when(text: str) -> dt.datetime:
    return _seconds(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))


@pytest.fixture
def coverage(django_capture_on_commit_callbacks, clock):
    """A live article with a picture and one update, published an hour before the test's
    updates."""
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.live_article("en", "odesa-live", hero_image=factories.image())
        factories.live_update(article, FIRST)
    clock.shift(dt.timedelta(hours=1))
    return article


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def run(article, text=NEWS, **fields) -> LiveUpdate:
        with django_capture_on_commit_callbacks(execute=True):
            return factories.live_update(article, text, **fields)

    return run


def _feeds(client) -> dict[str, object]:
    found = {}
    for name in ("news_rss", "news_atom", "news_json"):
        response = client.get(reverse(f"syndication:{name}", kwargs={"edition": "en"}))
        assert response.status_code == 200
        if name == "news_json":
            found[name] = json.loads(response.content)
        else:
            parsed = feedparser.parse(response.content)
            assert parsed.bozo == 0, parsed.get("bozo_exception")
            found[name] = parsed
    return found


def _items(feeds: dict, url: str) -> dict[str, tuple[str, str | None]]:
    """Each feed's (content, modification time) of the entry at ``url``."""
    found = {}
    for name in ("news_rss", "news_atom"):
        entry = next(e for e in feeds[name].entries if e.link == url)
        # RSS items have no modification time; Atom entries must.
        found[name] = (entry.content[0].value, entry["updated"] if name == "news_atom" else None)
    item = next(i for i in feeds["news_json"]["items"] if i["url"] == url)
    found["news_json"] = (item["content_html"], item.get("date_modified"))
    return found


def test_a_live_update_reaches_every_feed_with_its_time(client, coverage, publish):
    url = absolute(coverage.get_url())
    before = _items(_feeds(client), url)
    assert all(NEWS not in content for content, _ in before.values())

    update = publish(coverage, title="Air defence at work")
    after = _items(_feeds(client), url)
    for name, (content, _updated) in after.items():
        assert NEWS in content, name
        assert "Air defence at work" in content and "Air raid alert" in content
        assert content.index(NEWS) < content.index("Air raid alert"), "newest first"
    assert _when(after["news_atom"][1]) == _seconds(update.published_at)
    assert _when(after["news_json"][1]) == _seconds(update.published_at)


def test_an_edited_or_removed_update_reaches_the_feed(
    client, coverage, publish, clock, django_capture_on_commit_callbacks
):
    update = publish(coverage)
    _feeds(client)
    clock.shift(dt.timedelta(minutes=10))
    update.body = factories.paragraphs("Drones were shot down over Mykolaiv overnight.")
    with django_capture_on_commit_callbacks(execute=True):
        edited = publish_live_update(update=update)
    content, modified = _items(_feeds(client), absolute(coverage.get_url()))["news_json"]
    assert "Mykolaiv" in content and "Odesa overnight" not in content
    assert _when(modified) == _seconds(edited.edited_at)

    clock.shift(dt.timedelta(minutes=10))
    removed_at = _seconds(dt.datetime.now(dt.UTC))
    with django_capture_on_commit_callbacks(execute=True):
        LiveUpdate.objects.get(pk=update.pk).delete()
    content, modified = _items(_feeds(client), absolute(coverage.get_url()))["news_json"]
    assert "Mykolaiv" not in content and "Air raid alert" in content
    assert _when(modified) >= removed_at


def test_a_feed_carries_the_newest_updates_and_links_to_the_page_for_the_rest(
    client, coverage, publish, monkeypatch
):
    monkeypatch.setattr(digest, "MACHINE_UPDATES", 2)
    publish(coverage, "Second update.")
    publish(coverage, "Third update.")
    url = absolute(coverage.get_url())
    content, _ = _items(_feeds(client), url)["news_atom"]
    assert "Third update." in content and "Second update." in content
    assert "Air raid alert" not in content
    assert f'href="{url}"' in content and "All 3 updates on the live page" in content


def test_a_live_update_reaches_the_api_and_updated_since(client, coverage, publish):
    detail = reverse("api:article", kwargs={"article_id": coverage.pk})
    listing = "/api/v1/articles?edition=en&updated_since="
    assert NEWS not in client.get(detail).json()["body_html"]
    since = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    assert client.get(listing + quote(since.isoformat())).json()["items"] == []

    update = publish(coverage)
    found = client.get(detail).json()
    assert NEWS in found["body_html"]
    assert _when(found["modified_at"]) == _seconds(update.published_at)
    items = client.get(listing + quote(since.isoformat())).json()["items"]
    assert [item["id"] for item in items] == [coverage.pk]
    assert _when(items[0]["modified_at"]) == _seconds(update.published_at)


def test_a_live_update_reaches_ninjs(client, coverage, publish):
    address = reverse("api:article_ninjs", kwargs={"article_id": coverage.pk})
    assert NEWS not in client.get(address).json()["bodies"][0]["value"]

    update = publish(coverage)
    item = client.get(address).json()
    if (SCHEMAS / "ninjs-schema_3.1.json").exists():
        assert problems(ninjs_validator(), item) == []
    body = item["bodies"][0]
    assert NEWS in body["value"]
    assert body["wordCount"] >= len(NEWS.split()) + len(FIRST.split())
    assert _when(item["versionCreated"]) == _seconds(update.published_at)


def test_a_live_update_moves_the_news_sitemaps_lastmod(client, coverage, publish):
    path = reverse("syndication:news_sitemap", kwargs={"edition": "en"})
    url = absolute(coverage.get_url())

    def lastmod() -> dt.datetime:
        tree = etree.fromstring(client.get(path).content)
        found = tree.xpath(f'//s:url[s:loc="{url}"]/s:lastmod/text()', namespaces=SITEMAP_NS)
        return _when(found[0])

    first = lastmod()
    update = publish(coverage)
    assert lastmod() == _seconds(update.published_at) > first


def test_a_live_page_has_one_main_entity_modified_at_its_newest_update(client, coverage, publish):
    update = publish(coverage, title="Air defence at work")
    html = client.get(coverage.get_url()).content.decode()
    found = extruct.extract(html, base_url=absolute(coverage.get_url()), syntaxes=["json-ld"])[
        "json-ld"
    ]
    assert sorted(item["@type"] for item in found) == ["BreadcrumbList", "LiveBlogPosting"]
    blog = next(item for item in found if item["@type"] == "LiveBlogPosting")
    assert blog["headline"] == coverage.headline
    assert blog["author"] and all(person["name"] for person in blog["author"])
    assert blog["image"] and all(isinstance(url, str) for url in blog["image"])
    assert blog["dateModified"] == kyiv(update.published_at).isoformat(timespec="seconds")
    assert blog["liveBlogUpdate"][0]["headline"] == "Air defence at work"
