"""Surrogate keys, validators and the app's own page cache on real reader responses."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.utils.http import http_date

from newsdesk.articles.models import Article
from newsdesk.frontcache import clock, keys
from newsdesk.publishing import actions

pytestmark = pytest.mark.django_db


def _keys(response) -> set[str]:
    return set(response[keys.HEADER].split())


def test_pages_name_what_they_show(client, write, newsroom):
    article = write()
    parts = newsroom["uk"]

    page = client.get(f"/uk/news/{article.slug}/")
    assert {keys.article(article.pk), keys.chrome("uk")} <= _keys(page)

    home = client.get("/uk/")
    assert {keys.home("uk"), keys.news("uk"), keys.article(article.pk)} <= _keys(home)

    section = client.get(f"/uk/sections/{parts['section'].slug}/")
    assert {keys.section(parts["section"].pk), keys.article(article.pk)} <= _keys(section)
    assert keys.news("uk") not in _keys(section)

    feed = client.get(f"/uk/tags/{parts['tag'].slug}/rss.xml")
    assert {keys.tag(parts["tag"].pk), keys.article(article.pk)} <= _keys(feed)

    story = client.get(f"/uk/stories/{parts['story'].slug}/")
    assert {keys.story(parts["story"].pk), keys.article(article.pk)} <= _keys(story)

    sitemap = client.get(f"/uk/sitemaps/articles-{article.first_published_at:%Y-%m}.xml")
    assert sitemap.status_code == 200
    assert _keys(sitemap) == {keys.month("uk", article.first_published_at)}

    api = client.get("/api/v1/articles", {"edition": "uk"})
    assert {keys.news("uk"), keys.article(article.pk)} <= _keys(api)


def test_responses_that_no_shared_cache_keeps_carry_no_keys(client, write, admin_client):
    article = write()
    assert keys.HEADER not in admin_client.get("/admin/")
    beacon = client.post(f"/uk/read/{article.pk}/")
    assert keys.HEADER not in beacon


def test_last_modified_is_the_newest_change_among_the_keys_and_answers_304(client, write):
    article = write()
    first = client.get(f"/uk/news/{article.slug}/")
    stamps = clock.read(_keys(first))
    assert first["Last-Modified"] == http_date(max(stamps.values()))
    assert first.has_header("ETag")

    by_etag = client.get(f"/uk/news/{article.slug}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304
    by_date = client.get(f"/uk/news/{article.slug}/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304

    clock.stamp([keys.article(article.pk)], when=max(stamps.values()) + 5)
    changed = client.get(f"/uk/news/{article.slug}/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert changed.status_code == 200


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_the_page_cache_serves_a_second_reader_without_a_query_until_a_purge(
    client, write, django_assert_num_queries, django_capture_on_commit_callbacks
):
    article = write()
    path = f"/uk/news/{article.slug}/"
    first = client.get(path)
    assert "X-Page-Cache" not in first

    with django_assert_num_queries(0):
        second = client.get(path)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second[keys.HEADER] == first[keys.HEADER]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]

    article.headline = "Grid repairs finish early"
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article)
    third = client.get(path)
    assert "X-Page-Cache" not in third
    assert "Grid repairs finish early" in third.content.decode()


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_an_unpublished_article_leaves_every_cached_page_that_showed_it(
    client, write, newsroom, django_capture_on_commit_callbacks
):
    article = write()
    parts = newsroom["uk"]
    pages = [
        "/uk/",
        "/uk/news/",
        f"/uk/sections/{parts['section'].slug}/",
        f"/uk/tags/{parts['tag'].slug}/",
        f"/uk/authors/{parts['author'].slug}/",
        f"/uk/stories/{parts['story'].slug}/",
        "/uk/news/rss.xml",
        "/uk/sitemaps/news.xml",
    ]
    for path in pages:
        client.get(path)
        assert article.headline in client.get(path).content.decode(), path

    with django_capture_on_commit_callbacks(execute=True):
        actions.unpublish(article=Article.objects.get(pk=article.pk))

    for path in pages:
        response = client.get(path)
        assert "X-Page-Cache" not in response, path
        assert article.headline not in response.content.decode(), path


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_editors_bypass_the_page_cache(client, admin_client, write):
    article = write()
    path = f"/uk/news/{article.slug}/"
    client.get(path)
    assert client.get(path)["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in admin_client.get(path)


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_a_lost_clock_stamp_is_a_miss_never_a_stale_page(client, write):
    from django.core.cache import cache

    article = write()
    path = f"/uk/news/{article.slug}/"
    client.get(path)
    cache.delete(clock.PREFIX + keys.article(article.pk))

    assert "X-Page-Cache" not in client.get(path)


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_a_cached_404_gives_way_to_the_article_published_at_its_address(client, write):
    path = "/uk/news/grid-repairs/"
    assert client.get(path).status_code == 404
    missing = client.get(path)
    assert (missing.status_code, missing["X-Page-Cache"]) == (404, "hit")
    assert keys.address("uk", "grid-repairs") in _keys(missing)

    write(slug="grid-repairs")

    assert client.get(path).status_code == 200


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_a_made_up_session_cookie_or_unknown_parameters_still_get_the_cached_page(
    client, write, django_assert_num_queries
):
    """Decision 0031: a reader's cookies and parameters no route reads choose no copy."""
    article = write()
    path = f"/uk/news/{article.slug}/"
    first = client.get(path)
    assert "X-Page-Cache" not in first

    client.cookies["sessionid"] = "madeupsessionkey0123456789abcdef"
    client.cookies["_ga"] = "GA1.2.3"
    # One query: the session lookup that finds the cookie is no one's; no render.
    with django_assert_num_queries(1):
        second = client.get(path, {"utm_source": "x", "nocache": "17"})
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert not second.cookies  # nothing set or deleted: the cookie never reached the session


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_known_parameters_are_keyed_in_any_order_and_still_tell_pages_apart(client, write):
    write()
    write(slug="sirens")
    first = client.get("/uk/search/", {"q": "Headline", "label": "", "junk": "1"})
    again = client.get("/uk/search/?junk=2&label=&q=Headline")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    other = client.get("/uk/search/", {"q": "sirens"})
    assert "X-Page-Cache" not in other


