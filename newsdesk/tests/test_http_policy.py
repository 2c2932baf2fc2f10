"""One HTTP policy: who is a reader, how long each response is kept, absolute addresses.
Every output takes its lifetimes from it, so changing one here changes them everywhere."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from newsdesk import http_policy

factory = RequestFactory()


def test_a_reader_request_is_a_get_or_head_outside_the_admin_without_a_session():
    assert http_policy.is_reader_request(factory.get("/uk/news/"))
    assert http_policy.is_reader_request(factory.head("/en/"))
    assert not http_policy.is_reader_request(factory.post("/uk/read/1/"))
    assert not http_policy.is_reader_request(factory.get("/admin/snippets/"))
    signed_in = factory.get("/uk/news/")
    signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    assert not http_policy.is_reader_request(signed_in)


def test_public_marks_a_reader_page_lifetime_by_default():
    response = http_policy.public(HttpResponse())
    assert response["Cache-Control"] == (
        "public, max-age=60, s-maxage=300, stale-while-revalidate=30, stale-if-error=86400"
    )


def test_a_lifetime_leaves_out_what_it_does_not_set():
    response = http_policy.public(HttpResponse(), http_policy.PREFLIGHT)
    assert response["Cache-Control"] == "public, max-age=86400"


def test_private_and_no_store_keep_nothing():
    assert http_policy.private(HttpResponse())["Cache-Control"] == "private, no-store"
    assert http_policy.no_store(HttpResponse())["Cache-Control"] == "no-store"


def test_last_modified_is_an_http_date_and_absent_without_a_moment():
    moment = dt.datetime(2026, 2, 12, 20, 0, tzinfo=dt.UTC)
    dated = http_policy.last_modified(HttpResponse(), moment)
    assert dated["Last-Modified"] == "Thu, 12 Feb 2026 20:00:00 GMT"
    assert not http_policy.last_modified(HttpResponse(), None).has_header("Last-Modified")


@override_settings(BASE_URL="https://news.example/")
def test_absolute_addresses_start_at_the_public_origin():
    assert http_policy.absolute("/uk/news/") == "https://news.example/uk/news/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/uk/", "/en/news/", "/uk/news/rss.xml", "/sitemap.xml", "/robots.txt", "/uk/nowhere/"],
)
def test_reader_pages_feeds_and_sitemaps_carry_the_page_lifetime(client, url):
    assert client.get(url)["Cache-Control"] == _cache_control(http_policy.PAGE)


@pytest.mark.django_db
def test_the_api_carries_the_api_lifetime(client):
    response = client.get("/api/v1/sections?edition=uk")
    assert response.status_code == 200
    assert response["Cache-Control"] == _cache_control(http_policy.API)


def _cache_control(lifetime: http_policy.Lifetime) -> str:
    return http_policy.public(HttpResponse(), lifetime)["Cache-Control"]


def test_every_parameter_a_route_reads_is_kept_by_both_front_caches():
    """One list of the query parameters the routes read: the app's page cache and the VCL
    key by it (decision 0031), so a parameter left out would be dropped before its view."""
    import re
    from pathlib import Path

    from newsdesk.api.endpoints import api
    from newsdesk.search.forms import FIELDS

    vcl = (Path(__file__).resolve().parents[2] / "deploy/varnish/default.vcl").read_text()
    listed = re.search(r"\(\?!\(\?:([a-z_|]+)\)\(\?:=\|&\|\$\)\)", vcl)
    assert listed is not None
    assert set(listed.group(1).split("|")) == http_policy.QUERY_PARAMETERS

    schema = api.get_openapi_schema()
    api_parameters = {
        parameter["name"]
        for route in schema["paths"].values()
        for operation in route.values()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query"
    }
    assert api_parameters
    read_by_pages = {"after", "fragment", "page", *FIELDS}
    assert api_parameters | read_by_pages == http_policy.QUERY_PARAMETERS


def test_the_cache_address_keeps_known_parameters_sorted_and_drops_the_rest(rf):
    request = rf.get("/uk/search/?zz=1&q=grid&label=&after=b&utm_source=x&after=a&q")
    assert http_policy.cache_address(request) == "/uk/search/?after=b&after=a&label=&q=grid&q="
    assert http_policy.cache_address(rf.get("/uk/news/?nocache=17")) == "/uk/news/"
