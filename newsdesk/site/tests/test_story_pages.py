"""The story page (coverage, timeline, claims by source, figures chart), its JSON and CSV
exports, and a timeline embedded in an article, on the demo's story in both editions."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from newsdesk.articles.models import Article
from newsdesk.frontcache import fragments
from newsdesk.publishing import actions
from newsdesk.site import article_page, figures_chart, timelines
from newsdesk.stories.models import Story, TimelineEntry
from newsdesk_demo.stories import LINES, STORY_KEY

from .conftest import Page
from .test_pages import STRICT_TEMPLATES, assert_clean

# Warm: the items are kept (decision 0058), so rows and renditions are read only for a
# page with an item not yet kept.
STORY_PAGE_QUERIES = 3  # story + twin slug, feed heads, timeline entries


# The shared demo newsroom's size (see the root conftest).
DEMO_ARTICLES = 40


def _story(edition: str) -> Story:
    return Story.objects.get(translation_key=STORY_KEY, locale__language_code=edition)


def _url(name: str, story: Story) -> str:
    return reverse(f"site:{name}", kwargs={"edition": story.edition, "slug": story.slug})


@pytest.fixture
def loaded(demo_newsroom):
    """The module\'s demo newsroom, under the name these tests know it by."""


@pytest.mark.parametrize("edition", ["uk", "en"])
@override_settings(TEMPLATES=STRICT_TEMPLATES)
def test_story_page_shows_coverage_timeline_claims_and_figures(client, loaded, edition):
    story = _story(edition)
    articles = list(Article.objects.published().in_edition(edition).in_story(story))
    assert len(articles) >= 2, "the demo files several articles under the story"
    response = client.get(_url("story", story))
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    page = assert_clean(response, story.get_url(), edition)
    html = page.html

    feed = {a["href"] for a in page.anchors if a.get("class") == "feed-link"}
    assert feed == {article.get_url() for article in articles}

    entries = list(TimelineEntry.objects.filter(story=story).order_by("occurred_on"))
    assert len(entries) == len(LINES) >= 8
    assert html.count('class="timeline-entry"') == len(entries)
    timeline = html[html.index('id="timeline"') : html.index('id="claims"')]
    positions = [timeline.index(escape(entry.statement)) for entry in entries]
    assert positions == sorted(positions), "oldest first"
    with translation.override(edition):
        assert str(dict(TimelineEntry.STATUSES)["denied"]) in timeline

    claims = html[html.index('id="claims"') : html.index('id="figures"')]
    speakers = {entry.speaker for entry in entries}
    headings = re.findall(r'<h3 class="claims-source-name"[^>]*>([^<]+)', claims)
    assert {h.strip() for h in headings} == speakers
    most = max(speakers, key=lambda s: sum(e.speaker == s for e in entries))
    assert headings[0].strip() == most, "the most quoted source comes first"

    figures = html[html.index('id="figures"') :]
    charts = re.findall(r"<svg [^>]*>", figures)
    assert len(charts) == 2, "troops and casualties each get their own chart"
    for svg in charts:
        assert 'role="img"' in svg and "aria-labelledby" in svg
        for ident in re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split():
            assert f'id="{ident}"' in figures
    assert figures.count("<title id=") == 2 and figures.count("<desc id=") == 2
    assert figures.count('<table class="chart-data">') == 2
    troops = [e for e in entries if e.figure is not None and e.status != "denied"]
    assert figures.count("<tr><td>") == len(troops)

    alternates = page.alternates()
    twin = _story("en" if edition == "uk" else "uk")
    assert alternates["en" if edition == "uk" else "uk"].endswith(twin.get_url())
    feeds = [link["href"] for link in page.links if link.get("type") == "application/rss+xml"]
    assert f"{story.get_url()}rss.xml" in feeds
    ld = [json.loads(s) for s in re.findall(r'ld\+json">(.+?)</script>', html, re.S)]
    assert any(block.get("@type") == "BreadcrumbList" for block in ld)


def test_story_feed_leaves_out_an_unpublished_article(client, loaded):
    story = _story("en")
    articles = list(Article.objects.published().in_edition("en").in_story(story).newest_first())
    withdrawn = articles[0]
    actions.unpublish(article=withdrawn)
    page = Page(client.get(_url("story", story)).content.decode())
    feed = {a["href"] for a in page.anchors if a.get("class") == "feed-link"}
    assert withdrawn.get_url() not in feed
    assert {a.get_url() for a in articles[1:]} <= feed


