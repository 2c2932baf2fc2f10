"""Sitemaps and robots.txt as crawlers read them: every sitemap validates against the
sitemaps.org and Google XSDs, and a publish reaches the month and news sitemaps."""

from __future__ import annotations

import pytest
from lxml import etree

from newsdesk.articles import labels
from newsdesk.publishing import actions
from newsdesk.syndication import archive
from newsdesk.syndication.tests.helpers import grow_archive, new_article, sitemap_schemas

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
TRICKY = 'Tariffs & "tolls" <up> again'


def _xml(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return etree.fromstring(response.content)


def _path(url: str, settings) -> str:
    assert url.startswith(settings.BASE_URL + "/"), url
    return url.removeprefix(settings.BASE_URL)


def test_every_sitemap_validates_against_the_published_schemas(
    client, demo_newsroom, settings, django_capture_on_commit_callbacks
):
    urlset_schema, index_schema = sitemap_schemas()
    grow_archive(6, months=3)
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=new_article("en", "tricky-headline", headline=TRICKY))

    index = _xml(client, "/sitemap.xml")
    index_schema.assertValid(index)
    sitemaps = [
        _path(loc, settings) for loc in index.xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    ]
    kinds = {url.rsplit("/", 1)[1].split("-")[0] for url in sitemaps}
    assert kinds == {
        "news.xml",
        "sections.xml",
        "tags.xml",
        "authors.xml",
        "stories.xml",
        "articles",
    }
    assert sum("/articles-" in url for url in sitemaps) >= 2 * 4  # three months back and now
    for url in sitemaps:
        document = _xml(client, url)
        urlset_schema.assertValid(document)
        for loc in document.xpath("//s:loc/text() | //image:loc/text()", namespaces=NS):
            assert loc.startswith(settings.BASE_URL + "/")

    news = _xml(client, "/en/sitemaps/news.xml")
    titles = news.xpath("//news:title/text()", namespaces=NS)
    assert TRICKY in titles  # escaped on the way out, read back intact
    assert set(news.xpath("//news:language/text()", namespaces=NS)) == {"en"}
    assert news.xpath("//image:image", namespaces=NS)


@pytest.mark.dated
def test_a_publish_reaches_the_month_and_news_sitemaps_and_an_unpublish_leaves_them(
    client, demo_newsroom, settings, django_capture_on_commit_callbacks
):
    article = new_article("uk", "sitemap-story")
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article)
    address = f"{settings.BASE_URL}/uk/news/sitemap-story/"
    month = f"{settings.BASE_URL}/uk/sitemaps/articles-{article.first_published_at:%Y-%m}.xml"
    index = _xml(client, "/sitemap.xml")
    assert month in index.xpath("//s:loc/text()", namespaces=NS)
    assert address in _xml(client, _path(month, settings)).xpath("//s:loc/text()", namespaces=NS)
    assert address in _xml(client, "/uk/sitemaps/news.xml").xpath("//s:loc/text()", namespaces=NS)

    with django_capture_on_commit_callbacks(execute=True):
        actions.unpublish(article=article)
    assert address not in client.get(_path(month, settings)).content.decode()
    assert address not in client.get("/uk/sitemaps/news.xml").content.decode()


def test_affiliate_material_stays_out_of_the_news_sitemap_only(client, demo_newsroom, settings):
    sponsored = new_article("en", "sponsored-story", labels=[labels.AFFILIATE, labels.VIDEO])
    actions.publish(article=sponsored)
    plain = new_article("en", "plain-story", labels=[labels.VIDEO])
    actions.publish(article=plain)
    news = client.get("/en/sitemaps/news.xml").content.decode()
    assert "/en/news/plain-story/" in news
    assert "/en/news/sponsored-story/" not in news
    month = f"/en/sitemaps/articles-{sponsored.first_published_at:%Y-%m}.xml"
    assert "/en/news/sponsored-story/" in client.get(month).content.decode()


def test_robots_txt_names_the_sitemaps_and_keeps_crawlers_out_of_the_admin(client, db, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    sitemaps = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap: ")]
    assert sitemaps == [
        f"{settings.BASE_URL}/sitemap.xml",
        f"{settings.BASE_URL}/uk/sitemaps/news.xml",
        f"{settings.BASE_URL}/en/sitemaps/news.xml",
    ]
    for url in sitemaps:
        assert client.get(_path(url, settings)).status_code == 200


def test_sitemaps_answer_conditional_gets(client, demo_newsroom):
    archive.rebuild()
    first = client.get("/sitemap.xml")
    assert client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    modified = first["Last-Modified"]
    assert client.get("/sitemap.xml", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304


def _alternates(document) -> dict[str, dict[str, str]]:
    """Each ``<url>``'s ``xhtml:link`` alternates, by its ``loc``."""
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.xpath("xhtml:link[@rel='alternate']", namespaces=NS)
        }
        for url in document.xpath("//s:url", namespaces=NS)
    }


def test_month_sitemaps_pair_each_article_with_its_published_translation(
    client, demo_newsroom, settings
):
    urlset_schema, _index = sitemap_schemas()
    archive.rebuild()  # the on-commit recount never runs inside a test's transaction
    index = _xml(client, "/sitemap.xml")
    months = [
        _path(loc, settings)
        for loc in index.xpath("//s:sitemap/s:loc/text()", namespaces=NS)
        if "/articles-" in loc
    ]
    listed: dict[str, dict[str, str]] = {}
    for url in months:
        document = _xml(client, url)
        urlset_schema.assertValid(document)
        listed |= _alternates(document)
    alone = [loc for loc, found in listed.items() if not found]
    paired = {loc: found for loc, found in listed.items() if found}
    assert alone and paired  # the demo has articles with and without a translation
    for loc, found in paired.items():
        assert set(found) == {"uk", "en", "x-default"}
        assert loc in found.values()
        assert found["x-default"] == found["uk"]
        # The translation is listed too, with the very same pair.
        twin = found["en"] if found["uk"] == loc else found["uk"]
        assert listed[twin] == found
    for loc in alone:
        # A page without a translation says so on the page too: no hreflang there.
        page = client.get(_path(loc, settings)).content.decode()
        assert 'hreflang="' not in page.split("</head>", 1)[0]


def test_story_pages_have_a_sitemap_per_edition(client, demo_newsroom, settings):
    from newsdesk.stories.models import Story

    urlset_schema, _index = sitemap_schemas()
    index = _xml(client, "/sitemap.xml").xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    for edition in ("uk", "en"):
        address = f"{settings.BASE_URL}/{edition}/sitemaps/stories.xml"
        assert address in index
        document = _xml(client, _path(address, settings))
        urlset_schema.assertValid(document)
        expected = {
            settings.BASE_URL + story.get_absolute_url()
            for story in Story.objects.in_edition(edition)
        }
        assert expected
        assert set(document.xpath("//s:loc/text()", namespaces=NS)) == expected
