"""An article as IPTC ninjs 3.1 ("News in JSON"), the exchange format of news agencies.

Spec: https://www.iptc.org/std/ninjs/ — 3.x names properties in camelCase and allows no
property it does not define (``unevaluatedProperties: false``), so everything newsroom-
specific goes into the slots ninjs has for it: section and tags are ``subjects``, bylines
are ``people`` (and ``by``), labels that name a genre are ``genres``, the hero image is an
``associations`` entry of type picture with its ``renditions``, our ids are ``altIds``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from newsdesk.articles import labels as label_codes
from newsdesk.articles.models import Article

from . import content

STANDARD = {
    "name": "ninjs",
    "version": "3.1",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
}
# Labels that describe the kind of journalism rather than its presentation.
GENRES = {
    label_codes.OPINION: "Opinion",
    label_codes.ANALYSIS: "Analysis",
    label_codes.INTERVIEW: "Interview",
    label_codes.REVIEW: "Review",
}


def _stamp(moment: Any) -> str | None:
    """ISO 8601 with offset (UTC, ``Z``)."""
    if moment is None:
        return None
    text: str = moment.isoformat()
    return text.replace("+00:00", "Z")


def _text(role: str, value: str, media_type: str = "text/plain") -> dict[str, str]:
    return {"role": role, "contentType": media_type, "value": value}


def _hero(article: Article, data: dict[str, Any]) -> dict[str, Any] | None:
    pictures = content.renditions(article.hero_image)
    if not pictures or article.hero_image is None:
        return None
    picture: dict[str, Any] = {
        "name": "featureimage",
        "rel": "hero",
        "uri": pictures[-1].href,
        "type": "picture",
        "renditions": [
            {
                "name": f"web-{p.width}",
                "href": p.href,
                "contentType": p.content_type,
                "width": p.width,
                "height": p.height,
            }
            for p in pictures
        ],
    }
    if article.hero_caption:
        picture["headlines"] = [_text("caption", article.hero_caption)]
    alt = data["image"]["alt"] if data.get("image") else ""
    if alt:
        picture["descriptions"] = [_text("alternative", alt)]
    if article.hero_credit:
        picture["by"] = article.hero_credit
        picture["copyrightHolder"] = article.hero_credit
    return picture


def article_to_ninjs(article: Article, *, body: content.Body | None = None) -> dict[str, Any]:
    """A published article loaded by :func:`content.load_article`, as a ninjs 3.1 object.
    ``body``: its partner body already rendered (an export renders a batch at once)."""
    edition = article.locale.language_code
    # First: loads the hero's renditions with the body's.
    body = content.with_live_updates(article, content.body(article) if body is None else body)
    data = content.summary(article)
    item: dict[str, Any] = {
        "standard": STANDARD,
        "uri": data["api_url"],
        "type": "text",
        "representationType": "full",
        "profile": "newsdesk-article",
        "version": str(article.live_revision_id or 1),
        "firstCreated": _stamp(article.first_published_at),
        "contentCreated": _stamp(article.first_published_at),
        "versionCreated": _stamp(data["modified_at"]),
        "pubStatus": "usable",
        "language": edition,
        "copyrightHolder": settings.WAGTAIL_SITE_NAME,
        "slugline": article.slug,
        "headlines": [_text("main", article.headline)],
        "bodies": [
            {
                "role": "main",
                "contentType": "text/html",
                "charCount": body.text_length,
                "wordCount": body.words,
                "value": body.html,
            }
        ],
        "people": [
            {"name": a["name"], "rel": "author", "uri": a["url"], "literal": a["slug"]}
            for a in data["authors"]
        ],
        "subjects": [
            {
                "name": data["section"]["name"],
                "rel": "section",
                "uri": data["section"]["url"],
                "literal": data["section"]["slug"],
            },
            *(
                {"name": t["name"], "rel": "about", "uri": t["url"], "literal": t["slug"]}
                for t in data["tags"]
            ),
        ],
        "renditions": [{"name": "web", "href": data["url"], "contentType": "text/html"}],
        "altIds": [
            {"role": "newsdesk-id", "value": str(article.pk)},
            {"role": "translation-key", "value": str(article.translation_key)},
            {"role": "web", "value": data["url"]},
        ],
    }
    if article.lead:
        item["descriptions"] = [_text("summary", article.lead)]
    if data["authors"]:
        item["by"] = ", ".join(a["name"] for a in data["authors"])
    genres = [code for code in data["labels"] if code in GENRES]
    if genres:
        item["genres"] = [{"name": GENRES[code], "literal": code} for code in genres]
    if article.expire_at:
        item["expires"] = _stamp(article.expire_at)
    sources = [
        {"name": s["name"], "role": "source", **({"uri": s["url"]} if s["url"] else {})}
        for s in content.sources(article)
    ]
    if sources:
        item["infoSources"] = sources
    hero = _hero(article, data)
    if hero is not None:
        item["associations"] = [hero]
    return item
