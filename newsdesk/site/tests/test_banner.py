"""The breaking-news banner: on every page of its edition, gone at its expiry even while
the cache still holds it, and never at the cost of a query on a warm page."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from newsdesk.articles.models import Article
from newsdesk.breaking import current
from newsdesk.breaking.models import BreakingBanner
from newsdesk.publishing import actions
from newsdesk.testing.factories import sign_in

from .conftest import Page

ADD = "wagtailsnippets_breaking_breakingbanner:add"


def _article(edition: str) -> Article:
    found = Article.objects.published().in_edition(edition).newest_first().first()
    assert found is not None
    return found


def _raise(edition: str, text: str, *, minutes: int = 30) -> BreakingBanner:
    now = timezone.now()
    return BreakingBanner.objects.create(
        locale=Locale.objects.get(language_code=edition),
        text=text,
        article=_article(edition),
        starts_at=now - dt.timedelta(minutes=1),
        expires_at=now + dt.timedelta(minutes=minutes),
    )


def _banner_text(client, url: str) -> str:
    page = Page(client.get(url).content.decode())
    links = [a for a in page.anchors if a.get("class") == "breaking-link"]
    return links[0]["href"] if links else ""


def test_the_banner_shows_on_every_page_of_its_edition_only(client, demo_newsroom, pages):
    banner = _raise("uk", "Вибухи в Києві")
    target = banner.article.get_url()

    for url in [*pages("uk").listings().values(), pages("uk").article, "/uk/corrections/"]:
        assert _banner_text(client, url) == target, url
        assert "Вибухи в Києві" in client.get(url).content.decode()
    for url in pages("en").listings().values():
        assert _banner_text(client, url) == "", url


@pytest.mark.dated
def test_the_banner_disappears_at_its_expiry_while_the_cache_still_holds_it(client, demo_newsroom):
    banner = _raise("en", "Explosions in Kyiv", minutes=10)
    assert _banner_text(client, "/en/news/") == banner.article.get_url()
    assert current.current("en") is not None

    later = banner.expires_at + dt.timedelta(seconds=1)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        CaptureQueriesContext(connection) as queries,
    ):
        gone = current.current("en")
    assert gone is None
    assert not [q for q in queries.captured_queries if "breaking" in q["sql"]]


def test_saving_or_deleting_a_banner_takes_effect_at_once(client, demo_newsroom):
    assert _banner_text(client, "/en/news/") == ""  # the empty answer is cached too
    banner = _raise("en", "Explosions in Kyiv")
    assert current.current("en") is not None
    banner.active = False
    banner.save()
    assert current.current("en") is None
    banner.active = True
    banner.save()
    assert current.current("en") is not None
    banner.delete()
    assert current.current("en") is None


def test_an_unpublished_article_takes_its_banner_down(demo_newsroom):
    banner = _raise("uk", "Вибухи в Києві")
    actions.unpublish(article=banner.article)
    current.forget()  # as the minute-long cache entry runs out
    assert current.current("uk") is None


def test_a_warm_page_costs_no_query_for_the_banner(client, demo_newsroom, pages):
    _raise("uk", "Вибухи в Києві")
    url = pages("uk").article
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert not [q for q in queries.captured_queries if "breaking" in q["sql"]]


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_superuser(
        username="chief", email="chief@newsdesk.test", password="x"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def _payload(target: Article, locale: str, changes: dict[str, str]) -> dict[str, str]:
    now = timezone.localtime(timezone.now())
    data = {
        "locale": str(Locale.objects.get(language_code=locale).pk),
        "text": "Explosions in Kyiv",
        "article": str(target.pk),
        "starts_at": now.strftime("%Y-%m-%d %H:%M"),
        "expires_at": (now + dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "active": "on",
    }
    return data | changes


def test_an_editor_raises_a_banner_in_the_newsroom_admin(client, demo_newsroom, editor):
    sign_in(client, editor)

    response = client.post(reverse(ADD), _payload(_article("en"), "en", {}))

    assert response.status_code == 302
    assert BreakingBanner.objects.get().text == "Explosions in Kyiv"
    assert _banner_text(client, "/en/") == _article("en").get_url()


@pytest.mark.parametrize(
    ("case", "field", "message"),
    [
        ("expiry in the past", "expires_at", "The expiry time must be in the future."),
        ("no expiry", "expires_at", "This field is required."),
        ("article of the other edition", "article", "This article belongs to the other edition."),
        (
            "unpublished article",
            "article",
            "This article is not published; readers could not open it.",
        ),
        ("expiry before start", "expires_at", "The expiry time must come after the start time."),
    ],
)
def test_bad_banner_is_refused_with_a_clear_message(
    client, demo_newsroom, editor, case: str, field: str, message: str
):
    sign_in(client, editor)
    article = _article("en")
    now = timezone.localtime(timezone.now())
    changes = {
        "expiry in the past": {
            "expires_at": (now - dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            "starts_at": (now - dt.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        },
        "no expiry": {"expires_at": ""},
        "article of the other edition": {"article": str(_article("uk").pk)},
        "unpublished article": {},
        "expiry before start": {
            "starts_at": (now + dt.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"),
        },
    }[case]
    if case == "unpublished article":
        actions.unpublish(article=article)

    response = client.post(reverse(ADD), _payload(article, "en", changes))

    assert response.status_code == 200
    with translation.override("en"):
        assert message in [str(error) for error in response.context["form"].errors[field]]
    assert not BreakingBanner.objects.exists()
