"""Front-cache fixtures: a recording purge backend, and articles made through the write path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import override_settings
from wagtail.models import Locale

from newsdesk.articles.models import Article
from newsdesk.frontcache.backends import Recording
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story
from newsdesk.taxonomy.models import Tag
from newsdesk.testing import factories


@pytest.fixture
def purged():
    """Every purge the write path sends, as sets of keys, in order."""
    Recording.purged.clear()
    with override_settings(
        NEWSDESK_FRONT_CACHES=[{"BACKEND": "newsdesk.frontcache.backends.Recording"}]
    ):
        yield Recording.purged
    Recording.purged.clear()


@pytest.fixture
def newsroom(db):
    """One section, tag, author and story per edition."""
    made = {}
    for code in ("uk", "en"):
        locale = Locale.objects.get(language_code=code)
        made[code] = {
            "section": Section.objects.create(locale=locale, slug=f"war-{code}", name="War"),
            "tag": Tag.objects.create(locale=locale, slug=f"kharkiv-{code}", name="Kharkiv"),
            "author": Author.objects.create(locale=locale, slug=f"reporter-{code}", name="R"),
            "story": Story.objects.create(locale=locale, slug=f"grid-{code}", title="Grid"),
        }
    return made


@pytest.fixture
def write(newsroom, django_capture_on_commit_callbacks) -> Callable[..., Article]:
    """Publish an article of ``edition`` in the newsroom's section, tag, author and story,
    running the on-commit receivers as a real commit would."""

    def make(edition: str = "uk", slug: str = "grid-repairs", **fields: Any) -> Article:
        parts = newsroom[edition]
        return factories.published(
            edition,
            slug,
            headline=f"Headline {slug}",
            in_section=parts["section"],
            story=parts["story"],
            tags=[parts["tag"]],
            authors=[parts["author"]],
            capture=django_capture_on_commit_callbacks,
            **fields,
        )

    return make
