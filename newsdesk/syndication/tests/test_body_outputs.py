"""An article's body in its feed item: the embedded timeline, and one quote markup shared
with the API."""

from __future__ import annotations

import feedparser
import pytest

from newsdesk.api import content as api_content
from newsdesk.articles.models import Article
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db


def _item(client, slug: str) -> str:
    parsed = feedparser.parse(client.get("/en/news/rss.xml").content)
    item = next(e for e in parsed.entries if e.link.endswith(f"/en/news/{slug}/"))
    return str(item.content[0].value)


def test_an_embedded_timeline_is_in_the_rss_item(client, django_capture_on_commit_callbacks):
    story = factories.story("en", "troops", title="Troops in Kursk")
    entry = factories.timeline_entry(story)
    factories.published(
        "en",
        "with-timeline",
        blocks=[factories.timeline(story)],
        capture=django_capture_on_commit_callbacks,
    )

    html = _item(client, "with-timeline")

    assert "Background: " in html and "Troops in Kursk" in html
    assert f"{entry.speaker}: {entry.statement}" in html
    assert '<a href="https://example.org/post/1" rel="noopener noreferrer">' in html


def test_a_quote_reads_the_same_in_the_feed_and_the_api(client, django_capture_on_commit_callbacks):
    quote = {"type": "quote", "value": {"text": "We hold the line.", "attribution": "Mayor"}}
    article = factories.published(
        "en", "quoted", blocks=[quote], capture=django_capture_on_commit_callbacks
    )
    expected = (
        "<figure><blockquote><p>We hold the line.</p></blockquote>"
        "<figcaption>— Mayor</figcaption></figure>"
    )

    assert expected in _item(client, "quoted")
    loaded = api_content.load_article(pk=article.pk)
    assert isinstance(loaded, Article)
    assert expected in api_content.body(loaded).html
