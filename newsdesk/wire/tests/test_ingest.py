"""ninjs documents through the write path: queue or publish, embargo, withdrawal, versions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry, Revision

from newsdesk.accounts.models import SecurityEvent
from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.testing import factories
from newsdesk.wire import ingest as wire
from newsdesk.wire.models import WireItem

from .documents import load, story

pytestmark = pytest.mark.django_db


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat()


def _later(**delta: float) -> dt.datetime:
    """A whole second of the test clock's future (revisions keep milliseconds only)."""
    return (timezone.now() + dt.timedelta(**delta)).replace(microsecond=0)


def test_an_untrusted_partners_item_waits_in_the_queue_as_a_draft(partner):
    result = wire.ingest(load("valid/shelling-uk.json"), partner=partner, via="command")
    assert result.outcome == wire.QUEUED
    article = Article.objects.get(pk=result.article_id)
    assert not article.live
    draft = article.get_latest_revision_as_object()
    assert draft.headline == "Херсон під обстрілом: пошкоджено підстанцію"
    assert draft.lead == "Уночі російські війська обстріляли Херсон."
    assert draft.section_id == partner.section_id
    assert article.locale.language_code == "uk"
    item = WireItem.objects.get(partner=partner)
    assert (item.uri, item.version, item.state) == (
        "urn:newsml:wire.example.org:20261206:shelling-kherson",
        "1",
        WireItem.QUEUED,
    )
    assert item.article_id == article.pk
    assert item.version_created == dt.datetime(2026, 12, 6, 19, 40, tzinfo=dt.UTC)


def test_the_body_is_sanitised_into_our_blocks(partner):
    result = wire.ingest(load("valid/shelling-uk.json"), partner=partner)
    draft = Article.objects.get(pk=result.article_id).get_latest_revision_as_object()
    blocks = [(block["type"], str(block["value"])) for block in draft.body.raw_data]
    text = " ".join(value for _kind, value in blocks)
    assert "script" not in text and "alert" not in text
    assert "onclick" not in text and "javascript:" not in text
    assert "<b>шостій</b>" in text
    assert 'href="https://energy.example.org/grafik"' in text
    assert ("subheading", "Що далі") in blocks


def test_subjects_become_tags_and_people_bylines(partner):
    result = wire.ingest(load("valid/shelling-uk.json"), partner=partner)
    draft = Article.objects.get(pk=result.article_id).get_latest_revision_as_object()
    assert sorted(tag.name for tag in draft.tags.all()) == ["Енергетика", "Херсон"]
    assert [b.author.name for b in draft.bylines.all()] == ["Ірина Мельник"]
    # A second item naming the same tag uses it, not a copy.
    wire.ingest(story("urn:wire:other", subjects=[{"name": "Херсон"}]), partner=partner)
    assert Article.objects.count() == 2
    from newsdesk.taxonomy.models import Tag

    assert Tag.objects.filter(name="Херсон").count() == 1


def test_a_by_line_is_read_when_no_people_are_named(partner):
    partner.edition = "en"
    partner.section = factories.section("en")
    result = wire.ingest(load("valid/minimal-en.json"), partner=partner)
    draft = Article.objects.get(pk=result.article_id).get_latest_revision_as_object()
    assert [b.author.name for b in draft.bylines.all()] == ["Anna Lysenko", "Mark Hale"]
    assert [block.block_type for block in draft.body] == ["paragraph", "paragraph"]
    assert draft.locale.language_code == "en"


def test_a_trusted_partners_item_is_published_at_once(trusted):
    result = wire.ingest(story(), partner=trusted)
    assert result.outcome == wire.PUBLISHED
    article = Article.objects.get(pk=result.article_id)
    assert article.live
    assert article.original_published_at is None  # today's news, dated now
    assert article in Article.objects.announced()
    assert WireItem.objects.get().state == WireItem.PUBLISHED


