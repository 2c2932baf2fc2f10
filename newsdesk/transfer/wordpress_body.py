"""A WordPress post's HTML as our body blocks (``articles.blocks.BodyBlock``, raw form).

WordPress stores a post body in one of two shapes, often mixed in one archive:

- the classic editor's: loose text whose blank lines are paragraph breaks and single line
  breaks are ``<br>`` (WordPress adds the ``<p>`` only when it displays the post), with
  shortcodes such as ``[caption]…[/caption]`` and ``[embed]URL[/embed]``;
- the block editor's: HTML already in paragraphs, each block between comments such as
  ``<!-- wp:image {"id":12} -->`` and ``<!-- /wp:image -->``.

Both become the same blocks: paragraphs (bold, italic, links and lists only), subheadings,
images with caption and credit, quotes and embeds. What has no place in our vocabulary
(tables, galleries of unknown images, unknown shortcodes and blocks) is kept as text and
reported, never dropped in silence. Scripts, styles, event handlers and ``javascript:``
links go: the sanitiser keeps only the elements and attributes a paragraph may have.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import nh3
from lxml import etree
from lxml import html as lxml_html

from newsdesk.articles.blocks import FRAMED_PROVIDERS, LINKED_PROVIDERS

# Runs of white space a page collapses anyway, but not the no-break spaces (U+00A0,
# U+2007, U+202F) that keep "27 500" or "10 км" together: str.split() would drop them.
_LOOSE_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def squeeze(text: str) -> str:
    """``text`` with each run of breaking white space one space, trimmed; no-break spaces
    kept as written."""
    return _LOOSE_SPACE.sub(" ", text).strip(" ")


# What a paragraph keeps (Wagtail's rich text with our features: bold, italic, link, lists).
PARAGRAPH_TAGS = {"p", "b", "i", "a", "ul", "ol", "li", "br"}
PARAGRAPH_ATTRIBUTES = {"a": {"href"}}
LINK_SCHEMES = {"http", "https", "mailto"}
RENAMED = {"strong": "b", "em": "i"}
SUBHEADING_LIMIT = 200
CAPTION_LIMIT = 300
BLOCK_ELEMENTS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "figure",
        "table", "pre", "hr", "section", "article", "aside", "header", "footer", "dl",
        "address", "iframe", "video", "audio", "script", "style", "form", "object", "embed",
    }
)  # fmt: skip
# Dropped with everything inside them: active content, never text a reader should see.
DROPPED = frozenset({"script", "style", "noscript", "template", "form", "object", "iframe"})
# Block editor blocks whose HTML we read as HTML; any other is kept as text with a warning.
KNOWN_BLOCKS = frozenset(
    {
        "paragraph", "heading", "list", "list-item", "quote", "pullquote", "image",
        "embed", "separator", "spacer", "more", "nextpage", "group", "freeform",
        "html", "video", "core-embed/youtube", "core-embed/vimeo", "core-embed/twitter",
    }
)  # fmt: skip
_BLOCK_COMMENT = re.compile(r"^\s*(/)?wp:([a-z0-9/-]+)(\s+(\{.*\}))?\s*(/)?\s*$", re.S)
_SHORTCODE = re.compile(
    r"\[(?P<name>[a-zA-Z_][\w-]*)(?P<attrs>[^\]]*)\](?:(?P<inner>.*?)\[/(?P=name)\])?", re.S
)
_ATTRIBUTE = re.compile(r'([\w-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
_BLANK_LINE = re.compile(r"\n\s*\n")
_BARE_URL_LINE = re.compile(r"^[ \t]*(https?://\S+)[ \t]*$", re.M)


@dataclass
class Converted:
    """The blocks of one body and what the conversion could not carry over exactly."""

    blocks: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# Given an image's address in the export (``src`` or an attachment's URL) or its
# attachment id, the id of our image made from it, or None when the media folder lacks it.
ImageFinder = Callable[[str], "int | None"]


def convert(body: str, find_image: ImageFinder | None = None) -> Converted:
    """``body``: the post's ``content:encoded``."""
    result = Converted()
    finder = find_image or (lambda _address: None)
    text = _autop(_expand_shortcodes(_embed_bare_urls(body), result))
    root = lxml_html.fragment_fromstring(text or "<p></p>", create_parent="div")
    _Walker(result, finder).walk(root)
    return result


