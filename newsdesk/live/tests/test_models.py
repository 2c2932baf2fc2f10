"""Live updates: what an editor may save, and the clear errors for what they may not."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from newsdesk.articles.models import LIVE_ENDED, NOT_LIVE
from newsdesk.live.models import POLL_CACHE_KEY, LiveSettings, LiveUpdate, poll_seconds
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def poll_interval_uncached():
    """The poll interval is cached across requests (and, on Redis, across test runs)."""
    cache.delete(POLL_CACHE_KEY)
    yield
    cache.delete(POLL_CACHE_KEY)


def test_an_update_on_an_article_that_is_not_live_is_refused_and_nothing_is_saved():
    article = factories.live_article(coverage=NOT_LIVE)
    with pytest.raises(ValidationError) as error:
        factories.live_update(article, "Explosions heard in the city centre.")
    assert error.value.message_dict["article"] == [
        "Live updates can only be added to an article whose coverage is live."
    ]
    assert not LiveUpdate.objects.exists()


def test_a_new_update_is_refused_once_coverage_has_ended_but_a_published_one_can_be_fixed():
    article = factories.live_article()
    published = factories.live_update(article, "Explosions heard in the city centre.")
    article.coverage = LIVE_ENDED
    article.save()
    with pytest.raises(ValidationError) as error:
        factories.live_update(article, "One more thing.")
    assert "article" in error.value.message_dict
    published.refresh_from_db()
    published.correction = "The explosions were in the east of the city."
    published.full_clean()  # a correction after the end is allowed


def test_author_from_the_other_edition_is_refused():
    article = factories.live_article("uk")
    other = factories.author("en")
    with pytest.raises(ValidationError) as error:
        factories.live_update(article, "Text.", author=other)
    assert error.value.message_dict["author"] == ["This author belongs to the other edition."]
    assert not LiveUpdate.objects.exists()


def test_a_key_event_needs_a_headline_for_the_summary():
    article = factories.live_article()
    with pytest.raises(ValidationError) as error:
        factories.live_update(article, "Text.", key_event=True)
    assert error.value.message_dict["title"] == ["A key event needs a headline for the summary."]
    made = factories.live_update(article, "Text.", key_event=True, title="All-clear in Kyiv")
    assert made.key_event and made.title == "All-clear in Kyiv"


def test_an_update_needs_a_body():
    article = factories.live_article()
    empty = LiveUpdate(article=article, author=factories.author(), body=[])
    with pytest.raises(ValidationError) as error:
        empty.full_clean()
    assert "body" in error.value.message_dict


def test_poll_interval_follows_the_desk_setting_and_falls_back_to_the_default(
    settings, django_capture_on_commit_callbacks
):
    settings.NEWSDESK_LIVE_POLL_SECONDS = 12
    assert poll_seconds() == 12
    with django_capture_on_commit_callbacks(execute=True):
        stored = LiveSettings.objects.create(poll_seconds=45)
    assert poll_seconds() == 45
    with django_capture_on_commit_callbacks(execute=True):
        stored.poll_seconds = 90
        stored.save()
    assert poll_seconds() == 90


def test_only_one_settings_row_and_a_sane_interval():
    LiveSettings.objects.create(poll_seconds=30)
    with pytest.raises(ValidationError) as error:
        LiveSettings(poll_seconds=20).full_clean()
    assert error.value.messages == [
        "There are live coverage settings already: change those instead."
    ]
    with pytest.raises(ValidationError):
        LiveSettings(pk=LiveSettings.objects.get().pk, poll_seconds=1).full_clean()
