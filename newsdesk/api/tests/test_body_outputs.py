"""An embedded story timeline reaches partners: in ``body_html`` and in the ninjs body."""

from __future__ import annotations

import pytest

from newsdesk.testing import factories

pytestmark = pytest.mark.django_db


def test_an_embedded_timeline_is_in_body_html_and_the_ninjs_body(
    client, django_capture_on_commit_callbacks
):
    story = factories.story("en", "troops", title="Troops in Kursk")
    entry = factories.timeline_entry(story)
    article = factories.published(
        "en",
        "with-timeline",
        blocks=[factories.timeline(story)],
        capture=django_capture_on_commit_callbacks,
    )

    body_html = client.get(f"/api/v1/articles/{article.pk}").json()["body_html"]
    ninjs = client.get(f"/api/v1/articles/{article.pk}/ninjs").json()

    assert f"{entry.speaker}: {entry.statement}" in body_html
    assert "<h3>Background: " in body_html
    assert ninjs["bodies"][0]["value"] == body_html
    assert ninjs["bodies"][0]["wordCount"] > len(entry.statement.split())
