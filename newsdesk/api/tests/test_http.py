"""The API's HTTP rules: ETag and 304, cache headers, CORS and preflight, the rate limit,
and the site's security headers left in place."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from newsdesk.api import ratelimit
from newsdesk.articles.models import Article

LIST = "/api/v1/articles?edition=uk&limit=5"


@pytest.fixture
def listed(client, demo_content):
    demo_content(articles=6)
    return client


def test_etag_and_if_none_match_give_304(listed):
    first = listed.get(LIST)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    again = listed.get(LIST, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Access-Control-Allow-Origin"] == "*"
    stale = listed.get(LIST, headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200
    assert stale.json() == first.json()


def test_etag_changes_when_an_article_changes(listed):
    before = listed.get(LIST)["ETag"]
    newest = Article.objects.published().in_edition("uk").newest_first().first()
    newest.headline = "A corrected headline"
    from newsdesk.publishing import actions

    actions.publish(article=newest)
    after = listed.get(LIST, headers={"If-None-Match": before})
    assert after.status_code == 200
    assert after["ETag"] != before
    assert after.json()["items"][0]["headline"] == "A corrected headline"


def test_success_is_publicly_cacheable_for_a_short_time_and_errors_are_not(listed):
    ok = listed.get(LIST)
    directives = {part.strip() for part in ok["Cache-Control"].split(",")}
    assert "public" in directives and "max-age=60" in directives
    for url in ("/api/v1/articles?edition=xx", "/api/v1/articles/999999", "/api/v1/nowhere"):
        assert listed.get(url)["Cache-Control"] == "no-store", url


def test_every_answer_allows_any_origin_without_credentials(listed):
    for url in (LIST, "/api/v1/openapi.json", "/api/v1/articles/999999", "/api/v1/nowhere"):
        response = listed.get(url, headers={"Origin": "https://partner.example"})
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert "Access-Control-Allow-Credentials" not in response, url
        assert "ETag" in response["Access-Control-Expose-Headers"]


def test_preflight_allows_get_only(listed):
    response = listed.options(
        LIST,
        headers={
            "Origin": "https://partner.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "if-none-match",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {"GET"}
    assert "if-none-match" in response["Access-Control-Allow-Headers"].lower()
    assert int(response["Access-Control-Max-Age"]) > 0
    assert "Access-Control-Allow-Credentials" not in response

    refused = listed.options(
        LIST,
        headers={"Origin": "https://partner.example", "Access-Control-Request-Method": "DELETE"},
    )
    assert "Access-Control-Allow-Methods" not in refused
    assert "Access-Control-Allow-Origin" not in refused


def test_writes_are_not_allowed(listed):
    response = listed.post(LIST, {})
    assert response.status_code == 405
    assert "GET" in response["Allow"]


def test_over_the_limit_a_client_gets_429_with_retry_after(listed, settings):
    settings.NEWSDESK_API_RATE = "3/m"
    for _ in range(3):
        assert listed.get(LIST).status_code == 200
    limited = listed.get(LIST)
    assert limited.status_code == 429
    assert limited["Content-Type"].startswith("application/json")
    assert "Too many requests" in limited.json()["detail"]
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited["Cache-Control"] == "no-store"
    assert limited["Access-Control-Allow-Origin"] == "*"
    # Another client is counted on its own.
    other = listed.get(LIST, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200


def test_limit_counts_in_the_shared_cache_per_window(settings):
    settings.NEWSDESK_API_RATE = "2/s"
    request = RequestFactory().get(LIST, REMOTE_ADDR="198.51.100.7")
    assert not ratelimit.take(request, now=1000.2).exceeded
    second = ratelimit.take(request, now=1000.5)
    assert (second.exceeded, second.remaining, second.reset) == (False, 0, 1)
    third = ratelimit.take(request, now=1000.9)
    assert (third.exceeded, third.remaining, third.reset) == (True, 0, 1)
    assert not ratelimit.take(request, now=1001.1).exceeded  # the next second: a new window
    assert cache.get("api-rate:198.51.100.7:1:1000") == 3


def test_client_address_trusts_only_the_configured_proxies(settings):
    factory = RequestFactory()
    forged = factory.get(LIST, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 192.0.2.44")
    settings.NEWSDESK_API_PROXY_COUNT = 0
    assert ratelimit.client_address(forged) == "10.0.0.1"
    settings.NEWSDESK_API_PROXY_COUNT = 1
    assert ratelimit.client_address(forged) == "192.0.2.44"


@pytest.mark.parametrize("text", ["fast", "0/m", "10/week", "/m"])
def test_bad_rate_setting_is_reported(settings, text):
    settings.NEWSDESK_API_RATE = text
    with pytest.raises(ValueError, match="NEWSDESK_API_RATE"):
        ratelimit.rate()


def test_site_security_headers_stay_on_api_responses(listed):
    response = listed.get(LIST)
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
