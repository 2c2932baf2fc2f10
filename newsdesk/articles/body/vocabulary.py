"""The body's vocabulary: for every kind of block, how each output shows it, in one table.

An output (the reader page, the feeds, the partners' HTML of the API and ninjs, the search
index) never walks a body itself: it asks :func:`chosen` what the bodies choose, loads those
objects in one query per kind for all of them, and asks :func:`render` or :func:`text` for
the result. A kind that an output leaves out says so with an :class:`Omitted` and its
reason, so that a new block cannot silently disappear from an output
(``articles/tests/test_body_vocabulary.py`` walks ``BodyBlock.child_blocks``).

The reader's HTML is the block's own template (``Meta.template``, rendered by Wagtail); the
other outputs read the stored data (``raw_data``) directly, so rendering them builds no
block values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import markup

OUTPUTS = ("reader", "feed", "partner", "search")
# What a chooser field holds: the objects an output loads before it renders.
IMAGE, ARTICLE, STORY = "image", "article", "story"


@dataclass(frozen=True)
class Omitted:
    """An output that deliberately shows nothing of a kind, and why."""

    reason: str


@dataclass(frozen=True)
class BlockTemplate:
    """The reader's rendering: the block's template, given the chosen objects loaded."""


Html = Callable[[Any, "Loaded"], str]
Text = Callable[[Any, "Loaded"], Iterable[str]]


@dataclass(frozen=True)
class Kind:
    reader: BlockTemplate | Omitted
    feed: Html | Omitted
    partner: Html | Omitted
    search: Text | Omitted
    # The value's chooser fields and what each chooses (IMAGE, ARTICLE or STORY).
    chooses: Mapping[str, str] = field(default_factory=dict)

    def output(self, name: str) -> Any:
        return getattr(self, name)


@dataclass(frozen=True)
class Loaded:
    """The chosen objects of the bodies being rendered, and how this output links them.

    ``images`` and ``articles`` are by id (``articles`` holds only published ones);
    ``timelines`` holds each embedded story of the edition with its entries, oldest first.
    ``picture`` is the output's markup for an image block (its renditions or original file),
    ``absolute`` turns a site path into the output's absolute address.
    """

    images: Mapping[int, Any] = field(default_factory=dict)
    articles: Mapping[int, Any] = field(default_factory=dict)
    timelines: Mapping[int, markup.Timeline] = field(default_factory=dict)
    picture: Callable[[Any, Mapping[str, Any]], str] = lambda image, value: ""
    absolute: Callable[[str], str] = lambda path: path


def _image(value: Mapping[str, Any], loaded: Loaded) -> str:
    image = loaded.images.get(value.get("image"))  # type: ignore[arg-type]
    return "" if image is None else loaded.picture(image, value)


def _read_also(value: Mapping[str, Any], loaded: Loaded) -> str:
    target = loaded.articles.get(value.get("article"))  # type: ignore[arg-type]
    if target is None:
        return ""  # a draft or expired article: no link that leads to a 404
    return markup.read_also(loaded.absolute(target.get_url()), target.headline)


def _timeline(value: Mapping[str, Any], loaded: Loaded) -> str:
    found = loaded.timelines.get(value.get("story"))  # type: ignore[arg-type]
    if found is None:
        return ""
    entries = markup.in_range(found.entries, value.get("start"), value.get("end"))
    return markup.timeline(found.title, loaded.absolute(found.path), entries)


def _timeline_text(value: Mapping[str, Any], loaded: Loaded) -> Iterator[str]:
    found = loaded.timelines.get(value.get("story"))  # type: ignore[arg-type]
    if found is None:
        return
    yield found.title
    for entry in markup.in_range(found.entries, value.get("start"), value.get("end")):
        yield from (entry.speaker, entry.statement, entry.source_name)


def _struct(render: Callable[[Mapping[str, Any], Loaded], Any]) -> Callable[[Any, Loaded], Any]:
    """``render`` for a StructBlock's stored dict; anything else stored there shows nothing."""

    def checked(value: Any, loaded: Loaded) -> Any:
        return render(value, loaded) if isinstance(value, dict) else ""

    return checked


def _text(render: Callable[[str, Loaded], Any]) -> Callable[[Any, Loaded], Any]:
    def checked(value: Any, loaded: Loaded) -> Any:
        return render(value, loaded) if isinstance(value, str) else ""

    return checked


TEMPLATE = BlockTemplate()
SITE_NAVIGATION = Omitted(
    "A link to another of our pages is the site's navigation: a feed item stands alone, and "
    "the linked article is its own document in the index."
)

