"""What a client reads on every answer, a page-cache hit and a 304 included: CORS, the
rate limit and its headers, and the language of the edition served."""

from __future__ import annotations

import pytest
from django.test import override_settings

ORIGIN = {"Origin": "https://partner.example"}
LIST_EN = "/api/v1/articles?edition=en&limit=5"

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(new_article):
    return {"en": new_article("en", "grid-repairs"), "uk": new_article("uk", "remont-merezh")}


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_the_third_request_a_page_cache_hit_still_allows_any_origin(client, articles):
    answers = [client.get(LIST_EN, headers=ORIGIN) for _ in range(3)]
    assert "X-Page-Cache" not in answers[0]
    assert answers[2]["X-Page-Cache"] == "hit"
    for answer in answers:
        assert answer.status_code == 200
        assert answer["Access-Control-Allow-Origin"] == "*"
        assert "ETag" in answer["Access-Control-Expose-Headers"]
        assert "RateLimit" in answer["Access-Control-Expose-Headers"]
    assert answers[2].json() == answers[0].json()


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_a_304_allows_any_origin_from_the_page_cache_and_from_the_view(
    client, articles, django_assert_num_queries
):
    first = client.get(LIST_EN, headers=ORIGIN)
    with django_assert_num_queries(0):  # answered from the page cache's entry
        revalidated = client.get(LIST_EN, headers=ORIGIN | {"If-None-Match": first["ETag"]})
    assert revalidated.status_code == 304
    assert revalidated["Access-Control-Allow-Origin"] == "*"
    assert "RateLimit" in revalidated

    with override_settings(NEWSDESK_PAGE_CACHE=False):
        rendered = client.get(LIST_EN, headers=ORIGIN | {"If-None-Match": first["ETag"]})
    assert rendered.status_code == 304
    assert "X-Page-Cache" not in rendered
    assert rendered["Access-Control-Allow-Origin"] == "*"


@override_settings(NEWSDESK_PAGE_CACHE=True, NEWSDESK_API_RATE="3/m")
def test_page_cache_hits_count_toward_the_limit(client, articles):
    answers = [client.get(LIST_EN, headers=ORIGIN) for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert [a.get("X-Page-Cache") for a in answers] == [None, "hit", "hit"]
    # Counted on the way in, not kept with the entry: each answer says where the client is.
    assert [a["RateLimit"] for a in answers] == [
        f'"api";r={left};t={answers[0]["RateLimit"].rpartition("=")[2]}' for left in (2, 1, 0)
    ]
    assert all(a["RateLimit-Policy"] == '"api";q=3;w=60' for a in answers)

    limited = client.get(LIST_EN, headers=ORIGIN)
    assert limited.status_code == 429
    assert "X-Page-Cache" not in limited
    assert "Too many requests" in limited.json()["detail"]
    wait = int(limited["Retry-After"])
    assert 1 <= wait <= 60
    assert limited["RateLimit"] == f'"api";r=0;t={wait}'
    assert limited["RateLimit-Policy"] == '"api";q=3;w=60'
    assert limited["Cache-Control"] == "no-store"
    assert limited["Access-Control-Allow-Origin"] == "*"

    # A 304 is a request too, and another client has its own count.
    assert client.get(LIST_EN, headers={"If-None-Match": answers[0]["ETag"]}).status_code == 429
    assert client.get(LIST_EN, REMOTE_ADDR="203.0.113.9").status_code == 200


def test_the_default_policy_is_announced_and_a_preflight_costs_nothing(client, articles):
    preflight = client.options(LIST_EN, headers=ORIGIN | {"Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "RateLimit" not in preflight
    answer = client.get(LIST_EN)
    assert answer["RateLimit-Policy"] == '"api";q=300;w=60'
    assert answer["RateLimit"].startswith('"api";r=299;t=')
    assert "Retry-After" not in answer


@override_settings(NEWSDESK_PAGE_CACHE=True)
def test_content_language_is_the_edition_served(client, articles):
    en, uk = articles["en"], articles["uk"]
    expected = {
        LIST_EN: "en",
        "/api/v1/articles?edition=uk": "uk",
        f"/api/v1/articles/{en.pk}": "en",
        f"/api/v1/articles/{en.pk}/ninjs": "en",
        f"/api/v1/articles/{uk.pk}/ninjs": "uk",
        f"/api/v1/editions/en/articles/{en.slug}": "en",
        "/api/v1/sections?edition=en": "en",
        "/api/v1/openapi.json": "en",
        "/api/v1/articles/999999": "en",
    }
    for _ in ("rendered", "from the page cache"):
        for url, language in expected.items():
            assert client.get(url)["Content-Language"] == language, url
    assert client.get(LIST_EN)["X-Page-Cache"] == "hit"
