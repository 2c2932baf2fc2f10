"""The pieces pages are made of: day grouping in Kyiv time, labels, sponsored links."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import translation
from django.utils.safestring import mark_safe

from newsdesk.articles.models import Article
from newsdesk.site import presentation
from newsdesk.site.templatetags.newsdesk_site import embed_player, http_url, sponsored


def _row(pk: int, published: dt.datetime, labels=(), updated=None) -> SimpleNamespace:
    return SimpleNamespace(
        pk=pk,
        slug=f"story-{pk}",
        headline=f"Story {pk}",
        first_published_at=published,
        labels=list(labels),
        display_labels=list(labels),
        updated_at=updated,
        hero_image_id=None,
        hero_alt="",
        section=SimpleNamespace(name="War"),
    )


@pytest.mark.dated
def test_days_follow_the_kyiv_calendar():
    late = dt.datetime(2025, 2, 12, 22, 30, tzinfo=dt.UTC)  # 00:30 on the 13th in Kyiv
    early = dt.datetime(2025, 2, 12, 21, 0, tzinfo=dt.UTC)  # 23:00 on the 12th in Kyiv
    with translation.override("en"):
        rows = [_row(2, late), _row(1, early)]
        days = presentation.group_by_day(rows, lambda row: presentation.feed_item(row, "en"))
    assert [day.heading for day in days] == [
        "Thursday, 13 February 2025",
        "Wednesday, 12 February 2025",
    ]
    assert days[0].items[0].time == "00:30" and days[1].items[0].time == "23:00"


@pytest.mark.dated
def test_ukrainian_day_headers_use_the_genitive_month():
    with translation.override("uk"):
        heading = presentation.day_heading(dt.datetime(2025, 2, 12, 10, tzinfo=dt.UTC))
    assert heading == "Середа, 12 лютого 2025"


@pytest.mark.dated
def test_a_day_heading_is_in_the_language_asked_whichever_asked_first():
    """Headings are kept per language and Kyiv day: the same moment in the two editions, and
    two moments of one Kyiv day that fall on two UTC days, each get their own right words."""
    moment = dt.datetime(2025, 2, 12, 10, tzinfo=dt.UTC)
    after_midnight = dt.datetime(2025, 2, 12, 22, 30, tzinfo=dt.UTC)  # 00:30 on the 13th
    found = {}
    for language in ("uk", "en", "uk", "en"):
        with translation.override(language):
            found[language] = (
                presentation.day_heading(moment),
                presentation.day_heading(after_midnight),
            )
    assert found == {
        "uk": ("Середа, 12 лютого 2025", "Четвер, 13 лютого 2025"),
        "en": ("Wednesday, 12 February 2025", "Thursday, 13 February 2025"),
    }


def test_badges_match_the_models_label_names():
    article = Article(labels=["exclusive", "affiliate"], updated_at=dt.datetime.now(dt.UTC))
    with translation.override("en"):
        names = [badge.name for badge in presentation.badges(article)]
        assert names == [str(name) for name in article.label_names]
    assert [b.code for b in presentation.badges(article)] == ["exclusive", "affiliate", "updated"]


def test_sponsored_marks_only_outbound_links_and_escapes_plain_text():
    html = mark_safe('<a href="https://shop.example/">x</a> <a href="/uk/news/a/">y</a>')
    assert str(sponsored(html)) == (
        '<a rel="sponsored" href="https://shop.example/">x</a> <a href="/uk/news/a/">y</a>'
    )
    assert str(sponsored('<a href="https://evil.example/">')) == (
        "&lt;a href=&quot;https://evil.example/&quot;&gt;"
    )


def test_embeds_and_links_accept_only_safe_addresses():
    assert (
        embed_player("https://youtu.be/abc_DEF-123")
        == "https://www.youtube-nocookie.com/embed/abc_DEF-123"
    )
    assert embed_player("https://t.me/channel/1") == ""
    assert http_url("javascript:alert(1)") == ""
    assert http_url("https://example.org/") == "https://example.org/"
