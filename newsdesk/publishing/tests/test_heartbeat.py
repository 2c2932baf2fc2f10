"""The scheduler's heartbeat, and the dashboard's warning when it is late (decision 0035)."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.users.models import UserProfile

from newsdesk.publishing import heartbeat
from newsdesk.publishing.management.commands import publish_due
from newsdesk.publishing.models import Heartbeat, OutboxEntry
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

pytestmark = pytest.mark.django_db


class Stop(Exception):
    pass


def one_tick(*args: str) -> None:
    """Run ``publish_due --loop`` for one tick: its sleep ends the loop."""
    with mock.patch.object(publish_due.time, "sleep", side_effect=Stop), pytest.raises(Stop):
        call_command("publish_due", "--loop", "--interval", "15", *args, verbosity=0)


def test_each_tick_of_the_loop_beats_and_drains_the_outbox(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        factories.published("uk", "grid-repairs")  # delivery lost: the process died
    assert heartbeat.pulse().state == heartbeat.NEVER

    one_tick()

    assert heartbeat.pulse().state == heartbeat.OK
    assert Heartbeat.objects.get().interval_seconds == 15
    assert not OutboxEntry.objects.exists()


def test_a_single_run_is_no_heartbeat():
    call_command("publish_due", verbosity=0)
    assert not Heartbeat.objects.exists()


def test_the_scheduler_is_late_after_two_missed_ticks_and_never_under_the_floor(clock, settings):
    settings.NEWSDESK_SCHEDULER_LATE_SECONDS = 120
    heartbeat.beat(interval=15)
    clock.shift(dt.timedelta(seconds=119))
    assert heartbeat.pulse().state == heartbeat.OK
    clock.shift(dt.timedelta(seconds=2))
    assert heartbeat.pulse().state == heartbeat.LATE

    heartbeat.beat(interval=300)  # a slow loop is late after two of its own intervals
    clock.shift(dt.timedelta(seconds=600))
    assert heartbeat.pulse().state == heartbeat.OK
    clock.shift(dt.timedelta(seconds=10))
    assert heartbeat.pulse().state == heartbeat.LATE


def _editor(language: str):
    user = get_user_model().objects.create_superuser(username=f"ed-{language}", password="x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.mark.parametrize(
    ("language", "warning"),
    [("en", "The scheduler is not running"), ("uk", "Планувальник не працює")],
)
def test_the_dashboard_warns_editors_when_the_scheduler_is_late(client, clock, language, warning):
    sign_in(client, _editor(language))
    heartbeat.beat(interval=15)
    assert warning not in client.get(reverse("wagtailadmin_home")).content.decode()

    clock.shift(dt.timedelta(minutes=10))
    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert warning in page
    assert "data-scheduler-late" in page


def test_the_dashboard_warns_when_the_scheduler_never_ran(client):
    sign_in(client, _editor("en"))
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "The scheduler has never run on this site." in page
