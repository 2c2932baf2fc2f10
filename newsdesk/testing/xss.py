"""The XSS drill's corpus and its newsroom: every payload of ``xss_payloads.txt`` put into
every field an editor writes, and a check of what a feed reader would render.

The browser half of the drill (reader and admin pages in Chromium, with a dialog hook and
``window.__xss``) is ``tests/functional/test_xss_drill.py``; ``bench/xss_drill.py`` runs it
over the whole corpus.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from django.utils import timezone

CORPUS = Path(__file__).with_name("xss_payloads.txt")
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# What runs in a page calls this, as every payload does when it gets through.
HOOK = "__xss"


# Where :func:`build_world` writes a payload (and the search box, where a reader types it).
FIELDS = (
    "image title",
    *("section name", "section description", "tag name", "tag description"),
    *("author name", "author role", "author biography", "story title", "story summary"),
    *("headline", "lead", "hero caption", "hero credit", "hero alt text"),
    *("affiliate partner", "affiliate disclosure", "source name", "source note"),
    *("paragraph text", "paragraph link", "paragraph link query", "subheading"),
    *("image block caption", "image block credit", "image block alt text"),
    *("quote", "quote attribution", "video embed title", "post embed title", "post embed URL"),
    *("fact box title", "fact box text", "public update note"),
    *("timeline statement", "timeline speaker", "timeline speaker role", "timeline unit"),
    *("timeline source name", "timeline source URL"),
    *("live update title", "live update correction", "live update paragraph"),
    *("live update quote", "live update quote attribution", "live update embed title"),
    "breaking-news banner",
    "search query",
)


@dataclass(frozen=True)
class Payload:
    number: int
    heading: str
    text: str


def payloads() -> list[Payload]:
    """The corpus in file order, numbered from 1, ``$ID`` replaced by the number."""
    found: list[Payload] = []
    heading = ""
    for line in CORPUS.read_text(encoding="utf-8").split("\n"):
        if line.startswith("# "):
            heading = line[2:]
            continue
        if not line or not heading:
            continue
        number = len(found) + 1
        found.append(Payload(number, heading, line.replace("$ID", str(number))))
    return found


def sample(every: list[Payload], per_heading: int) -> list[Payload]:
    """The first ``per_heading`` payloads under each heading: every kind, a bounded run."""
    kept: list[Payload] = []
    for payload in every:
        if sum(1 for p in kept if p.heading == payload.heading) < per_heading:
            kept.append(payload)
    return kept


def rich_text(text: str, href: str) -> str:
    """A paragraph as the admin's rich-text editor stores it when an editor types ``text``
    and links it to ``href``: through Wagtail's own converter, which drops unsafe links."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    content_state = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": href}}},
    }
    return ContentstateConverter(RICH_TEXT_FEATURES).to_database_format(json.dumps(content_state))


@dataclass
class World:
    """What one payload was written into, and the addresses that show it."""

    payload: Payload
    edition: str
    objects: dict[str, Any] = field(default_factory=dict)

    def reader_paths(self) -> list[str]:
        o = self.objects
        return [
            o["article"].get_absolute_url(),
            o["section"].get_absolute_url(),
            o["tag"].get_absolute_url(),
            o["author"].get_absolute_url(),
            o["story"].get_absolute_url(),
        ]

    def output_paths(self) -> list[str]:
        """Feeds and machine outputs that carry this world's fields."""
        o = self.objects
        return [
            *(
                f"{o[kind].get_absolute_url()}{feed}"
                for kind in ("section", "tag", "author", "story")
                for feed in ("rss.xml", "atom.xml")
            ),
            f"/api/v1/articles/{o['article'].pk}",
            f"/api/v1/articles/{o['article'].pk}/ninjs",
            f"{o['story'].get_absolute_url()}timeline.json",
        ]


