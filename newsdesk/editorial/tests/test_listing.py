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
from newsdesk.editorial.viewsets import ArticleViewSet
from newsdesk.publishing import actions
from newsdesk.testing import factories
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
        "Labels",
        "Byline",
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


def test_the_listing_queries_nothing_per_row(client, editor, make_article, war) -> None:
    sign_in(client, editor)

    def queries_with(count: int) -> int:
        while Article.objects.count() < count:
            make_article(war, live=Article.objects.count() % 2 == 0)
        client.get(reverse(LIST))  # warm: what the admin caches on first use is not per row
        with CaptureQueriesContext(connection) as captured:
            assert len(rows(client.get(reverse(LIST)))) == count
        return len(captured)

    # Status, bylines and the Translate action (one question for the page, not
    # simple_translation's per row): decision 0050, and test_table.py at 12 and 60 rows.
    assert queries_with(2) == queries_with(6)


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


# The desk's listing (decision 0039) ------------------------------------------------------


def _published(make_article, capture, section, **kwargs) -> Article:
    """Published with the on-commit receivers run, so the search index holds it."""
    with capture(execute=True):
        return make_article(section, live=True, **kwargs)


def test_labels_and_byline_have_their_columns(client, editor, make_article, war) -> None:
    article = make_article(war, headline="Колонка редактора")
    Article.objects.filter(pk=article.pk).update(labels=[labels.OPINION, labels.EXCLUSIVE])
    sign_in(client, editor)

    [row] = rows(client.get(reverse(LIST)))

    assert "Opinion, Exclusive" in row
    assert "Олена Коваль" in row


def test_search_folds_ukrainian_case_through_the_sites_index(
    client, editor, make_article, war, django_capture_on_commit_callbacks
) -> None:
    from wagtail.search.models import IndexEntry

    published = _published(
        make_article, django_capture_on_commit_callbacks, war, headline="Харків під обстрілом"
    )
    draft = make_article(war, headline=f"{'Харків'.upper()}: чернетка про метро")
    make_article(war, headline="Одеса без світла")
    # Wagtail's own index is what a bulk load leaves empty: the listing must not need it.
    IndexEntry.objects.all().delete()
    sign_in(client, editor)

    found = rows(client.get(reverse(LIST), {"q": "харків"}))

    assert sorted(found) == sorted(
        row for row in found if published.headline in row or draft.headline in row
    )
    assert len(found) == 2
    # Other forms of the word share its key (decision 0008).
    assert len(rows(client.get(reverse(LIST), {"q": "Харкова"}))) == 2


def test_search_finds_by_id_slug_and_address(client, editor, make_article, war) -> None:
    article = make_article(war, headline="Енергетика", slug="grid-repairs")
    make_article(war, headline="Інше")
    sign_in(client, editor)

    for query in (str(article.pk), "grid-repairs", "https://news.example/uk/news/grid-repairs/"):
        found = rows(client.get(reverse(LIST), {"q": query}))
        assert len(found) == 1 and "Енергетика" in found[0], query


def test_search_with_nothing_to_find_lists_nothing(client, editor, make_article, war) -> None:
    make_article(war, headline="Енергетика")
    sign_in(client, editor)

    for query in ("%", "'; DROP TABLE", "x" * 5000):
        response = client.get(reverse(LIST), {"q": query})
        assert response.status_code == 200
        assert rows(response) == [], query


def test_status_filters(client, editor, contributor, make_article, war) -> None:
    live = make_article(war, headline="Опубліковано", live=True)
    changed = make_article(war, headline="Змінено після виходу", live=True)
    changed.lead = "Нова версія"
    actions.save_draft(article=changed)
    scheduled = make_article(war, headline="Заплановано")
    actions.schedule(article=scheduled, go_live_at=timezone.now() + dt.timedelta(hours=2))
    in_review = make_article(war, headline="Розгляд редактора")
    in_review.get_workflow().start(in_review, contributor)
    draft = make_article(war, headline="Чернетка")
    sign_in(client, editor)

    def listed(state: str) -> list[str]:
        return [row.split(" ")[0] for row in rows(client.get(reverse(LIST), {"state": state}))]

    assert listed("scheduled") == [scheduled.headline.split(" ")[0]]
    assert listed("review") == [in_review.headline.split(" ")[0]]
    assert listed("changed") == [changed.headline.split(" ")[0]]
    assert listed("draft") == [draft.headline, in_review.headline.split(" ")[0]]
    assert set(listed("live")) == {live.headline, changed.headline.split(" ")[0]}


def test_mine_author_and_date_range(
    client, editor, contributor, make_article, war, reporter, uk
) -> None:
    from newsdesk.people.models import Author

    other = Author.objects.create(locale=uk, name="Іван Петренко", slug="ivan")
    mine = factories.article("uk", headline="Моя замітка", in_section=war, authors=[other])
    actions.save_draft(article=mine, user=editor)
    old = make_article(war, headline="Давня", live=True)
    Article.objects.filter(pk=old.pk).update(
        first_published_at=timezone.now() - dt.timedelta(days=30)
    )
    make_article(war, headline="Сьогоднішня", live=True)
    sign_in(client, editor)

    def listed(**params) -> list[str]:
        return [row.split(" ")[0] for row in rows(client.get(reverse(LIST), params))]

    assert listed(mine="on") == ["Моя"]
    assert listed(author="іван") == ["Моя"]
    assert set(listed(author=reporter.name.upper())) == {"Давня", "Сьогоднішня"}
    assert listed(author="%") == []
    day = (timezone.now() - dt.timedelta(days=30)).date()
    start, end = day - dt.timedelta(days=1), day + dt.timedelta(days=1)
    assert listed(published_from=start.isoformat(), published_to=end.isoformat()) == ["Давня"]


