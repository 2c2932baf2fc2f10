"""Every publish, unpublish, schedule, backdate, trash, restore, purge, pairing, banner,
backup, restore and repair is in the security log, in the change's own transaction
(decision 0048)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from newsdesk.accounts.models import SecurityEvent
from newsdesk.breaking.models import BreakingBanner
from newsdesk.editorial import roles
from newsdesk.publishing import actions, security
from newsdesk.publishing.live import publish_live_update, trash_live_update
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

pytestmark = pytest.mark.django_db


def events(*names: str) -> list[SecurityEvent]:
    found = SecurityEvent.objects.order_by("id")
    return list(found.filter(event__in=names) if names else found)


def names() -> list[str]:
    return [event.event for event in events()]


@pytest.fixture
def desk(db):
    user = get_user_model().objects.create_user(username="desk", password="x" * 16)
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    return user


def test_publish_update_and_unpublish_are_recorded_with_who_and_what(desk):
    article = factories.article("uk", "grid-repairs", headline="Ремонт мереж")
    actions.publish(article=article, user=desk)
    actions.unpublish(article=article, user=desk)

    published, unpublished = events("article_published", "article_unpublished")
    assert published.event == "article_published"
    assert (published.username, published.user_id_at_event) == ("desk", desk.pk)
    assert published.details["object_id"] == str(article.pk)
    assert published.details["title"] == "Ремонт мереж"
    assert unpublished.event == "article_unpublished"


def test_the_record_rolls_back_with_a_failed_publish(desk):
    article = factories.article("uk", "grid-repairs")
    with pytest.raises(RuntimeError), transaction.atomic():
        actions.publish(article=article, user=desk)
        assert events("article_published")  # written in the same transaction
        raise RuntimeError("the database went away")
    assert not events("article_published")


def test_schedule_and_the_schedulers_publish_are_recorded(desk, clock):
    later = timezone.now() + dt.timedelta(hours=1)
    factories.scheduled("uk", "embargoed", go_live_at=later)
    clock.shift(dt.timedelta(hours=2))
    actions.publish_due()

    scheduled, published = events("article_publish_scheduled", "article_published")
    assert scheduled.event == "article_publish_scheduled"
    assert (published.event, published.username) == ("article_published", "system")


def test_a_backdated_publication_is_recorded(desk):
    desk.is_superuser = True
    desk.save()
    article = factories.article("uk", "archive-piece")
    when = timezone.now() - dt.timedelta(days=400)
    actions.publish(article=article, user=desk, first_published_at=when)

    [backdated] = events("article_backdated")
    assert backdated.details["original_published_at"] == when.astimezone(dt.UTC).isoformat()


def test_trash_restore_and_purge_of_every_kind_are_recorded(desk, clock):
    article = factories.published("uk", "grid-repairs")
    story = factories.story("uk", "energy")
    update = factories.live_update(factories.live_article("uk"), "Хибне повідомлення.")
    actions.trash(article=article, user=desk)
    actions.restore(article=article, user=desk)
    actions.trash(article=article, user=desk)
    actions.trash_story(story=story, user=desk)
    trash_live_update(update=update, user=desk)
    clock.shift(dt.timedelta(days=31))
    actions.purge_trash()

    recorded = [n for n in names() if n.endswith(("_trashed", "_restored", "_purged"))]
    assert recorded == [
        "article_trashed",
        "article_restored",
        "article_trashed",
        "story_trashed",
        "live_update_trashed",
        "article_purged",
        "story_purged",
        "live_update_purged",
    ]
    assert {e.username for e in events("article_purged", "story_purged")} == {"system"}


def test_live_updates_published_and_edited_are_recorded(desk):
    live = factories.live_article("uk")
    update = factories.live_update(live, "Сирени вночі.")
    update.correction = "Not at 02:00 but at 03:00."
    publish_live_update(update=update, user=desk)

    assert names()[-2:] == ["live_update_published", "live_update_edited"]
    assert events("live_update_edited")[0].username == "desk"


def test_pairing_and_unpairing_translations_are_recorded(desk):
    uk = factories.draft("uk", "grid-repairs")
    en = factories.draft("en", "grid-repairs")
    actions.pair_translations(article=uk, twin=en, user=desk)
    actions.unpair_translation(article=uk, user=desk)

    assert [e.event for e in events("article_translation_paired")] == [
        "article_translation_paired"
    ] * 2
    [unpaired] = events("article_translation_unpaired")
    assert (unpaired.username, unpaired.details["object_id"]) == ("desk", str(uk.pk))


def test_breaking_banners_raised_and_lowered_are_recorded(desk):
    article = factories.published("uk", "grid-repairs")
    banner = BreakingBanner.objects.create(
        locale=article.locale,
        text="Масована атака на Київ",
        article=article,
        expires_at=timezone.now() + dt.timedelta(hours=2),
    )
    banner.text = "Масована атака на Київ: оновлення"
    banner.save()  # still up: nothing new to record
    banner.active = False
    banner.save()
    banner.active = True
    banner.save()
    banner.delete()

    recorded = events(security.BANNER_RAISED, security.BANNER_LOWERED)
    assert [event.event for event in recorded] == [
        security.BANNER_RAISED,
        security.BANNER_LOWERED,
        security.BANNER_RAISED,
        security.BANNER_LOWERED,
    ]
    assert recorded[0].details["text"] == "Масована атака на Київ"


def test_a_section_editors_scope_changing_is_recorded(desk):
    war = factories.section("uk", "war")
    war.editors.add(desk)
    war.editors.remove(desk)
    desk.edited_sections.add(war)  # from the user's side
    war.editors.clear()

    changes = [e.details for e in events(security.SECTION_EDITORS_CHANGED)]
    assert changes == [
        {"section": war.pk, "added": ["desk"]},
        {"section": war.pk, "removed": ["desk"]},
        {"section": war.pk, "added": ["desk"]},
        {"section": war.pk, "cleared": ["desk"]},
    ]


def test_reconcile_repairs_are_recorded_and_a_dry_run_is_not(desk):
    article = factories.published("uk", "grid-repairs")
    ModelLogEntry.objects.for_instance(article).filter(action="wagtail.publish").delete()

    call_command("reconcile", "--dry-run", stdout=io.StringIO())
    assert not events(security.RECONCILE_REPAIRED)
    call_command("reconcile", stdout=io.StringIO())

    [repaired] = events(security.RECONCILE_REPAIRED)
    assert repaired.details["count"] >= 1
    assert f"audit: article {article.pk}" in repaired.details["findings"]
    assert events("article_publish_recorded_by_reconcile")


def test_an_editor_can_neither_read_nor_change_the_records(client, desk):
    actions.publish(article=factories.article("uk", "grid-repairs"), user=desk)
    sign_in(client, desk)
    assert client.get(reverse("accounts_security_log")).status_code in (302, 403)
    assert not desk.has_perm("accounts.change_securityevent")
    assert not desk.has_perm("accounts.delete_securityevent")


def test_unknown_audit_actions_are_not_copied():
    assert security.event_for("articles.article", "wagtail.edit") is None
    assert security.event_for("live.liveupdate", "wagtail.edit") == "live_update_edited"
    assert security.event_for("articles.article", "newsdesk.trash") == "article_trashed"
