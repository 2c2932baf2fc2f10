"""Feeds and sitemaps date themselves (Last-Modified) and leave the ETag and the 304s to
Django's ConditionalGetMiddleware, as Django's own ``Feed`` does."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import resolve

FEEDS = ["/uk/news/rss.xml", "/en/news/atom.xml", "/uk/news/feed.json"]


@pytest.mark.parametrize("url", [*FEEDS, "/sitemap.xml"])
def test_answers_304_to_its_etag_and_to_its_date(client, demo_content, url):
    demo_content(articles=6)
    first = client.get(url)
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == etag
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"another-body"').status_code == 200


@pytest.mark.parametrize("url", FEEDS)
def test_the_view_dates_the_response_and_makes_no_etag(demo_content, url):
    demo_content(articles=6)
    request = RequestFactory().get(url)
    match = resolve(url)
    response = match.func(request, *match.args, **match.kwargs)
    assert response.status_code == 200
    assert response.has_header("Last-Modified")
    assert not response.has_header("ETag")
