"""A WordPress export (WXR 1.2) written as a stream: RSS 2.0 with WordPress's ``wp:``
namespace, as WordPress's own exporter (``wp-admin/includes/export.php``) writes it, so that
WordPress's importer and ours (:mod:`.wxr`) read it.

The channel's authors and terms come first, then one ``<item>`` at a time: nothing is held
but the item being written. Text goes into CDATA sections, as WordPress writes it; a
``]]>`` inside is split across two sections, and characters XML 1.0 cannot carry (control
characters, lone surrogates) are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import format_datetime
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

WXR_VERSION = "1.2"
NAMESPACES = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}
# WordPress's "no date" (a draft's GMT date), which both importers read as none.
NO_DATE = "0000-00-00 00:00:00"
# XML 1.0 allows tab, newline, carriage return and U+0020 upwards, less surrogates and two
# non-characters (https://www.w3.org/TR/xml/#charsets).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
KYIV = ZoneInfo("Europe/Kyiv")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def cdata(text: str) -> str:
    return "<![CDATA[" + clean(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def wp_date(moment: dt.datetime | None, *, gmt: bool) -> str:
    """WordPress's ``Y-m-d H:i:s``: ``post_date`` in the site's time (Kyiv),
    ``post_date_gmt`` in UTC."""
    if moment is None:
        return NO_DATE
    shown = moment.astimezone(dt.UTC if gmt else KYIV)
    return shown.strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class Channel:
    title: str
    link: str
    description: str
    language: str
    base_site_url: str
    base_blog_url: str


@dataclass
class Post:
    """One ``<item>``: a post or an attachment (``post_type``). ``terms`` are (domain,
    slug, name); ``meta`` pairs of WordPress postmeta, a key may repeat."""

    post_id: int
    post_type: str
    title: str
    link: str
    guid: str
    creator: str
    content: str
    excerpt: str
    status: str
    slug: str
    date: dt.datetime | None
    modified: dt.datetime | None = None
    parent: int = 0
    attachment_url: str = ""
    terms: list[tuple[str, str, str]] = field(default_factory=list)
    meta: list[tuple[str, str]] = field(default_factory=list)


class WxrWriter:
    """Writes one WXR document to ``stream``: :meth:`start`, then authors and terms, then
    posts, then :meth:`finish`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")

    def start(self, channel: Channel, *, generator: str) -> None:
        spaces = " ".join(f"xmlns:{name}={quoteattr(uri)}" for name, uri in NAMESPACES.items())
        self._line('<?xml version="1.0" encoding="UTF-8" ?>')
        self._line(f'<rss version="2.0" {spaces}>')
        self._line("<channel>")
        self._line(f"\t<title>{escape(clean(channel.title))}</title>")
        self._line(f"\t<link>{escape(channel.link)}</link>")
        self._line(f"\t<description>{escape(clean(channel.description))}</description>")
        self._line(f"\t<language>{escape(channel.language)}</language>")
        self._line(f"\t<wp:wxr_version>{WXR_VERSION}</wp:wxr_version>")
        self._line(f"\t<wp:base_site_url>{escape(channel.base_site_url)}</wp:base_site_url>")
        self._line(f"\t<wp:base_blog_url>{escape(channel.base_blog_url)}</wp:base_blog_url>")
        self._line(f"\t<generator>{escape(generator)}</generator>")

    def author(self, number: int, login: str, display_name: str) -> None:
        self._line(
            f"\t<wp:author><wp:author_id>{number}</wp:author_id>"
            f"<wp:author_login>{cdata(login)}</wp:author_login>"
            "<wp:author_email></wp:author_email>"
            f"<wp:author_display_name>{cdata(display_name)}</wp:author_display_name>"
            "<wp:author_first_name></wp:author_first_name>"
            "<wp:author_last_name></wp:author_last_name></wp:author>"
        )

    def category(self, number: int, slug: str, name: str, description: str) -> None:
        self._line(
            f"\t<wp:category><wp:term_id>{number}</wp:term_id>"
            f"<wp:category_nicename>{cdata(slug)}</wp:category_nicename>"
            "<wp:category_parent></wp:category_parent>"
            f"<wp:cat_name>{cdata(name)}</wp:cat_name>"
            f"<wp:category_description>{cdata(description)}</wp:category_description>"
            "</wp:category>"
        )

    def tag(self, number: int, slug: str, name: str, description: str) -> None:
        self._line(
            f"\t<wp:tag><wp:term_id>{number}</wp:term_id>"
            f"<wp:tag_slug>{cdata(slug)}</wp:tag_slug>"
            f"<wp:tag_name>{cdata(name)}</wp:tag_name>"
            f"<wp:tag_description>{cdata(description)}</wp:tag_description></wp:tag>"
        )

    def term(self, number: int, taxonomy: str, slug: str, name: str, description: str) -> None:
        self._line(
            f"\t<wp:term><wp:term_id>{number}</wp:term_id>"
            f"<wp:term_taxonomy>{cdata(taxonomy)}</wp:term_taxonomy>"
            f"<wp:term_slug>{cdata(slug)}</wp:term_slug>"
            "<wp:term_parent></wp:term_parent>"
            f"<wp:term_name>{cdata(name)}</wp:term_name>"
            f"<wp:term_description>{cdata(description)}</wp:term_description></wp:term>"
        )

    def post(self, post: Post) -> None:
        parts = [
            "\t<item>",
            f"\t\t<title>{cdata(post.title)}</title>",
            f"\t\t<link>{escape(post.link)}</link>",
        ]
        if post.date is not None:
            parts.append(f"\t\t<pubDate>{format_datetime(post.date.astimezone(dt.UTC))}</pubDate>")
        dated = post.status not in {"draft", "pending"}
        parts += [
            f"\t\t<dc:creator>{cdata(post.creator)}</dc:creator>",
            f'\t\t<guid isPermaLink="false">{escape(post.guid)}</guid>',
            "\t\t<description></description>",
            f"\t\t<content:encoded>{cdata(post.content)}</content:encoded>",
            f"\t\t<excerpt:encoded>{cdata(post.excerpt)}</excerpt:encoded>",
            f"\t\t<wp:post_id>{post.post_id}</wp:post_id>",
            f"\t\t<wp:post_date>{cdata(wp_date(post.date, gmt=False))}</wp:post_date>",
            # WordPress leaves a draft's GMT date empty: it is set when the post goes out.
            "\t\t<wp:post_date_gmt>"
            f"{cdata(wp_date(post.date if dated else None, gmt=True))}</wp:post_date_gmt>",
            f"\t\t<wp:post_modified>{cdata(wp_date(post.modified, gmt=False))}</wp:post_modified>",
            "\t\t<wp:post_modified_gmt>"
            f"{cdata(wp_date(post.modified, gmt=True))}</wp:post_modified_gmt>",
            "\t\t<wp:comment_status>closed</wp:comment_status>",
            "\t\t<wp:ping_status>closed</wp:ping_status>",
            f"\t\t<wp:post_name>{cdata(post.slug)}</wp:post_name>",
            f"\t\t<wp:status>{cdata(post.status)}</wp:status>",
            f"\t\t<wp:post_parent>{post.parent}</wp:post_parent>",
            "\t\t<wp:menu_order>0</wp:menu_order>",
            f"\t\t<wp:post_type>{cdata(post.post_type)}</wp:post_type>",
            "\t\t<wp:post_password></wp:post_password>",
            "\t\t<wp:is_sticky>0</wp:is_sticky>",
        ]
        if post.attachment_url:
            parts.append(f"\t\t<wp:attachment_url>{cdata(post.attachment_url)}</wp:attachment_url>")
        for domain, slug, name in post.terms:
            parts.append(
                f"\t\t<category domain={quoteattr(domain)} nicename={quoteattr(clean(slug))}>"
                f"{cdata(name)}</category>"
            )
        parts += [_meta(key, value) for key, value in post.meta]
        parts.append("\t</item>")
        self._line("\n".join(parts))

    def finish(self) -> None:
        self._line("</channel>")
        self._line("</rss>")


def _meta(key: str, value: str) -> str:
    return (
        f"\t\t<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
        f"<wp:meta_value>{cdata(value)}</wp:meta_value></wp:postmeta>"
    )


def terms(domain: str, pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(slug, name) pairs as an item's terms of ``domain``."""
    return [(domain, slug, name) for slug, name in pairs]
