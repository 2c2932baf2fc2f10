"""API fixtures: a clean rate-limit count per test, and articles made through the write path."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from django.core.cache import cache

from newsdesk.articles.models import Article
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag
from newsdesk.testing import factories


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
    tags: Sequence[Tag] = (),
    authors: Sequence[Author] = (),
    labels: Sequence[str] = (),
    publish: bool = True,
) -> Article:
    """An article of ``edition``, published through ``actions.publish`` unless ``publish``
    is False (then it stays a draft)."""
    build = factories.published if publish else factories.draft
    return build(
        edition,
        slug,
        headline=f"Headline {slug}",
        in_section=section,
        tags=tags,
        authors=list(authors),
        labels=labels,
    )


@pytest.fixture
def new_article():
    return make_article