def convert_html(markup: str, find_image: ImageFinder | None = None) -> Converted:
    """HTML that is already HTML (a wire item's body, say), without WordPress's own
    conventions: no paragraphs made of blank lines, no shortcodes. Sanitised the same way."""
    result = Converted()
    finder = find_image or (lambda _address: None)
    root = lxml_html.fragment_fromstring(markup.strip() or "<p></p>", create_parent="div")
    _Walker(result, finder).walk(root)
    return result


def _autop(body: str) -> str:
    """Blank-line paragraphs of the classic editor, as ``<p>``; single breaks as ``<br>``.
    Block elements already in the text are left as they are, and so is HTML that the block
    editor wrote (it has its ``<p>``)."""
    chunks = []
    for chunk in _BLANK_LINE.split(body):
        stripped = chunk.strip()
        if not stripped:
            continue
        if _starts_with_block(stripped):
            chunks.append(stripped)
        else:
            chunks.append("<p>" + stripped.replace("\n", "<br>\n") + "</p>")
    return "\n".join(chunks)


def _embed_bare_urls(body: str) -> str:
    """A URL alone on its line is an embed in both editors."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    return _BARE_URL_LINE.sub(lambda m: f"[embed]{m.group(1)}[/embed]", body)


def _starts_with_block(chunk: str) -> bool:
    if chunk.startswith("<!--"):
        return True
    found = re.match(r"<\s*([a-zA-Z0-9]+)", chunk)
    return found is not None and found.group(1).lower() in BLOCK_ELEMENTS


def _attributes(raw: str) -> dict[str, str]:
    return {
        match.group(1).lower(): html.unescape(
            next(value for value in match.groups()[1:] if value is not None)
        )
        for match in _ATTRIBUTE.finditer(raw)
    }


def _expand_shortcodes(text: str, result: Converted) -> str:
    """``[caption]`` and ``[embed]`` / ``[youtube]`` / ``[video]`` become HTML the walker
    reads; ``[gallery ids=…]`` becomes its images; any other shortcode stays as written."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("name").lower()
        attrs = _attributes(match.group("attrs") or "")
        inner = match.group("inner")
        if name in {"caption", "wp_caption"} and inner is not None:
            caption = attrs.get("caption", "")
            found = re.search(r"<img\b[^>]*>", inner, re.I)
            if found is None:
                result.warnings.append(f"[{name}] without an image: kept as text")
                return inner
            if not caption:
                caption = re.sub(r"<img\b[^>]*>", "", inner, flags=re.I)
            figure = f"<figure>{found.group(0)}<figcaption>{caption}</figcaption></figure>"
            return f"\n\n{figure}\n\n"
        if name in {"embed", "youtube", "video", "audio"}:
            address = (inner or attrs.get("src") or attrs.get("url") or "").strip()
            if not address:
                bare = (match.group("attrs") or "").strip().lstrip("=").strip()
                address = bare if bare.startswith("http") else ""
            if address:
                return f'\n\n<figure data-embed="{html.escape(address)}"></figure>\n\n'
        if name == "gallery" and attrs.get("ids"):
            ids = [part.strip() for part in attrs["ids"].split(",") if part.strip().isdigit()]
            images = "".join(
                f'<figure><img data-attachment="{part}" alt=""></figure>' for part in ids
            )
            return f"\n\n{images}\n\n"
        result.warnings.append(f"unknown shortcode [{name}]: kept as text")
        return html.escape(match.group(0), quote=False)

    return _SHORTCODE.sub(replace, text)


