"""Compressed reader responses: gzip and Brotli, the same bytes once decoded, ``Vary``, ETags
of their own and 304s; never the admin's pages nor an editor's."""

from __future__ import annotations

import gzip

import brotli
import pytest
from django.conf import settings
from django.test import override_settings

from newsdesk import compression
from newsdesk.articles.models import Article

pytestmark = pytest.mark.django_db

DEMO_ARTICLES = 4


def _decoded(response) -> bytes:
    encoding = response.get("Content-Encoding")
    if encoding == "gzip":
        return gzip.decompress(response.content)
    if encoding == "br":
        return brotli.decompress(response.content)
    assert encoding is None
    return response.content


def _reader_addresses() -> list[str]:
    article = Article.objects.published().in_edition("uk").newest_first().first()
    return [
        "/uk/",
        article.get_absolute_url(),
        "/uk/news/rss.xml",
        "/uk/news/feed.json",
        "/sitemap.xml",
        f"/uk/sitemaps/articles-{article.first_published_at:%Y-%m}.xml",
        "/api/v1/articles?edition=uk",
    ]


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_reader_responses_are_compressed_to_the_same_bytes(client, demo_newsroom, encoding):
    for address in _reader_addresses():
        plain = client.get(address)
        packed = client.get(address, HTTP_ACCEPT_ENCODING=f"{encoding}, deflate")
        assert plain.status_code == packed.status_code == 200, address
        assert "Content-Encoding" not in plain, address
        assert packed["Content-Encoding"] == encoding, address
        assert _decoded(packed) == plain.content, address
        assert len(packed.content) * 2 < len(plain.content), address
        assert packed["Content-Length"] == str(len(packed.content))
        for response in (plain, packed):
            assert "Accept-Encoding" in response["Vary"], address


def test_brotli_is_chosen_over_gzip_and_weights_are_honoured():
    assert compression.negotiate("gzip, deflate, br") == "br"
    assert compression.negotiate("gzip;q=0.5, br;q=0") == "gzip"
    assert compression.negotiate("identity") is None
    assert compression.negotiate("*") == "br"
    assert compression.negotiate("gzip;q=0, *;q=0.1") == "br"
    assert compression.negotiate("br;q=0, gzip;q=0") is None
    assert compression.negotiate("gzip;q=high") is None
    assert compression.negotiate("") is None


def test_each_encoding_has_its_etag_and_answers_its_304(client, demo_newsroom):
    address = "/uk/news/rss.xml"
    plain = client.get(address)
    gzipped = client.get(address, HTTP_ACCEPT_ENCODING="gzip")
    brotlied = client.get(address, HTTP_ACCEPT_ENCODING="br")
    tags = {plain["ETag"], gzipped["ETag"], brotlied["ETag"]}
    assert len(tags) == 3
    assert gzipped["ETag"] == compression.encoded_etag(plain["ETag"], "gzip")

    again = client.get(address, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=gzipped["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == gzipped["ETag"]
    assert "Accept-Encoding" in again["Vary"]

    # A gzip copy does not stand for the Brotli one, nor for the plain one.
    other = client.get(address, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=gzipped["ETag"])
    assert other.status_code == 200
    assert other["Content-Encoding"] == "br"
    unencoded = client.get(address, HTTP_IF_NONE_MATCH=gzipped["ETag"])
    assert unencoded.status_code == 200
    assert "Content-Encoding" not in unencoded

    plain_again = client.get(address, HTTP_IF_NONE_MATCH=plain["ETag"])
    assert plain_again.status_code == 304
    assert plain_again["ETag"] == plain["ETag"]


def test_the_api_answers_304_to_its_compressed_etag(client, demo_newsroom):
    address = "/api/v1/articles?edition=uk"
    first = client.get(address, HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == "gzip"
    again = client.get(address, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_the_page_cache_keeps_one_plain_copy_for_every_encoding(client, demo_newsroom):
    address = "/uk/"
    miss = client.get(address, HTTP_ACCEPT_ENCODING="gzip")
    assert "X-Page-Cache" not in miss
    plain_hit = client.get(address)
    br_hit = client.get(address, HTTP_ACCEPT_ENCODING="br")
    assert plain_hit["X-Page-Cache"] == br_hit["X-Page-Cache"] == "hit"
    assert "Content-Encoding" not in plain_hit
    assert gzip.decompress(miss.content) == plain_hit.content == _decoded(br_hit)


def test_the_admin_is_never_compressed(client, admin_client, demo_newsroom):
    login = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert login.status_code == 200
    assert len(login.content) > compression.MIN_SIZE
    assert "Content-Encoding" not in login
    dashboard = admin_client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert dashboard.status_code == 200
    assert "Content-Encoding" not in dashboard


def test_an_editor_on_the_reader_site_gets_plain_pages(client, admin_client, demo_newsroom):
    assert settings.SESSION_COOKIE_NAME in admin_client.cookies
    page = admin_client.get("/uk/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert page.status_code == 200
    assert "Content-Encoding" not in page
    assert client.get("/uk/", HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"


def test_responses_that_set_a_cookie_or_are_private_stay_plain(rf):
    from django.http import HttpResponse

    body = "<p>" + "сирена " * 200 + "</p>"

    def view_with(**headers: str):
        def view(request):
            response = HttpResponse(body)
            for name, value in headers.items():
                response[name] = value
            if request.path == "/cookie/":
                response.set_cookie("csrftoken", "secret")
            return response

        return compression.CompressionMiddleware(view)

    assert view_with()(rf.get("/", HTTP_ACCEPT_ENCODING="gzip"))["Content-Encoding"] == "gzip"
    cookie = view_with()(rf.get("/cookie/", HTTP_ACCEPT_ENCODING="gzip"))
    assert "Content-Encoding" not in cookie
    private = view_with(**{"Cache-Control": "private, no-store"})(
        rf.get("/", HTTP_ACCEPT_ENCODING="gzip")
    )
    assert "Content-Encoding" not in private


def test_small_bodies_and_images_stay_plain(rf):
    from django.http import HttpResponse

    def serve(body: bytes, content_type: str):
        middleware = compression.CompressionMiddleware(
            lambda request: HttpResponse(body, content_type=content_type)
        )
        return middleware(rf.get("/", HTTP_ACCEPT_ENCODING="gzip"))

    small = serve(b"ok", "text/plain")
    assert "Content-Encoding" not in small
    assert not small.has_header("Vary")
    image = serve(b"\x89PNG" + bytes(1000), "image/png")
    assert "Content-Encoding" not in image
    assert serve(b"a" * 1000, "text/plain")["Content-Encoding"] == "gzip"
