"""The read API against outside checkers: schemathesis drives every operation of the OpenAPI
document over demo content, and the ninjs of demo articles passes the IPTC schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from newsdesk.articles.models import Article

REPO = Path(__file__).resolve().parents[2]
NINJS = REPO.parent / "shared" / "vendor-schemas" / "ninjs"
OPENAPI = "/api/v1/openapi.json"


# The document as the app serves it (fetching it touches no database).
schema = schemathesis.openapi.from_wsgi(OPENAPI, get_wsgi_application())


# The shared demo newsroom's size (see the root conftest).
DEMO_ARTICLES = 24


@pytest.fixture
def api_content(db, demo_newsroom, settings):
    """Demo content behind the API, and a limit no test run reaches."""
    # schemathesis sends hundreds of requests from one address; the limiter has its own tests.
    settings.NEWSDESK_API_RATE = "1000000/m"
    # the test's transaction that means the only one (Django's test client unhooks the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    # Demo content is loaded once per operation, not per example; the examples only read.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_openapi_document(case, api_content):
    # Over WSGI nothing decodes a compressed body, which the schema checks would then read;
    # compression has its own tests (newsdesk/tests/test_compression.py).
    case.call_and_validate(headers={"Accept-Encoding": "identity"})


def test_openapi_document_lists_the_operations_and_their_errors(client, db):
    document = client.get(OPENAPI).json()
    operations = {path: spec["get"] for path, spec in document["paths"].items() if "get" in spec}
    assert set(operations) == {
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
        "/api/v1/articles/{article_id}/ninjs",
        "/api/v1/editions/{edition}/articles/{slug}",
        "/api/v1/sections",
        "/api/v1/tags",
        "/api/v1/authors",
    }
    for path, operation in operations.items():
        assert {"200", "404", "422", "429"} <= set(operation["responses"]), path
    assert not [p for p, spec in document["paths"].items() if set(spec) - {"get"}]


def test_ninjs_of_demo_articles_validates_against_iptc_schema(client, demo_newsroom, settings):
    if not (NINJS / "ninjs-schema_3.1.json").exists():
        pytest.skip("../shared (with the IPTC ninjs schema) is absent in this checkout")
    settings.NEWSDESK_API_RATE = "1000000/m"
    schema_31 = json.loads((NINJS / "ninjs-schema_3.1.json").read_text())
    registry = Registry().with_resource(
        "https://geojson.org/schema/GeoJSON.json",
        Resource.from_contents(json.loads((NINJS / "GeoJSON-schema.json").read_text())),
    )
    validator = Draft202012Validator(
        schema_31, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    articles = list(Article.objects.published().newest_first())
    assert {a.locale.language_code for a in articles} == {"uk", "en"}
    assert any(a.hero_image_id for a in articles) and any(not a.hero_image_id for a in articles)
    for article in articles:
        ninjs_url = client.get(f"/api/v1/articles/{article.pk}").json()["ninjs_url"]
        assert ninjs_url.endswith(f"/api/v1/articles/{article.pk}/ninjs")
        response = client.get(f"/api/v1/articles/{article.pk}/ninjs")
        assert response.status_code == 200
        errors = [e.message for e in validator.iter_errors(response.json())]
        assert errors == [], (article.pk, errors)