VOCABULARY: dict[str, Kind] = {
    "paragraph": Kind(
        reader=TEMPLATE,
        feed=_text(lambda value, _: markup.rich_text(value)),
        partner=_text(lambda value, _: markup.rich_text(value)),
        search=_text(lambda value, _: [markup.plain(value)]),
    ),
    "subheading": Kind(
        reader=TEMPLATE,
        feed=_text(lambda value, _: markup.subheading(value)),
        partner=_text(lambda value, _: markup.subheading(value)),
        search=_text(lambda value, _: [value]),
    ),
    "image": Kind(
        reader=TEMPLATE,
        feed=_struct(_image),
        partner=_struct(_image),
        # The caption says what the picture shows; alternative text repeats it for screen
        # readers and would count the same words twice.
        search=_struct(lambda value, _: [str(value.get("caption") or "")]),
        chooses={"image": IMAGE},
    ),
    "quote": Kind(
        reader=TEMPLATE,
        feed=_struct(lambda value, _: markup.quote(value)),
        partner=_struct(lambda value, _: markup.quote(value)),
        search=_struct(
            lambda value, _: [str(value.get("text") or ""), str(value.get("attribution") or "")]
        ),
    ),
    "embed": Kind(
        reader=TEMPLATE,
        # Feed readers and partners frame nothing of ours: the embed becomes its link.
        feed=_struct(lambda value, _: markup.embed_link(value)),
        partner=_struct(lambda value, _: markup.embed_link(value)),
        search=_struct(lambda value, _: [str(value.get("title") or "")]),
    ),
    "read_also": Kind(
        reader=TEMPLATE,
        feed=SITE_NAVIGATION,
        # Partners republish the article and may keep our links; only published targets.
        partner=_struct(_read_also),
        search=SITE_NAVIGATION,
        chooses={"article": ARTICLE},
    ),
    "fact_box": Kind(
        reader=TEMPLATE,
        feed=_struct(lambda value, _: markup.fact_box(value)),
        partner=_struct(lambda value, _: markup.fact_box(value)),
        search=_struct(
            lambda value, _: [
                str(value.get("title") or ""),
                markup.plain(str(value.get("body") or "")),
            ]
        ),
    ),
    "timeline": Kind(
        reader=TEMPLATE,
        feed=_struct(_timeline),
        partner=_struct(_timeline),
        search=_struct(_timeline_text),
        chooses={"story": STORY},
    ),
}


@dataclass
class Chosen:
    """The ids chosen by one or many bodies, by what they choose."""

    images: set[int] = field(default_factory=set)
    articles: set[int] = field(default_factory=set)
    stories: set[int] = field(default_factory=set)

    def of(self, what: str) -> set[int]:
        return {IMAGE: self.images, ARTICLE: self.articles, STORY: self.stories}[what]


def chooser_field(kind: str) -> str | None:
    """The one chooser field of ``kind`` (None for a block that chooses nothing)."""
    found = VOCABULARY.get(kind)
    return next(iter(found.chooses), None) if found else None


def chosen(bodies: Iterable[Iterable[Mapping[str, Any]]], output: str) -> Chosen:
    """What ``output`` needs loaded to render every body of ``bodies`` (stored data): the
    choices of blocks it leaves out are not asked for."""
    found = Chosen()
    for raw_blocks in bodies:
        for raw in raw_blocks:
            kind = VOCABULARY.get(raw.get("type", ""))
            value = raw.get("value")
            if kind is None or not isinstance(value, dict):
                continue
            if isinstance(kind.output(output), Omitted):
                continue
            for name, what in kind.chooses.items():
                if isinstance(value.get(name), int):
                    found.of(what).add(value[name])
    return found


def render(output: str, raw_blocks: Iterable[Mapping[str, Any]], loaded: Loaded) -> str:
    """The body as ``output`` ("feed" or "partner") shows it, one block to a line."""
    chunks = []
    for raw in raw_blocks:
        kind = VOCABULARY.get(raw.get("type", ""))
        html = kind.output(output) if kind else None
        if html is None or isinstance(html, Omitted):
            continue  # a kind the code no longer has, or one this output leaves out
        chunk = html(raw.get("value"), loaded)
        if chunk:
            chunks.append(str(chunk))
    return "\n".join(chunks)


def text(raw_blocks: Iterable[Mapping[str, Any]], loaded: Loaded) -> str:
    """The body's readable text for the search index, one part to a line."""
    parts: list[str] = []
    for raw in raw_blocks:
        kind = VOCABULARY.get(raw.get("type", ""))
        words = kind.search if kind else None
        if words is None or isinstance(words, Omitted):
            continue
        parts.extend(part for part in words(raw.get("value"), loaded) if part)
    return "\n".join(parts)
