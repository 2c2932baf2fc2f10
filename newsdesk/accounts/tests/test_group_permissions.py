"""A group's rules on image collections and pages are in the security log, with who changed
them, written in the change's own transaction."""

from __future__ import annotations

from typing import Any

import lxml.html
import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from newsdesk.accounts.group_permissions import recording_changes
from newsdesk.accounts.models import SecurityEvent
from newsdesk.editorial import roles
from newsdesk.testing.factories import sign_in

from .conftest import make_user

COLLECTIONS = "group_collection_permissions_changed"
# The root collection as stored: a loaded root shows its name in the active language.
ROOT = "Root"
PAGES = "group_page_permissions_changed"

pytestmark = pytest.mark.django_db


def _events(name: str) -> list[dict[str, Any]]:
    return [e.details for e in SecurityEvent.objects.filter(event=name).order_by("id")]


def _permission(app: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app, codename=codename)


def _group_form(client: Any, group: Group) -> list[tuple[str, str]]:
    """The group's admin form as the browser would send it unchanged."""
    page = client.get(reverse("wagtailusers_groups:edit", args=[group.pk])).content.decode()
    [form] = [f for f in lxml.html.fromstring(page).forms if "name" in f.fields]
    return list(form.form_values())


def _without(data: list[tuple[str, str]], *prefixes: str) -> list[tuple[str, str]]:
    return [(key, value) for key, value in data if not key.startswith(prefixes)]


def _post(client: Any, group: Group, data: list[tuple[str, str]]) -> None:
    body: dict[str, list[str]] = {}
    for key, value in data:
        body.setdefault(key, []).append(value)
    response = client.post(reverse("wagtailusers_groups:edit", args=[group.pk]), body)
    assert response.status_code == 302, response.content.decode()[-2000:]


def test_image_collection_rules_changed_in_the_group_admin_are_recorded(client):
    chief = make_user("chief", roles.ADMINISTRATORS)
    contributors = Group.objects.get(name=roles.CONTRIBUTORS)
    root = Collection.get_first_root_node()
    front = root.add_child(name="Front line")
    add, choose = (
        _permission("wagtailimages", "add_image"),
        _permission("wagtailimages", "choose_image"),
    )
    assert set(
        GroupCollectionPermission.objects.filter(group=contributors, collection=root).values_list(
            "permission", flat=True
        )
    ) == {add.pk, choose.pk}
    sign_in(client, chief)
    data = _without(_group_form(client, contributors), "image_permissions-")

    _post(
        client,
        contributors,
        [
            *data,
            ("image_permissions-TOTAL_FORMS", "2"),
            ("image_permissions-INITIAL_FORMS", "1"),
            ("image_permissions-MIN_NUM_FORMS", "0"),
            ("image_permissions-MAX_NUM_FORMS", "1000"),
            ("image_permissions-0-collection", str(root.pk)),
            ("image_permissions-0-permissions", str(choose.pk)),  # no longer add images
            ("image_permissions-1-collection", str(front.pk)),
            ("image_permissions-1-permissions", str(add.pk)),
            ("image_permissions-1-permissions", str(choose.pk)),
        ],
    )

    assert (
        GroupCollectionPermission.objects.filter(group=contributors, collection=front).count() == 2
    )
    assert _events(COLLECTIONS) == [
        {
            "group": roles.CONTRIBUTORS,
            "collection": ROOT,
            "collection_id": root.pk,
            "removed": ["wagtailimages.add_image"],
            "by": "chief",
        },
        {
            "group": roles.CONTRIBUTORS,
            "collection": "Front line",
            "collection_id": front.pk,
            "added": ["wagtailimages.add_image", "wagtailimages.choose_image"],
            "by": "chief",
        },
    ]