def test_sections_of_one_edition_at_a_time(client, editor, war, politics, war_en) -> None:
    sign_in(client, editor)

    def offered(**params) -> list[str]:
        soup = WagtailTestUtils.get_soup(client.get(reverse(LIST), params).content)
        return [o.get_text(strip=True) for o in soup.select("select[name=section] option")]

    def groups() -> list[str]:
        soup = WagtailTestUtils.get_soup(client.get(reverse(LIST)).content)
        return [g["label"] for g in soup.select("select[name=section] optgroup")]

    assert set(offered(locale="en")) == {"", "---------", war_en.name} - {""} or set(
        offered(locale="en")
    ) >= {war_en.name}
    assert war.name not in offered(locale="en")
    assert war_en.name not in offered(locale="uk")
    assert len(groups()) == 2


def test_deep_pages_go_by_keyset_at_a_fixed_cost(client, editor, make_article, war) -> None:
    size = ArticleViewSet.list_per_page
    make_article(war, headline="Стаття перша")
    # Rows as a bulk load writes them: the listing must page them all the same.
    Article.objects.bulk_create(
        Article(locale=war.locale, section=war, slug=f"bulk-{n}", headline=f"Стаття {n}")
        for n in range(2 * size + 5)
    )
    sign_in(client, editor)
    ids = list(Article.objects.order_by("-pk").values_list("pk", flat=True))

    def page(**params) -> tuple[list[str], int, list[str]]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse(LIST), params)
        sql = [query["sql"] for query in captured.captured_queries]
        return [row.split(" ")[1] for row in rows(response)], len(captured), sql

    client.get(reverse(LIST))  # warm
    top, top_cost, _ = page()
    second, second_cost, sql = page(after=ids[size - 1])
    last, _, _ = page(after=ids[2 * size - 1])
    newer, _, _ = page(before=ids[size])
    assert top == [str(n) for n in range(2 * size + 4, size + 4, -1)]
    assert second == [str(n) for n in range(size + 4, 4, -1)]
    assert last == [str(n) for n in range(4, -1, -1)] + ["перша"]
    assert newer == top
    # A full page deep costs what the first does (the rows' own lookups included), and
    # no query skips rows by OFFSET.
    assert second_cost == top_cost
    assert not any("OFFSET" in query.upper() for query in sql)


def test_a_bad_cursor_gives_the_first_page(client, editor, make_article, war) -> None:
    make_article(war, headline="Одна")
    sign_in(client, editor)

    for cursor in ("abc", "-5", "9" * 40, ""):
        response = client.get(reverse(LIST), {"after": cursor})
        assert response.status_code == 200
        assert len(rows(response)) == 1, cursor


def test_the_chooser_finds_archive_articles_case_insensitively(
    client, editor, make_article, war, django_capture_on_commit_callbacks
) -> None:
    from wagtail.search.models import IndexEntry

    _published(make_article, django_capture_on_commit_callbacks, war, headline="Харків вночі")
    make_article(war, headline="Одеса")
    IndexEntry.objects.all().delete()
    sign_in(client, editor)

    response = client.get(
        reverse("wagtailsnippetchoosers_articles_article:choose_results"), {"q": "харків"}
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert "Харків вночі" in text and "Одеса" not in text


def test_the_listing_links_older_and_newer_pages_and_caps_its_count(
    client, editor, make_article, war, monkeypatch
) -> None:
    from newsdesk.editorial import listing

    Article.objects.bulk_create(
        Article(locale=war.locale, section=war, slug=f"bulk-{n}", headline=f"Стаття {n}")
        for n in range(5)
    )
    monkeypatch.setattr(listing.ArticleIndexView, "get_paginate_by", lambda view, rows: 2)
    sign_in(client, editor)

    def page(url: str, **params) -> tuple[list[str], dict[str, str], str]:
        response = client.get(url, params)
        soup = WagtailTestUtils.get_soup(response.content)
        nav = soup.select_one("[data-keyset-pagination]")
        links = {a["rel"][0]: a["href"] for a in nav.select("a[href]")}
        return [r.split(" ")[1] for r in rows(response)], links, nav.p.get_text(strip=True)

    first, links, count = page(reverse(LIST))
    assert first == ["4", "3"] and set(links) == {"next"} and count == "5 articles"
    second, links, _ = page(links["next"])
    assert second == ["2", "1"] and set(links) == {"prev", "next"}
    back, _, _ = page(links["prev"])
    assert back == first

    # Past the cap the listing does not count on: a bounded scan, whatever the archive.
    monkeypatch.setattr(listing, "COUNT_CAP", 3)
    _, _, count = page(reverse(LIST))
    assert count == "More than 3 articles"
    filtered = WagtailTestUtils.get_soup(client.get(reverse(LIST), {"locale": "uk"}).content)
    assert filtered.select_one("[role=alert]").get_text(strip=True) == "More than 3 matches"


def test_the_chooser_counts_no_further_than_the_cap(
    client, editor, make_article, war, monkeypatch
) -> None:
    from newsdesk.editorial import listing

    for n in range(3):
        make_article(war, headline=f"Вибір {n}")
    monkeypatch.setattr(listing, "COUNT_CAP", 2)
    sign_in(client, editor)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("wagtailsnippetchoosers_articles_article:choose"))

    assert response.status_code == 200
    assert response.json()["html"].count("Вибір") == 3
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert counts and all("LIMIT 3" in sql.upper() for sql in counts)
