"""A WordPress export (WXR 1.0 to 1.2), read as a stream.

:func:`read` yields the export's authors, terms (categories, tags, others) and items one
at a time, each as soon as its element ends, and forgets the element: a 2 GB export is
read in the memory of its largest item. WordPress has written WXR under several namespace
addresses (``http`` and ``https``, versions 1.0 to 1.2), so elements are matched by local
name within any ``wordpress.org/export`` namespace.

Real exports are dirty: broken markup, missing elements, dates of ``0000-00-00``, authors
that were never declared, bytes that are not UTF-8. The reader recovers what the XML
parser can and reports the rest as :class:`Problem` (with the line), never stopping at the
first bad item.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from lxml import etree

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
EXCERPT_MARK = "/excerpt/"
DC_NS = "http://purl.org/dc/elements/1.1/"


@dataclass(frozen=True)
class Author:
    login: str
    email: str
    display_name: str
    line: int


@dataclass(frozen=True)
class Term:
    """A category, a tag or another taxonomy's term (``kind``: its taxonomy)."""

    kind: str
    slug: str
    name: str
    parent: str
    description: str
    line: int


@dataclass(frozen=True)
class ItemTerm:
    """A term an item is filed under: ``domain`` is the taxonomy, ``slug`` its nicename."""

    domain: str
    slug: str
    name: str


