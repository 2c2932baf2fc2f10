"""The wire in the admin: the queue for editors, partners and their tokens for
Administrators."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from newsdesk.editorial import roles
from newsdesk.editorial.tests.conftest import make_user
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in
from newsdesk.wire import ingest as wire
from newsdesk.wire import tokens
from newsdesk.wire.models import Partner

from .documents import story

pytestmark = pytest.mark.django_db
QUEUE = "/admin/wire_queue/"
PARTNERS = "/admin/wire_partners/"


def signed_in(role: str, language: str = "en") -> Client:
    return sign_in(Client(), make_user(f"user-{role.lower()}", role, language=language))


def test_editors_review_the_queue_with_partner_uri_and_version(partner):
    result = wire.ingest(story("urn:wire:kherson:7", version="4"), partner=partner)
    response = signed_in(roles.EDITORS).get(QUEUE)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Заголовок версії 4" in page
    assert "urn:wire:kherson:7" in page
    assert ">4<" in page.replace(" ", "").replace("\n", "")
    assert "Agency" in page
    assert f"/admin/snippets/articles/article/edit/{result.article_id}/" in page


def test_the_queue_is_shown_in_ukrainian_to_a_ukrainian_editor(partner):
    wire.ingest(story(), partner=partner)
    page = signed_in(roles.EDITORS, language="uk").get(QUEUE).content.decode()
    assert "<title>Матеріали стрічки" in page
    assert "ninjs" in page and "версія в ninjs" in page
    assert "Wire items" not in page and "ninjs version" not in page


def test_contributors_do_not_see_the_queue(partner):
    wire.ingest(story(), partner=partner)
    response = signed_in(roles.CONTRIBUTORS).get(QUEUE)
    assert response.status_code in (302, 403)


def test_editors_do_not_manage_partners(partner):
    assert signed_in(roles.EDITORS).get(PARTNERS).status_code in (302, 403)


def test_an_administrator_issues_a_token_shown_once(admin_client, partner):
    response = admin_client.post(
        f"{PARTNERS}edit/{partner.pk}/",
        {
            "name": "Agency",
            "edition": "uk",
            "section": partner.section_id,
            "trusted": "on",
            "issue_token": "on",
        },
        follow=True,
    )
    assert response.status_code == 200
    found = re.search(r"[0-9a-f]{12}\.[A-Za-z0-9_-]{43}", response.content.decode())
    assert found is not None
    assert tokens.authenticate(found.group(0)) == Partner.objects.get(trusted=True)
    again = admin_client.get(f"{PARTNERS}edit/{partner.pk}/").content.decode()
    assert found.group(0) not in again


def test_an_administrator_revokes_a_token(admin_client, partner):
    token = tokens.issue(partner)
    admin_client.post(
        f"{PARTNERS}edit/{partner.pk}/",
        {"name": "Agency", "edition": "uk", "section": partner.section_id, "revoke_token": "on"},
    )
    assert tokens.authenticate(token) is None


def test_a_partners_section_must_be_of_its_edition(admin_client):
    response = admin_client.post(
        f"{PARTNERS}new/",
        {"name": "Reuters-ish", "edition": "en", "section": factories.section("uk").pk},
    )
    assert response.status_code == 200
    # The superuser's admin is in the newsroom's first language.
    assert "Рубрика має бути з видання партнера." in response.content.decode()
    assert not Partner.objects.exists()


def test_a_partner_with_items_is_not_deleted_under_them(admin_client, partner):
    wire.ingest(story(), partner=partner)
    response = admin_client.post(f"{PARTNERS}delete/{partner.pk}/", follow=True)
    assert response.status_code == 200
    assert "відкличте його токен" in response.content.decode()
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_a_partner_without_items_is_deleted(admin_client, partner):
    response = admin_client.post(f"{PARTNERS}delete/{partner.pk}/")
    assert response.status_code == 302
    assert not Partner.objects.exists()


@pytest.mark.parametrize("url", [QUEUE, PARTNERS])
def test_the_wire_listings_cost_the_same_queries_for_2_rows_as_for_8(url, partner):
    admin = sign_in(Client(), make_user("chief", roles.ADMINISTRATORS))

    def fill(rows: int) -> None:
        for _ in range(rows):
            number = Partner.objects.count()
            other = Partner.objects.create(
                name=f"Agency {number}", edition="uk", section=factories.section("uk")
            )
            wire.ingest(story(f"urn:wire:count:{number}"), partner=other)

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert admin.get(url).status_code == 200
        return len(queries)

    fill(2)
    count()  # the first view fills what is cached for every view (menus, permissions)
    few = count()
    fill(6)
    assert count() == few
