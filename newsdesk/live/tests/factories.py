"""Small live articles and updates for tests, made through the write path."""

from __future__ import annotations

from wagtail.models import Locale

from newsdesk.articles.models import LIVE, Article, Byline
from newsdesk.live.models import LiveUpdate
from newsdesk.people.models import Author
from newsdesk.publishing import actions
from newsdesk.publishing.live import publish_live_update
from newsdesk.sections.models import Section


def author(edition: str = "uk", slug: str = "olena-koval", name: str = "Olena Koval") -> Author:
    locale = Locale.objects.get(language_code=edition)
    found, _ = Author.objects.get_or_create(locale=locale, slug=slug, defaults={"name": name})
    return found


def live_article(
    edition: str = "uk",
    *,
    slug: str = "kharkiv-live",
    headline: str = "Strikes on Kharkiv: live",
    coverage: str = LIVE,
    publish: bool = True,
) -> Article:
    locale = Locale.objects.get(language_code=edition)
    section, _ = Section.objects.get_or_create(locale=locale, slug="war", defaults={"name": "War"})
    article = Article(
        locale=locale,
        headline=headline,
        slug=slug,
        lead="What we know, as it happens.",
        section=section,
        coverage=coverage,
        body=[{"type": "paragraph", "value": "<p>Alerts sounded after midnight.</p>"}],
    )
    article.bylines = [Byline(author=author(edition))]  # type: ignore[misc]
    if publish:
        actions.publish(article=article)
    else:
        actions.save_draft(article=article)
    return article


def paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def update(article: Article, text: str, **fields: object) -> LiveUpdate:
    fields.setdefault("author", author(article.locale.language_code))
    made = LiveUpdate(article=article, body=paragraph(text), **fields)
    return publish_live_update(update=made)
