"""The Late publications report: what the scheduler published late, in Kyiv time."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.test.utils import WagtailTestUtils

from newsdesk.publishing import actions
from newsdesk.publishing.actions import LATE_ACTION
from newsdesk.testing.factories import sign_in

REPORT = "editorial:late_publications"


def late_entry(article, *, scheduled_for: dt.datetime, published_at: dt.datetime) -> None:
    entry = log(
        instance=article,
        action=LATE_ACTION,
        data={
            "scheduled_for": scheduled_for.isoformat(),
            "late_by_seconds": int((published_at - scheduled_for).total_seconds()),
        },
    )
    ModelLogEntry.objects.filter(pk=entry.pk).update(timestamp=published_at)


@pytest.mark.dated
def test_the_scheduler_records_a_late_publication_that_the_report_shows(
    client, editor, make_article, war
) -> None:
    article = make_article(war, headline="Нічна атака дронів")
    article.go_live_at = timezone.now() + dt.timedelta(hours=1)
    revision = actions.schedule(article=article, go_live_at=article.go_live_at)
    # The scheduler was down: the publication fell due on 12 February 2025, 22:00 in Kyiv.
    due = dt.datetime(2025, 2, 12, 20, 0, tzinfo=dt.UTC)
    type(revision).objects.filter(pk=revision.pk).update(approved_go_live_at=due)

    report = actions.publish_due()
    sign_in(client, editor)
    response = client.get(reverse(REPORT))

    assert report.late
    page = response.content.decode()
    assert "Нічна атака дронів" in page
    assert "12 February 2025, 22:00" in page


def test_the_report_lists_newest_first_with_kyiv_times_and_delays(
    client, editor, make_article, war
) -> None:
    older = make_article(war, headline="Ранкове зведення", live=True)
    newer = make_article(war, headline="Вечірнє зведення", live=True)
    summer_morning = dt.datetime(2025, 7, 1, 9, 0, tzinfo=dt.UTC)
    late_entry(
        older,
        scheduled_for=summer_morning,
        published_at=summer_morning + dt.timedelta(seconds=330),
    )
    late_entry(
        newer,
        scheduled_for=summer_morning + dt.timedelta(hours=8),
        published_at=summer_morning + dt.timedelta(hours=10, minutes=5),
    )
    sign_in(client, editor)

    response = client.get(reverse(REPORT))

    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in WagtailTestUtils.get_soup(response.content).select("table tbody tr")
    ]
    assert rows == [
        ["Вечірнє зведення", "1 July 2025, 20:00", "1 July 2025, 22:05", "2 h 5 min"],
        ["Ранкове зведення", "1 July 2025, 12:00", "1 July 2025, 12:05", "5 min 30 s"],
    ]


def test_the_report_is_for_those_who_publish(client, editor, contributor) -> None:
    sign_in(client, contributor)
    denied = client.get(reverse(REPORT))
    contributor_home = client.get(reverse("wagtailadmin_home")).content.decode()
    sign_in(client, editor)
    editor_home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert denied.status_code == 302
    assert denied.url == reverse("wagtailadmin_home")
    assert "Late publications" not in contributor_home
    assert "Late publications" in editor_home


def test_a_section_editor_sees_only_their_sections(
    client, war_editor, make_article, war, politics
) -> None:
    mine = make_article(war, headline="Фронт: зведення", live=True)
    theirs = make_article(politics, headline="Парламент: голосування", live=True)
    moment = dt.datetime(2025, 7, 1, 9, 0, tzinfo=dt.UTC)
    for article in (mine, theirs):
        late_entry(article, scheduled_for=moment, published_at=moment + dt.timedelta(minutes=3))
    sign_in(client, war_editor)

    page = client.get(reverse(REPORT)).content.decode()

    assert mine.headline in page
    assert theirs.headline not in page
