"""The write path: publish, update, schedule, the scheduler's tick, unpublish."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from newsdesk.articles import labels
from newsdesk.articles.models import Article, PublishedSlug, UpdateLogEntry
from newsdesk.publishing import actions
from newsdesk.publishing.events import content_changed
from newsdesk.testing import factories

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


def make_article(headline: str = "Grid repairs finish in Kharkiv", **fields) -> Article:
    """The unsaved article each test publishes, schedules or saves in its own way."""
    fields.setdefault("lead", "Crews restored power to the last district overnight.")
    return factories.article("uk", fields.pop("slug", "grid-repairs"), headline=headline, **fields)


@pytest.fixture
def events():
    seen: list[tuple[int, str]] = []

    def record(sender, instance, verb, **kwargs):
        seen.append((instance.pk, verb))

    content_changed.connect(record)
    yield seen
    content_changed.disconnect(record)


def test_publish_makes_article_visible_and_records_revision_and_audit(
    django_capture_on_commit_callbacks, events
):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        revision = actions.publish(article=article)

    assert article.live and article.live_revision_id == revision.pk
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert ModelLogEntry.objects.for_instance(article).filter(action="wagtail.publish").count() == 1
    assert PublishedSlug.objects.filter(article=article, slug="grid-repairs").exists()
    assert events == [(article.pk, "publish")]


def test_substantive_update_logs_and_typo_fix_does_not(django_capture_on_commit_callbacks, events):
    article = make_article()
    actions.publish(article=article)

    article.lead = "Crews restored power to the last district overnight, officials said."
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article)
    assert not UpdateLogEntry.objects.filter(article=article).exists()
    assert article.updated_at is None

    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article, update_note="Added the number of homes reconnected.")
    entry = UpdateLogEntry.objects.get(article=article)
    assert entry.text == "Added the number of homes reconnected."
    article.refresh_from_db()
    assert article.updated_at == entry.created_at
    assert labels.UPDATED in article.display_labels
    # The note is consumed: neither the article nor its latest revision carries it on.
    assert article.update_note == ""
    assert article.latest_revision.content["update_note"] == ""
    assert [verb for _pk, verb in events] == ["update", "update"]


def test_note_on_first_publish_is_not_an_update():
    article = make_article(update_note="Nothing to update yet")
    actions.publish(article=article)
    assert not UpdateLogEntry.objects.exists()
    article.refresh_from_db()
    assert article.updated_at is None and article.update_note == ""


def test_changed_slug_keeps_old_address():
    article = make_article()
    actions.publish(article=article)
    article.slug = "grid-repairs-complete"
    actions.publish(article=article)
    assert set(PublishedSlug.objects.filter(article=article).values_list("slug", flat=True)) == {
        "grid-repairs",
        "grid-repairs-complete",
    }


def test_schedule_rejects_a_time_in_the_past():
    article = make_article()
    with pytest.raises(ValidationError) as error:
        actions.schedule(article=article, go_live_at=timezone.now() - dt.timedelta(minutes=5))
    assert "go_live_at" in error.value.message_dict
    assert not Article.objects.exists()


def overdue(article: Article, by: dt.timedelta) -> dt.datetime:
    """Pretend the scheduler was down: move an approved schedule ``by`` into the past."""
    moment = timezone.now() - by
    revision = article.revisions.get(approved_go_live_at__isnull=False)
    revision.approved_go_live_at = moment
    revision.content = {**revision.content, "go_live_at": moment.isoformat()}
    revision.save()
    Article.objects.filter(pk=article.pk).update(go_live_at=moment)
    return moment


def test_scheduled_article_waits_then_goes_out_on_the_next_tick_and_lateness_is_recorded():
    article = make_article()
    actions.schedule(article=article, go_live_at=timezone.now() + dt.timedelta(hours=1))
    article.refresh_from_db()
    assert not article.live
    assert not Article.objects.published().exists()
    assert actions.publish_due().published == []

    scheduled_for = overdue(article, dt.timedelta(hours=2))
    report = actions.publish_due()

    article.refresh_from_db()
    assert article.live
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert report.published == [article.headline]
    assert len(report.late) == 1
    late = ModelLogEntry.objects.for_instance(article).get(action=actions.LATE_ACTION)
    assert late.data["scheduled_for"] == scheduled_for.isoformat()
    assert late.data["late_by_seconds"] >= 7200


def test_on_time_publication_is_not_reported_late():
    article = make_article()
    actions.schedule(article=article, go_live_at=timezone.now() + dt.timedelta(hours=1))
    overdue(article, dt.timedelta(seconds=5))
    report = actions.publish_due()
    assert report.published and not report.late
    assert not ModelLogEntry.objects.filter(action=actions.LATE_ACTION).exists()


def test_expiry_takes_article_off_the_site(django_capture_on_commit_callbacks, events):
    article = make_article(expire_at=timezone.now() + dt.timedelta(minutes=30))
    actions.publish(article=article)
    assert Article.objects.published().exists()

    later = timezone.now() + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        report = actions.publish_due(now=later)
    article.refresh_from_db()
    assert report.expired == [article.headline]
    assert not article.live and article.expired
    assert events[-1] == (article.pk, "expire")


def test_past_expiry_hides_article_before_the_scheduler_runs():
    article = make_article(expire_at=timezone.now() + dt.timedelta(minutes=30))
    actions.publish(article=article)
    Article.objects.filter(pk=article.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=1))
    assert not Article.objects.published().exists()


def test_unpublish(django_capture_on_commit_callbacks, events):
    article = make_article()
    actions.publish(article=article)
    with django_capture_on_commit_callbacks(execute=True):
        actions.unpublish(article=article)
    article.refresh_from_db()
    assert not article.live
    assert not Article.objects.published().exists()
    assert events[-1] == (article.pk, "unpublish")


def test_invalid_article_is_not_saved_half_way():
    article = make_article(headline="", slug="bad")
    with pytest.raises(ValidationError):
        actions.publish(article=article)
    assert not Article.objects.exists()


def test_publish_due_command_prints_a_summary(capsys):
    from django.core.management import call_command

    call_command("publish_due")
    assert "published 0 (late 0), expired 0" in capsys.readouterr().out


def test_withdraw_takes_a_live_article_off_with_its_purges(
    django_capture_on_commit_callbacks, events
):
    article = factories.published("uk", "withdrawn-live")
    with django_capture_on_commit_callbacks(execute=True):
        actions.withdraw(article=article, reason="agency: urn:1 2")
    article.refresh_from_db()
    assert not article.live
    assert (article.pk, "unpublish") in events
    entry = ModelLogEntry.objects.get(object_id=str(article.pk), action=actions.WITHDRAW_ACTION)
    assert entry.data == {"reason": "agency: urn:1 2"}


def test_withdraw_keeps_a_scheduled_article_from_going_out(clock):
    go_live = timezone.now() + dt.timedelta(hours=2)
    article = factories.scheduled("uk", "withdrawn-scheduled", go_live_at=go_live)
    actions.withdraw(article=article)
    article.refresh_from_db()
    assert article.go_live_at is None
    clock.move_to(go_live + dt.timedelta(hours=1))
    assert actions.publish_due().published == []
    article.refresh_from_db()
    assert not article.live
    assert not article.revisions.filter(approved_go_live_at__isnull=False).exists()
