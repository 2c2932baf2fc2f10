"""Who sees what: readers see published articles only, editors see their work under a
Preview banner, old addresses redirect, and bad input gets a clear page, not a 500."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsdesk.articles.models import Article
from newsdesk.editorial import roles
from newsdesk.publishing import actions
from newsdesk.sections.models import Section
from newsdesk.site import views
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

from .conftest import Page


def _new_article(edition: str, slug: str, **fields) -> Article:
    template = Article.objects.published().in_edition(edition).first()
    return factories.article(
        edition,
        slug,
        lead="What happened, in one paragraph.",
        in_section=template.section,
        authors=[],
        **fields,
    )


@pytest.fixture
def editor(db):
    user = User.objects.create_user("desk", password="not-a-real-password")
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    return user


def _section_editor(section) -> User:
    user = User.objects.create_user("war-desk", password="not-a-real-password")
    user.groups.add(Group.objects.get(name=roles.SECTION_EDITORS))
    section.editors.add(user)
    return user


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_drafts_scheduled_and_expired_articles_are_not_found(client, demo_newsroom, edition):
    draft = _new_article(edition, "a-draft")
    actions.save_draft(article=draft)
    scheduled = _new_article(edition, "scheduled-story")
    actions.schedule(article=scheduled, go_live_at=timezone.now() + dt.timedelta(hours=2))
    expired = _new_article(edition, "expired-story")
    actions.publish(article=expired)
    assert client.get(expired.get_url()).status_code == 200
    Article.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=1))

    for article in (draft, scheduled, expired):
        response = client.get(article.get_url())
        assert response.status_code == 404, article.slug
        assert article.headline not in response.content.decode()
        feed = client.get(f"/{edition}/news/").content.decode()
        assert article.get_url() not in feed


def test_an_editor_sees_unpublished_work_at_its_real_address(client, demo_newsroom, editor):
    draft = _new_article("en", "work-in-progress")
    actions.save_draft(article=draft)
    draft.headline = "Second draft headline"
    actions.save_draft(article=draft)

    sign_in(client, editor)
    response = client.get(draft.get_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "preview-banner" in html and "Second draft headline" in html
    assert response["Cache-Control"] == "private, no-store"

    client.logout()
    assert client.get(draft.get_url()).status_code == 404


def _unpublished(kind: str, section) -> Article:
    """A draft, a scheduled article or a withdrawn one, in ``section``."""
    fields = {"headline": f"Not out yet: {kind}", "in_section": section, "authors": []}
    code, slug = section.locale.language_code, f"unpublished-{kind}-{section.pk}"
    if kind == "draft":
        return factories.draft(code, slug, **fields)
    if kind == "scheduled":
        return factories.scheduled(
            code,
            slug,
            go_live_at=timezone.now() + dt.timedelta(hours=2),
            **fields,
        )
    article = factories.published(code, slug, **fields)
    actions.unpublish(article=article)
    return article


@pytest.mark.parametrize("kind", ["draft", "scheduled", "withdrawn"])
def test_a_section_editor_sees_unpublished_work_of_their_sections_only(client, demo_newsroom, kind):
    sections = list(Section.objects.filter(locale__language_code="uk").order_by("pk")[:2])
    mine, theirs = sections
    sign_in(client, _section_editor(mine))
    own = _unpublished(kind, mine)
    other = _unpublished(kind, theirs)

    response = client.get(own.get_url())
    assert response.status_code == 200
    assert own.headline in response.content.decode()

    response = client.get(other.get_url())
    assert response.status_code == 404
    assert other.headline not in response.content.decode()


def test_a_user_without_permission_gets_404(client, demo_newsroom):
    draft = _new_article("uk", "not-for-you")
    actions.save_draft(article=draft)
    sign_in(client, User.objects.create_user("reader", password="not-a-real-password"))
    assert client.get(draft.get_url()).status_code == 404


def test_admin_preview_renders_the_unsaved_object_privately(demo_newsroom):
    article = Article.objects.published().in_edition("uk").first()
    article.headline = "Not saved yet"
    request = RequestFactory().get("/admin/snippets/articles/article/preview/")
    response = article.serve_preview(request, "")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Not saved yet" in html and "preview-banner" in html
    assert '<html lang="uk">' in html
    assert response["Cache-Control"] == "private, no-store"


def test_an_old_address_redirects_permanently(client, demo_newsroom):
    article = Article.objects.published().in_edition("en").first()
    old = article.get_url()
    article.slug = f"{article.slug}-renamed"
    actions.publish(article=article)
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == article.get_url()
    assert client.get(article.get_url()).status_code == 200


@pytest.mark.parametrize("edition", ["uk", "en"])
@pytest.mark.parametrize("cursor", ["nonsense", "12-x", "9" * 50, "-1"])
def test_a_malformed_cursor_is_a_400_in_the_edition_language(client, db, edition, cursor):
    factories.published(edition, "the-news")
    assert client.get(f"/{edition}/news/").status_code == 200
    response = client.get(f"/{edition}/news/?after={cursor}")
    assert response.status_code == 400
    assert f'<html lang="{edition}">' in response.content.decode()
    assert response["Content-Language"] == edition


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_language_switch_and_hreflang_lead_to_the_translation(
    client, demo_newsroom, edition, django_capture_on_commit_callbacks
):
    other = "en" if edition == "uk" else "uk"
    twin_keys = Article.objects.published().in_edition(other).values("translation_key")
    article = Article.objects.published().in_edition(edition).filter(translation_key__in=twin_keys)
    article = article.first()
    twin = (
        Article.objects.published().in_edition(other).get(translation_key=article.translation_key)
    )
    page = Page(client.get(article.get_url()).content.decode())
    assert page.alternates()[other].endswith(twin.get_url())
    assert page.alternates()[edition].endswith(article.get_url())
    assert page.alternates()["x-default"].endswith((article if edition == "uk" else twin).get_url())
    assert page.canonical().endswith(article.get_url())
    assert page.anchor("hreflang")["href"] == twin.get_url()

    # Without a published translation the switch leads to the other edition's home, but the
    # page declares no alternates: that home page is no translation of it.
    with django_capture_on_commit_callbacks(execute=True):  # the purge, as on a commit
        actions.unpublish(article=twin)
    page = Page(client.get(article.get_url()).content.decode())
    assert page.alternates() == {}
    assert page.anchor("hreflang")["href"] == f"/{other}/"

    section = client.get(f"/{edition}/sections/{article.section.slug}/").content.decode()
    twin_section = Page(section).anchor("hreflang")["href"]
    assert twin_section.startswith(f"/{other}/sections/")


def test_affiliate_material_is_disclosed_and_its_links_are_sponsored(client, demo_newsroom):
    article = Article.objects.published().in_edition("en").first()
    article.labels = ["affiliate"]
    article.body = [
        ("paragraph", '<p>Buy it <a href="https://shop.example/item">here</a>.</p>'),
    ]
    actions.publish(article=article)
    html = client.get(article.get_url()).content.decode()
    assert 'class="disclosure"' in html
    assert '<a rel="sponsored" href="https://shop.example/item">' in html
    assert "label-affiliate" in html


def test_read_also_blocks_link_only_to_published_articles(client, demo_newsroom):
    article, visible = Article.objects.published().in_edition("en")[:2]
    hidden = _new_article("en", "hidden-target")
    actions.save_draft(article=hidden)
    article.body = [("read_also", {"article": visible}), ("read_also", {"article": hidden})]
    actions.publish(article=article)
    html = client.get(article.get_url()).content.decode()
    assert f'href="{visible.get_url()}"' in html
    assert hidden.get_url() not in html and hidden.headline not in html


def test_server_error_page_needs_no_database(db, monkeypatch):
    def database_down(*args, **kwargs):
        raise OperationalError("connection refused")

    request = RequestFactory().get("/en/news/some-story/")
    with CaptureQueriesContext(connection) as queries:
        response = views.server_error(request)
    assert queries.captured_queries == []
    with monkeypatch.context() as patched:
        patched.setattr(connection, "cursor", database_down)
        response = views.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="en">' in html and "@@" not in html


def test_not_found_page_is_in_the_edition_language(client, db):
    response = client.get("/en/sections/nothing-here/")
    assert response.status_code == 404
    assert '<html lang="en">' in response.content.decode()
    assert '<html lang="uk">' in client.get("/no-edition/").content.decode()