def build_world(payload: Payload, image: Any) -> World:
    """Every editor-written field of an article and what it shows (section, tag, author,
    story and its timeline, a live update, the image's title, alt text and caption) set to
    ``payload``, published through the write path. Odd payloads go to the Ukrainian
    edition, even ones to the English."""
    from newsdesk.articles.labels import AFFILIATE
    from newsdesk.articles.models import LIVE
    from newsdesk.live.models import LiveUpdate
    from newsdesk.publishing import actions
    from newsdesk.publishing.live import publish_live_update
    from newsdesk.testing import factories

    p = payload.text
    code = "uk" if payload.number % 2 else "en"
    slug = f"xss-{payload.number}"
    image.title = p[:255]
    image.save()
    section = factories.section(code, slug, name=p[:80], description=p)
    tag = factories.tag(code, slug, name=p[:100], description=p)
    person = factories.author(code, slug, name=p[:120], role=p[:120], bio=p)
    story = factories.story(code, slug, title=p[:200], summary=p)
    text_block = rich_text(p, p)
    link_block = rich_text("source", f"https://example.org/?q={p}")
    article = factories.article(
        code,
        slug,
        headline=p[:250],
        lead=p,
        in_section=section,
        tags=[tag],
        authors=[person],
        labels=[AFFILIATE],
        story=story,
        coverage=LIVE,
        hero_image=image,
        hero_caption=p[:300],
        hero_credit=p[:120],
        hero_alt=p[:300],
        affiliate_partner=p[:200],
        affiliate_disclosure=p,
        sources=[
            {
                "type": "source",
                "value": {"name": p[:200], "url": "https://example.org/", "note": p[:300]},
            }
        ],
        blocks=[
            {"type": "paragraph", "value": text_block},
            {"type": "paragraph", "value": link_block},
            {"type": "subheading", "value": p[:200]},
            {
                "type": "image",
                "value": {"image": image.pk, "caption": p[:300], "credit": p[:120], "alt": p[:300]},
            },
            {"type": "quote", "value": {"text": p, "attribution": p[:200]}},
            {
                "type": "embed",
                "value": {"url": "https://www.youtube.com/watch?v=abc", "title": p[:200]},
            },
            {"type": "embed", "value": {"url": f"https://t.me/{p}", "title": p[:200]}},
            {"type": "fact_box", "value": {"title": p[:120], "body": text_block}},
            factories.timeline(story),
        ],
    )
    actions.publish(article=article)
    # A second publish with a public note: the update log shows it.
    actions.publish(article=article, update_note=p)
    factories.timeline_entry(
        story,
        statement=p,
        speaker=p[:200],
        speaker_role=p[:200],
        unit=p[:60],
        source_name=p[:200],
        source_url=f"https://example.org/{p}"[:500],
        article=article,
    )
    publish_live_update(
        update=LiveUpdate(
            article=article,
            title=p[:200],
            author=person,
            key_event=True,
            correction=p,
            body=[
                {"type": "paragraph", "value": text_block},
                {"type": "quote", "value": {"text": p, "attribution": p[:200]}},
                {"type": "embed", "value": {"url": "https://t.me/newsdesk", "title": p[:200]}},
            ],
        )
    )
    return World(
        payload,
        code,
        {"article": article, "section": section, "tag": tag, "author": person, "story": story},
    )


def raise_banner(world: World) -> Any:
    """The breaking-news banner of the world's edition, saying the payload."""
    from newsdesk.breaking.current import forget
    from newsdesk.breaking.models import BreakingBanner

    article = world.objects["article"]
    banner, _ = BreakingBanner.objects.update_or_create(
        locale=article.locale,
        defaults={
            "text": world.payload.text[:200],
            "article": article,
            "starts_at": timezone.now() - dt.timedelta(minutes=1),
            "expires_at": timezone.now() + dt.timedelta(hours=1),
            "active": True,
        },
    )
    forget()
    return banner


# Elements and attributes that make markup active in a browser or a feed reader.
_ACTIVE_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "frame",
    "frameset",
    "applet",
    "base",
    "meta",
    "link",
    "form",
    "svg",
    "math",
    "style",
    "template",
}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster"}


class _ActiveContent(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name == "style" and value and ("expression" in value or "url(" in value):
                self.found.append(f"<{tag} style>")
            if name in _URL_ATTRIBUTES and value:
                scheme = "".join(value.split()).lower().split(":", 1)[0]
                if ":" in value and scheme in {"javascript", "vbscript", "data"}:
                    self.found.append(f"<{tag} {name}={scheme}:>")


def active_content(html: str) -> list[str]:
    """What in ``html`` would run or load active content if a reader rendered it: script
    and frame elements, event-handler attributes, ``javascript:``/``data:`` URLs."""
    parser = _ActiveContent()
    parser.feed(html)
    parser.close()
    return parser.found
