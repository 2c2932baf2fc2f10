"""The outbox: derived work is recorded with the change and survives a crash (decision 0033)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from newsdesk.articles.models import Article
from newsdesk.publishing import actions, events
from newsdesk.publishing.models import OutboxEntry
from newsdesk.search.backends import get_backend
from newsdesk.syndication.models import ArchiveMonth
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def indexed() -> set[int]:
    return set(get_backend().indexed_ids())


def test_the_outbox_row_is_written_in_the_publish_transaction():
    article = factories.article("uk", "grid-repairs")
    with pytest.raises(Rollback), transaction.atomic():
        actions.publish(article=article)
        entry = OutboxEntry.objects.get(object_id=article.pk)
        assert (entry.model, entry.verb) == ("articles.article", "publish")
        raise Rollback  # the publish is rolled back: its outbox row must go with it

    assert not Article.objects.exists()
    assert not OutboxEntry.objects.exists()


def test_a_crash_between_commit_and_delivery_leaves_rows_the_worker_delivers(
    django_capture_on_commit_callbacks,
):
    # The commit happens, the callbacks that would deliver never run: the process died.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article = factories.published("uk", "grid-repairs")
    assert callbacks  # a delivery was due
    assert article.pk not in indexed()
    assert not ArchiveMonth.objects.exists()
    assert OutboxEntry.objects.filter(object_id=article.pk, verb="publish").count() == 1

    out = io.StringIO()
    call_command("process_outbox", stdout=out)

    assert out.getvalue().strip() == "delivered 1, not delivered 0"
    assert article.pk in indexed()
    assert ArchiveMonth.objects.get(edition="uk").articles == 1
    assert not OutboxEntry.objects.exists()


def test_a_failing_receiver_keeps_the_row_for_a_later_try(
    django_capture_on_commit_callbacks, clock
):
    def broken(sender, instance, verb, **kwargs):
        raise RuntimeError("search backend down")

    events.content_changed.connect(broken, dispatch_uid="test.broken")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            article = factories.published("uk", "grid-repairs")
    finally:
        events.content_changed.disconnect(dispatch_uid="test.broken")

    # The publish stands; the delivery is owed, with the reason and a pause before the
    # next try.
    assert Article.objects.published().filter(pk=article.pk).exists()
    entry = OutboxEntry.objects.get(object_id=article.pk)
    assert entry.attempts == 1
    assert entry.last_error == "RuntimeError: search backend down"
    assert events.process_outbox() == (0, 0)  # not yet due again

    clock.shift(dt.timedelta(seconds=16))
    assert events.process_outbox() == (1, 0)
    assert article.pk in indexed()
    assert not OutboxEntry.objects.exists()


def test_a_row_leased_by_one_worker_is_not_delivered_by_another(clock):
    article = factories.published("uk", "grid-repairs")
    entry = OutboxEntry.objects.get(object_id=article.pk)
    assert events._lease(entry.pk, timezone.now())

    assert events.deliver(entry.pk) is False
    assert article.pk not in indexed()

    clock.shift(events.LEASE + dt.timedelta(seconds=1))  # the first worker died holding it
    assert events.deliver(entry.pk) is True
    assert article.pk in indexed()


def test_a_change_of_a_deleted_object_is_dropped(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        article = factories.published("uk", "grid-repairs")
    Article.objects.filter(pk=article.pk).delete()

    assert events.process_outbox() == (1, 0)
    assert not OutboxEntry.objects.exists()
