"""The roots of the collection and page trees are named in the reader's language and stored
as Wagtail wrote them (decision 0064)."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import Collection, Page

from newsdesk.editorial import roles
from newsdesk.testing.factories import sign_in

from .conftest import make_user

pytestmark = pytest.mark.django_db


def _stored_roots() -> tuple[list[str], list[tuple[str, str]]]:
    return (
        list(Collection.objects.filter(depth=1).values_list("name", flat=True)),
        list(Page.objects.filter(depth=1).values_list("title", "draft_title")),
    )


@pytest.mark.parametrize(
    ("language", "collection", "page"),
    [("uk", "Коренева колекція", "Коренева сторінка"), ("en", "Root", "Root")],
)
def test_a_root_loaded_reads_in_the_active_language(
    language: str, collection: str, page: str
) -> None:
    with translation.override(language):
        assert Collection.get_first_root_node().name == collection
        root = Page.objects.get(depth=1)
        assert (root.title, root.draft_title) == (page, page)


def test_a_root_saved_in_ukrainian_is_stored_as_root_again() -> None:
    with translation.override("uk"):
        Collection.get_first_root_node().save()
        Page.objects.get(depth=1).save()

    assert _stored_roots() == (["Root"], [("Root", "Root")])


def test_a_collection_below_the_root_named_root_is_shown_as_typed() -> None:
    child = Collection.get_first_root_node().add_child(name="Root")

    with translation.override("uk"):
        assert Collection.objects.get(pk=child.pk).name == "Root"


@pytest.mark.parametrize(("language", "root"), [("uk", "Коренева колекція"), ("en", "Root")])
def test_the_groups_forms_collection_rows_name_the_root_in_the_readers_language(
    client: Any, language: str, root: str
) -> None:
    sign_in(client, make_user(f"chief-{language}", roles.ADMINISTRATORS, language=language))
    # The Contributors' image permissions are set on the root collection.
    pk = Group.objects.get(name=roles.CONTRIBUTORS).pk
    page = client.get(reverse("wagtailusers_groups:edit", args=[pk])).content.decode()

    select = BeautifulSoup(page, "html.parser").find(
        "select", {"name": "image_permissions-0-collection"}
    )
    assert select is not None
    chosen = select.find("option", selected=True)
    assert chosen is not None and chosen.get_text(strip=True) == root
    assert _stored_roots()[0] == ["Root"]
