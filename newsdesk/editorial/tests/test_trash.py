"""Delete is a recoverable state: the trash, restore, purge after retention (decision 0034)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision

from newsdesk.articles.models import Article
from newsdesk.live.models import LiveUpdate
from newsdesk.publishing import actions
from newsdesk.publishing.actions import PURGE_ACTION, RESTORE_ACTION, TRASH_ACTION
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

from .conftest import make_user

DELETE = "wagtailsnippets_articles_article:delete"
EDIT = "wagtailsnippets_articles_article:edit"
LISTING = "wagtailsnippets_articles_article:list"
TRASH = "editorial_trash:index"
RESTORE = "editorial_trash:restore"

pytestmark = pytest.mark.django_db


def revisions_of(article: Article) -> int:
    return Revision.objects.for_instance(article).count()


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_deleting_a_published_article_trashes_it_and_takes_it_off_every_page(
    client, editor, make_article, war, django_capture_on_commit_callbacks
):
    article = make_article(war, headline="Обстріл Харкова", live=True)
    revisions = revisions_of(article)
    address = f"/uk/news/{article.slug}/"
    pages = ["/uk/", "/uk/news/", "/uk/news/rss.xml", "/uk/sitemaps/news.xml", address]
    for path in pages:
        client.get(path)  # now in the page cache
        assert "Обстріл Харкова" in client.get(path).content.decode(), path

    admin = client.__class__()
    sign_in(admin, editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(reverse(DELETE, args=[article.pk]), follow=True)

    assert "Article &#x27;Обстріл Харкова&#x27; moved to the trash." in response.content.decode()
    article.refresh_from_db()  # kept, with its revisions
    assert article.trashed_at is not None
    assert article.trashed_by == editor
    assert not article.live
    assert revisions_of(article) == revisions
    assert ModelLogEntry.objects.for_instance(article).filter(action=TRASH_ACTION).count() == 1
    for path in pages[:-1]:
        assert "Обстріл Харкова" not in client.get(path).content.decode(), path
    assert client.get(address).status_code == 404
    # Gone from the admin's listing and edit view; in the Trash.
    assert "Обстріл Харкова" not in admin.get(reverse(LISTING)).content.decode()
    assert admin.get(reverse(EDIT, args=[article.pk])).status_code == 404
    assert "Обстріл Харкова" in admin.get(reverse(TRASH)).content.decode()


def test_restore_brings_the_article_back_as_a_draft(client, editor, make_article, war):
    article = make_article(war, headline="Обстріл Харкова", live=True)
    actions.trash(article=article, user=editor)
    sign_in(client, editor)

    response = client.post(reverse(RESTORE, args=[article.pk]))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.trashed_at is None
    assert not article.live  # publishing again is the editor's decision
    assert ModelLogEntry.objects.for_instance(article).filter(action=RESTORE_ACTION).exists()
    assert client.get(reverse(EDIT, args=[article.pk])).status_code == 200
    assert "Обстріл Харкова" not in client.get(reverse(TRASH)).content.decode()


def test_restore_refuses_bad_requests(client, editor, make_article, war):
    article = make_article(war, live=True)
    sign_in(client, editor)
    assert client.get(reverse(RESTORE, args=[article.pk])).status_code == 405
    assert client.post(reverse(RESTORE, args=[article.pk])).status_code == 404  # not trashed
    assert client.post("/admin/trash/not-a-number/restore/").status_code == 404
    assert client.post(reverse(RESTORE, args=["999999"])).status_code == 404


def test_who_may_trash_and_restore(client, contributor, war_editor, make_article, war, politics):
    inside = make_article(war, headline="Всередині розділу", slug="inside", live=True)
    outside = make_article(politics, headline="Поза розділом", slug="outside", live=True)

    def trashed() -> set[str]:
        return set(Article.objects.exclude(trashed_at=None).values_list("slug", flat=True))

    sign_in(client, contributor)  # no delete permission
    client.post(reverse(DELETE, args=[inside.pk]))
    assert trashed() == set()
    assert client.get(reverse(TRASH)).url == "/admin/"  # refused, back to the dashboard

    sign_in(client, war_editor)
    client.post(reverse(DELETE, args=[outside.pk]))
    assert trashed() == set()
    client.post(reverse(DELETE, args=[inside.pk]))
    assert trashed() == {"inside"}
    actions.trash(article=outside)
    listing = client.get(reverse(TRASH)).content.decode()
    assert "Всередині розділу" in listing and "Поза розділом" not in listing
    client.post(reverse(RESTORE, args=[outside.pk]))
    assert trashed() == {"inside", "outside"}


def test_bulk_delete_trashes_every_article(client, editor, make_article, war):
    first = make_article(war, slug="first", live=True)
    second = make_article(war, slug="second")
    sign_in(client, editor)
    url = (
        reverse("wagtail_bulk_action", args=["articles", "article", "delete"])
        + f"?id={first.pk}&id={second.pk}"
    )

    response = client.post(url)

    assert response.status_code == 302
    assert Article.objects.filter(trashed_at__isnull=False).count() == 2
    assert not Article.objects.filter(live=True).exists()


def test_trashing_keeps_live_updates_and_cancels_a_schedule(editor, war, clock):
    live = factories.live_article("uk", in_section=war)
    factories.live_update(live, "Перше оновлення.")
    later = timezone.now() + dt.timedelta(hours=1)
    scheduled = factories.scheduled("uk", "embargoed", go_live_at=later, in_section=war)

    actions.trash(article=live, user=editor)
    actions.trash(article=scheduled, user=editor)
    clock.shift(dt.timedelta(hours=2))
    report = actions.publish_due()

    assert LiveUpdate.objects.filter(article=live).count() == 1
    assert report.published == []
    assert not Article.objects.filter(live=True).exists()


def test_a_trashed_article_cannot_be_published(make_article, war):
    article = make_article(war)
    actions.trash(article=article)
    article.refresh_from_db()
    with pytest.raises(actions.ValidationError):
        actions.publish(article=article)


def test_the_trash_is_emptied_after_the_retention_period(make_article, war, clock):
    article = make_article(war, live=True)
    actions.trash(article=article)
    pk = article.pk

    clock.shift(dt.timedelta(days=29))
    call_command("purge_trash", verbosity=0)
    assert Article.objects.filter(pk=pk).exists()

    clock.shift(dt.timedelta(days=2))
    call_command("purge_trash", verbosity=0)
    assert not Article.objects.filter(pk=pk).exists()
    assert not Revision.objects.filter(object_id=str(pk), base_content_type__model="article")
    assert ModelLogEntry.objects.filter(object_id=str(pk), action=PURGE_ACTION).exists()


def test_the_trash_speaks_the_editors_language(client, make_article, war):
    make_article(war, live=True)
    actions.trash(article=Article.objects.get())
    editor_uk = make_user("redaktor", "Editors", language="uk")
    sign_in(client, editor_uk)

    page = client.get(reverse(TRASH)).content.decode()

    assert "Кошик" in page
    assert "Відновити" in page


@pytest.mark.parametrize("rows", [5, 50])
def test_the_trash_costs_the_same_queries_whatever_its_rows(
    client, editor, war, reporter, rows, django_assert_num_queries
):
    for number in range(rows):
        article = factories.draft("uk", f"draft-{number}", in_section=war, authors=[reporter])
        actions.trash(article=article, user=editor)
    sign_in(client, editor)
    client.get(reverse(TRASH))  # the session and permissions, once

    with django_assert_num_queries(TRASH_QUERIES):
        page = client.get(reverse(TRASH))
    assert page.content.decode().count("/restore/") == rows


TRASH_QUERIES = 10