@dataclass
class Item:
    """One ``<item>``: a post, page, attachment, menu item… (``post_type``)."""

    line: int
    wp_id: int | None
    post_type: str
    title: str
    link: str
    guid: str
    creator: str
    content: str
    excerpt: str
    status: str
    slug: str
    published_at: dt.datetime | None
    parent: int | None
    attachment_url: str
    terms: list[ItemTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """What identifies the item across runs: its WordPress id, else its guid."""
        return f"wp:{self.wp_id}" if self.wp_id is not None else f"guid:{self.guid}"

    @property
    def label(self) -> str:
        """How a report names the item."""
        name = self.title or self.slug or self.guid or "untitled"
        return f"{self.post_type} {self.wp_id if self.wp_id is not None else '?'} «{name}»"


@dataclass(frozen=True)
class Problem:
    """Something in the file that could not be read as it should: the line and why."""

    line: int
    message: str


@dataclass(frozen=True)
class Site:
    """The exporting site, from the channel: its addresses identify the source of every
    item across runs, and tell an old address of the site from any other link."""

    base_site_url: str
    base_blog_url: str
    link: str

    @property
    def address(self) -> str:
        """The blog's own address: ``base_blog_url`` (``base_site_url`` is the network's,
        the same ``https://wordpress.com/`` for every blog hosted there), else the rest."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


def site(path: Path) -> Site:
    """The channel's addresses, read from the part of the file before the first item."""
    with path.open("rb") as stream:
        head = _Scanner(stream).head().decode("utf-8", errors="replace")

    def first(pattern: str) -> str:
        found = re.search(pattern, head, re.S)
        if found is None:
            return ""
        return re.sub(r"^<!\[CDATA\[|\]\]>$", "", found.group(1).strip()).strip()

    return Site(
        base_site_url=first(r"<wp:base_site_url>(.*?)</wp:base_site_url>"),
        base_blog_url=first(r"<wp:base_blog_url>(.*?)</wp:base_blog_url>"),
        # The channel's own link comes before its first item, authors and terms.
        link=first(r"<channel>.*?<link>(.*?)</link>"),
    )


@dataclass(frozen=True)
class Unread:
    """An item left unparsed, as the caller asked (see :func:`read`): only its line."""

    line: int


def read(
    path: Path, *, unless: Callable[[bytes], bool] | None = None
) -> Iterator[Author | Term | Item | Problem | Unread]:
    """The export's parts in file order: the channel's authors and terms, then each item.

    Items are cut out of the byte stream and parsed one by one, so a broken item (an
    unclosed element, bytes that are not UTF-8) costs that item alone: it is repaired
    where the parser can, or reported and skipped, and the items after it are read.
    ``unless``: an item whose raw bytes it is true of is not parsed, only counted
    (:class:`Unread`), for a pass that wants few of them."""
    with path.open("rb") as stream:
        scanner = _Scanner(stream)
        head = scanner.head()
        declarations = _declarations(head)
        yield from _channel(head, declarations)
        del head  # a channel of 40,000 tags is megabytes, not needed past here
        for chunk, line in scanner.items():
            if unless is not None and unless(chunk):
                yield Unread(line)
            else:
                yield from _item_parts(chunk, line, declarations)
        if scanner.unfinished is not None:
            yield Problem(scanner.unfinished, "an item that never ends (the file is cut short)")


class _Scanner:
    """Cuts ``<item>…</item>`` out of a byte stream, one at a time, holding no more than
    one item (and one read block) in memory. ``</item>`` inside CDATA does not end one.

    Positions are kept in the buffer rather than cutting its front off at each item: the
    buffer is compacted only when a block is read, so an item costs its own bytes, not a
    copy of the block's rest."""

    BLOCK = 1 << 20

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.buffer = b""
        self.start = 0  # where the unread part of the buffer begins
        self.line = 1  # the line at ``start``
        self.unfinished: int | None = None

    def _more(self) -> int:
        """Reads a block; returns by how much the positions in the buffer moved back."""
        block = self.stream.read(self.BLOCK)
        if not block:
            return -1
        shift = self.start
        self.buffer = self.buffer[self.start :] + block
        self.start = 0
        return shift

    def _consume(self, upto: int) -> bytes:
        taken = self.buffer[self.start : upto]
        self.start = upto
        self.line += taken.count(b"\n")
        return taken

    def _find(self, needle: bytes, start: int) -> tuple[int, int]:
        """Where ``needle`` is at or after ``start`` (-1: nowhere before the end of the
        stream), and by how much the positions moved back while reading more."""
        moved = 0
        while (found := self.buffer.find(needle, start)) < 0:
            start = max(self.start, len(self.buffer) - len(needle))
            shift = self._more()
            if shift < 0:
                return -1, moved
            start -= shift
            moved += shift
        return found, moved

    def head(self) -> bytes:
        """Everything before the first item: the channel's own elements."""
        found, _moved = self._find(b"<item>", self.start)
        return self._consume(found if found >= 0 else len(self.buffer))

    def items(self) -> Iterator[tuple[bytes, int]]:
        while (start := self._find(b"<item>", self.start)[0]) >= 0:
            self._consume(start)
            line = self.line
            end = self._end_of_item()
            if end < 0:
                self.unfinished = line
                return
            yield self._consume(end), line

    def _end_of_item(self) -> int:
        position = self.start + len(b"<item>")
        while True:
            closing, moved = self._find(b"</item>", position)
            position -= moved
            if closing < 0:
                return -1
            opening = self.buffer.find(b"<![CDATA[", position, closing)
            if opening < 0:
                return closing + len(b"</item>")
            finish, _moved = self._find(b"]]>", opening)
            if finish < 0:
                return -1
            position = finish + len(b"]]>")


_NAMESPACE = re.compile(rb"""xmlns(:[\w.-]+)?\s*=\s*("[^"]*"|'[^']*')""")


def _declarations(head: bytes) -> bytes:
    """The namespace declarations of the export's root, for parsing items on their own."""
    root = re.search(rb"<rss\b[^>]*>", head)
    found = _NAMESPACE.findall(root.group(0)) if root else []
    return b" ".join(b"xmlns" + prefix + b"=" + value for prefix, value in found)


def _parse(chunk: bytes, declarations: bytes, line: int) -> tuple[Any, list[str]]:
    """``chunk``, which starts on ``line`` of the file, parsed inside a root that declares
    the export's namespaces. Bytes that are not UTF-8 are replaced and broken markup is
    repaired where libxml2 can; both are reported, with the file's line numbers."""
    problems = []
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = line + chunk[: exc.start].count(b"\n")
        problems.append(f"bytes that are not UTF-8 on line {bad_line}, replaced by U+FFFD")
        chunk = chunk.decode("utf-8", errors="replace").encode("utf-8")
    document = b"<wxr-part " + declarations + b">" + chunk + b"</wxr-part>"
    options = {"resolve_entities": False, "no_network": True, "huge_tree": True}
    try:
        return etree.fromstring(document, etree.XMLParser(**options)), problems
    except etree.XMLSyntaxError as exc:
        # libxml2 counts from the chunk's first line; say the file's.
        message = re.sub(r"line (\d+)", lambda m: f"line {line + int(m.group(1)) - 1}", exc.msg)
        problems.append(f"broken XML: {message}")
        lenient = etree.XMLParser(recover=True, **options)
        return etree.fromstring(document, lenient), problems


# The channel's own parts, each cut out and parsed alone like the items.
_CHANNEL_PART = re.compile(rb"<(wp):(author|category|tag|term)>.*?</\1:\2>", re.S)


def _channel(head: bytes, declarations: bytes) -> Iterator[Author | Term | Problem]:
    if re.search(rb"<channel\b", head) is None:
        yield Problem(1, "no <channel>: this is not a WordPress export")
        return
    # Lines counted from the previous part, not from the top: a channel of 40,000 tags
    # counted from the top each time read its megabytes 40,000 times over.
    line, counted = 1, 0
    for match in _CHANNEL_PART.finditer(head):
        line += head.count(b"\n", counted, match.start())
        counted = match.start()
        root, problems = _parse(match.group(0), declarations, line)
        part = _part(root[0], line - 1) if root is not None and len(root) else None
        if part is None:
            yield Problem(line, f"a wp:{match.group(2).decode()} that could not be read: skipped")
        else:
            yield part
        for problem in problems:
            yield Problem(line, problem)


def _item_parts(chunk: bytes, line: int, declarations: bytes) -> Iterator[Item | Problem]:
    """The item, carrying what was wrong with it; a Problem when nothing could be read."""
    root, problems = _parse(chunk, declarations, line)
    element = root.find("item") if root is not None else None
    if element is None:
        yield Problem(line, "; ".join(["an item that could not be read: skipped", *problems]))
        return
    item = _item(element, line - 1)
    item.problems[:0] = problems
    yield item


def _local(element: Any) -> tuple[str, str]:
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return "", tag if isinstance(tag, str) else ""
    namespace, _sep, name = tag[1:].partition("}")
    return namespace, name


def _is_wp(namespace: str) -> bool:
    return "wordpress.org/export" in namespace and EXCERPT_MARK not in namespace


def _part(element: Any, offset: int) -> Author | Term | Problem | None:
    """A channel-level element as an author or a term; None for the others."""
    namespace, name = _local(element)
    if not _is_wp(namespace):
        return None
    line = offset + (element.sourceline or 1)
    if name == "author":
        return Author(
            login=_text(element, "author_login"),
            email=_text(element, "author_email"),
            display_name=_text(element, "author_display_name"),
            line=line,
        )
    if name == "category":
        names = ("category_nicename", "cat_name", "category_parent")
        return _term(element, line, "category", names)
    if name == "tag":
        return _term(element, line, "post_tag", ("tag_slug", "tag_name", ""))
    if name == "term":
        kind = _text(element, "term_taxonomy")
        return _term(element, line, kind, ("term_slug", "term_name", "term_parent"))
    return None


def _term(element: Any, line: int, kind: str, names: tuple[str, str, str]) -> Term | Problem:
    slug, name, parent = names
    found = Term(
        kind=kind,
        slug=_text(element, slug),
        name=_text(element, name),
        parent=_text(element, parent) if parent else "",
        description=_text(element, "category_description") or _text(element, "term_description"),
        line=line,
    )
    if not found.slug and not found.name:
        return Problem(found.line, f"a {kind} with neither a slug nor a name: skipped")
    return found


def _child(element: Any, name: str, *, wp: bool = True, namespace: str = "") -> Any:
    for child in element:
        child_namespace, child_name = _local(child)
        if child_name != name:
            continue
        if wp and _is_wp(child_namespace):
            return child
        if not wp and child_namespace == namespace:
            return child
    return None


def _text(element: Any, name: str, *, wp: bool = True, namespace: str = "") -> str:
    child = _child(element, name, wp=wp, namespace=namespace)
    return (child.text or "") if child is not None else ""


def _item(element: Any, offset: int) -> Item:
    line = offset + (element.sourceline or 1)
    problems: list[str] = []
    raw_id = _text(element, "post_id").strip()
    wp_id = int(raw_id) if raw_id.isdigit() else None
    if wp_id is None:
        problems.append("no wp:post_id: the guid identifies it")
    raw_parent = _text(element, "post_parent").strip()
    excerpt = next(
        (
            child.text or ""
            for child in element
            if _local(child)[1] == "encoded" and EXCERPT_MARK in _local(child)[0]
        ),
        "",
    )
    item = Item(
        line=line,
        wp_id=wp_id,
        post_type=_text(element, "post_type").strip() or "post",
        title=_text(element, "title", wp=False).strip(),
        link=_text(element, "link", wp=False).strip(),
        guid=_text(element, "guid", wp=False).strip(),
        creator=_text(element, "creator", wp=False, namespace=DC_NS).strip(),
        content=_text(element, "encoded", wp=False, namespace=CONTENT_NS),
        excerpt=excerpt,
        status=_text(element, "status").strip() or "draft",
        slug=_text(element, "post_name").strip(),
        published_at=_published(element, problems),
        parent=int(raw_parent) if raw_parent.isdigit() and raw_parent != "0" else None,
        attachment_url=_text(element, "attachment_url").strip(),
        problems=problems,
    )
    for child in element:
        child_namespace, child_name = _local(child)
        if child_name == "category" and not child_namespace:
            item.terms.append(
                ItemTerm(
                    domain=child.get("domain") or "category",
                    slug=child.get("nicename") or "",
                    name=(child.text or "").strip(),
                )
            )
        elif child_name == "postmeta" and _is_wp(child_namespace):
            key = _text(child, "meta_key")
            if key:
                item.meta[key] = _text(child, "meta_value")
        elif child_name == "comment" and _is_wp(child_namespace):
            item.comments += 1
    return item


def _published(element: Any, problems: list[str]) -> dt.datetime | None:
    """The item's date in UTC: ``wp:post_date_gmt``, else ``pubDate``. Drafts carry
    ``0000-00-00 00:00:00``: no date, which is not a problem."""
    raw = _text(element, "post_date_gmt").strip()
    if raw and not raw.startswith("0000"):
        try:
            return dt.datetime.strptime(raw, "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.UTC)
        except ValueError:
            problems.append(f"bad wp:post_date_gmt {raw!r}")
    stamp = _text(element, "pubDate", wp=False).strip()
    if stamp:
        try:
            found = parsedate_to_datetime(stamp)
        except (TypeError, ValueError):
            problems.append(f"bad pubDate {stamp!r}")
        else:
            if found.tzinfo is not None and found.year > 1:
                return found.astimezone(dt.UTC)
            problems.append(f"pubDate without a time zone {stamp!r}")
    return None
