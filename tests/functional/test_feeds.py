"""Feeds as aggregators read them: parsed by feedparser (RSS, Atom) and checked against the
JSON Feed 1.1 spec, for every scope and both editions; conditional GET as clients use it."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlsplit

import feedparser
import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import timezone
from lxml import etree
from PIL import Image

from newsdesk.articles import labels
from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.sections.models import Section
from newsdesk.syndication import content
from newsdesk.syndication.tests.helpers import new_article, scope_of

HEADLINE = 'Grain corridor & ports: "open" <again> after talks'


def _parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, feedparser.parse(response.content)


def _check_json_feed(document: dict) -> None:
    """JSON Feed 1.1: version, title and items are required; each item needs an id
    (a string) and content_html or content_text; dates are RFC 3339."""
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(document["title"], str) and document["title"]
    assert isinstance(document["items"], list)
    for item in document["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_html") or item.get("content_text"), str)
        for key in ("date_published", "date_modified"):
            if key in item:
                assert dt.datetime.fromisoformat(item[key]).utcoffset() is not None
        for author in item.get("authors", []):
            assert author["name"]


def _links(client, url: str) -> list[str]:
    response = client.get(url)
    if url.endswith(".json"):
        document = json.loads(response.content)
        _check_json_feed(document)
        return [item["url"] for item in document["items"]]
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
    return [entry.link for entry in parsed.entries]


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_every_feed_lists_the_published_article_and_never_a_draft_or_unpublished_one(
    client, demo_newsroom, edition, settings
):
    published = new_article(edition, "fresh-story", headline=HEADLINE)
    actions.publish(article=published)
    draft = new_article(edition, "draft-story")
    actions.save_draft(article=draft)
    scheduled = new_article(edition, "scheduled-story")
    actions.schedule(article=scheduled, go_live_at=timezone.now() + dt.timedelta(hours=3))
    withdrawn = new_article(edition, "withdrawn-story")
    actions.publish(article=withdrawn)
    actions.unpublish(article=withdrawn)

    address = f"{settings.BASE_URL}/{edition}/news/fresh-story/"
    hidden = {
        f"{settings.BASE_URL}/{edition}/news/{slug}/"
        for slug in ("draft-story", "scheduled-story", "withdrawn-story")
    }
    for name, url in scope_of(published).feeds().items():
        found = _links(client, url)
        assert address in found, name
        assert not hidden & set(found), name


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_rss_and_atom_carry_what_readers_need(client, demo_newsroom, edition, settings):
    article = new_article(
        edition,
        "labelled-story",
        headline=HEADLINE,
        labels=[labels.AFFILIATE],
        body=[{"type": "paragraph", "value": '<p>Buy <a href="/shop/">here</a>.</p>'}],
    )
    actions.publish(article=article)

    rss_response, rss = _parse(client, f"/{edition}/news/rss.xml")
    atom_response, atom = _parse(client, f"/{edition}/news/atom.xml")
    assert rss_response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert atom_response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert rss.bozo == 0 and atom.bozo == 0
    assert rss.version == "rss20" and atom.version == "atom10"
    assert rss.feed.language == edition
    for parsed, url in ((rss, "rss.xml"), (atom, "atom.xml")):
        self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
        assert self_links == [f"{settings.BASE_URL}/{edition}/news/{url}"]
        entry = next(e for e in parsed.entries if e.link.endswith("/labelled-story/"))
        assert entry.title == HEADLINE
        assert entry.id == f"tag:{urlsplit(settings.BASE_URL).hostname},2026:article:{article.pk}"
        assert entry.published_parsed is not None
        assert entry.link.startswith(settings.BASE_URL)
        # Categories are topics; the kind of piece is its dc:type (decision 0026).
        terms = {tag.term for tag in entry.tags}
        assert terms == {article.section.name, *(tag.name for tag in article.tags.all())}
        names = {byline.author.name for byline in article.bylines.all()}
        assert names <= {author.name for author in entry.authors}
        html = entry.content[0].value
        assert f'<a href="{settings.BASE_URL}/shop/"' in html
        assert entry.enclosures[0].href.startswith(settings.BASE_URL + "/media/")
        assert entry.enclosures[0].type.startswith("image/")
        assert int(entry.enclosures[0].length) > 0
    guid = next(e for e in rss.entries if e.link.endswith("/labelled-story/")).guidislink
    assert guid is False
    affiliate = "Affiliate material" if edition == "en" else "Партнерський матеріал"
    for response, item_path in ((rss_response, "channel/item"), (atom_response, "atom:entry")):
        assert _genres(response.content, item_path, "/labelled-story/") == [affiliate]
    # Links in sponsored material are marked as such in the feed as on the site.
    assert b"sponsored noopener noreferrer" in rss_response.content


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_json_feed_follows_the_spec(client, demo_newsroom, edition):
    article = new_article(edition, "json-story", headline=HEADLINE, labels=[labels.AFFILIATE])
    actions.publish(article=article)
    response = client.get(f"/{edition}/news/feed.json")
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    document = json.loads(response.content)
    _check_json_feed(document)
    assert document["language"] == edition
    assert document["feed_url"].endswith(f"/{edition}/news/feed.json")
    item = next(i for i in document["items"] if i["url"].endswith("/json-story/"))
    assert item["title"] == HEADLINE
    assert item["_newsdesk"] == {"labels": ["affiliate"], "sponsored": True}
    assert item["image"].startswith("http")
    assert item["tags"] == [article.section.name, *(tag.name for tag in article.tags.all())]
    ordinary = [i for i in document["items"] if not i["url"].endswith("/json-story/")]
    assert ordinary and all("sponsored" not in i.get("_newsdesk", {}) for i in ordinary)
    # The feed's own icons and author: square images of the site's mark, the newsroom.
    home = f"http://127.0.0.1:8000/{edition}/"
    assert document["authors"] == [{"name": "Newsdesk", "url": home}]
    for key, size in (("icon", 512), ("favicon", 64)):
        name = urlsplit(document[key]).path.removeprefix("/static/")
        with Image.open(finders.find(name)) as image:
            assert image.size == (size, size), key


NS = {"atom": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/"}


def _genres(xml: bytes, item_path: str, link_end: str) -> list[str]:
    """The ``dc:type`` values of the item whose link ends with ``link_end``."""
    for item in etree.fromstring(xml).iterfind(item_path, NS):
        link = item.findtext("link") or item.find("atom:link", NS).get("href")
        if link.endswith(link_end):
            return [found.text for found in item.iterfind("dc:type", NS)]
    raise AssertionError(link_end)


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_an_update_is_told_by_dates_not_by_a_category(client, demo_newsroom, edition, clock):
    article = new_article(edition, "noted-story", headline=HEADLINE)
    actions.publish(article=article)
    clock.shift(dt.timedelta(hours=2))
    actions.publish(article=article, update_note="Figures added.")
    rss_response, rss = _parse(client, f"/{edition}/news/rss.xml")
    entry = next(e for e in rss.entries if e.link.endswith("/noted-story/"))
    updated = "Updated" if edition == "en" else "Оновлено"
    assert updated not in {tag.term for tag in entry.tags}
    assert _genres(rss_response.content, "channel/item", "/noted-story/") == []
    item = next(
        found
        for found in etree.fromstring(rss_response.content).iterfind("channel/item")
        if found.findtext("link").endswith("/noted-story/")
    )
    modified = dt.datetime.fromisoformat(item.findtext("{http://purl.org/dc/terms/}modified"))
    article.refresh_from_db()
    assert modified == article.modified_at
    assert modified - article.first_published_at >= dt.timedelta(hours=2)
    document = json.loads(client.get(f"/{edition}/news/feed.json").content)
    found = next(i for i in document["items"] if i["url"].endswith("/noted-story/"))
    assert found["_newsdesk"] == {"labels": ["updated"]}
    assert updated not in found["tags"]


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_a_client_that_was_away_pages_back_through_the_whole_feed(
    client, demo_newsroom, edition, monkeypatch
):
    monkeypatch.setattr(content, "FEED_SIZE", 2)
    expected = [
        f"http://127.0.0.1:8000{article.get_url()}"
        for article in Article.objects.published().in_edition(edition).newest_first()
    ]
    assert len(expected) > 4  # three slices at least
    seen, url, slices = [], f"/{edition}/news/feed.json", 0
    while url:
        document = json.loads(client.get(url).content)
        _check_json_feed(document)
        seen += [item["url"] for item in document["items"]]
        slices += 1
        url = document.get("next_url", "").removeprefix("http://127.0.0.1:8000")
    assert seen == expected
    assert slices == -(-len(expected) // 2)
    # Atom says the same with RFC 5005's rel="next".
    atom = feedparser.parse(client.get(f"/{edition}/news/atom.xml").content)
    following = [link.href for link in atom.feed.links if link.rel == "next"]
    second = feedparser.parse(
        client.get(following[0].removeprefix("http://127.0.0.1:8000")).content
    )
    assert [e.link for e in second.entries] == expected[2:4]


@pytest.mark.parametrize(
    ("edition", "message"),
    [
        ("en", "This page of the feed does not exist"),
        ("uk", "Такої сторінки стрічки немає"),
    ],
)
@pytest.mark.parametrize("after", ["forged", "1-2-3", "9" * 41, "99999999999999999999-1"])
def test_a_forged_slice_of_a_feed_is_a_clear_bad_request(
    client, demo_newsroom, edition, message, after
):
    response = client.get(f"/{edition}/news/feed.json", {"after": after})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_feed_titles_are_in_the_edition_language(client, demo_newsroom):
    assert "Останні новини" in feedparser.parse(client.get("/uk/news/rss.xml").content).feed.title
    assert "Latest news" in feedparser.parse(client.get("/en/news/rss.xml").content).feed.title


def test_conditional_get_answers_304_until_something_is_published(client, demo_newsroom):
    url = reverse("syndication:news_atom", kwargs={"edition": "en"})
    first = client.get(url)
    assert first.status_code == 200
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    etag, modified = first["ETag"], first["Last-Modified"]

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

    actions.publish(article=new_article("en", "breaking-story"))
    fresh = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200
    assert b"breaking-story" in fresh.content
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/uk/sections/no-such-section/rss.xml",
        "/en/tags/no-such-tag/atom.xml",
        "/uk/authors/no-such-author/rss.xml",
    ],
)
def test_unknown_slugs_are_404(client, db, url):
    assert client.get(url).status_code == 404


def test_a_section_of_the_other_edition_is_404(client, demo_newsroom):
    english = set(Section.objects.filter(locale__language_code="en").values_list("slug", flat=True))
    uk_only = Section.objects.filter(locale__language_code="uk").exclude(slug__in=english).first()
    assert uk_only is not None
    assert client.get(f"/en/sections/{uk_only.slug}/rss.xml").status_code == 404
    assert client.get(f"/en/sections/{uk_only.slug}/atom.xml").status_code == 404
    assert client.get(f"/uk/sections/{uk_only.slug}/rss.xml").status_code == 200


PAYLOADS = ('<script>alert("s")</script>', "<img src=x onerror=alert(1)>")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_a_channel_description_shows_as_text_and_never_runs(client, db, payload):
    """Readers render an RSS channel's description as HTML: the section's, tag's, author's
    and story's texts are escaped for it, as items' descriptions are."""
    from newsdesk.testing import factories

    section = factories.section("en", "war-hostile", name="War", description=payload)
    tag = factories.tag("en", "tag-hostile", name="Kharkiv", description=payload)
    author = factories.author("en", "author-hostile", name=payload)
    story = factories.story("en", "story-hostile", title="Grid", summary=payload)
    feeds = [
        f"/en/sections/{section.slug}/rss.xml",
        f"/en/tags/{tag.slug}/rss.xml",
        f"/en/authors/{author.slug}/rss.xml",
        f"/en/stories/{story.slug}/rss.xml",
    ]
    tag_name = payload[1:4]  # "scr" or "img"
    for url in feeds:
        response, parsed = _parse(client, url)
        raw = response.content.decode()
        description = raw.split("<description>", 1)[1].split("</description>", 1)[0]
        # Escaped twice in the XML: once for HTML, once for XML.
        assert f"&amp;lt;{tag_name}" in description, url
        assert f"&lt;{tag_name}" not in description.replace("&amp;lt;", ""), url
        # What a reader renders (feedparser's sanitised HTML) is the text, no element.
        assert f"&lt;{tag_name}" in parsed.feed.subtitle, url
        assert f"<{tag_name}" not in parsed.feed.subtitle, url