def test_page_rules_changed_in_the_group_admin_are_recorded(client):
    chief = make_user("chief", roles.ADMINISTRATORS)
    editors = Group.objects.get(name=roles.EDITORS)
    home = Page.objects.filter(depth=2).first() or Page.get_first_root_node()
    sign_in(client, chief)
    data = _without(_group_form(client, editors), "page_permissions-")
    form = [
        ("page_permissions-TOTAL_FORMS", "1"),
        ("page_permissions-INITIAL_FORMS", "0"),
        ("page_permissions-MIN_NUM_FORMS", "0"),
        ("page_permissions-MAX_NUM_FORMS", "1000"),
        ("page_permissions-0-page", str(home.pk)),
        ("page_permissions-0-permissions", "add_page"),
    ]

    _post(client, editors, [*data, *form])
    removing = _without(_group_form(client, editors), "page_permissions-0-DELETE")
    _post(client, editors, [*removing, ("page_permissions-0-DELETE", "1")])

    assert not GroupPagePermission.objects.filter(group=editors).exists()
    assert _events(PAGES) == [
        {
            "group": roles.EDITORS,
            "page": home.title,
            "page_id": home.pk,
            "added": ["wagtailcore.add_page"],
            "by": "chief",
        },
        {
            "group": roles.EDITORS,
            "page": home.title,
            "page_id": home.pk,
            "removed": ["wagtailcore.add_page"],
            "by": "chief",
        },
    ]


def test_saving_a_group_unchanged_records_nothing(client):
    chief = make_user("chief", roles.ADMINISTRATORS)
    contributors = Group.objects.get(name=roles.CONTRIBUTORS)
    sign_in(client, chief)

    _post(client, contributors, _group_form(client, contributors))

    assert not SecurityEvent.objects.filter(event__in=[COLLECTIONS, PAGES]).exists()


def test_a_rule_added_or_removed_outside_the_admin_is_recorded(db):
    desk = Group.objects.create(name="Photo desk")
    root = Collection.get_first_root_node()
    change = _permission("wagtailimages", "change_image")

    rule = GroupCollectionPermission.objects.create(group=desk, collection=root, permission=change)
    rule.delete()

    assert _events(COLLECTIONS) == [
        {
            "group": "Photo desk",
            "collection": ROOT,
            "collection_id": root.pk,
            "added": ["wagtailimages.change_image"],
        },
        {
            "group": "Photo desk",
            "collection": ROOT,
            "collection_id": root.pk,
            "removed": ["wagtailimages.change_image"],
        },
    ]


def test_a_change_and_its_record_are_one_transaction(db):
    desk = Group.objects.create(name="Photo desk")
    root = Collection.get_first_root_node()
    change = _permission("wagtailimages", "change_image")

    with pytest.raises(RuntimeError), recording_changes(lambda: desk):
        GroupCollectionPermission.objects.bulk_create(
            [GroupCollectionPermission(group=desk, collection=root, permission=change)]
        )
        raise RuntimeError("the next panel failed")

    assert not GroupCollectionPermission.objects.filter(group=desk).exists()
    assert not SecurityEvent.objects.filter(event=COLLECTIONS).exists()

    with recording_changes(lambda: desk):
        GroupCollectionPermission.objects.bulk_create(
            [GroupCollectionPermission(group=desk, collection=root, permission=change)]
        )
    assert [e["added"] for e in _events(COLLECTIONS)] == [["wagtailimages.change_image"]]


def test_a_new_group_with_image_rules_is_recorded(client):
    chief = make_user("chief", roles.ADMINISTRATORS)
    root = Collection.get_first_root_node()
    choose = _permission("wagtailimages", "choose_image")
    sign_in(client, chief)

    response = client.post(
        reverse("wagtailusers_groups:add"),
        {
            "name": "Photo desk",
            "page_permissions-TOTAL_FORMS": "0",
            "page_permissions-INITIAL_FORMS": "0",
            "image_permissions-TOTAL_FORMS": "1",
            "image_permissions-INITIAL_FORMS": "0",
            "image_permissions-0-collection": str(root.pk),
            "image_permissions-0-permissions": str(choose.pk),
            "collection_permissions-TOTAL_FORMS": "0",
            "collection_permissions-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.content.decode()[-2000:]
    assert _events(COLLECTIONS) == [
        {
            "group": "Photo desk",
            "collection": ROOT,
            "collection_id": root.pk,
            "added": ["wagtailimages.choose_image"],
            "by": "chief",
        }
    ]