def test_a_story_first_created_days_ago_is_dated_then_not_as_todays_news(trusted):
    first = timezone.now() - dt.timedelta(days=5)
    result = wire.ingest(story(firstCreated=_stamp(first)), partner=trusted)
    article = Article.objects.get(pk=result.article_id)
    assert article.first_published_at == first
    assert article not in Article.objects.announced()
    fresh = wire.ingest(
        story("urn:wire:fresh", firstCreated=_stamp(timezone.now() - dt.timedelta(hours=1))),
        partner=trusted,
    )
    assert Article.objects.get(pk=fresh.article_id).original_published_at is None
    assert Article.objects.get(pk=fresh.article_id) in Article.objects.announced()


def test_an_embargo_schedules_a_trusted_item(trusted, clock):
    until = _later(hours=3)
    result = wire.ingest(story(embargoedUntil=_stamp(until)), partner=trusted)
    assert result.outcome == wire.SCHEDULED
    article = Article.objects.get(pk=result.article_id)
    assert not article.live
    assert Revision.objects.for_instance(article).filter(approved_go_live_at=until).exists()
    assert actions.publish_due().published == []
    clock.move_to(until)
    assert actions.publish_due().published == [article.headline]
    article.refresh_from_db()
    assert article.live


def test_an_embargo_stays_on_an_untrusted_draft(partner):
    until = _later(hours=3)
    result = wire.ingest(story(embargoedUntil=_stamp(until)), partner=partner)
    assert result.outcome == wire.QUEUED
    article = Article.objects.get(pk=result.article_id)
    assert article.get_latest_revision_as_object().go_live_at == until
    assert not Revision.objects.for_instance(article).filter(approved_go_live_at__isnull=False)


def test_an_embargo_gone_by_is_no_embargo(trusted):
    past = timezone.now() - dt.timedelta(minutes=5)
    result = wire.ingest(story(embargoedUntil=_stamp(past)), partner=trusted)
    assert result.outcome == wire.PUBLISHED


@pytest.mark.parametrize("status", ["withheld", "canceled"])
def test_a_withdrawal_takes_a_published_article_off_the_site(trusted, status):
    first = wire.ingest(story(), partner=trusted)
    result = wire.ingest(story(version="2", pubStatus=status), partner=trusted)
    assert result.outcome == wire.WITHDRAWN
    assert result.article_id == first.article_id
    article = Article.objects.get(pk=first.article_id)
    assert not article.live
    assert WireItem.objects.get().state == WireItem.WITHDRAWN
    assert ModelLogEntry.objects.filter(
        object_id=str(article.pk), action=actions.WITHDRAW_ACTION
    ).exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(article.pk), action="wagtail.unpublish"
    ).exists()


def test_a_withdrawal_cancels_an_embargoed_schedule(trusted, clock):
    until = _later(hours=3)
    first = wire.ingest(story(embargoedUntil=_stamp(until)), partner=trusted)
    wire.ingest(story(version="2", pubStatus="canceled"), partner=trusted)
    article = Article.objects.get(pk=first.article_id)
    assert not Revision.objects.for_instance(article).filter(approved_go_live_at__isnull=False)
    clock.move_to(until + dt.timedelta(hours=1))
    assert actions.publish_due().published == []
    article.refresh_from_db()
    assert not article.live


def test_a_withdrawal_before_the_item_keeps_an_older_version_out(trusted):
    result = wire.ingest(story(version="2", pubStatus="canceled"), partner=trusted)
    assert result.outcome == wire.WITHDRAWN
    assert result.article_id is None
    assert not Article.objects.exists()
    older = wire.ingest(story(version="1"), partner=trusted)
    assert older.outcome == wire.OLDER
    assert not Article.objects.exists()


def test_a_new_version_is_a_new_revision_of_the_same_article(trusted):
    first = wire.ingest(story(version="1"), partner=trusted)
    revisions = Revision.objects.for_instance(Article.objects.get(pk=first.article_id)).count()
    second = wire.ingest(story(version="2"), partner=trusted)
    assert second.outcome == wire.PUBLISHED
    assert second.article_id == first.article_id
    assert Article.objects.count() == 1
    article = Article.objects.get(pk=first.article_id)
    assert article.headline == "Заголовок версії 2"
    assert Revision.objects.for_instance(article).count() == revisions + 1
    assert WireItem.objects.get().version == "2"


