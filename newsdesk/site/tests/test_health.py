"""/health: database, cache and the scheduler's lateness; cheap, never cached (decision 0035)."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.db import DatabaseError

from newsdesk.publishing import heartbeat

pytestmark = pytest.mark.django_db


def test_health_says_all_is_well_in_two_queries(client, django_assert_num_queries):
    heartbeat.beat(interval=15)
    with django_assert_num_queries(2):  # SELECT 1, the heartbeat
        response = client.get("/health")

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    since = body["scheduler"].pop("seconds_since_last_tick")
    assert isinstance(since, int) and 0 <= since < 120  # the test clock ticks
    assert body == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "scheduler": {"state": "ok", "late_after_seconds": 120},
    }


def test_health_reports_a_late_scheduler_and_stays_up(client, clock):
    heartbeat.beat(interval=15)
    clock.shift(dt.timedelta(minutes=5))

    body = client.get("/health").json()

    assert body["status"] == "degraded"
    assert body["scheduler"]["state"] == "late"
    assert 300 <= body["scheduler"]["seconds_since_last_tick"] < 420
    assert client.get("/health").status_code == 200


def test_health_reports_a_scheduler_that_never_ran(client):
    body = client.get("/health").json()
    assert body["status"] == "degraded"
    assert body["scheduler"] == {
        "state": "never",
        "seconds_since_last_tick": None,
        "late_after_seconds": 120,
    }


def test_health_is_503_without_a_database(client):
    with mock.patch("newsdesk.site.health.connections") as connections:
        connections.__getitem__.return_value.cursor.side_effect = DatabaseError("down")
        response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response["Cache-Control"] == "no-store"


def test_health_reports_a_cache_that_does_not_answer(client):
    heartbeat.beat(interval=15)
    with mock.patch("newsdesk.site.health.cache") as cache:
        cache.get.return_value = None
        body = client.get("/health").json()
    assert (body["status"], body["cache"]) == ("degraded", "unavailable")


def test_health_answers_nothing_but_reads(client):
    assert client.post("/health").status_code == 405


def test_health_holds_no_secret_or_host(client, settings):
    body = client.get("/health").content.decode()
    for secret in (settings.SECRET_KEY, str(settings.DATABASES["default"]["NAME"])):
        assert secret not in body
