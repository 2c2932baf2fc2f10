"""The article listing: Kyiv times, filters, and its queries."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils

from newsdesk.articles import labels
from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.testing.factories import sign_in

LIST = "wagtailsnippets_articles_article:list"


def rows(response) -> list[str]:
    soup = WagtailTestUtils.get_soup(response.content)
    return [row.get_text(" ", strip=True) for row in soup.select("table tbody tr")]


def test_first_publication_is_shown_in_kyiv_time(client, editor, make_article, war) -> None:
    article = make_article(war, headline="Нічна атака дронів", live=True)
    # 20:00 UTC in winter is 22:00 in Kyiv.
    winter_evening = dt.datetime(2025, 2, 12, 20, 0, tzinfo=dt.UTC)
    Article.objects.filter(pk=article.pk).update(first_published_at=winter_evening)
    sign_in(client, editor)

    response = client.get(reverse(LIST))

    [row] = rows(response)
    headers = WagtailTestUtils.get_soup(response.content).select("table thead th")
    assert [th.get_text(" ", strip=True) for th in headers][1:] == [
        "Headline",
        "Section",
        "Edition",
        "Status",
        "First published, Kyiv time",
        "Last saved",
    ]
    assert "Нічна атака дронів" in row
    assert "Війна" in row
    assert "12 February 2025, 22:00" in row


def test_newest_first_and_filtered_by_label_and_edition(
    client, editor, make_article, war, war_en
) -> None:
    opinion = make_article(war, headline="Колонка: чому це важливо")
    Article.objects.filter(pk=opinion.pk).update(labels=[labels.OPINION])
    make_article(war, headline="Звичайна новина")
    make_article(war_en, headline="An English story")
    sign_in(client, editor)

    everything = rows(client.get(reverse(LIST)))
    opinions = rows(client.get(reverse(LIST), {"labels": labels.OPINION}))
    english = rows(client.get(reverse(LIST), {"locale": "en"}))

    assert [r.split(" ")[0] for r in everything] == ["An", "Звичайна", "Колонка:"]
    assert len(opinions) == 1 and "Колонка" in opinions[0]
    assert len(english) == 1 and "An English story" in english[0]


def test_the_listing_queries_per_row_only_for_the_translate_button(
    client, editor, make_article, war
) -> None:
    sign_in(client, editor)

    def queries_with(count: int) -> int:
        while Article.objects.count() < count:
            make_article(war, live=Article.objects.count() % 2 == 0)
        client.get(reverse(LIST))  # warm: what the admin caches on first use is not per row
        with CaptureQueriesContext(connection) as captured:
            assert len(rows(client.get(reverse(LIST)))) == count
        return len(captured)

    # wagtail.contrib.simple_translation asks, for each row, whether an edition still lacks
    # a translation (one indexed lookup); everything else, status included, is per page.
    few, many = queries_with(2), queries_with(6)
    assert many - few == 4


def test_status_column_shows_schedule_and_review(
    client, editor, contributor, make_article, war
) -> None:
    live = make_article(war, headline="Опубліковано", live=True)
    scheduled = make_article(war, headline="Заплановано")
    actions.schedule(article=scheduled, go_live_at=timezone.now() + dt.timedelta(hours=2))
    in_review = make_article(war, headline="Розслідування: чернетка")
    in_review.get_workflow().start(in_review, contributor)
    sign_in(client, editor)

    listed = rows(client.get(reverse(LIST)))

    def status_of(article: Article) -> str:
        [row] = [row for row in listed if row.startswith(article.headline)]
        return row

    assert " live " in status_of(live)
    assert " scheduled " in status_of(scheduled)
    assert " in moderation " in status_of(in_review)
