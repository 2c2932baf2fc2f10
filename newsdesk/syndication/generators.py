"""Feed formats: Django's RSS 2.0 and Atom writers with full text and several authors,
and JSON Feed 1.1, which Django does not have.

Each item is added with the extra keywords ``content_html``, ``authors`` (a list of
:class:`~newsdesk.syndication.content.Person`), ``image`` (a ``Picture`` or None),
``sponsored``, ``labels`` (every label, as ``Label``) and ``genres`` (the labels that say
what kind of piece it is). The feed itself takes ``next_url`` (the next older slice),
``icon``, ``favicon`` and ``publisher`` (a ``Person``).

Categories are topics only (section and tags). The kind of piece goes in ``dc:type``,
Dublin Core's "nature or genre of the resource"; that an item was updated is told by its
modification date (``dcterms:modified`` in RSS, ``updated`` in Atom, ``date_modified`` in
JSON Feed) — decision 0026.
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

from .xml_text import xml_text

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


class RssFeed(Rss201rev2Feed):
    """RSS 2.0 with ``content:encoded`` (the RSS content module) for the full text and one
    ``dc:creator`` per author (RSS's own ``author`` element wants an e-mail address)."""

    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self) -> dict[str, str]:
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
            "xmlns:dcterms": DCTERMS_NS,
        }

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for person in item.get("authors", []):
            handler.addQuickElement("dc:creator", xml_text(person.name))
        _genres(handler, item)
        updated, published = item.get("updateddate"), item.get("pubdate")
        if updated is not None and published is not None and updated > published:
            handler.addQuickElement("dcterms:modified", rfc3339_date(updated))
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class AtomFeed(Atom1Feed):
    """Atom 1.0 (RFC 4287) with ``<content type="html">`` and an ``<author>`` per byline."""

    content_type = "application/atom+xml; charset=utf-8"

    def root_attributes(self) -> dict[str, str]:
        return {**super().root_attributes(), "xmlns:dc": DC_NS}

    def add_root_elements(self, handler: Any) -> None:
        super().add_root_elements(handler)
        if self.feed.get("icon"):
            handler.addQuickElement("icon", self.feed["icon"])
        if self.feed.get("next_url"):
            # RFC 5005, paged feeds: where the next older entries are.
            handler.addQuickElement("link", "", {"rel": "next", "href": self.feed["next_url"]})

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for person in item.get("authors", []):
            handler.startElement("author", {})
            handler.addQuickElement("name", xml_text(person.name))
            handler.addQuickElement("uri", person.url)
            handler.endElement("author")
        _genres(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


def _genres(handler: Any, item: dict[str, Any]) -> None:
    for label in item.get("genres", []):
        handler.addQuickElement("dc:type", label.name)


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
            "next_url": self.feed.get("next_url"),
            "icon": self.feed.get("icon"),
            "favicon": self.feed.get("favicon"),
            "authors": [_person(self.feed["publisher"])] if self.feed.get("publisher") else None,
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
            "authors": [_person(person) for person in item.get("authors", [])] or None,
            "tags": list(item["categories"]) or None,
            "image": item["image"].url if item.get("image") else None,
        }
        # JSON Feed 1.1, "Extensions": custom keys start with an underscore. Label codes
        # are stable across editions; their names are the site's.
        extension: dict[str, Any] = {}
        if item.get("labels"):
            extension["labels"] = [label.code for label in item["labels"]]
        if item.get("sponsored"):
            extension["sponsored"] = True
        if extension:
            found["_newsdesk"] = extension
        return {key: value for key, value in found.items() if value is not None}

    def write(self, outfile: Any, encoding: str) -> None:
        outfile.write(json.dumps(self.document(), ensure_ascii=False).encode(encoding))


def _person(person: Any) -> dict[str, str]:
    return {"name": person.name, "url": person.url}
