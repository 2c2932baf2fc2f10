"""The search text of a body holds what its embedded timeline says."""

from __future__ import annotations

import pytest

from newsdesk.search import documents
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db


def test_an_embedded_timeline_is_in_the_search_text(django_capture_on_commit_callbacks):
    story = factories.story("en", "troops", title="Troops in Kursk")
    entry = factories.timeline_entry(story)
    article = factories.published(
        "en",
        "with-timeline",
        blocks=[factories.timeline(story)],
        capture=django_capture_on_commit_callbacks,
    )

    (document,) = documents.build([article.pk])

    assert entry.statement in document.body
    assert entry.speaker in document.body and entry.source_name in document.body


def test_a_timeline_of_the_other_edition_adds_nothing(django_capture_on_commit_callbacks):
    other = factories.story("uk", "troops", title="Troops in Kursk")
    entry = factories.timeline_entry(other)
    article = factories.published(
        "en",
        "with-timeline",
        blocks=[factories.timeline(other)],
        capture=django_capture_on_commit_callbacks,
    )

    (document,) = documents.build([article.pk])

    assert entry.statement not in document.body