def test_story_page_costs_a_fixed_number_of_queries(client, loaded, django_assert_num_queries):
    story = _story("uk")
    url = _url("story", story)
    client.get(url)  # warm the navigation cache and renditions
    with django_assert_num_queries(STORY_PAGE_QUERIES):
        client.get(url)
    first = TimelineEntry.objects.filter(story=story).first()
    for n in range(20):
        first.pk = None
        first.statement = f"Another entry {n}."
        first.save()
    with django_assert_num_queries(STORY_PAGE_QUERIES):
        client.get(url)
    with django_assert_num_queries(2):
        client.get(_url("story_timeline_json", story))


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_exports_parse_back_to_the_timeline(client, loaded, edition, settings):
    story = _story(edition)
    response = client.get(_url("story_timeline_json", story))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    document = json.loads(response.content)
    assert document["story"]["title"] == story.title
    entries = document["entries"]
    stored = list(TimelineEntry.objects.filter(story=story).chronological())
    assert [e["statement"] for e in entries] == [e.statement for e in stored]
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    figures = [(e["figure"], e["unit"]) for e in entries if e["figure"] is not None]
    assert len(figures) == sum(line.figure is not None for line in LINES)
    assert all(isinstance(value, int) and unit for value, unit in figures)
    for entry in entries:
        assert entry["precision"] in ("day", "minute")
        assert (entry["time"] is None) == (entry["precision"] == "day")
        assert entry["source_url"].startswith("https://")
        assert entry["status"] in {"confirmed", "claimed", "disputed", "denied"}
    reported = [e["article_url"] for e in entries if e["article_url"]]
    assert reported and all(
        url.startswith(f"{settings.BASE_URL}/{edition}/news/") for url in reported
    )

    csv_response = client.get(_url("story_timeline_csv", story))
    assert csv_response.status_code == 200
    assert csv_response["Content-Type"].startswith("text/csv")
    assert "attachment" in csv_response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(csv_response.content.decode("utf-8"))))
    assert len(rows) == len(entries)
    for row, entry in zip(rows, entries, strict=True):
        assert row["date"] == entry["date"]
        assert row["statement"] == entry["statement"]
        assert row["speaker"] == entry["speaker"]
        assert row["figure"] == ("" if entry["figure"] is None else str(entry["figure"]))
        assert row["status"] == entry["status"]


def test_exports_leave_out_a_link_to_an_unpublished_article(client, loaded):
    story = _story("en")
    reported = TimelineEntry.objects.filter(story=story, article__isnull=False).first()
    actions.unpublish(article=reported.article)
    document = json.loads(client.get(_url("story_timeline_json", story)).content)
    entry = next(e for e in document["entries"] if e["statement"] == reported.statement)
    assert entry["article_url"] is None


def test_unknown_or_other_edition_story_is_not_found(client, loaded):
    uk = _story("uk")
    for name in ("story", "story_timeline_json", "story_timeline_csv"):
        assert (
            client.get(
                reverse(f"site:{name}", kwargs={"edition": "uk", "slug": "nope"})
            ).status_code
            == 404
        )
        if uk.slug != _story("en").slug:
            other = reverse(f"site:{name}", kwargs={"edition": "en", "slug": uk.slug})
            assert client.get(other).status_code == 404, name


def _embedding_article(edition: str) -> Article:
    story = _story(edition)
    for article in Article.objects.published().in_edition(edition).in_story(story):
        if any(block["type"] == "timeline" for block in article.body.raw_data):
            return article
    raise AssertionError("the demo embeds the timeline in one article")


