"""API fixtures: a clean rate-limit count per test, and articles made through the write path."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from newsdesk.articles.models import Article, Byline
from newsdesk.people.models import Author
from newsdesk.publishing import actions
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The limiter counts in the cache, which outlives a test (and is Redis on CI)."""
    cache.clear()
    yield
    cache.clear()


def make_article(
    edition: str,
    slug: str,
    *,
    section: Section | None = None,
    tags: list[Tag] = (),  # type: ignore[assignment]
    authors: list[Author] = (),  # type: ignore[assignment]
    labels: list[str] = (),  # type: ignore[assignment]
    publish: bool = True,
) -> Article:
    """An article of ``edition``, published through ``actions.publish`` unless ``publish``
    is False (then it stays a draft)."""
    locale = Locale.objects.get(language_code=edition)
    section = section or Section.objects.filter(locale=locale).first()
    article = Article(
        locale=locale,
        headline=f"Headline {slug}",
        slug=slug,
        lead=f"Lead of {slug}.",
        section=section,
        labels=list(labels),
    )
    article.tags = list(tags)  # type: ignore[assignment]
    article.bylines = [  # type: ignore[misc]
        Byline(author=author, sort_order=order) for order, author in enumerate(authors)
    ]
    if publish:
        actions.publish(article=article)
    else:
        actions.save_draft(article=article)
    return article


@pytest.fixture
def new_article():
    return make_article