class _Walker:
    """Turns the top-level elements of a body into blocks, gathering loose inline content
    into paragraphs."""

    def __init__(self, result: Converted, find_image: ImageFinder) -> None:
        self.result = result
        self.find_image = find_image
        self.loose: list[str] = []

    def walk(self, root: Any) -> None:
        if root.text and root.text.strip():
            self.loose.append(html.escape(root.text))
        for node in root:
            self.node(node)
            if node.tail and node.tail.strip():
                self.loose.append(html.escape(node.tail))
        self.flush()

    # Loose inline content (text, links, bold…) between blocks becomes one paragraph.
    def flush(self) -> None:
        if self.loose:
            self.paragraph("<p>" + "".join(self.loose) + "</p>")
            self.loose = []

    def node(self, node: Any) -> None:
        if isinstance(node, etree._Comment):
            self.comment(node.text or "")
            return
        if not isinstance(node.tag, str):
            return  # processing instructions, entities
        tag = node.tag.lower()
        if tag in DROPPED:
            self.result.warnings.append(f"<{tag}> removed")
            return
        if tag not in BLOCK_ELEMENTS and tag not in {"img", "a"}:
            self.loose.append(_outer(node))
            return
        if tag == "a" and not _images(node):
            self.loose.append(_outer(node))
            return
        self.flush()
        handler = getattr(self, f"block_{tag}", None)
        if handler is not None:
            handler(node)
        elif tag in {"div", "section", "article", "aside", "header", "footer"}:
            self.walk(node)
        elif tag in {"table", "pre", "dl", "address", "video", "audio", "embed"}:
            self.result.warnings.append(f"<{tag}> kept as text")
            self.plain(node)

    def comment(self, text: str) -> None:
        found = _BLOCK_COMMENT.match(text)
        if found is None or found.group(1):
            return
        name = found.group(2).removeprefix("core/")
        if name not in KNOWN_BLOCKS:
            self.result.warnings.append(f"block wp:{name}: its content kept as text")

    # Blocks.
    def paragraph(self, markup: str) -> None:
        cleaned = _clean(markup)
        if _text(cleaned):
            self.result.blocks.append({"type": "paragraph", "value": cleaned})

    def plain(self, node: Any) -> None:
        text = squeeze(" ".join(node.itertext()))
        if text:
            self.paragraph(f"<p>{html.escape(text)}</p>")

    def block_p(self, node: Any) -> None:
        images = _images(node)
        if images:
            for image in images:
                self.image(image, caption="")
            rest = _without_images(node)
            if _text(rest):
                self.paragraph(rest)
            return
        self.paragraph(_outer(node))

    def block_ul(self, node: Any) -> None:
        self.paragraph(_outer(node))

    block_ol = block_ul

    def block_heading(self, node: Any) -> None:
        text = squeeze(node.text_content())
        if not text:
            return
        if len(text) > SUBHEADING_LIMIT:
            self.result.warnings.append("a heading longer than 200 characters became a paragraph")
            self.paragraph(f"<p><b>{html.escape(text)}</b></p>")
            return
        self.result.blocks.append({"type": "subheading", "value": text})

    block_h1 = block_h2 = block_h3 = block_h4 = block_h5 = block_h6 = block_heading

    def block_hr(self, node: Any) -> None:
        return None

    def block_blockquote(self, node: Any, caption: str = "") -> None:
        """A quote; who said it from its ``<cite>``, or from the caption of the figure
        around it (HTML's own pattern, and how Newsdesk's export writes a quote)."""
        cite = node.find(".//cite")
        attribution = squeeze(cite.text_content()) if cite is not None else caption
        # "— Halyna": the dash is the page's typography, not the name.
        attribution = attribution.lstrip("\u2014\u2013- \u00a0")  # em dash, en dash, hyphen
        if cite is not None:
            cite.drop_tree()
        paragraphs = [squeeze(p.text_content()) for p in node.iter("p")]
        text = "\n\n".join(p for p in paragraphs if p) or squeeze(node.text_content())
        embedded = _social_link(node)
        if embedded:  # a pasted tweet or post: the blockquote is the platform's markup
            self.embed(embedded, title=text[:200])
            return
        if text:
            self.result.blocks.append(
                {"type": "quote", "value": {"text": text, "attribution": attribution[:200]}}
            )

    def block_figure(self, node: Any) -> None:
        embedded = node if node.get("data-embed") else node.find(".//figure[@data-embed]")
        if embedded is not None:
            self.embed(embedded.get("data-embed"), title="")
            return
        caption_node = node.find(".//figcaption")
        caption = squeeze(caption_node.text_content()) if caption_node is not None else ""
        images = _images(node)
        quoted = node.find(".//blockquote")
        if quoted is not None and not images:
            self.block_blockquote(quoted, caption=caption)
            return
        if node.find(".//table") is not None:
            self.result.warnings.append("<table> kept as text")
            self.plain(node)
            return
        if not images:
            frame = node.find(".//iframe")
            if frame is not None and frame.get("src"):
                self.embed(frame.get("src"), title=caption)
                return
            self.result.warnings.append("a figure without an image kept as text")
            self.plain(node)
            return
        for image in images:
            self.image(image, caption=caption)

    def block_img(self, node: Any) -> None:
        self.image(node, caption="")

    def block_a(self, node: Any) -> None:
        for image in _images(node):
            self.image(image, caption="")

    def image(self, node: Any, *, caption: str) -> None:
        address = node.get("data-attachment") or node.get("src") or ""
        found = self.find_image(address) if address else None
        if found is None:
            self.result.warnings.append(f"image not in the media folder: {address or '(none)'}")
            return
        if len(caption) > CAPTION_LIMIT:
            self.result.warnings.append("an image caption was cut to 300 characters")
        self.result.blocks.append(
            {
                "type": "image",
                "value": {
                    "image": found,
                    "caption": caption[:CAPTION_LIMIT],
                    "credit": "",
                    "alt": (node.get("alt") or "").strip()[:250],
                },
            }
        )

    def embed(self, address: str, *, title: str) -> None:
        address = address.strip()
        parts = urlsplit(address)
        host = parts.netloc.lower()
        if parts.scheme in {"http", "https"} and (
            host in FRAMED_PROVIDERS or host in LINKED_PROVIDERS
        ):
            secure = "https" + address[len(parts.scheme) :]
            self.result.blocks.append(
                {"type": "embed", "value": {"url": secure, "title": title or host}}
            )
            return
        self.result.warnings.append(f"embed from an unsupported site kept as a link: {address}")
        safe = html.escape(address)
        self.paragraph(f'<p><a href="{safe}">{safe}</a></p>')


