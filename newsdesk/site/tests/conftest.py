"""Reader-page fixtures: addresses of every page type, found in the demo content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from newsdesk.articles.models import Article, Byline
from newsdesk.publishing import actions


class Page(HTMLParser):
    """A rendered page, parsed: visible text, attributes, links and scripts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.text: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.anchors: list[dict[str, str]] = []
        self._skip = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.attributes += [(tag, name, value) for name, value in values.items()]
        if tag == "script":
            self.scripts.append(values)
        if tag in ("script", "style", "template"):
            self._skip += 1
        if tag == "link":
            self.links.append(values)
        if tag == "a":
            self.anchors.append(values)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)

    @property
    def visible_text(self) -> str:
        return " ".join(" ".join(self.text).split())

    def alternates(self) -> dict[str, str]:
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }

    def canonical(self) -> str:
        return next(link["href"] for link in self.links if link.get("rel") == "canonical")

    def anchor(self, marker: str) -> dict[str, str]:
        return next(a for a in self.anchors if marker in a)


# A raw UI key such as client/title.list_title, or template syntax that reached the reader.
RAW_KEY = re.compile(r"(?<![\w./:-])[a-z_]+(?:/[a-z_]+)+\.[a-z_]+\b|\{\{|\}\}|\{%|%\}")


@dataclass
class ReaderPages:
    """One address of each reader page type in an edition."""

    edition: str
    home: str
    news: str
    article: str
    updated_article: str
    section: str
    tag: str
    author: str

    def listings(self) -> dict[str, str]:
        return {
            "home": self.home,
            "news": self.news,
            "section": self.section,
            "tag": self.tag,
            "author": self.author,
        }


def _url(name: str, edition: str, slug: str | None = None) -> str:
    kwargs = {"edition": edition} | ({"slug": slug} if slug else {})
    return reverse(f"site:{name}", kwargs=kwargs)


def reader_pages(edition: str) -> ReaderPages:
    """Addresses found in whatever content is loaded; an update is published if the
    edition has no article with an update log yet.

    Every listing chosen shows at least one picture, so that its query count is that of a
    full page whatever the archive holds (an all-text page skips the renditions query).
    """
    published = (
        Article.objects.published()
        .in_edition(edition)
        .filter(hero_image__isnull=False)
        .newest_first()
    )
    article = published.exclude(update_log__isnull=False).first() or published.first()
    assert article is not None, f"no published article in {edition}"
    updated = published.filter(update_log__isnull=False).first()
    if updated is None:
        updated = published.exclude(pk=article.pk).first()
        assert updated is not None
        actions.publish(article=updated, update_note="Casualty figures added.")
    tagged = published.filter(tags__isnull=False).first()
    assert tagged is not None, f"no tagged article in {edition}"
    byline = Byline.objects.filter(article__in=published).select_related("author").first()
    assert byline is not None, f"no byline in {edition}"
    return ReaderPages(
        edition=edition,
        home=_url("home", edition),
        news=_url("news", edition),
        article=_url("article", edition, article.slug),
        updated_article=_url("article", edition, updated.slug),
        section=_url("section", edition, article.section.slug),
        tag=_url("tag", edition, tagged.tags.first().slug),
        author=_url("author", edition, byline.author.slug),
    )


@pytest.fixture
def pages():
    """``pages("uk")``: one address of each reader page type in that edition."""
    return reader_pages
