"""Home and listings keep each item rendered by its article's published revision, and their
frame until what it names changes (decision 0058): a warm page renders only what changes,
answers the same bytes as a fresh render, and never shows an item that is out of date."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from newsdesk.articles.models import Article
from newsdesk.editions import kyiv
from newsdesk.fronts.models import Front, FrontItem
from newsdesk.publishing import actions
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db

# What is rendered once and kept: the items, their labels and images, the frame.
KEPT_TEMPLATES = {
    "site/includes/feed_item.html",
    "site/includes/top_story.html",
    "site/includes/labels.html",
    "site/includes/image.html",
    "site/includes/head.html",
    "site/includes/header.html",
    "site/includes/footer.html",
}


def _newsroom(code: str = "en") -> dict[str, str]:
    """Three articles, one with a label, in a section and under a tag, one on the front;
    the addresses of the pages that list them."""
    tag = factories.tag(code, "kharkiv", name="Kharkiv")
    first = factories.published(code, "grid-repairs", headline="Grid repairs finish", tags=[tag])
    factories.published(code, "exclusive-report", labels=["exclusive"], tags=[tag])
    factories.published(code, "rail-timetable", headline="Rail timetable changes")
    front = Front.objects.create(locale=factories.edition(code))
    FrontItem.objects.create(front=front, article=first, sort_order=0)
    return {
        "home": f"/{code}/",
        "news": f"/{code}/news/",
        "section": first.section.get_absolute_url(),
        "tag": tag.get_absolute_url(),
    }


def _get(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


@pytest.mark.parametrize("page", ["home", "news", "section", "tag"])
def test_a_kept_listing_renders_only_the_feed_the_banner_and_most_read_again(client, page):
    url = _newsroom()[page]
    first = _get(client, url)
    built = {template.name for template in first.templates}
    assert {"site/includes/feed_item.html", "site/includes/head.html"} <= built
    again = _get(client, url)
    rendered = {template.name for template in again.templates}
    assert not rendered & KEPT_TEMPLATES, rendered & KEPT_TEMPLATES
    assert {"site/includes/feed.html", "site/includes/breaking.html"} <= rendered
    assert again.content == first.content


def test_a_warm_listing_reads_neither_rows_nor_renditions_of_its_items(client):
    urls = _newsroom()
    for url in urls.values():
        _get(client, url)
        with CaptureQueriesContext(connection) as queries:
            _get(client, url)
        sql = " ".join(query["sql"] for query in queries.captured_queries)
        assert "rendition" not in sql, url
        assert '"headline"' not in sql, url  # only the heads that name the kept items


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_kept_pages_are_the_bytes_of_a_fresh_render(client, settings, edition):
    urls = _newsroom(edition)
    with override_settings(NEWSDESK_FEED_PAGE_SIZE=1):
        more = _get(client, urls["news"]).content.decode()
    cursor = more.split("?after=")[1].split('"')[0]  # a "More news" slice, and its fragment
    urls |= {
        "more": f"{urls['news']}?after={cursor}",
        "fragment": f"{urls['news']}?fragment=1&after={cursor}",
    }
    settings.NEWSDESK_KEEP_RENDERED = False
    fresh = {name: _get(client, url).content for name, url in urls.items()}
    settings.NEWSDESK_KEEP_RENDERED = True
    cold = {name: _get(client, url).content for name, url in urls.items()}
    warm = {name: _get(client, url).content for name, url in urls.items()}
    assert cold == fresh
    assert warm == fresh
    assert b"Grid repairs finish" in warm["home"] and b"top-lead" in warm["home"]


@pytest.mark.parametrize("page", ["home", "news", "section", "tag"])
def test_an_edited_headline_shows_at_once_without_waiting_for_a_purge(client, page):
    url = _newsroom()[page]
    assert b"Grid repairs finish" in _get(client, url).content
    article = Article.objects.get(slug="grid-repairs")
    article.headline = "Grid repairs finish early"
    actions.publish(article=article)  # its on-commit purge never runs here
    html = _get(client, url).content.decode()
    assert "Grid repairs finish early" in html
    assert "Grid repairs finish<" not in html


@pytest.mark.parametrize("page", ["home", "news", "section", "tag"])
def test_an_unpublished_article_leaves_the_kept_listing_at_once(client, page):
    url = _newsroom()[page]
    assert b"/grid-repairs/" in _get(client, url).content
    actions.unpublish(article=Article.objects.get(slug="grid-repairs"))
    assert b"/grid-repairs/" not in _get(client, url).content


def test_a_renamed_section_reaches_kept_top_stories_and_frames(
    client, django_capture_on_commit_callbacks
):
    urls = _newsroom()
    section = Article.objects.get(slug="grid-repairs").section
    for url in urls.values():
        _get(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        section.name = "Frontline"
        section.save()
    home = _get(client, urls["home"]).content.decode()
    assert "· Frontline</p>" in home  # the top story names its section
    listing = _get(client, urls["section"]).content.decode()
    assert '<h1 class="page-title">Frontline</h1>' in listing
    assert "<title>Frontline — " in listing  # the kept frame was purged with the section


def test_a_new_front_order_shows_on_the_home_page(client, django_capture_on_commit_callbacks):
    urls = _newsroom()
    assert "top-lead" in _get(client, urls["home"]).content.decode()
    front = Front.objects.get()
    rail = Article.objects.get(slug="rail-timetable")
    with django_capture_on_commit_callbacks(execute=True):
        front.items = [FrontItem(article=rail, sort_order=0)]  # type: ignore[assignment]
        front.save()
    home = _get(client, urls["home"]).content.decode()
    lead = home.split('class="top-item top-lead"')[1].split("</li>")[0]
    assert "Rail timetable changes" in lead
    assert "Grid repairs finish" not in home.split('class="latest"')[0]


@pytest.mark.dated
@pytest.mark.parametrize("edition", ["uk", "en"])
def test_a_kept_item_keeps_its_kyiv_time_and_day(client, edition):
    # 22:30 UTC is 00:30 or 01:30 the next day in Kyiv: the item and its day heading follow
    # the published time, never the day the item was rendered on.
    at = dt.datetime.now(dt.UTC).replace(hour=22, minute=30, second=0, microsecond=0)
    at -= dt.timedelta(days=1)
    article = factories.published(edition, "night-strike", at=at)
    shown = kyiv(article.first_published_at)
    for _view in range(2):
        html = _get(client, f"/{edition}/news/").content.decode()
        assert f'datetime="{shown.isoformat(timespec="minutes")}">{shown:%H:%M}</time>' in html
        assert f'data-feed-day="{shown.date().isoformat()}"' in html


def test_a_more_news_slice_renders_its_own_frame_and_keeps_its_items(client):
    """A slice names its cursor in its title and canonical address: its frame is never
    kept (no address a client makes up takes room in the cache); its items are."""
    with override_settings(NEWSDESK_FEED_PAGE_SIZE=1):
        first = _get(client, _newsroom()["news"]).content.decode()
        more = first.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0]
        _get(client, more.replace("&amp;", "&"))
        again = _get(client, more.replace("&amp;", "&"))
    rendered = {template.name for template in again.templates}
    assert "site/includes/head.html" in rendered
    assert "site/includes/feed_item.html" not in rendered
    assert "?after=" in again.content.decode().split('rel="canonical" href="')[1].split('"')[0]


def _item_pages(code: str = "en") -> dict[str, object]:
    """A section, a tag and an author, each with a published article, by the name of
    their page."""
    section = factories.section(code, "frontline", name="Frontline", description="Daily.")
    tag = factories.tag(code, "kharkiv", name="Kharkiv", description="The city.")
    writer = factories.author(code, "olena-koval", name="Olena Koval", bio="Reporter.")
    factories.published(
        code, "grid-repairs", in_section=section, tags=[tag], authors=[writer], headline="Grid"
    )
    return {"section": section, "tag": tag, "author": writer}


@pytest.mark.parametrize("page", ["section", "tag", "author"])
def test_a_warm_item_page_reads_only_its_feed_heads(client, page):
    item = _item_pages()[page]
    url = item.get_absolute_url()
    _get(client, url)
    with CaptureQueriesContext(connection) as queries:
        again = _get(client, url)
    assert len(queries) == 1, [query["sql"] for query in queries.captured_queries]
    assert "articles_article" in queries.captured_queries[0]["sql"]
    assert b"/grid-repairs/" in again.content


@pytest.mark.parametrize("page", ["section", "tag", "author"])
def test_a_renamed_item_with_a_new_description_shows_at_once(
    client, page, django_capture_on_commit_callbacks
):
    item = _item_pages()[page]
    url = item.get_absolute_url()
    for _view in range(2):  # kept on the first view, read from the cache on the second
        _get(client, url)
    about = "bio" if page == "author" else "description"
    with django_capture_on_commit_callbacks(execute=True):
        item.name = "Renamed"
        setattr(item, about, "Something new.")
        item.save()
    html = _get(client, url).content.decode()
    assert '<h1 class="page-title">Renamed</h1>' in html
    assert '<p class="page-intro">Something new.</p>' in html
    assert "<title>Renamed — " in html
    assert "/grid-repairs/" in html


def test_an_authors_new_role_shows_at_once(client, django_capture_on_commit_callbacks):
    writer = _item_pages()["author"]
    url = writer.get_absolute_url()
    assert '<p class="kicker">Author</p>' in _get(client, url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        writer.role = "War correspondent"
        writer.save()
    assert '<p class="kicker">War correspondent</p>' in _get(client, url).content.decode()


@pytest.mark.parametrize("page", ["section", "tag", "author"])
def test_a_kept_item_follows_a_new_address_and_a_deletion(
    client, page, django_capture_on_commit_callbacks
):
    item = _item_pages()[page]
    old = item.get_absolute_url()
    _get(client, old)
    with django_capture_on_commit_callbacks(execute=True):
        item.slug = "moved"
        item.save()
    assert client.get(old).status_code == 404
    moved = _get(client, item.get_absolute_url())
    assert b"/grid-repairs/" in moved.content
    if page == "tag":  # an article keeps its section and its bylines; a tag may go
        with django_capture_on_commit_callbacks(execute=True):
            item.delete()
        assert client.get(item.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_an_unknown_item_page_is_a_404_in_the_editions_language_and_is_not_kept(client, edition):
    _item_pages(edition)
    for kind in ("sections", "tags", "authors"):
        for _view in range(2):
            response = client.get(f"/{edition}/{kind}/no-such-item/")
            assert response.status_code == 404
            assert response["Content-Language"] == edition
    factories.section(edition, "no-such-item", name="Late")
    assert b"Late</h1>" in _get(client, f"/{edition}/sections/no-such-item/").content


@pytest.mark.parametrize("page", ["section", "tag", "author"])
def test_item_pages_kept_and_fresh_are_the_same_bytes(client, settings, page):
    item = _item_pages()[page]
    url = item.get_absolute_url()
    more = f"{url}?fragment=1"
    settings.NEWSDESK_KEEP_RENDERED = False
    fresh = [_get(client, url).content, _get(client, more).content]
    settings.NEWSDESK_KEEP_RENDERED = True
    for _view in range(2):
        assert [_get(client, url).content, _get(client, more).content] == fresh