@pytest.mark.parametrize("edition", ["uk", "en"])
@override_settings(TEMPLATES=STRICT_TEMPLATES)
def test_article_embeds_the_timeline_as_background_within_budget(client, loaded, edition):
    article = _embedding_article(edition)
    story = _story(edition)
    url = article.get_url()
    client.get(url)  # renditions made on first use are not part of the budget
    # The kept page and body are dropped (navigation and banner stay cached): the page is
    # built anew, its timeline loaded in one query.
    head = article_page.load_head(edition, article.slug)
    cache.delete_many(
        [
            fragments.PREFIX + article_page.page_name(head, edition),
            fragments.PREFIX + fragments.body_name("reader", head),
        ]
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert len(queries) <= 8
    assert sum("stories_timelineentry" in q["sql"] for q in queries.captured_queries) == 1
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url).content == response.content
    assert not [q for q in warm.captured_queries if "stories_timelineentry" in q["sql"]]
    page = assert_clean(response, url, edition)
    assert 'class="background timeline-embed"' in page.html
    for entry in TimelineEntry.objects.filter(story=story):
        assert escape(entry.statement) in page.html
    assert f'<a href="{story.get_url()}">{escape(story.title)}</a>' in page.html


def test_embedded_range_shows_only_its_dates_and_other_articles_pay_nothing(client, loaded):
    article = _embedding_article("en")
    story = _story("en")
    entries = list(TimelineEntry.objects.filter(story=story).chronological())
    start, end = entries[2].occurred_on, entries[5].occurred_on
    body = [b for b in article.body.raw_data if b["type"] != "timeline"]
    body.append(
        {
            "type": "timeline",
            "value": {"story": story.pk, "start": start.isoformat(), "end": end.isoformat()},
        }
    )
    article.body = body
    actions.publish(article=article)
    html = client.get(article.get_url()).content.decode()
    shown = [e for e in entries if escape(e.statement) in html]
    assert shown == [e for e in entries if start <= e.occurred_on <= end]

    plain = (
        Article.objects.published().in_edition("en").exclude(pk=article.pk).newest_first().first()
    )
    client.get(plain.get_url())
    with CaptureQueriesContext(connection) as queries:
        client.get(plain.get_url())
    assert not [q for q in queries.captured_queries if "stories_timelineentry" in q["sql"]]


def _row(day: dt.date, speaker: str, figure: int, unit: str = "troops") -> SimpleNamespace:
    return SimpleNamespace(
        day=day,
        when=day.isoformat(),
        iso=day.isoformat(),
        speaker=speaker,
        figure=str(figure),
        figure_value=Decimal(figure),
        unit=unit,
        status="claimed",
        status_name="Claimed",
    )


def test_chart_of_a_single_point_sits_in_the_middle_with_a_round_axis():
    today = timezone.now().date()
    with translation.override("en"):
        (chart,) = figures_chart.charts([_row(today, "Agency", 11000)], number=timelines.number)
    (series,) = chart.series
    (point,) = series.points
    assert point.x == (chart.left + chart.right) / 2
    assert chart.y_ticks[-1].label == "20,000"
    assert chart.bottom > point.y > chart.top
    assert len(chart.x_ticks) == 1


def test_charts_split_by_unit_and_series_by_source():
    day = dt.date(2025, 1, 1)
    rows = [
        _row(day, "A", 3000),
        _row(day + dt.timedelta(days=30), "B", 10000),
        _row(day + dt.timedelta(days=60), "A", 11000),
        _row(day + dt.timedelta(days=90), "A", 4000, "casualties"),
    ]
    with translation.override("uk"):
        charts = figures_chart.charts(rows, number=timelines.number)
        assert timelines.number(Decimal(11000)) == "11\xa0000"
    assert [c.unit for c in charts] == ["troops", "casualties"]
    troops = charts[0]
    assert [s.name for s in troops.series] == ["A", "B"]
    assert [len(s.points) for s in troops.series] == [2, 1]
    first, last = troops.series[0].points
    assert first.x == troops.left and last.x == troops.right
    assert first.y > last.y, "a larger figure is drawn higher"


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x.example/","Open")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\tX",
        "\r=1",
    ],
)
def test_the_csv_export_neutralises_cells_a_spreadsheet_would_run(client, loaded, text):
    story = _story("en")
    entry = TimelineEntry.objects.filter(story=story, figure__isnull=False).first()
    entry.pk = None
    entry.statement = text
    entry.speaker = text
    entry.figure = -12
    entry.save()

    response = client.get(_url("story_timeline_csv", story))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    hostile = [row for row in rows if row["statement"].endswith(text)]
    assert len(hostile) == 1
    assert hostile[0]["statement"] == "'" + text
    assert hostile[0]["speaker"] == "'" + text
    assert hostile[0]["figure"] == "-12"  # a number stays a number
    assert all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row.values())
