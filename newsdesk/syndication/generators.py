"""Feed formats: Django's RSS 2.0 and Atom writers with full text and several authors,
and JSON Feed 1.1, which Django does not have.

Each item is added with the extra keywords ``content_html``, ``authors`` (a list of
:class:`~newsdesk.syndication.content.Person`), ``image`` (a ``Picture`` or None) and
``sponsored``.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.feedgenerator import (
    Atom1Feed,
    Rss201rev2Feed,
    SyndicationFeed,
    rfc3339_date,
)

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


class RssFeed(Rss201rev2Feed):
    """RSS 2.0 with ``content:encoded`` (the RSS content module) for the full text and one
    ``dc:creator`` per author (RSS's own ``author`` element wants an e-mail address)."""

    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self) -> dict[str, str]:
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS, "xmlns:dc": DC_NS}

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for person in item.get("authors", []):
            handler.addQuickElement("dc:creator", person.name)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class AtomFeed(Atom1Feed):
    """Atom 1.0 (RFC 4287) with ``<content type="html">`` and an ``<author>`` per byline."""

    content_type = "application/atom+xml; charset=utf-8"

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for person in item.get("authors", []):
            handler.startElement("author", {})
            handler.addQuickElement("name", person.name)
            handler.addQuickElement("uri", person.url)
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1): ``version``, ``title`` and
    ``items`` are required at the top, ``id`` and one of the contents in each item."""

    content_type = "application/feed+json; charset=utf-8"

    def document(self) -> dict[str, Any]:
        feed: dict[str, Any] = {
            "version": JSON_FEED_VERSION,
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "items": [self.item(item) for item in self.items],
        }
        return {key: value for key, value in feed.items() if value is not None}

    def item(self, item: dict[str, Any]) -> dict[str, Any]:
        found: dict[str, Any] = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "summary": item.get("summary") or None,
            "content_html": item.get("content_html") or item["description"] or "",
            "date_published": rfc3339_date(item["pubdate"]) if item["pubdate"] else None,
            "date_modified": rfc3339_date(item["updateddate"]) if item["updateddate"] else None,
            "authors": [{"name": p.name, "url": p.url} for p in item.get("authors", [])] or None,
            "tags": list(item["categories"]) or None,
            "image": item["image"].url if item.get("image") else None,
        }
        if item.get("sponsored"):
            # JSON Feed 1.1, "Extensions": custom keys start with an underscore.
            found["_newsdesk"] = {"sponsored": True}
        return {key: value for key, value in found.items() if value is not None}

    def write(self, outfile: Any, encoding: str) -> None:
        outfile.write(json.dumps(self.document(), ensure_ascii=False).encode(encoding))
