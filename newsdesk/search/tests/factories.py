"""Articles for search tests, published through the real write path."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from newsdesk.articles.models import Article, Byline
from newsdesk.articles.slugs import slug_from_headline
from newsdesk.people.models import Author
from newsdesk.publishing import actions
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag


def locale(edition: str) -> Locale:
    return Locale.objects.get(language_code=edition)


def section(edition: str, slug: str = "war", name: str = "War") -> Section:
    found, _ = Section.objects.get_or_create(
        locale=locale(edition), slug=slug, defaults={"name": name}
    )
    return found


def tag_pair(uk_name: str, en_name: str) -> tuple[Tag, Tag]:
    """A tag in both editions, linked as translations."""
    key = uuid.uuid4()
    uk = Tag.objects.create(
        locale=locale("uk"), name=uk_name, slug=slug_from_headline(uk_name), translation_key=key
    )
    en = Tag.objects.create(
        locale=locale("en"), name=en_name, slug=slug_from_headline(en_name), translation_key=key
    )
    return uk, en


def draft(
    headline: str,
    *,
    edition: str = "uk",
    lead: str = "",
    paragraphs: Sequence[str] = (),
    in_section: Section | None = None,
    tags: Sequence[Tag] = (),
    labels: Sequence[str] = (),
    published_at: dt.datetime | None = None,
) -> Article:
    author, _ = Author.objects.get_or_create(
        locale=locale(edition), slug="reporter", defaults={"name": "Reporter"}
    )
    article = Article(
        locale=locale(edition),
        headline=headline,
        slug=slug_from_headline(headline)[:60] + "-" + uuid.uuid4().hex[:6],
        lead=lead,
        section=in_section or section(edition),
        labels=list(labels),
        body=[("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs],
    )
    article.first_published_at = published_at or timezone.now() - dt.timedelta(minutes=5)
    article.tags = list(tags)  # type: ignore[assignment]  # modelcluster assigns children
    article.bylines = [Byline(author=author)]  # type: ignore[misc]  # modelcluster children
    return article


def publish(capture, headline: str, **fields) -> Article:
    """Publish a new article and run the on-commit work (the index update) as a real
    commit would. ``capture`` is pytest-django's ``django_capture_on_commit_callbacks``."""
    article = draft(headline, **fields)
    with capture(execute=True):
        actions.publish(article=article)
    return article


def unpublish(capture, article: Article) -> None:
    with capture(execute=True):
        actions.unpublish(article=article)
