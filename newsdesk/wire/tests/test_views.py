"""POST /api/v1/wire/ninjs: tokens, limits, and answers in JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.images import get_image_model

from newsdesk.accounts.models import SecurityEvent
from newsdesk.articles.models import Article
from newsdesk.wire import ingest as wire
from newsdesk.wire import tokens
from newsdesk.wire.models import WireItem

from .documents import load, story
from .pictures import association, png_bomb, upload

pytestmark = pytest.mark.django_db
URL = "/api/v1/wire/ninjs"


def post(client: Client, document: object, token: str, **extra: Any):
    body = document if isinstance(document, bytes) else json.dumps(document).encode()
    return client.post(
        URL,
        body,
        content_type=extra.pop("content_type", "application/json"),
        HTTP_AUTHORIZATION=f"Bearer {token}",
        **extra,
    )


def test_a_partner_with_its_token_sends_an_item(client, partner):
    token = tokens.issue(partner)
    response = post(client, load("valid/shelling-uk.json"), token)
    assert response.status_code == 200, response.content
    answer = response.json()
    assert answer["outcome"] == wire.QUEUED
    assert answer["uri"] == "urn:newsml:wire.example.org:20261206:shelling-kherson"
    assert Article.objects.filter(pk=answer["article"], live=False).exists()
    assert "no-store" in response["Cache-Control"]
    event = SecurityEvent.objects.get(event=wire.INGESTED)
    assert event.details["via"] == "http"
    assert event.client_address == "127.0.0.1"


def test_the_token_is_kept_only_as_a_digest(partner):
    token = tokens.issue(partner)
    partner.refresh_from_db()
    token_id, secret = token.split(".")
    assert partner.token_id == token_id
    assert secret not in partner.token_hash and len(partner.token_hash) == 64


@pytest.mark.parametrize(
    "header",
    ["", "Bearer", "Bearer nonsense", "Basic dXNlcjpwYXNz", "Bearer {id}.wrong-secret"],
)
def test_a_missing_or_bad_token_is_refused(client, partner, header):
    token = tokens.issue(partner)
    header = header.replace("{id}", token.split(".")[0])
    response = client.post(
        URL, json.dumps(story()), content_type="application/json", HTTP_AUTHORIZATION=header
    )
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "token" in response.json()["detail"]
    assert not Article.objects.exists()
    assert SecurityEvent.objects.filter(event=wire.TOKEN_REFUSED).count() == 1


def test_a_revoked_token_no_longer_works(client, partner):
    token = tokens.issue(partner)
    tokens.revoke(partner)
    assert post(client, story(), token).status_code == 401
    fresh = tokens.issue(partner)
    assert post(client, story(), fresh).status_code == 200


def test_a_new_token_replaces_the_old_one(client, partner):
    old = tokens.issue(partner)
    new = tokens.issue(partner)
    assert post(client, story(), old).status_code == 401
    assert post(client, story(), new).status_code == 200


def test_an_invalid_document_gets_400_with_the_schema_errors(client, partner):
    token = tokens.issue(partner)
    response = post(client, load("invalid/headline-not-a-list.json"), token)
    assert response.status_code == 400
    answer = response.json()
    paths = {error["path"] for error in answer["errors"]}
    assert {"/headlines", "/pubStatus"} <= paths
    assert all(error["message"] for error in answer["errors"])
    assert not Article.objects.exists() and not WireItem.objects.exists()


def test_ninjs_2_names_are_refused_by_name(client, partner):
    token = tokens.issue(partner)
    response = post(client, load("invalid/ninjs-2-names.json"), token, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["path"] == ""
    assert "versioncreated" in error["message"]


def test_errors_are_in_the_partners_edition_language(client, partner):
    token = tokens.issue(partner)
    response = post(client, load("invalid/no-uri.json"), token)
    assert response.status_code == 400
    assert response["Content-Language"] == "uk"
    assert response.json()["detail"] == "Документ не прийнято: нічого не збережено."
    [error] = response.json()["errors"]
    assert "uri" in error["message"] and "Бракує" in error["message"]


def test_a_document_in_the_wrong_language_gets_400(client, partner):
    token = tokens.issue(partner)
    response = post(client, story(language="en"), token)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["path"] == "/language"
    assert not Article.objects.exists()


def test_an_oversized_body_gets_413_and_is_not_read(client, partner, settings):
    settings.NEWSDESK_WIRE_MAX_BYTES = 2000
    token = tokens.issue(partner)
    big = story(bodies=[{"value": "<p>" + "слово " * 1000 + "</p>"}])
    response = post(client, big, token)
    assert response.status_code == 413
    assert "2000" in response.json()["detail"]
    assert not Article.objects.exists()
    assert post(client, story(), token).status_code == 200


@pytest.mark.parametrize("body", [b"{not json", "{}".encode("utf-16")])
def test_a_body_that_is_not_json_gets_400(client, partner, body):
    token = tokens.issue(partner)
    response = post(client, body, token)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_only_json_is_accepted(client, partner):
    token = tokens.issue(partner)
    response = post(client, story(), token, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415


def test_only_post_is_accepted(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_no_csrf_token_is_needed(partner):
    strict = Client(enforce_csrf_checks=True)
    assert post(strict, story(), tokens.issue(partner)).status_code == 200


def test_an_older_version_gets_409_with_a_message(client, trusted):
    token = tokens.issue(trusted)
    assert post(client, story(version="3"), token).status_code == 200
    response = post(client, story(version="2"), token)
    assert response.status_code == 409
    assert "3" in response.json()["detail"]
    assert Article.objects.get().headline == "Заголовок версії 3"


def test_a_repeat_answers_200_and_changes_nothing(client, trusted):
    token = tokens.issue(trusted)
    post(client, story(), token)
    response = post(client, story(), token)
    assert response.status_code == 200
    assert response.json()["outcome"] == wire.DUPLICATE
    assert Article.objects.count() == 1


def test_the_wire_is_rate_limited_like_the_api(client, partner, settings):
    settings.NEWSDESK_API_RATE = "2/m"
    token = tokens.issue(partner)
    assert post(client, story("urn:a"), token).status_code == 200
    assert post(client, story("urn:b"), token).status_code == 200
    response = post(client, story("urn:c"), token)
    assert response.status_code == 429
    assert "Retry-After" in response
    assert Article.objects.count() == 2


def send_with_files(client: Client, document: object, token: str, **files: Any):
    """A multipart request: the document as its ``document`` part, then the files."""
    part = SimpleUploadedFile(
        "item.json", json.dumps(document).encode(), content_type="application/json"
    )
    return client.post(URL, {"document": part, **files}, HTTP_AUTHORIZATION=f"Bearer {token}")


def test_a_document_comes_with_its_pictures_as_multipart(client, trusted):
    token = tokens.issue(trusted)
    document = story(associations=[association("main", "photo.png")])
    response = send_with_files(client, document, token, **{"photo.png": upload("photo.png")})
    assert response.status_code == 200, response.content
    article = Article.objects.get(pk=response.json()["article"])
    assert article.hero_image.title == "Фото main"
    assert article.hero_credit == "Олена Коваль / Agency"
    assert SecurityEvent.objects.get(event=wire.INGESTED).details["pictures"] == 1


def test_the_document_may_be_a_plain_field_of_the_multipart_body(client, partner):
    token = tokens.issue(partner)
    document = story(associations=[association("main", "photo.png")])
    response = client.post(
        URL,
        {"document": json.dumps(document), "photo.png": upload("photo.png")},
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200, response.content
    assert get_image_model().objects.count() == 1


def test_a_pixel_bomb_gets_400_in_the_partners_language_and_nothing_is_stored(client, partner):
    token = tokens.issue(partner)
    document = story(associations=[association("main", "photo.png")])
    response = send_with_files(
        client, document, token, **{"photo.png": upload("photo.png", png_bomb())}
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["path"] == "/associations/0/renditions"
    assert "забагато пікселів" in error["message"]
    assert not Article.objects.exists() and not WireItem.objects.exists()
    assert not get_image_model().objects.exists()


def test_a_picture_sent_without_its_file_gets_400(client, partner):
    token = tokens.issue(partner)
    response = post(client, story(associations=[association("main", "photo.png")]), token)
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "/associations/0/renditions"
    assert not Article.objects.exists()


def test_a_multipart_body_without_the_document_gets_400(client, partner):
    token = tokens.issue(partner)
    response = client.post(
        URL, {"photo.png": upload("photo.png")}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 400
    assert "document" in response.json()["detail"]
    assert not get_image_model().objects.exists()


def test_an_oversized_document_part_gets_413(client, partner, settings):
    settings.NEWSDESK_WIRE_MAX_BYTES = 2000
    token = tokens.issue(partner)
    big = story(bodies=[{"value": "<p>" + "слово " * 1000 + "</p>"}])
    response = send_with_files(client, big, token)
    assert response.status_code == 413
    assert "2000" in response.json()["detail"]
    assert not Article.objects.exists()


def test_a_multipart_body_over_its_limit_gets_413_before_it_is_parsed(client, partner, settings):
    settings.NEWSDESK_WIRE_MAX_BYTES = 1000
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    token = tokens.issue(partner)
    response = send_with_files(
        client, story(), token, **{"photo.png": upload("photo.png", b"\0" * 200_000)}
    )
    assert response.status_code == 413
    assert not Article.objects.exists()
