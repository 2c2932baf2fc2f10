"""The live write path: publish and edit an update, end the coverage, promote an update."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import ModelLogEntry

from newsdesk.articles.models import LIVE_ENDED, NOT_LIVE, Article
from newsdesk.live.models import LiveUpdate
from newsdesk.publishing.events import content_changed
from newsdesk.publishing.live import (
    PROMOTE_ACTION,
    end_live_coverage,
    promote_live_update,
    publish_live_update,
)
from newsdesk.testing import factories

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


@pytest.fixture
def events():
    seen: list[tuple[type, int, str]] = []

    def record(sender, instance, verb, **kwargs):
        seen.append((sender, instance.pk, verb))

    content_changed.connect(record)
    yield seen
    content_changed.disconnect(record)


def test_publishing_an_update_stamps_it_keeps_a_revision_and_announces_the_article(
    django_capture_on_commit_callbacks, events, clock, session_clock
):
    article = factories.live_article()
    events.clear()
    posted_at = session_clock + dt.timedelta(minutes=3)
    clock.move_to(posted_at, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        made = factories.live_update(article, "Air defence is at work over Kyiv.")
    made.refresh_from_db()
    assert made.published_at == posted_at and made.edited_at is None
    assert made.latest_revision is not None
    assert "Air defence is at work over Kyiv." in made.latest_revision.content["body"]
    assert ModelLogEntry.objects.for_instance(made).filter(action="wagtail.create").exists()
    assert events == [(Article, article.pk, "update")]


def test_changing_the_text_marks_it_edited_but_pinning_does_not(
    django_capture_on_commit_callbacks, events, clock, session_clock
):
    article = factories.live_article()
    made = factories.live_update(article, "Explosions in the Dniprovskyi district.")
    published_at = made.published_at

    made.pinned = True
    publish_live_update(update=made)
    made.refresh_from_db()
    assert made.pinned and made.edited_at is None

    made.correction = "We first named the wrong district."
    corrected_at = session_clock + dt.timedelta(minutes=20)
    clock.move_to(corrected_at, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        publish_live_update(update=made)
    made.refresh_from_db()
    assert made.edited_at == corrected_at
    assert made.published_at == published_at, "an edit never moves an update up the page"
    assert made.revisions.count() == 3
    assert events[-1] == (Article, article.pk, "update")


def test_an_update_on_an_article_that_is_not_live_is_refused_with_nothing_saved(
    django_capture_on_commit_callbacks, events
):
    article = factories.live_article(coverage=NOT_LIVE)
    events.clear()
    with (
        translation.override("en"),
        pytest.raises(ValidationError) as error,
        django_capture_on_commit_callbacks(execute=True),
    ):
        factories.live_update(article, "Text.")
    with translation.override("en"):
        assert "whose coverage is live" in error.value.message_dict["article"][0]
    assert not LiveUpdate.objects.exists()
    assert events == []


def test_ending_the_coverage_publishes_the_article_and_stops_new_updates(
    django_capture_on_commit_callbacks, events
):
    article = factories.live_article()
    factories.live_update(article, "The all-clear has sounded.")
    events.clear()
    with django_capture_on_commit_callbacks(execute=True):
        end_live_coverage(article=article)
    article.refresh_from_db()
    assert article.coverage == LIVE_ENDED
    assert article.live_revision.content["coverage"] == LIVE_ENDED
    assert events == [(Article, article.pk, "update")]
    with pytest.raises(ValidationError):
        end_live_coverage(article=article)
    with pytest.raises(ValidationError):
        factories.live_update(article, "Too late.")


def test_promoting_an_update_makes_a_draft_article_in_its_edition_linking_back():
    article = factories.live_article("en", slug="kyiv-live")
    made = factories.live_update(
        article,
        "Rescuers have reached the last flat on the fifth floor.",
        title="Rescue operation ends in Kyiv",
    )
    promoted = promote_live_update(update=made)

    assert not promoted.live and promoted.latest_revision is not None
    assert promoted.locale_id == article.locale_id
    assert promoted.section_id == article.section_id
    assert promoted.headline == "Rescue operation ends in Kyiv"
    assert promoted.slug == "rescue-operation-ends-in-kyiv"
    body = list(promoted.body.raw_data)
    assert body[0]["type"] == "paragraph" and "fifth floor" in body[0]["value"]
    assert body[-1] == {"type": "read_also", "value": {"article": article.pk}, "id": body[-1]["id"]}
    assert [b.author_id for b in promoted.bylines.all()] == [made.author_id]
    made.refresh_from_db()
    assert made.promoted_to_id == promoted.pk
    assert ModelLogEntry.objects.for_instance(made).filter(action=PROMOTE_ACTION).exists()
    with pytest.raises(ValidationError):
        promote_live_update(update=made)
    assert Article.objects.filter(headline="Rescue operation ends in Kyiv").count() == 1
