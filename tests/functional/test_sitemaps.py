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
    assert kinds == {"news.xml", "sections.xml", "tags.xml", "authors.xml", "articles"}
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
