"""Timeline entries refuse bad input with a message naming the field, and nothing is saved,
whether through ``full_clean`` or the admin's snippet form."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from newsdesk.articles.models import Article
from newsdesk.editions import KYIV
from newsdesk.publishing import actions
from newsdesk.stories.models import DAY, MINUTE, Story, TimelineEntry
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in


@pytest.fixture(autouse=True)
def english():
    """Messages are compared with their English source; one test reads the Ukrainian."""
    with translation.override("en"):
        yield


@pytest.fixture
def story(db) -> Story:
    return Story.objects.create(
        locale=Locale.objects.get(language_code="en"), title="Troops abroad", slug="troops"
    )


def _entry(story: Story, **fields) -> TimelineEntry:
    values = {
        "story": story,
        "occurred_on": dt.date(2025, 1, 10),
        "statement": "About 11,000 troops were deployed.",
        "speaker": "Military intelligence",
        "figure": Decimal(11000),
        "unit": "troops",
        "source_name": "The agency's website",
        "source_url": "https://intel.example.org/statement",
        "status": TimelineEntry.CLAIMED,
    } | fields
    return TimelineEntry(**values)


def _errors(entry: TimelineEntry) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        entry.full_clean()
    return caught.value.message_dict


def _article(story: Story, slug: str, *, locale: Locale | None = None) -> Article:
    code = (locale or story.locale).language_code
    return factories.draft(code, slug, headline=slug, authors=[])


def test_a_complete_entry_is_valid_and_knows_its_precision(story):
    entry = _entry(story)
    entry.full_clean()
    assert entry.precision == DAY and entry.moment is None
    entry.occurred_time = dt.time(14, 30)
    entry.full_clean()
    assert entry.precision == MINUTE
    assert entry.moment == dt.datetime(2025, 1, 10, 14, 30, tzinfo=KYIV)


def test_a_future_date_is_refused(story):
    tomorrow = timezone.now().astimezone(KYIV).date() + dt.timedelta(days=1)
    errors = _errors(_entry(story, occurred_on=tomorrow))
    assert errors["occurred_on"] == [
        f"A timeline records what has already happened: {tomorrow.isoformat()} is in the future."
    ]


@pytest.mark.dated
def test_a_later_time_today_is_refused_on_the_time_field(story):
    now = timezone.now().astimezone(KYIV)
    if now.hour == 23 and now.minute >= 58:
        pytest.skip("no later minute left today in Kyiv")
    later = (now + dt.timedelta(minutes=2)).time().replace(second=0, microsecond=0)
    errors = _errors(_entry(story, occurred_on=now.date(), occurred_time=later))
    assert "occurred_time" in errors and "in the future" in errors["occurred_time"][0]


def test_a_figure_needs_a_unit_and_a_unit_a_figure(story):
    assert _errors(_entry(story, unit=" "))["unit"] == [
        'A figure needs its unit, for example "troops".'
    ]
    assert _errors(_entry(story, figure=None))["figure"] == [
        "A unit needs a figure; enter one or clear the unit."
    ]
    assert "figure" in _errors(_entry(story, figure=Decimal(-5)))


@pytest.mark.parametrize("url", ["ftp://files.example.org/report.pdf", "FTPS://x.example.org/a"])
def test_a_link_that_is_not_http_is_refused(story, url):
    assert _errors(_entry(story, source_url=url))["source_url"] == [
        "Links must start with http or https."
    ]


def test_messages_follow_the_editors_language(story):
    with translation.override("uk"):
        errors = _errors(_entry(story, source_url="ftp://files.example.org/a"))
    ukrainian = "Посилання має починатися з http або https."  # noqa: RUF001 - Cyrillic meant
    assert errors["source_url"] == [ukrainian]


def test_the_reporting_article_must_be_of_the_story_and_its_edition(story):
    outside = _article(story, "outside")
    assert _errors(_entry(story, article=outside))["article"] == [
        "This article is not part of the story; add it to the story first."
    ]
    uk = Locale.objects.get(language_code="uk")
    other_edition = _article(story, "other-edition", locale=uk)
    assert _errors(_entry(story, article=other_edition))["article"] == [
        "This article belongs to the other edition."
    ]
    inside = _article(story, "inside")
    inside.story = story
    actions.save_draft(article=inside)
    _entry(story, article=inside).full_clean()


@pytest.mark.dated
def test_entries_read_oldest_first_a_day_only_entry_before_timed_ones(story):
    day = dt.date(2025, 3, 1)
    timed = _entry(story, occurred_on=day, occurred_time=dt.time(9, 0))
    timed.save()
    whole_day = _entry(story, occurred_on=day)
    whole_day.save()
    earlier = _entry(story, occurred_on=day - dt.timedelta(days=40))
    earlier.save()
    found = list(TimelineEntry.objects.of_story(story).chronological())
    assert found == [earlier, whole_day, timed]
    ranged = TimelineEntry.objects.of_story(story).between(day, None).chronological()
    assert list(ranged) == [whole_day, timed]


def test_the_admin_form_shows_the_errors_and_saves_nothing(client, story):
    admin = get_user_model().objects.create_superuser("chief", "chief@newsdesk.test", "x")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    sign_in(client, admin)
    tomorrow = timezone.now().astimezone(KYIV).date() + dt.timedelta(days=1)
    response = client.post(
        reverse("wagtailsnippets_stories_timelineentry:add"),
        {
            "story": story.pk,
            "occurred_on": tomorrow.isoformat(),
            "occurred_time": "",
            "statement": "Troops were seen at the border.",
            "speaker": "Agency",
            "speaker_kind": TimelineEntry.ORGANISATION,
            "speaker_role": "",
            "figure": "3000",
            "unit": "",
            "source_name": "Agency",
            "source_url": "ftp://files.example.org/a",
            "status": TimelineEntry.CLAIMED,
            "article": "",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "is in the future." in page
    assert "A figure needs its unit, for example &quot;troops&quot;." in page
    assert "Links must start with http or https." in page
    assert not TimelineEntry.objects.exists()


def test_the_admin_saves_a_good_entry_with_a_revision(client, story):
    admin = get_user_model().objects.create_superuser("chief", "chief@newsdesk.test", "x")
    sign_in(client, admin)
    response = client.post(
        reverse("wagtailsnippets_stories_timelineentry:add"),
        {
            "story": story.pk,
            "occurred_on": "2025-01-10",
            "occurred_time": "14:30",
            "statement": "Troops were seen at the border.",
            "speaker": "Agency",
            "speaker_kind": TimelineEntry.ORGANISATION,
            "figure": "3000",
            "unit": "troops",
            "source_url": "https://intel.example.org/a",
            "status": TimelineEntry.CLAIMED,
        },
    )
    assert response.status_code == 302
    entry = TimelineEntry.objects.get()
    assert entry.figure == Decimal(3000) and entry.latest_revision is not None
