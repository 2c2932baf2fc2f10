"""Stories and live updates go to the trash too, and come back (decision 0048)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import ModelLogEntry

from newsdesk.articles.models import Article
from newsdesk.live.models import LiveUpdate
from newsdesk.publishing import actions
from newsdesk.publishing.actions import PURGE_ACTION, RESTORE_ACTION, TRASH_ACTION
from newsdesk.publishing.live import restore_live_update, trash_live_update
from newsdesk.stories.models import Story, TimelineEntry
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

from .conftest import make_user

STORY_DELETE = "wagtailsnippets_stories_story:delete"
STORY_LISTING = "wagtailsnippets_stories_story:list"
STORY_EDIT = "wagtailsnippets_stories_story:edit"
UPDATE_DELETE = "wagtailsnippets_live_liveupdate:delete"
STORY_TRASH = "editorial_trash_stories:index"
STORY_RESTORE = "editorial_trash_stories:restore"
UPDATE_TRASH = "editorial_trash_live_updates:index"
UPDATE_RESTORE = "editorial_trash_live_updates:restore"

pytestmark = pytest.mark.django_db


def story_with_timeline() -> Story:
    story = factories.story("uk", "energy", title="Удари по енергетиці")
    factories.timeline_entry(story, "Бригада повідомила про 11 000 військових.")
    return story


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_deleting_a_story_trashes_it_with_its_timeline_and_takes_it_off_every_page(
    client, editor, django_capture_on_commit_callbacks
):
    story = story_with_timeline()
    article = factories.published("uk", "grid", story=story)
    pages = ["/uk/stories/energy/", "/uk/stories/energy/rss.xml", "/uk/sitemaps/stories.xml"]
    for path in pages:
        client.get(path)  # now in the page cache
    assert "Удари по енергетиці" in client.get(f"/uk/news/{article.slug}/").content.decode()

    admin = client.__class__()
    sign_in(admin, editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(reverse(STORY_DELETE, args=[story.pk]), follow=True)

    assert "moved to the trash" in response.content.decode()
    story = Story.everything.get(pk=story.pk)  # kept, with its timeline and revisions
    assert story.trashed_at is not None and story.trashed_by == editor
    assert TimelineEntry.objects.filter(story=story).count() == 1
    assert ModelLogEntry.objects.for_instance(story).filter(action=TRASH_ACTION).count() == 1
    assert client.get(pages[0]).status_code == 404
    assert client.get(pages[1]).status_code == 404
    assert "energy" not in client.get(pages[2]).content.decode()
    assert "Удари по енергетиці" not in client.get(f"/uk/news/{article.slug}/").content.decode()
    article.refresh_from_db()
    assert article.live and article.story_id == story.pk  # the article stays, and its story
    # Gone from the admin's listing, in the Trash.
    assert "Удари по енергетиці" not in admin.get(reverse(STORY_LISTING)).content.decode()
    assert "Удари по енергетиці" in admin.get(reverse(STORY_TRASH)).content.decode()


def test_a_story_comes_back_with_its_timeline(client, editor):
    story = story_with_timeline()
    actions.trash_story(story=story, user=editor)
    assert client.get("/uk/stories/energy/").status_code == 404
    sign_in(client, editor)

    response = client.post(reverse(STORY_RESTORE, args=[story.pk]))

    assert response.status_code == 302
    assert Story.objects.filter(pk=story.pk).exists()
    assert ModelLogEntry.objects.for_instance(story).filter(action=RESTORE_ACTION).exists()
    page = client.get("/uk/stories/energy/").content.decode()
    assert "Бригада повідомила про 11 000 військових." in page
    assert "The trash is empty." in client.get(reverse(STORY_TRASH)).content.decode()


def test_an_article_in_a_trashed_story_can_still_be_saved(client, editor, war, reporter):
    story = story_with_timeline()
    article = factories.draft("uk", "grid", story=story, in_section=war, authors=[reporter])
    actions.trash_story(story=story, user=editor)
    article.refresh_from_db()

    actions.publish(article=article, user=editor)

    assert Article.objects.get(pk=article.pk).live


def test_restore_refuses_bad_requests(client, editor):
    story = story_with_timeline()
    live = factories.live_article("uk")
    update = factories.live_update(live, "Перше оновлення.")
    sign_in(client, editor)
    for name, pk in ((STORY_RESTORE, story.pk), (UPDATE_RESTORE, update.pk)):
        assert client.get(reverse(name, args=[pk])).status_code == 405
        assert client.post(reverse(name, args=[pk])).status_code == 404  # not in the trash
        assert client.post(reverse(name, args=[999999])).status_code == 404
    assert client.post("/admin/trash/stories/x/restore/").status_code == 404


def test_restoring_what_was_purged_answers_not_found(client, editor, clock):
    story = story_with_timeline()
    actions.trash_story(story=story, user=editor)
    clock.shift(dt.timedelta(days=31))
    call_command("purge_trash", verbosity=0)
    sign_in(client, editor)

    assert client.post(reverse(STORY_RESTORE, args=[story.pk])).status_code == 404
    with pytest.raises(Story.DoesNotExist):
        actions.restore_story(story=story, user=editor)


def test_only_who_may_delete_may_trash_and_restore(client, contributor, editor):
    story = story_with_timeline()
    live = factories.live_article("uk")
    update = factories.live_update(live, "Перше оновлення.")
    sign_in(client, contributor)

    client.post(reverse(STORY_DELETE, args=[story.pk]))
    client.post(reverse(UPDATE_DELETE, args=[update.pk]))
    assert Story.objects.filter(pk=story.pk).exists()
    assert LiveUpdate.objects.filter(pk=update.pk).exists()
    assert client.get(reverse(STORY_TRASH)).url == "/admin/"
    assert client.get(reverse(UPDATE_TRASH)).url == "/admin/"

    actions.trash_story(story=story, user=editor)
    trash_live_update(update=update, user=editor)
    # Refused (Wagtail's admin answers a refusal with a redirect to the dashboard).
    assert client.post(reverse(STORY_RESTORE, args=[story.pk])).status_code in (302, 403)
    assert client.post(reverse(UPDATE_RESTORE, args=[update.pk])).status_code in (302, 403)
    assert not Story.objects.filter(pk=story.pk).exists()
    assert not LiveUpdate.objects.filter(pk=update.pk).exists()


def test_deleting_a_live_update_trashes_it_and_takes_it_off_the_page(
    client, editor, django_capture_on_commit_callbacks
):
    live = factories.live_article("uk")
    kept = factories.live_update(live, "Сирени вночі.")
    wrong = factories.live_update(live, "Хибне повідомлення.")
    sign_in(client, editor)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(UPDATE_DELETE, args=[wrong.pk]))

    wrong = LiveUpdate.everything.get(pk=wrong.pk)
    assert wrong.trashed_at is not None and wrong.trashed_by == editor
    reader = client.__class__()
    page = reader.get(f"/uk/news/{live.slug}/").content.decode()
    poll = reader.get(f"/uk/news/{live.slug}/live.html").content.decode()
    for seen in (page, poll):
        assert "Сирени вночі." in seen
        assert "Хибне повідомлення." not in seen
    assert list(live.live_updates.all()) == [kept]
    listing = client.get(reverse(UPDATE_TRASH)).content.decode()
    assert reverse(UPDATE_RESTORE, args=[wrong.pk]) in listing
    assert reverse(UPDATE_RESTORE, args=[kept.pk]) not in listing

    client.post(reverse(UPDATE_RESTORE, args=[wrong.pk]))
    assert "Хибне повідомлення." in reader.get(f"/uk/news/{live.slug}/").content.decode()


def test_bulk_delete_trashes_stories_and_live_updates(client, editor):
    first = factories.story("uk", "first", title="Перша")
    second = factories.story("uk", "second", title="Друга")
    live = factories.live_article("uk")
    update = factories.live_update(live, "Перше оновлення.")
    sign_in(client, editor)

    stories = reverse("wagtail_bulk_action", args=["stories", "story", "delete"])
    client.post(f"{stories}?id={first.pk}&id={second.pk}")
    updates = reverse("wagtail_bulk_action", args=["live", "liveupdate", "delete"])
    client.post(f"{updates}?id={update.pk}")

    assert Story.everything.filter(trashed_at__isnull=False).count() == 2
    assert LiveUpdate.everything.filter(trashed_at__isnull=False).count() == 1


def test_a_live_article_in_the_trash_keeps_its_updates_and_the_trash_is_purged(editor, clock):
    live = factories.live_article("uk")
    factories.live_update(live, "Перше оновлення.")
    trash_live_update(update=factories.live_update(live, "Друге оновлення."), user=editor)
    other = factories.live_article("uk", "odesa-live")
    kept = factories.live_update(other, "Третє оновлення.")
    trash_live_update(update=factories.live_update(other, "Четверте оновлення."), user=editor)
    story = story_with_timeline()
    actions.trash(article=live, user=editor)
    actions.trash_story(story=story, user=editor)
    assert LiveUpdate.everything.filter(article=live).count() == 2

    clock.shift(dt.timedelta(days=29))
    assert actions.purge_trash() == 0
    clock.shift(dt.timedelta(days=2))
    # The live article (its updates go with it), the story, the other article's update.
    assert actions.purge_trash() == 3

    assert list(LiveUpdate.everything.all()) == [kept]
    assert not Story.everything.filter(pk=story.pk).exists()
    assert not TimelineEntry.objects.exists()
    assert ModelLogEntry.objects.filter(action=PURGE_ACTION).count() == 3


def test_restore_of_a_live_update_that_is_not_trashed_changes_nothing(editor):
    live = factories.live_article("uk")
    update = factories.live_update(live, "Перше оновлення.")
    restore_live_update(update=update, user=editor)
    assert not ModelLogEntry.objects.filter(action=RESTORE_ACTION).exists()


def test_the_trash_listings_speak_the_editors_language(client):
    actions.trash_story(story=story_with_timeline())
    editor_uk = make_user("redaktor", "Editors", language="uk")
    sign_in(client, editor_uk)

    stories = client.get(reverse(STORY_TRASH)).content.decode()
    updates = client.get(reverse(UPDATE_TRASH)).content.decode()

    assert "Сюжети в кошику" in stories
    assert "Оновлення в кошику" in updates


@pytest.mark.parametrize("rows", [5, 50])
def test_the_trash_listings_cost_the_same_queries_whatever_their_rows(
    client, editor, rows, django_assert_num_queries
):
    live = factories.live_article("uk")
    for number in range(rows):
        story = factories.story("uk", f"story-{number}", title=f"Сюжет {number}")
        actions.trash_story(story=story, user=editor)
        update = factories.live_update(live, f"Оновлення {number}.")
        trash_live_update(update=update, user=editor)
    sign_in(client, editor)
    client.get(reverse(STORY_TRASH))  # the session and permissions, once
    client.get(reverse(UPDATE_TRASH))

    with django_assert_num_queries(QUERIES["stories"]):
        page = client.get(reverse(STORY_TRASH))
    assert page.content.decode().count("restore/") == rows
    with django_assert_num_queries(QUERIES["updates"]):
        page = client.get(reverse(UPDATE_TRASH))
    assert page.content.decode().count("restore/") == rows


QUERIES = {"stories": 10, "updates": 10}
