"""Roles are named in the editor's language and stored as keys (decision 0059)."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import translation

from newsdesk.accounts import policy, role_names
from newsdesk.accounts.models import SecurityEvent
from newsdesk.editorial import roles
from newsdesk.testing.factories import sign_in

from .conftest import make_user

NAMES = {
    "uk": {roles.EDITORS: "Редактори", roles.SECTION_EDITORS: "Редактори рубрик"},
    "en": {roles.EDITORS: "Editors", roles.SECTION_EDITORS: "Section editors"},
}
LANGUAGES = sorted(NAMES)

pytestmark = pytest.mark.django_db


def _soup(client: Any, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def _signed_in_administrator(client: Any, language: str) -> Any:
    return sign_in(client, make_user(f"chief-{language}", roles.ADMINISTRATORS, language=language))


def _form_data(soup: BeautifulSoup, form: Any) -> dict[str, Any]:
    """What a browser would send for ``form`` as it stands."""
    data: dict[str, list[str]] = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name = field["name"]
        if field.name == "select":
            values = [o.get("value", o.text) for o in field.select("option[selected]")]
        elif field.get("type") in ("checkbox", "radio"):
            values = [field.get("value", "on")] if field.has_attr("checked") else []
        elif field.get("type") in ("submit", "button", "file"):
            continue
        else:
            values = [field.get("value", "") if field.name == "input" else field.text]
        data.setdefault(name, []).extend(values)
    return data


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_groups_listing_names_roles_in_the_editors_language(client, language):
    Group.objects.create(name="Перевірка фактів")  # a group an administrator made
    _signed_in_administrator(client, language)

    listed = {a.get_text(strip=True) for a in _soup(client, "/admin/groups/").select("td a")}

    assert set(NAMES[language].values()) <= listed
    assert "Перевірка фактів" in listed  # as typed, in either language
    other = "en" if language == "uk" else "uk"
    assert not set(NAMES[other].values()) & listed


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_users_form_and_the_users_filter_name_roles_in_the_editors_language(client, language):
    reporter = make_user("reporter", roles.EDITORS)
    _signed_in_administrator(client, language)

    form = _soup(client, f"/admin/users/edit/{reporter.pk}/")
    boxes = {label.get_text(strip=True) for label in form.select("label[for^=id_groups_]")}
    listing = _soup(client, "/admin/users/")
    filters = {
        label.get_text(strip=True)
        for label in listing.select("[name=group]")
        for label in [label.find_parent("label") or label]
    }

    assert set(NAMES[language].values()) <= boxes
    assert set(NAMES[language].values()) <= filters


def test_a_roles_form_saved_in_ukrainian_keeps_the_key_the_code_finds_it_by(client):
    editors = Group.objects.get(name=roles.EDITORS)
    reporter = make_user("reporter", roles.EDITORS)
    _signed_in_administrator(client, "uk")
    path = f"/admin/groups/edit/{editors.pk}/"
    soup = _soup(client, path)
    form = soup.select_one("form[method=post]")
    data = _form_data(soup, form)
    assert data["name"] == ["Редактори"]

    response = client.post(path, data)

    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Group.objects.filter(name=roles.EDITORS, pk=editors.pk).exists()
    assert reporter.groups.filter(name=roles.EDITORS).exists()
    with translation.override("en"):
        assert Group.objects.get(pk=editors.pk).name == "Editors"


@pytest.mark.parametrize(
    "language, typed, message",
    [
        ("uk", "Редактори", "Група з такою назвою вже існує."),
        ("uk", "Editors", "Група з такою назвою вже існує."),
        ("en", "Редактори", "A group with that name already exists."),
    ],
)
def test_a_new_group_named_as_a_role_in_either_language_is_refused(
    client, language, typed, message
):
    _signed_in_administrator(client, language)
    soup = _soup(client, "/admin/groups/new/")
    data = _form_data(soup, soup.select_one("form[method=post]"))
    data["name"] = [typed]
    before = Group.objects.count()

    response = client.post("/admin/groups/new/", data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Group.objects.count() == before


def test_a_renamed_role_and_a_custom_group_show_as_typed():
    section_editors = Group.objects.get(name=roles.SECTION_EDITORS)
    section_editors.name = "Випускові редактори"
    section_editors.save()
    custom = Group.objects.create(name="Fact-checkers")

    for language in LANGUAGES:
        with translation.override(language):
            assert Group.objects.get(pk=section_editors.pk).name == "Випускові редактори"
            assert str(Group.objects.get(pk=custom.pk)) == "Fact-checkers"
    assert not Group.objects.filter(name=roles.SECTION_EDITORS).exists()


def test_a_role_is_found_by_its_key_in_any_language(settings):
    settings.NEWSDESK_TWO_FACTOR_ROLES = [roles.EDITORS]
    reporter = make_user("reporter", roles.EDITORS)
    with translation.override("uk"):
        editors = Group.objects.get(name=roles.EDITORS)
        assert editors.name == "Редактори"
        assert policy.requires_second_factor(reporter)
        editors.save()
    assert Group.objects.filter(name=roles.EDITORS).count() == 1


def test_the_security_log_keeps_the_key_and_shows_the_roles_name(client):
    reporter = make_user("reporter")
    with translation.override("uk"):
        Group.objects.get(name=roles.SECTION_EDITORS).user_set.add(reporter)
    [entry] = SecurityEvent.objects.filter(event="user_groups_changed", username="reporter")
    assert entry.details == {"added": [roles.SECTION_EDITORS]}

    _signed_in_administrator(client, "uk")
    shown = _soup(client, "/admin/security-log/?account=reporter").select_one("tbody").get_text()

    assert "added: ['Редактори рубрик']" in shown
    assert role_names.shown_details({"group": "Fact-checkers"}) == {"group": "Fact-checkers"}
