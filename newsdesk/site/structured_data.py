"""schema.org JSON-LD for reader pages, as search engines read it.

Google's recommended NewsArticle properties are author (with name and url), datePublished,
dateModified, headline and image; we add publisher, inLanguage, mainEntityOfPage and
isAccessibleForFree, and a BreadcrumbList. The label decides the type: Opinion and Analysis
change what an article claims to be (DESIGN.md: labels are policy, not decoration). A
Review stays a NewsArticle with ``genre`` "review": schema.org's ReviewNewsArticle asks for
the ``itemReviewed`` (a film, a book, a weapon system), which the newsroom does not model,
and search engines drop a review that does not name it (decision 0026).
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from newsdesk.articles import labels as label_codes
from newsdesk.articles.models import modified_time
from newsdesk.editions import kyiv
from newsdesk.http_policy import absolute

from .presentation import home_path

SCHEMA = "https://schema.org"

# The first label in this order that an article carries picks its schema.org type.
TYPE_BY_LABEL = (
    (label_codes.OPINION, "OpinionNewsArticle"),
    (label_codes.ANALYSIS, "AnalysisNewsArticle"),
)
# Google truncates longer headlines in rich results and may ignore them.
HEADLINE_LIMIT = 110

# A JSON-LD block sits inside <script>: "</script>" or "<!--" in a headline must not end or
# change it. JSON allows these characters escaped anywhere in a string.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


# Labels that say what kind of piece an article is, as schema.org ``genre``.
GENRE_BY_LABEL = ((label_codes.REVIEW, "review"),)


def article_genre(labels: list[str]) -> str | None:
    return next((genre for code, genre in GENRE_BY_LABEL if code in labels), None)


def article_type(labels: list[str]) -> str:
    for code, kind in TYPE_BY_LABEL:
        if code in labels:
            return kind
    return "NewsArticle"


def logo_url() -> str:
    return absolute(static("site/logo.png"))


def publisher() -> dict[str, Any]:
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": absolute("/"),
        "logo": {"@type": "ImageObject", "url": logo_url()},
    }


def _headline(text: str) -> str:
    if len(text) <= HEADLINE_LIMIT:
        return text
    return text[: HEADLINE_LIMIT - 1].rstrip() + "…"


def article(
    found: Any,
    *,
    edition: str,
    url: str,
    images: list[str],
    authors: list[tuple[str, str]],
    section: tuple[str, str],
    tags: list[str],
    corrections: list[str],
) -> dict[str, Any]:
    """The article's JSON-LD: ``url`` is its canonical address; ``authors`` and ``section``
    are (name, absolute url) pairs; ``images`` absolute URLs of the article's own pictures
    (none for a text-only article); ``corrections`` the public
    notes of its corrections and clarifications, newest first."""
    published = found.first_published_at or found.go_live_at
    published = kyiv(published) if published else None
    modified = kyiv(found.updated_at) if found.updated_at else published
    people: list[dict[str, Any]] = [
        {"@type": "Person", "name": name, "url": link} for name, link in authors
    ]
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": article_type(found.display_labels),
        "genre": article_genre(found.display_labels),
        "@id": f"{url}#article",
        "headline": _headline(found.headline),
        "description": found.lead,
        "inLanguage": edition,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "datePublished": published.isoformat(timespec="seconds") if published else None,
        "dateModified": modified.isoformat(timespec="seconds") if modified else None,
        # No bylines: the newsroom itself is the author.
        "author": people or [publisher()],
        "publisher": publisher(),
        "isAccessibleForFree": True,
        "articleSection": section[0],
        "keywords": tags,
    }
    # The image must show the article: a text-only one has none (the logo is the publisher's).
    data["image"] = images
    if corrections:
        data["correction"] = corrections
    if found.is_affiliate and found.affiliate_partner:
        # The partner who pays, not the newsroom that publishes (decision 0045).
        data["sponsor"] = {"@type": "Organization", "name": found.affiliate_partner}
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def breadcrumbs(trail: list[tuple[str, str]]) -> dict[str, Any]:
    """A BreadcrumbList of (name, absolute url) pairs, from the home page down."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": link}
            for position, (name, link) in enumerate(trail, start=1)
        ],
    }


def home_trail(edition: str) -> list[tuple[str, str]]:
    return [(_("Home"), absolute(home_path(edition)))]


def website(edition: str) -> dict[str, Any]:
    """The edition's home page: the site and how to search it."""
    search = absolute(reverse("search:search", kwargs={"edition": edition}))
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": absolute(home_path(edition)),
        "inLanguage": edition,
        "publisher": publisher(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{query}}"},
            "query-input": "required name=query",
        },
    }


def script(data: dict[str, Any]) -> SafeString:
    """``data`` as a ``<script type="application/ld+json">`` block. Not executed, so the
    CSP's ``script-src 'self'`` does not apply to it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),  # noqa: S308 - JSON, with <, > and & escaped
    )


# Google reads at most this many liveBlogUpdate items; the newest come first.
LIVE_BLOG_UPDATES = 50


def _plain_text(body: Any) -> str:
    """The words of a live update's body, without markup (paragraphs and quotes)."""
    parts = []
    for block in body.raw_data:
        value = block.get("value")
        if block.get("type") == "paragraph" and isinstance(value, str):
            parts.append(strip_tags(value))
        elif block.get("type") == "quote" and isinstance(value, dict):
            parts.append(str(value.get("text", "")))
    return " ".join(" ".join(parts).split())


def live_blog(article_data: dict[str, Any], found: Any, *, url: str, live: Any) -> dict[str, Any]:
    """The page's one main entity for a live article: its NewsArticle data (``article_data``,
    from :func:`article`: author, image, publisher, section…) as a LiveBlogPosting, with when
    the coverage started (and ended) and its newest updates as BlogPosting items. Google
    reads a live blog as one entity; a NewsArticle beside it would claim a second main
    entity with another modification time. ``live`` is the page's ``LiveCoverage``."""
    updates = live.newest_first
    started = live.started_at or found.first_published_at
    # A new, edited or removed update is the blog's latest change (Article.modified_at).
    modified = modified_time(
        found.first_published_at,
        found.updated_at,
        found.live_updated_at,
        updates[0].published_at if updates else None,
    )
    data: dict[str, Any] = {
        **article_data,
        "@type": "LiveBlogPosting",
        "@id": f"{url}#live",
        "coverageStartTime": kyiv(started).isoformat(timespec="seconds") if started else None,
        "dateModified": kyiv(modified).isoformat(timespec="seconds") if modified else None,
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "@id": f"{url}#{entry.anchor}",
                "url": f"{url}#{entry.anchor}",
                "headline": _headline(entry.title or found.headline),
                "articleBody": _plain_text(entry.body),
                "datePublished": kyiv(entry.published_at).isoformat(timespec="seconds"),
                "author": {
                    "@type": "Person",
                    "name": entry.author_name,
                    "url": absolute(entry.author.url),
                },
            }
            for entry in updates[:LIVE_BLOG_UPDATES]
        ],
    }
    if started:
        data["datePublished"] = data["coverageStartTime"]
    if live.ended:
        last = updates[0].published_at if updates else found.last_published_at
        if last:
            data["coverageEndTime"] = kyiv(last).isoformat(timespec="seconds")
    return {key: value for key, value in data.items() if value not in (None, "", [])}