def _outer(node: Any) -> str:
    return lxml_html.tostring(node, encoding="unicode", with_tail=False)


def _images(node: Any) -> list[Any]:
    return [node] if node.tag == "img" else list(node.iter("img"))


def _without_images(node: Any) -> str:
    copy = lxml_html.fragment_fromstring(_outer(node))
    for image in list(copy.iter("img")):
        image.drop_tree()
    for link in list(copy.iter("a")):
        if not link.text_content().strip():
            link.drop_tree()
    return _outer(copy)


def _social_link(node: Any) -> str | None:
    for link in node.iter("a"):
        host = urlsplit(link.get("href") or "").netloc.lower()
        if host in LINKED_PROVIDERS and "status" in (link.get("href") or ""):
            return str(link.get("href"))
    return None


def _clean(markup: str) -> str:
    """The paragraph's HTML with only what our rich text holds."""
    for old, new in RENAMED.items():
        markup = re.sub(rf"<(/?){old}(\s[^>]*)?>", rf"<\1{new}>", markup, flags=re.I)
    cleaned = nh3.clean(
        markup,
        tags=PARAGRAPH_TAGS,
        attributes=PARAGRAPH_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    # Whitespace between words is one space in HTML; line breaks are <br>.
    cleaned = re.sub(r"\s+", " ", cleaned).replace("<p> ", "<p>").replace(" </p>", "</p>")
    cleaned = cleaned.replace("<br> ", "<br>").strip()
    if not cleaned.startswith(("<p", "<ul", "<ol")):
        cleaned = f"<p>{cleaned}</p>"
    return cleaned


def _text(markup: str) -> str:
    return squeeze(lxml_html.fragment_fromstring(markup, create_parent="div").text_content())
