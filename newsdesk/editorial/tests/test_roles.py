"""Each role holds exactly the permissions it is meant to (decision 0028, docs/security.md,
"Roles"): a permission that appears in a group unasked, from Wagtail or a later migration,
fails here until it is written into the matrix."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Locale

from newsdesk.breaking.models import BreakingBanner
from newsdesk.editorial import roles
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

from .conftest import make_user

ARTICLE_WORK = {"articles.add_article", "articles.change_article"}
PUBLISHING = {
    "articles.delete_article",
    "articles.publish_article",
    "articles.lock_article",
    "articles.unlock_article",
}
EVERY_ROLE = {"wagtailadmin.access_admin", "simple_translation.submit_translation"}
TIMELINE_ENTRIES = {"stories.add_timelineentry", "stories.change_timelineentry"}
TAGS = {"taxonomy.add_tag", "taxonomy.change_tag"}

MATRIX = {
    roles.CONTRIBUTORS: {
        "global": EVERY_ROLE
        | ARTICLE_WORK
        | TAGS
        | TIMELINE_ENTRIES
        | {"editorial.edit_all_sections"},
        "images": {"add_image", "choose_image"},
    },
    roles.SECTION_EDITORS: {
        "global": EVERY_ROLE
        | ARTICLE_WORK
        | PUBLISHING
        | TAGS
        | TIMELINE_ENTRIES
        | {"people.add_author", "people.change_author"},
        "images": {"add_image", "change_image", "choose_image"},
    },
    roles.EDITORS: {
        "global": EVERY_ROLE
        | ARTICLE_WORK
        | PUBLISHING
        | TAGS
        | TIMELINE_ENTRIES
        | {"editorial.edit_all_sections", "taxonomy.delete_tag", "stories.delete_timelineentry"}
        # The duty desk dates an archive piece at its first publication (decision 0038).
        | {"articles.backdate_article"}
        | {
            f"{app}.{action}_{model}"
            for app, model in [
                ("people", "author"),
                ("sections", "section"),
                ("fronts", "front"),
                ("stories", "story"),
                ("live", "liveupdate"),
                ("breaking", "breakingbanner"),
            ]
            for action in ("add", "change", "delete")
        }
        | {"live.add_livesettings", "live.change_livesettings"},
        "images": {"add_image", "change_image", "delete_image", "choose_image"},
    },
}


def _global(group: Group) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_the_roles_are_the_newsrooms_four(db) -> None:
    assert set(Group.objects.values_list("name", flat=True)) == {
        roles.CONTRIBUTORS,
        roles.SECTION_EDITORS,
        roles.EDITORS,
        roles.ADMINISTRATORS,
    }


@pytest.mark.parametrize("role", list(MATRIX))
def test_each_role_holds_exactly_its_permissions(db, role: str) -> None:
    group = Group.objects.get(name=role)

    assert _global(group) == MATRIX[role]["global"]
    on_collections = set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "permission__codename", flat=True
        )
    )
    assert on_collections == MATRIX[role]["images"]
    assert not GroupPagePermission.objects.filter(group=group).exists()


def test_administrators_hold_everything_and_nothing_of_documents(db) -> None:
    administrators = Group.objects.get(name=roles.ADMINISTRATORS)
    assert _global(administrators) >= {
        "auth.change_user",
        "auth.change_group",
        "breaking.add_breakingbanner",
    }
    assert not Permission.objects.filter(content_type__app_label="wagtaildocs").exists()


@pytest.fixture
def banner_article(db):
    return factories.published("uk", "strike", headline="Удар по Києву")


def _banner_form(article) -> dict[str, str]:
    now = timezone.localtime()
    return {
        "locale": str(Locale.objects.get(language_code="uk").pk),
        "text": "Повітряна тривога в Києві",
        "article": str(article.pk),
        "starts_at": now.strftime("%Y-%m-%d %H:%M"),
        "expires_at": (now + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "active": "on",
    }


@pytest.mark.parametrize(
    ("role", "may"),
    [
        (roles.EDITORS, True),
        (roles.ADMINISTRATORS, True),
        (roles.SECTION_EDITORS, False),
        (roles.CONTRIBUTORS, False),
    ],
)
def test_the_duty_editor_raises_and_lowers_the_banner(
    client, banner_article, role: str, may: bool
) -> None:
    sign_in(client, make_user(f"user-{role}".replace(" ", "-"), role))

    response = client.post(
        reverse("wagtailsnippets_breaking_breakingbanner:add"), _banner_form(banner_article)
    )

    assert BreakingBanner.objects.exists() is may, response.content.decode()[:2000]
    if may:
        banner = BreakingBanner.objects.get()
        lowered = {**_banner_form(banner_article)}
        del lowered["active"]
        response = client.post(
            reverse("wagtailsnippets_breaking_breakingbanner:edit", args=[banner.pk]), lowered
        )
        banner.refresh_from_db()
        assert not banner.active
    else:
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
