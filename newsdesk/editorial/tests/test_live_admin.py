"""Live updates in the admin: publishing one, the clear refusal for an article that is not
live, the poll interval and "Promote to article"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from newsdesk.articles.models import NOT_LIVE, Article
from newsdesk.live.models import POLL_CACHE_KEY, LiveSettings, LiveUpdate, poll_seconds
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

ADD = "wagtailsnippets_live_liveupdate:add"


@pytest.fixture(autouse=True)
def poll_interval_uncached():
    """The poll interval is cached across requests (and, on Redis, across test runs)."""
    cache.delete(POLL_CACHE_KEY)
    yield
    cache.delete(POLL_CACHE_KEY)


def update_payload(article: Article, author: Any, text: str, **fields: Any) -> dict[str, Any]:
    return nested_form_data(
        {
            "article": article.pk,
            "title": fields.get("title", ""),
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "author": author.pk,
            "correction": fields.get("correction", ""),
        }
        | ({"key_event": "on"} if fields.get("key_event") else {})
        | ({"pinned": "on"} if fields.get("pinned") else {})
    )


def test_editor_publishes_an_update_from_the_admin(client, editor, clock, session_clock):
    article = factories.live_article("uk")
    sign_in(client, editor)
    posted_at = session_clock + dt.timedelta(minutes=5)
    form = client.get(reverse(ADD))
    assert form.status_code == 200
    offered = form.context["form"].fields["article"].queryset
    assert list(offered) == [article]

    clock.move_to(posted_at, tick=False)
    response = client.post(
        reverse(ADD),
        update_payload(article, factories.author("uk"), "Air defence at work.", pinned=True),
    )
    assert response.status_code == 302
    made = LiveUpdate.objects.get()
    assert made.article == article and made.pinned and made.published_at == posted_at
    assert made.latest_revision is not None

    edit = reverse("wagtailsnippets_live_liveupdate:edit", args=[made.pk])
    unpinned = update_payload(article, made.author, "Air defence at work.")
    unpinned["body-0-id"] = made.body.raw_data[0]["id"]
    assert client.post(edit, unpinned).status_code == 302
    made.refresh_from_db()
    assert not made.pinned and made.edited_at is None, "unpinning is not an edit"

    response = client.post(
        edit,
        update_payload(article, made.author, "Air defence at work over the left bank."),
    )
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.edited_at == posted_at
    assert "left bank" in made.body.raw_data[0]["value"]


def test_an_update_for_an_article_that_is_not_live_gets_a_clear_error_and_nothing_is_saved(
    client, editor
):
    factories.live_article("uk")
    ordinary = factories.live_article("uk", slug="budget-vote", coverage=NOT_LIVE)
    sign_in(client, editor)
    response = client.post(reverse(ADD), update_payload(ordinary, factories.author("uk"), "Text."))
    assert response.status_code == 200
    # The editor's admin speaks Ukrainian (the default language).
    assert response.context["form"].errors["article"] == [
        "Оновлення можна додавати лише до статті, в якої триває онлайн-трансляція."
    ]
    assert not LiveUpdate.objects.exists()


def test_contributors_cannot_publish_live_updates(client, contributor):
    sign_in(client, contributor)
    assert client.get(reverse(ADD)).status_code in (302, 403)


def test_editor_raises_the_poll_interval_during_a_spike(
    client, editor, django_capture_on_commit_callbacks
):
    sign_in(client, editor)
    add = reverse("wagtailsnippets_live_livesettings:add")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(add, {"poll_seconds": "60"})
    assert response.status_code == 302
    assert LiveSettings.objects.get().poll_seconds == 60
    assert poll_seconds() == 60
    response = client.post(add, {"poll_seconds": "90"})
    assert response.status_code == 200, "a second row is refused"
    assert LiveSettings.objects.count() == 1


def test_promote_to_article_asks_then_makes_a_draft_and_opens_it(client, editor):
    article = factories.live_article("uk")
    made = factories.live_update(article, "Rescuers finished their work.", title="Rescue ends")
    sign_in(client, editor)
    url = reverse("wagtailsnippets_live_liveupdate:promote", args=[made.pk])
    listing = client.get(reverse("wagtailsnippets_live_liveupdate:list"))
    assert url in listing.content.decode()

    assert client.get(url).status_code == 200
    assert Article.objects.count() == 1, "asking changes nothing"
    response = client.post(url)
    promoted = Article.objects.exclude(pk=article.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailsnippets_articles_article:edit", args=[promoted.pk]
    )
    assert not promoted.live and promoted.headline == "Rescue ends"


def test_from_a_live_article_the_form_starts_with_it_and_the_editors_byline(client, editor):
    article = factories.live_article("uk")
    mine = factories.author("uk", "olena-koval", name="Олена Коваль")
    factories.author("uk", "ivan-petrenko", name="Іван Петренко")
    editor.first_name, editor.last_name = "Олена", "Коваль"
    editor.save()
    sign_in(client, editor)

    edit_page = client.get(reverse("wagtailsnippets_articles_article:edit", args=[article.pk]))
    link = f"{reverse(ADD)}?article={article.pk}"
    form = client.get(link).context["form"]

    assert link in edit_page.content.decode()
    assert form.initial["article"] == article.pk
    assert form.initial["author"] == mine.pk
    assert [block.block_type for block in form.initial["body"]] == ["paragraph"]


@pytest.mark.parametrize("given", ["abc", "-1", "999999", "not-live"])
def test_a_bad_or_not_live_article_in_the_address_starts_an_empty_form(client, editor, given):
    other = factories.published("uk", "not-live-article")
    sign_in(client, editor)
    article_id = str(other.pk) if given == "not-live" else given

    response = client.get(f"{reverse(ADD)}?article={article_id}")

    assert response.status_code == 200
    assert response.context["form"].initial.get("article") is None


def test_no_byline_is_guessed_when_the_editor_has_none_or_two(client, editor):
    article = factories.live_article("uk")  # by Олена Коваль
    editor.first_name, editor.last_name = "Марія", "Шевчук"
    editor.save()
    sign_in(client, editor)
    link = f"{reverse(ADD)}?article={article.pk}"

    without = client.get(link).context["form"].initial.get("author")
    factories.author("uk", "mariia-shevchuk", name="Марія Шевчук")
    factories.author("uk", "mariia-shevchuk-2", name="Марія Шевчук")
    with_two = client.get(link).context["form"].initial.get("author")

    assert without is None and with_two is None


def test_an_article_that_is_not_live_offers_no_live_update(client, editor):
    article = factories.published("uk", "plain-news")
    sign_in(client, editor)

    page = client.get(reverse("wagtailsnippets_articles_article:edit", args=[article.pk]))

    assert f"{reverse(ADD)}?article=" not in page.content.decode()


def test_an_autosave_of_the_add_form_publishes_no_update(client, editor):
    article = factories.live_article("uk")
    sign_in(client, editor)
    payload = update_payload(article, factories.author("uk"), "Half a sent")

    autosave = client.post(reverse(ADD), payload, HTTP_ACCEPT="application/json")

    assert autosave.status_code == 400
    assert autosave.json()["error_code"] == "not_created"
    assert not LiveUpdate.objects.exists()