@override_settings(NEWSDESK_PAGE_CACHE=True, NEWSDESK_MISS_RATE="3/m")
def test_misses_are_limited_per_client_and_hits_are_not(client, write):
    article = write()
    path = f"/uk/news/{article.slug}/"
    for number in range(3):
        assert client.get("/uk/news/", {"after": f"{number}-1"}).status_code in (200, 400)
    refused = client.get(path)
    assert refused.status_code == 429
    assert client.get("/media/images/missing.jpg").status_code == 404  # files cost no budget
    assert refused["Cache-Control"] == "no-store"
    assert int(refused["Retry-After"]) >= 1
    assert "Забагато запитів" in refused.content.decode()  # the edition's language
    english = client.get("/en/news/")
    assert english.status_code == 429
    assert "Too many requests" in english.content.decode()
    # Another client still gets the page, and a cached page costs no miss.
    other = client.get(path, REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200
    for _ in range(5):
        assert client.get(path, REMOTE_ADDR="192.0.2.9")["X-Page-Cache"] == "hit"


@override_settings(
    NEWSDESK_PAGE_CACHE=True,
    NEWSDESK_MISS_RATE="3/m",
    NEWSDESK_CRAWLER_MISS_RATE="6/m",
    NEWSDESK_CRAWLER_NETWORKS="66.249.64.0/19, 2001:db8:40::/48",
)
def test_a_crawlers_network_has_a_budget_of_its_own_and_a_user_agent_buys_nothing(client):
    pages = iter(range(1000))

    def misses(count: int, **client_of) -> list[int]:
        """``count`` pages no one asked for yet, each a miss."""
        return [
            client.get("/uk/news/", {"page": f"{next(pages)}"}, **client_of).status_code
            for _ in range(count)
        ]

    crawler = {"REMOTE_ADDR": "66.249.66.1"}
    assert 429 not in misses(6, **crawler)
    assert misses(1, **crawler) == [429]
    # The crawler's budget through an IPv6 socket too, and for an IPv6 crawler of the list.
    assert 429 not in misses(6, REMOTE_ADDR="::ffff:66.249.66.2")
    assert 429 not in misses(6, REMOTE_ADDR="2001:db8:40::7")
    # A reader who says it is a crawler is a reader.
    pretender = {"REMOTE_ADDR": "192.0.2.50", "HTTP_USER_AGENT": "Googlebot/2.1"}
    assert 429 not in misses(3, **pretender)
    assert misses(1, **pretender) == [429]


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_a_signed_in_editors_session_still_bypasses_the_page_cache(admin_client, write):
    article = write()
    path = f"/uk/news/{article.slug}/"
    admin_client.get(path)
    assert "X-Page-Cache" not in admin_client.get(path, {"junk": "1"})
