"""What a page tells machines about itself: sharing tags and JSON-LD, set on its ``Chrome``.

Reader pages call one of these after :func:`presentation.chrome`; everything comes from
objects the view already loaded, so none of them runs a query.
"""

from __future__ import annotations

from typing import Any

from newsdesk.articles.models import UpdateLogEntry
from newsdesk.editions import kyiv
from newsdesk.http_policy import absolute

from . import social, structured_data
from .article_page import ArticlePage
from .images import Picture
from .presentation import Chrome, Link


def _absolute_picture(picture: Picture | None) -> Picture | None:
    if picture is None:
        return None
    return Picture(absolute(picture.url), picture.width, picture.height, picture.alt)


def _named(links: list[Link]) -> list[tuple[str, str]]:
    return [(link.text, absolute(link.url)) for link in links]


def for_article(chrome: Chrome, found: Any, page: ArticlePage, *, live: Any = None) -> None:
    """Open Graph ``article``, a Twitter card and NewsArticle (LiveBlogPosting for live
    coverage) + BreadcrumbList JSON-LD."""
    picture = _absolute_picture(page.share_image)
    published = found.first_published_at or found.go_live_at
    published = kyiv(published) if published else None
    modified = kyiv(found.updated_at) if found.updated_at else published
    tags = [link.text for link in page.tags]
    chrome.meta = social.page_tags(
        edition=chrome.edition,
        title=page.headline,
        description=page.lead,
        url=chrome.canonical,
        image=picture,
        kind="article",
    ) + social.article_tags(
        published=published, modified=modified, section=page.section.text, tags=tags
    )
    log = found.update_log.all() if found.pk is not None else []  # an unsaved preview has none
    corrections = [
        entry.text
        for entry in sorted(log, key=lambda e: e.created_at, reverse=True)
        if entry.kind in (UpdateLogEntry.CORRECTION, UpdateLogEntry.CLARIFICATION)
    ]
    # Only the article's own photo, in the crops Google asks for; never the site's logo.
    pictures = [absolute(crop.url) for crop in page.share_images]
    section = (page.section.text, absolute(page.section.url))
    article = structured_data.article(
        found,
        edition=chrome.edition,
        url=chrome.canonical,
        images=pictures,
        authors=_named(page.bylines),
        section=section,
        tags=tags,
        corrections=corrections,
    )
    trail = [
        *structured_data.home_trail(chrome.edition),
        section,
        (page.headline, chrome.canonical),
    ]
    if live is not None:
        article = structured_data.live_blog(article, found, url=chrome.canonical, live=live)
    chrome.structured_data = [
        structured_data.script(article),
        structured_data.script(structured_data.breadcrumbs(trail)),
    ]


def for_home(chrome: Chrome) -> None:
    chrome.structured_data = [structured_data.script(structured_data.website(chrome.edition))]


def for_listing(chrome: Chrome, heading: str) -> None:
    """A section, tag, author or the latest-news page: where it sits on the site."""
    trail = [*structured_data.home_trail(chrome.edition), (heading, chrome.canonical)]
    chrome.structured_data = [structured_data.script(structured_data.breadcrumbs(trail))]
