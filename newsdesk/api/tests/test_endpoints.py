"""The read API's endpoints: what they list, how they filter and page, and how they refuse."""

from __future__ import annotations

import datetime as dt
from typing import get_args
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsdesk.api.endpoints import Edition, LabelCode
from newsdesk.articles import labels as label_codes
from newsdesk.articles.models import Article, Byline
from newsdesk.editions import EDITIONS
from newsdesk.people.models import Author
from newsdesk.publishing import actions
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag

# The shared demo newsroom's size (see the root conftest).
DEMO_ARTICLES = 30


def get(client, url: str, status: int = 200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (url, params, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def local_path(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def ids(data) -> list[int]:
    return [item["id"] for item in data["items"]]


def walk(client, first: str, **params) -> tuple[list[dict], list[str]]:
    """Every page of a list, following ``next``; the items and the SQL that ran."""
    items: list[dict] = []
    sql: list[str] = []
    url: str | None = first
    query = params
    while url:
        with CaptureQueriesContext(connection) as queries:
            data = get(client, url, **query)
        sql += [q["sql"] for q in queries.captured_queries]
        items += data["items"]
        url = local_path(data["next"]) if data["next"] else None
        query = {}
    return items, sql


def test_parameter_literals_match_the_content_model():
    assert set(get_args(Edition)) == set(EDITIONS)
    assert set(get_args(LabelCode)) == set(label_codes.NAMES)


def test_reverse_finds_every_operation_under_api_v1():
    assert reverse("api:articles") == "/api/v1/articles"
    assert reverse("api:article", kwargs={"article_id": 7}) == "/api/v1/articles/7"
    assert reverse("api:article_ninjs", kwargs={"article_id": 7}) == "/api/v1/articles/7/ninjs"
    assert reverse("api:openapi-json") == "/api/v1/openapi.json"
    assert reverse("api:api-root") == "/api/v1/"


def test_list_shows_published_articles_of_the_edition_newest_first(client, demo_newsroom):
    data = get(client, "/api/v1/articles", edition="en", limit=100)
    expected = list(
        Article.objects.published().in_edition("en").newest_first().values_list("pk", flat=True)
    )
    assert ids(data) == expected
    assert {item["edition"] for item in data["items"]} == {"en"}
    first = data["items"][0]
    assert first["url"].endswith(f"/en/news/{first['slug']}/")
    assert first["published_at"].endswith("Z")
    assert data["next"] is None


def test_drafts_scheduled_and_unpublished_articles_stay_out(client, demo_newsroom, new_article):
    published = new_article("uk", "published-one")
    draft = new_article("uk", "draft-one", publish=False)
    scheduled = new_article("uk", "scheduled-one", publish=False)
    actions.schedule(article=scheduled, go_live_at=timezone.now() + dt.timedelta(hours=2))
    withdrawn = new_article("uk", "withdrawn-one")
    actions.unpublish(article=withdrawn)

    listed = ids(get(client, "/api/v1/articles", edition="uk", limit=100))
    assert published.pk in listed
    for hidden in (draft, scheduled, withdrawn):
        assert hidden.pk not in listed
        for suffix in ("", "/ninjs"):
            error = get(client, f"/api/v1/articles/{hidden.pk}{suffix}", status=404)
            assert "No published article" in error["detail"]
        get(client, f"/api/v1/editions/uk/articles/{hidden.slug}", status=404)
    assert get(client, f"/api/v1/articles/{published.pk}")["slug"] == "published-one"
    assert get(client, "/api/v1/editions/uk/articles/published-one")["id"] == published.pk


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_taxonomy_filters_narrow_both_ways(client, demo_newsroom, new_article, kind):
    section = Section.objects.filter(locale__language_code="uk").order_by("pk").last()
    tag = Tag.objects.filter(locale__language_code="uk").order_by("pk").last()
    author = Author.objects.filter(locale__language_code="uk").order_by("pk").last()
    matching = {"section": section, "tags": [tag], "authors": [author]}
    inside = new_article("uk", f"inside-{kind}", **matching)
    draft = new_article("uk", f"draft-{kind}", publish=False, **matching)
    slug = {"section": section.slug, "tag": tag.slug, "author": author.slug}[kind]

    data = get(client, "/api/v1/articles", edition="uk", limit=100, **{kind: slug})
    found = ids(data)
    everything = Article.objects.published().in_edition("uk")
    narrowed = {
        "section": everything.in_section(section),
        "tag": everything.tagged(tag),
        "author": everything.by_author(author),
    }[kind]
    assert found == list(narrowed.newest_first().values_list("pk", flat=True))
    assert inside.pk in found and draft.pk not in found
    assert len(found) < everything.count()
    for item in data["items"]:
        if kind == "section":
            assert item["section"]["slug"] == slug
        else:
            assert slug in [ref["slug"] for ref in item[f"{kind}s"]]


def test_label_filter_narrows_both_ways(client, demo_newsroom, new_article):
    opinion = new_article("en", "an-opinion", labels=["opinion"])
    plain = new_article("en", "plain-news")
    found = ids(get(client, "/api/v1/articles", edition="en", label="opinion", limit=100))
    assert opinion.pk in found and plain.pk not in found
    expected = [
        a.pk
        for a in Article.objects.published().in_edition("en").newest_first()
        if "opinion" in a.labels
    ]
    assert found == expected

    actions.publish(article=plain, update_note="Added the mayor's statement.")
    updated = ids(get(client, "/api/v1/articles", edition="en", label="updated", limit=100))
    assert plain.pk in updated and opinion.pk not in updated


def test_updated_since_takes_offsets_and_narrows(client, demo_newsroom, new_article):
    fresh = new_article("uk", "fresh-news")
    fresh.refresh_from_db()
    since = fresh.last_published_at - dt.timedelta(seconds=1)
    in_kyiv = since.astimezone(dt.timezone(dt.timedelta(hours=2))).isoformat()
    found = ids(get(client, "/api/v1/articles", edition="uk", updated_since=in_kyiv))
    assert found == [fresh.pk]
    # A "+" that was not percent-encoded arrives as a space; it still means +02:00.
    raw = client.get(f"/api/v1/articles?edition=uk&updated_since={in_kyiv}")
    assert ids(raw.json()) == [fresh.pk]
    everything = ids(get(client, "/api/v1/articles", edition="uk", limit=100))
    older = ids(
        get(client, "/api/v1/articles", edition="uk", limit=100, updated_since="2000-01-01T00:00Z")
    )
    assert older == everything and len(everything) > 1
    # Near the ends of the calendar an offset cannot be moved to UTC; the answer still holds.
    edge = {"edition": "uk", "limit": 100}
    assert ids(get(client, "/api/v1/articles", updated_since="0001-01-01T00:00+05:00", **edge)) == (
        everything
    )
    assert (
        ids(get(client, "/api/v1/articles", updated_since="9999-12-31T23:00-05:00", **edge)) == []
    )


def test_cursor_pages_cover_every_article_once_without_offset(client, demo_newsroom):
    items, sql = walk(client, "/api/v1/articles", edition="uk", limit=4)
    expected = list(
        Article.objects.published().in_edition("uk").newest_first().values_list("pk", flat=True)
    )
    assert [item["id"] for item in items] == expected
    assert len(expected) > 8
    assert not [statement for statement in sql if " OFFSET " in statement.upper()]


def test_next_keeps_the_filters(client, demo_newsroom):
    section = Article.objects.published().in_edition("en").first().section
    data = get(client, "/api/v1/articles", edition="en", section=section.slug, limit=1)
    query = parse_qs(urlsplit(data["next"]).query)
    assert query["section"] == [section.slug]
    assert query["edition"] == ["en"] and query["limit"] == ["1"] and query["cursor"]


def test_tags_and_authors_page_by_slug(client, demo_newsroom):
    for kind, model in (("tags", Tag), ("authors", Author)):
        items, sql = walk(client, f"/api/v1/{kind}", edition="en", limit=3)
        expected = list(
            model.objects.filter(locale__language_code="en")
            .order_by("slug")
            .values_list("slug", flat=True)
        )
        assert [item["slug"] for item in items] == expected
        assert len(expected) > 3
        assert not [statement for statement in sql if " OFFSET " in statement.upper()]


def test_sections_of_an_edition_in_navigation_order(client, demo_newsroom):
    data = get(client, "/api/v1/sections", edition="uk")
    expected = list(
        Section.objects.filter(locale__language_code="uk")
        .order_by("sort_order", "name")
        .values_list("slug", flat=True)
    )
    assert [item["slug"] for item in data["items"]] == expected


def test_article_detail_has_body_bylines_tags_and_twin(client, demo_newsroom):
    article = next(
        a
        for a in Article.objects.published().in_edition("uk").newest_first()
        if a.tags.exists()
        and Article.objects.published()
        .in_edition("en")
        .filter(translation_key=a.translation_key)
        .exists()
    )
    data = get(client, f"/api/v1/articles/{article.pk}")
    assert data["headline"] == article.headline
    assert data["body_html"].startswith("<")
    assert "<script" not in data["body_html"]
    authors = [b.author.slug for b in Byline.objects.filter(article=article).order_by("sort_order")]
    assert [a["slug"] for a in data["authors"]] == authors
    assert {t["slug"] for t in data["tags"]} == set(article.tags.values_list("slug", flat=True))
    twin = data["translation"]
    assert twin["edition"] == "en"
    assert get(client, local_path(twin["api_url"]))["translation"]["api_url"] == data["api_url"]


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({}, 422, "edition"),
        ({"edition": "de"}, 422, "edition"),
        ({"edition": "uk", "limit": 0}, 422, "limit"),
        ({"edition": "uk", "limit": 101}, 422, "limit"),
        ({"edition": "uk", "limit": "many"}, 422, "limit"),
        ({"edition": "uk", "label": "breaking"}, 422, "label"),
        ({"edition": "uk", "section": "no such"}, 422, "section"),
        ({"edition": "uk", "cursor": "not-a-cursor"}, 422, "cursor"),
        ({"edition": "uk", "cursor": "99999999999999999999999-1"}, 422, "cursor"),
        ({"edition": "uk", "updated_since": "yesterday"}, 422, "ISO 8601"),
        ({"edition": "uk", "updated_since": "1700000000"}, 422, "ISO 8601"),
        ({"edition": "uk", "updated_since": "2026-11-25T16:30:00"}, 422, "timezone"),
        ({"edition": "uk", "section": "nowhere"}, 404, "section 'nowhere'"),
        ({"edition": "uk", "tag": "nowhere"}, 404, "tag 'nowhere'"),
        ({"edition": "uk", "author": "nobody"}, 404, "author 'nobody'"),
    ],
)
def test_bad_list_parameters_get_a_clear_json_error(client, db, params, status, words):
    error = get(client, "/api/v1/articles", status=status, **params)
    assert words in error["detail"]


def test_bad_addresses_get_json_errors(client, db):
    assert "No published article" in get(client, "/api/v1/articles/5", status=404)["detail"]
    assert get(client, "/api/v1/articles/0", status=422)["errors"]
    assert get(client, f"/api/v1/articles/{2**63}", status=422)["errors"]
    assert "cursor" in get(client, "/api/v1/tags", status=422, edition="uk", cursor="*")["detail"]
    assert "No such API address" in get(client, "/api/v1/nothing/here", status=404)["detail"]
    assert get(client, "/api/v1/")["openapi"].endswith("/api/v1/openapi.json")


def _list_queries(client, urls: list[str]) -> dict[str, int]:
    counts = {}
    for url in urls:
        client.get(url)  # warm: renditions made on first use are not part of the count
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_query_counts_are_fixed_whatever_the_archive_size(
    client, demo_content, django_assert_num_queries
):
    demo_content(articles=10)
    article = Article.objects.published().in_edition("uk").filter(hero_image__isnull=False)[0]
    tag = Tag.objects.filter(locale__language_code="uk", article__live=True).first()
    urls = [
        "/api/v1/articles?edition=uk&limit=100",
        f"/api/v1/articles?edition=uk&tag={tag.slug}",
        "/api/v1/tags?edition=uk",
        "/api/v1/authors?edition=en",
        "/api/v1/sections?edition=en",
        f"/api/v1/articles/{article.pk}",
        f"/api/v1/articles/{article.pk}/ninjs",
    ]
    small = _list_queries(client, urls)
    demo_content(articles=120)
    large = _list_queries(client, urls)
    assert large == small
    # rows, bylines, tags, hero renditions
    with django_assert_num_queries(4):
        client.get("/api/v1/articles?edition=uk&limit=100")
    # the tag, then the same four
    with django_assert_num_queries(5):
        client.get(f"/api/v1/articles?edition=uk&tag={tag.slug}")
    with django_assert_num_queries(1):
        client.get("/api/v1/tags?edition=uk")
    assert max(small.values()) <= 8, small
