"""Articles as IPTC ninjs 3.1, checked against the IPTC's own JSON Schema."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from newsdesk.articles.models import Article

# The repository's root holds pyproject.toml; ../shared sits beside it (DESIGN.md).
REPO = Path(__file__).resolve().parents[3]
SCHEMAS = REPO.parent / "shared" / "vendor-schemas" / "ninjs"
OFFSET = re.compile(r"T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


# The shared demo newsroom's size (see the root conftest).
DEMO_ARTICLES = 20


def ninjs_validator() -> Draft202012Validator:
    """The ninjs 3.1 schema, with the GeoJSON schema it refers to served from disk."""
    if not (SCHEMAS / "ninjs-schema_3.1.json").exists():
        pytest.skip(f"../shared is absent: no ninjs schema in {SCHEMAS.relative_to(REPO.parent)}")
    schema = json.loads((SCHEMAS / "ninjs-schema_3.1.json").read_text())
    geojson = json.loads((SCHEMAS / "GeoJSON-schema.json").read_text())
    registry = Registry().with_resource(
        "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geojson)
    )
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(
        schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def problems(validator: Draft202012Validator, item: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(item)]


def test_schema_rejects_what_it_should():
    validator = ninjs_validator()
    assert problems(validator, {"uri": "http://x.example/1", "type": "text"}) == []
    assert problems(validator, {"uri": "http://x.example/1", "versioncreated": "x"})
    assert problems(validator, {"type": "text"})


def test_demo_articles_validate_as_ninjs_3_1(client, demo_newsroom):
    validator = ninjs_validator()
    published = Article.objects.published()
    chosen = {
        "uk with hero": published.in_edition("uk").filter(hero_image__isnull=False).first(),
        "en with hero": published.in_edition("en").filter(hero_image__isnull=False).first(),
        "without hero": published.filter(hero_image__isnull=True).first(),
    }
    several = [a for a in published if a.bylines.count() > 1 or a.tags.count() > 1]
    chosen |= {f"several bylines or tags {i}": a for i, a in enumerate(several[:3])}
    assert all(chosen.values()), chosen
    for name, article in chosen.items():
        response = client.get(f"/api/v1/articles/{article.pk}/ninjs")
        assert response.status_code == 200, name
        item = response.json()
        assert problems(validator, item) == [], name
        assert item["language"] == article.locale.language_code
        assert item["standard"]["schema"] == (
            "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
        )
        assert item["headlines"][0]["value"] == article.headline
        assert item["bodies"][0]["contentType"] == "text/html"
        for field in ("firstCreated", "versionCreated", "contentCreated"):
            assert OFFSET.search(item[field]), (name, field, item[field])
        assert [p["literal"] for p in item["people"]] == [
            b.author.slug for b in article.bylines.order_by("sort_order")
        ]
        subjects = {(s["rel"], s["literal"]) for s in item["subjects"]}
        assert ("section", article.section.slug) in subjects
        assert {("about", slug) for slug in article.tags.values_list("slug", flat=True)} <= subjects
        hero = [a for a in item.get("associations", []) if a["rel"] == "hero"]
        assert bool(hero) == (article.hero_image_id is not None), name
        if hero:
            assert hero[0]["type"] == "picture"
            assert all(r["href"].startswith("http") for r in hero[0]["renditions"])


def test_opinion_label_becomes_a_genre(client, demo_newsroom, new_article):
    validator = ninjs_validator()
    opinion = new_article("en", "why-it-matters", labels=["opinion"])
    item = client.get(f"/api/v1/articles/{opinion.pk}/ninjs").json()
    assert problems(validator, item) == []
    assert item["genres"] == [{"name": "Opinion", "literal": "opinion"}]
    assert "associations" not in item
