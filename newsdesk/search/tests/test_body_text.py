"""The search text of a body holds what its embedded timeline says."""

from __future__ import annotations

import pytest

from newsdesk.articles.tests import bodies
from newsdesk.search import documents

pytestmark = pytest.mark.django_db


def test_an_embedded_timeline_is_in_the_search_text(django_capture_on_commit_callbacks):
    story = bodies.story()
    publish = bodies.publisher(django_capture_on_commit_callbacks)
    article = publish("with-timeline", [bodies.timeline(story.pk)])

    (document,) = documents.build([article.pk])

    assert bodies.STATEMENT in document.body
    assert bodies.SPEAKER in document.body and bodies.SOURCE in document.body


def test_a_timeline_of_the_other_edition_adds_nothing(django_capture_on_commit_callbacks):
    other = bodies.story(edition="uk")
    publish = bodies.publisher(django_capture_on_commit_callbacks)
    article = publish("with-timeline", [bodies.timeline(other.pk)], edition="en")

    (document,) = documents.build([article.pk])

    assert bodies.STATEMENT not in document.body
