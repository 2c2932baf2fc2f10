"""The groups form names every permission in the administrator's language; the rows keep
the names Django wrote (decision 0064)."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Page

from newsdesk.accounts import permission_names
from newsdesk.editorial import roles
from newsdesk.testing.factories import sign_in

from .conftest import make_user

pytestmark = pytest.mark.django_db

# What the object permissions' table says of articles, and a page permission's checkbox.
EXPECTED = {
    "uk": {
        "add": "Може додавати (стаття)",
        "change": "Може змінювати (стаття)",
        "delete": "Може видаляти (стаття)",
        "custom": {
            "Може датувати матеріал часом його першої публікації",
            "Може публікувати",
            "Може блокувати",
            "Може розблоковувати",
        },
        "page": "Редагувати будь-яку сторінку",
    },
    "en": {
        "add": "Can add article",
        "change": "Can change article",
        "delete": "Can delete article",
        "custom": {
            "Can date an article at its original first publication",
            "Can publish",
            "Can lock",
            "Can unlock",
        },
        "page": "Edit any page",
    },
}


def _permission(app: str, codename: str) -> Permission:
    return Permission.objects.select_related("content_type").get(
        content_type__app_label=app, codename=codename
    )


def _group_page(client: Any, language: str, path: str) -> BeautifulSoup:
    sign_in(client, make_user(f"chief-{language}", roles.ADMINISTRATORS, language=language))
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _article_row(soup: BeautifulSoup) -> Any:
    table = soup.select_one("#object-permissions-section table")
    [row] = [
        tr
        for tr in table.select("tbody tr")
        if tr.h3 and tr.h3.get_text(strip=True) in ("Стаття", "Article")
    ]
    return row


@pytest.mark.parametrize("language", sorted(EXPECTED))
@pytest.mark.parametrize("form", ["add", "edit"])
def test_the_groups_form_names_each_permission_in_the_readers_language(
    client: Any, language: str, form: str
) -> None:
    group = Group.objects.create(name="Fact-checkers")
    GroupPagePermission.objects.create(
        group=group,
        page=Page.get_first_root_node(),
        permission=_permission("wagtailcore", "change_page"),
    )
    path = (
        reverse("wagtailusers_groups:add")
        if form == "add"
        else reverse("wagtailusers_groups:edit", args=[group.pk])
    )
    soup = _group_page(client, language, path)
    expected = EXPECTED[language]

    row = _article_row(soup)
    cells = row.find_all("td")
    assert [cell.label.get_text(strip=True) for cell in cells[1:4]] == [
        expected["add"],
        expected["change"],
        expected["delete"],
    ]
    assert {label.get_text(strip=True) for label in cells[4].find_all("label")} == expected[
        "custom"
    ]
    # The page permissions' checkboxes, without "Wagtail core | page |"; the empty row the
    # "Add" button copies is a <template>, which CSS selectors do not enter.
    page_labels = {
        "".join(label.find_all(string=True)).strip()  # get_text() skips a template's text
        for label in soup.find(id="page-permissions-section").find_all("label")
        if "-permissions_" in str(label.get("for", ""))
    }
    assert expected["page"] in page_labels
    assert not [label for label in page_labels if "|" in label]
    every_label = " ".join(label.get_text(" ", strip=True) for label in soup.find_all("label"))
    if language == "uk":
        assert "Can " not in every_label
    else:
        assert "Може" not in every_label


def test_the_rows_keep_the_names_django_wrote(client: Any) -> None:
    _group_page(client, "uk", reverse("wagtailusers_groups:add"))

    assert _permission("articles", "add_article").name == "Can add article"
    assert _permission("articles", "publish_article").name == "Can publish article"


def test_a_group_saved_from_the_ukrainian_form_gets_the_permissions_ticked(
    client: Any,
) -> None:
    soup = _group_page(client, "uk", reverse("wagtailusers_groups:add"))
    add_article = _permission("articles", "add_article")
    token = soup.find("input", {"name": "csrfmiddlewaretoken"})
    data = {
        "name": "Перевіряльники",
        "permissions": [str(add_article.pk)],
        **{
            f"{prefix}-{name}": value
            for prefix in ("page_permissions", "image_permissions", "collection_permissions")
            for name, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
        },
    }
    if token is not None:
        data["csrfmiddlewaretoken"] = token["value"]

    response = client.post(reverse("wagtailusers_groups:add"), data)

    assert response.status_code == 302
    group = Group.objects.get(name="Перевіряльники")
    assert list(group.permissions.values_list("codename", flat=True)) == ["add_article"]
    assert _permission("articles", "add_article").name == "Can add article"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("uk", "Може переглядати (подія безпеки)"), ("en", "Can view security event")],
)
def test_a_default_permission_is_named_from_its_models_name(language: str, expected: str) -> None:
    permission = _permission("accounts", "view_securityevent")

    with translation.override(language):
        assert permission_names.shown(permission) == expected


def test_a_permission_whose_model_is_gone_keeps_its_stored_name() -> None:
    gone = ContentType.objects.create(app_label="retired", model="dispatch")
    permission = Permission.objects.create(
        content_type=gone, codename="add_dispatch", name="Can add dispatch"
    )

    with translation.override("uk"):
        assert permission_names.shown(permission) == "Can add dispatch"
