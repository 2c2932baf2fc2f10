"""The newsroom's dashboard on the admin's home page: my drafts, awaiting my review,
scheduled next, late publications, recently published, "New article" in each edition."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils import WagtailTestUtils

from newsdesk.editorial import roles
from newsdesk.publishing import actions
from newsdesk.testing import factories

from .conftest import make_user

HOME = "wagtailadmin_home"


def _lists(response) -> dict[str, list[str]]:
    soup = WagtailTestUtils.get_soup(response.content)
    return {
        section["data-newsroom-list"]: [a.get_text(strip=True) for a in section.select("td a")]
        for section in soup.select("[data-newsroom-list]")
    }


@pytest.fixture
def desk(db, war, reporter, contributor):
    editor = make_user("desk-editor", roles.EDITORS)
    mine = factories.article("uk", "mine", headline="Моя чернетка", in_section=war)
    actions.save_draft(article=mine, user=editor)
    factories.draft("uk", "theirs", headline="Чужа чернетка", in_section=war)
    factories.scheduled(
        "uk",
        "next",
        headline="Вийде за годину",
        in_section=war,
        go_live_at=timezone.now() + dt.timedelta(hours=1),
    )
    late = factories.scheduled(
        "uk",
        "late",
        headline="Мало вийти",
        in_section=war,
        go_live_at=timezone.now() + dt.timedelta(minutes=1),
    )
    # The scheduler has not run since its time (and the tolerance) passed.
    Revision.objects.filter(object_id=str(late.pk), approved_go_live_at__isnull=False).update(
        approved_go_live_at=timezone.now() - dt.timedelta(minutes=30)
    )
    review = factories.draft("uk", "review", headline="Перевірка фактів", in_section=war)
    review.get_workflow().start(review, contributor)
    factories.published("uk", "out", headline="Вже на сайті", in_section=war)
    factories.published("en", "out-en", headline="Out in English")
    return editor


def test_the_dashboard_lists_what_the_desk_needs(client, desk) -> None:
    client.force_login(desk)

    found = _lists(client.get(reverse(HOME)))

    assert found["drafts"] == ["Моя чернетка"]
    assert found["review"] == ["Перевірка фактів"]
    assert found["scheduled"] == ["Вийде за годину"]
    assert found["late"] == ["Мало вийти"]
    assert set(found["published"]) == {"Вже на сайті", "Out in English"}


def test_new_article_in_each_edition(client, desk) -> None:
    client.force_login(desk)
    soup = WagtailTestUtils.get_soup(client.get(reverse(HOME)).content)

    links = {a["data-edition"]: a["href"] for a in soup.select("[data-newsroom-new] a")}

    add = reverse("wagtailsnippets_articles_article:add")
    assert links == {"uk": f"{add}?locale=uk", "en": f"{add}?locale=en"}


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", ["My drafts", "Late publications"]), ("uk", ["Мої чернетки", "Запізнілі публікації"])],
)
def test_the_dashboard_speaks_the_editors_language(client, db, language, expected) -> None:
    client.force_login(make_user(f"desk-{language}", roles.EDITORS, language=language))

    text = WagtailTestUtils.get_soup(client.get(reverse(HOME)).content).get_text()

    for words in expected:
        assert words in text


def test_the_dashboard_costs_the_same_with_more_articles(client, desk, war) -> None:
    client.force_login(desk)
    client.get(reverse(HOME))

    def cost() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse(HOME))
        return len(captured)

    before = cost()
    for number in range(5):
        factories.published("uk", f"more-{number}", in_section=war)
        factories.scheduled(
            "uk",
            f"later-{number}",
            in_section=war,
            go_live_at=timezone.now() + dt.timedelta(hours=2 + number),
        )
    assert cost() == before


def test_a_contributor_without_change_rights_sees_no_newsroom_panel(client, db) -> None:
    reader = make_user("visitor", language="en")
    from django.contrib.auth.models import Permission

    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)

    assert _lists(client.get(reverse(HOME))) == {}


def test_late_publications_are_for_those_who_publish(client, desk, contributor) -> None:
    client.force_login(contributor)

    found = _lists(client.get(reverse(HOME)))

    assert "late" not in found
    assert "drafts" in found