def test_an_older_version_after_a_newer_one_is_ignored(trusted):
    wire.ingest(story(version="10"), partner=trusted)
    with translation.override("en"):
        result = wire.ingest(story(version="9"), partner=trusted)
    assert result.outcome == wire.OLDER
    assert result.message == ("Version 9 is older than version 10, taken already: it was ignored.")
    assert Article.objects.get().headline == "Заголовок версії 10"
    assert WireItem.objects.get().version == "10"


def test_versions_that_are_not_numbers_are_ordered_by_their_creation(trusted):
    late = timezone.now() - dt.timedelta(minutes=1)
    early = late - dt.timedelta(hours=1)
    wire.ingest(story(version="b", versionCreated=_stamp(late)), partner=trusted)
    result = wire.ingest(story(version="a", versionCreated=_stamp(early)), partner=trusted)
    assert result.outcome == wire.OLDER


def test_the_same_version_twice_creates_nothing(partner):
    wire.ingest(story(), partner=partner)
    counts = (Article.objects.count(), Revision.objects.count(), WireItem.objects.count())
    result = wire.ingest(story(), partner=partner)
    assert result.outcome == wire.DUPLICATE
    assert (Article.objects.count(), Revision.objects.count(), WireItem.objects.count()) == counts


def test_the_same_uri_from_another_partner_is_another_item(partner, trusted):
    wire.ingest(story(), partner=partner)
    wire.ingest(story(), partner=trusted)
    assert Article.objects.count() == 2


def test_a_new_version_of_a_queued_item_stays_in_the_queue(partner):
    first = wire.ingest(story(version="1"), partner=partner)
    article = Article.objects.get(pk=first.article_id)
    actions.publish(article=article.get_latest_revision_as_object())  # an editor's publish
    wire.ingest(story(version="2"), partner=partner)
    article.refresh_from_db()
    assert article.live
    assert article.headline == "Заголовок версії 1"  # readers keep the version approved
    assert article.has_unpublished_changes
    assert article.get_latest_revision_as_object().headline == "Заголовок версії 2"


def test_a_document_in_the_other_editions_language_is_refused(partner):
    with pytest.raises(wire.Refused) as refused:
        wire.ingest(story(language="en-US"), partner=partner)
    [problem] = refused.value.problems
    assert problem.path == "/language"
    assert "en-US" in problem.message
    assert not Article.objects.exists() and not WireItem.objects.exists()


@pytest.mark.parametrize("name", ["invalid/ninjs-2-names.json", "invalid/headline-not-a-list.json"])
def test_an_invalid_document_stores_nothing(partner, name):
    with pytest.raises(wire.Refused) as refused:
        wire.ingest(load(name), partner=partner)
    assert refused.value.problems
    assert not Article.objects.exists() and not WireItem.objects.exists()
    event = SecurityEvent.objects.get(event=wire.REFUSED)
    assert event.details["partner"] == "Agency"


def test_a_usable_item_needs_a_headline(partner):
    with pytest.raises(wire.Refused) as refused:
        wire.ingest(story(headlines=[{"value": "  "}]), partner=partner)
    assert [p.path for p in refused.value.problems] == ["/headlines"]


def test_a_time_without_its_offset_is_refused(partner):
    with pytest.raises(wire.Refused) as refused:
        wire.ingest(story(versionCreated="2026-12-06T10:00:00"), partner=partner)
    assert [p.path for p in refused.value.problems] == ["/versionCreated"]


def test_each_ingest_is_in_the_security_log(partner):
    result = wire.ingest(story(), partner=partner, via="command")
    event = SecurityEvent.objects.get(event=wire.INGESTED)
    assert event.details == {
        "partner": "Agency",
        "via": "command",
        "uri": "urn:wire:test:1",
        "version": "1",
        "outcome": wire.QUEUED,
        "article": result.article_id,
    }


def test_a_document_is_taken_whole_or_not_at_all(trusted, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(actions, "publish", fail)
    with pytest.raises(RuntimeError):
        wire.ingest(story(), partner=trusted)
    assert not Article.objects.exists()
    assert not WireItem.objects.exists()
    assert not Revision.objects.exists()
    assert not SecurityEvent.objects.filter(event=wire.INGESTED).exists()
