"""A timeline entry deleted on its own goes to the trash and comes back (decision 0055)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import ModelLogEntry

from newsdesk.accounts.models import SecurityEvent
from newsdesk.publishing import actions
from newsdesk.publishing.actions import PURGE_ACTION, RESTORE_ACTION, TRASH_ACTION
from newsdesk.publishing.timeline import restore_timeline_entry, trash_timeline_entry
from newsdesk.stories.models import Story, TimelineEntry
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

from .conftest import make_user

ENTRY_DELETE = "wagtailsnippets_stories_timelineentry:delete"
ENTRY_EDIT = "wagtailsnippets_stories_timelineentry:edit"
ENTRY_LISTING = "wagtailsnippets_stories_timelineentry:list"
ENTRY_TRASH = "editorial_trash_timeline:index"
ENTRY_RESTORE = "editorial_trash_timeline:restore"
KEPT = "Генштаб повідомив про 11 000 військових."
WRONG = "Хибне повідомлення про відступ."

pytestmark = pytest.mark.django_db


def story_of_two() -> tuple[Story, TimelineEntry, TimelineEntry]:
    story = factories.story("uk", "energy", title="Удари по енергетиці")
    kept = factories.timeline_entry(story, KEPT)
    wrong = factories.timeline_entry(story, WRONG, occurred_on=dt.date(2024, 10, 19))
    return story, kept, wrong


READER_PAGES = (
    "/uk/stories/energy/",
    "/uk/stories/energy/timeline.json",
    "/uk/stories/energy/timeline.csv",
    "/uk/news/rss.xml",
)


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_deleting_an_entry_trashes_it_and_takes_it_off_every_page_and_feed(
    client, editor, django_capture_on_commit_callbacks
):
    story, kept, wrong = story_of_two()
    article = factories.published(
        "uk",
        "grid",
        story=story,
        blocks=[factories.timeline(story)],
        capture=django_capture_on_commit_callbacks,
    )
    pages = (*READER_PAGES, f"/uk/news/{article.slug}/")
    for path in pages:  # each now in the page cache (and the bodies in the shared cache)
        assert WRONG in client.get(path).content.decode("utf-8"), path
    admin = client.__class__()
    sign_in(admin, editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(reverse(ENTRY_DELETE, args=[wrong.pk]), follow=True)

    assert "moved to the trash" in response.content.decode()
    wrong = TimelineEntry.everything.get(pk=wrong.pk)  # kept, with its revisions
    assert wrong.trashed_at is not None and wrong.trashed_by == editor
    assert ModelLogEntry.objects.for_instance(wrong).filter(action=TRASH_ACTION).count() == 1
    for path in pages:
        seen = client.get(path).content.decode("utf-8")
        assert WRONG not in seen, path
        assert KEPT in seen, path
    assert list(story.entries.all()) == [kept]
    # Off the admin's listing, on the Trash's, and not editable until restored.
    assert WRONG not in admin.get(reverse(ENTRY_LISTING)).content.decode()
    assert WRONG in admin.get(reverse(ENTRY_TRASH)).content.decode()
    assert admin.get(reverse(ENTRY_EDIT, args=[wrong.pk])).status_code == 404


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_a_restored_entry_is_back_at_its_own_date(
    client, editor, django_capture_on_commit_callbacks
):
    story, _kept, wrong = story_of_two()
    for path in READER_PAGES[:3]:
        client.get(path)
    with django_capture_on_commit_callbacks(execute=True):
        trash_timeline_entry(entry=wrong, user=editor)
    assert WRONG not in client.get(READER_PAGES[0]).content.decode()
    admin = client.__class__()
    sign_in(admin, editor)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(reverse(ENTRY_RESTORE, args=[wrong.pk]))

    assert response.status_code == 302
    assert ModelLogEntry.objects.for_instance(wrong).filter(action=RESTORE_ACTION).exists()
    for path in READER_PAGES[:3]:
        assert WRONG in client.get(path).content.decode("utf-8"), path
    assert [entry.statement for entry in story.entries.chronological()] == [KEPT, WRONG]
    assert "The trash is empty." in admin.get(reverse(ENTRY_TRASH)).content.decode()


def test_trashing_and_restoring_are_in_the_security_log_with_who_and_what(client, editor):
    _story, _kept, wrong = story_of_two()
    sign_in(client, editor)

    client.post(reverse(ENTRY_DELETE, args=[wrong.pk]))
    client.post(reverse(ENTRY_RESTORE, args=[wrong.pk]))

    events = SecurityEvent.objects.filter(event__startswith="timeline_entry_").order_by("id")
    assert [(e.event, e.username) for e in events] == [
        ("timeline_entry_trashed", "editor"),
        ("timeline_entry_restored", "editor"),
    ]
    for event in events:
        assert event.details["object_id"] == str(wrong.pk)
        assert WRONG[:40] in event.details["title"]
        assert event.details["story"] == "Удари по енергетиці"


def test_only_who_may_delete_entries_may_trash_and_restore_them(client, contributor, editor):
    _story, _kept, wrong = story_of_two()
    sign_in(client, contributor)  # contributors add and change entries, never delete them

    client.post(reverse(ENTRY_DELETE, args=[wrong.pk]))
    assert TimelineEntry.objects.filter(pk=wrong.pk).exists()
    assert client.get(reverse(ENTRY_TRASH)).url == "/admin/"

    trash_timeline_entry(entry=wrong, user=editor)
    # Refused (Wagtail's admin answers a refusal with a redirect to the dashboard).
    assert client.post(reverse(ENTRY_RESTORE, args=[wrong.pk])).status_code in (302, 403)
    assert not TimelineEntry.objects.filter(pk=wrong.pk).exists()
    assert not SecurityEvent.objects.filter(event="timeline_entry_restored").exists()


def test_restore_refuses_bad_requests(client, editor):
    _story, kept, _wrong = story_of_two()
    sign_in(client, editor)

    assert client.get(reverse(ENTRY_RESTORE, args=[kept.pk])).status_code == 405
    assert client.post(reverse(ENTRY_RESTORE, args=[kept.pk])).status_code == 404  # not trashed
    assert client.post(reverse(ENTRY_RESTORE, args=[999999])).status_code == 404
    assert client.post("/admin/trash/timeline/x/restore/").status_code == 404


def test_the_bulk_delete_trashes_entries(client, editor):
    _story, kept, wrong = story_of_two()
    sign_in(client, editor)

    bulk = reverse("wagtail_bulk_action", args=["stories", "timelineentry", "delete"])
    client.post(f"{bulk}?id={kept.pk}&id={wrong.pk}")

    assert TimelineEntry.everything.filter(trashed_at__isnull=False).count() == 2
    assert not TimelineEntry.objects.exists()


def test_the_retention_period_purges_an_entry_and_then_restore_finds_nothing(client, editor, clock):
    story, kept, wrong = story_of_two()
    trash_timeline_entry(entry=wrong, user=editor)
    clock.shift(dt.timedelta(days=29))
    assert actions.purge_trash() == 0
    clock.shift(dt.timedelta(days=2))

    call_command("purge_trash", verbosity=0)

    assert list(TimelineEntry.everything.all()) == [kept]
    assert ModelLogEntry.objects.filter(action=PURGE_ACTION).count() == 1
    assert SecurityEvent.objects.filter(event="timeline_entry_purged").count() == 1
    sign_in(client, editor)
    assert client.post(reverse(ENTRY_RESTORE, args=[wrong.pk])).status_code == 404
    with pytest.raises(TimelineEntry.DoesNotExist):
        restore_timeline_entry(entry=wrong, user=editor)
    assert Story.objects.filter(pk=story.pk).exists()


def test_a_trashed_story_takes_its_trashed_entries_along_when_purged(editor, clock):
    story, _kept, wrong = story_of_two()
    trash_timeline_entry(entry=wrong, user=editor)
    actions.trash_story(story=story, user=editor)
    clock.shift(dt.timedelta(days=31))

    assert actions.purge_trash() == 1  # the story; its entries go with it

    assert not TimelineEntry.everything.exists()


def test_trashing_twice_or_restoring_what_is_not_trashed_changes_nothing(editor):
    _story, kept, wrong = story_of_two()
    trash_timeline_entry(entry=wrong, user=editor)
    trash_timeline_entry(entry=wrong, user=editor)
    restore_timeline_entry(entry=kept, user=editor)

    assert ModelLogEntry.objects.filter(action=TRASH_ACTION).count() == 1
    assert not ModelLogEntry.objects.filter(action=RESTORE_ACTION).exists()


def test_the_timeline_trash_speaks_the_editors_language(client):
    _story, _kept, wrong = story_of_two()
    trash_timeline_entry(entry=wrong)
    sign_in(client, make_user("redaktor", "Editors", language="uk"))

    page = client.get(reverse(ENTRY_TRASH)).content.decode()

    assert "Записи хронології в кошику" in page


@pytest.mark.parametrize("rows", [5, 50])
def test_the_timeline_trash_costs_the_same_queries_whatever_its_rows(
    client, editor, rows, django_assert_num_queries
):
    story = factories.story("uk", "energy", title="Удари по енергетиці")
    for number in range(rows):
        entry = factories.timeline_entry(story, f"Запис {number}.")
        trash_timeline_entry(entry=entry, user=editor)
    sign_in(client, editor)
    client.get(reverse(ENTRY_TRASH))  # the session and permissions, once

    with django_assert_num_queries(10):
        page = client.get(reverse(ENTRY_TRASH))

    assert page.content.decode().count("restore/") == rows


def test_an_entry_edited_in_the_admin_is_in_the_security_log(client, editor):
    story, _kept, wrong = story_of_two()
    sign_in(client, editor)

    response = client.post(
        reverse(ENTRY_EDIT, args=[wrong.pk]),
        {
            "story": story.pk,
            "occurred_on": "2024-10-19",
            "statement": "Генштаб підтвердив відступ.",
            "speaker_kind": "organisation",
            "status": "confirmed",
        },
    )

    assert response.status_code == 302, response.content.decode()[-2000:]
    [event] = SecurityEvent.objects.filter(event="timeline_entry_edited")
    assert event.username == "editor"
    assert event.details["object_id"] == str(wrong.pk)
    assert "Генштаб підтвердив відступ." in event.details["title"]
