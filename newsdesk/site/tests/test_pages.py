"""Every reader page renders, completely, in both editions: no template syntax, no raw UI
key, no "None", no empty template variable, no inline script, under the CSP."""

from __future__ import annotations

import calendar
import re
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import dateformat, translation
from django.utils.html import escape

from newsdesk.articles.models import Article, UpdateLogEntry
from newsdesk.editions import kyiv

from .conftest import RAW_KEY, Page

INVALID = "@@INVALID %s@@"
ENGINE: dict[str, Any] = settings.TEMPLATES[0]
STRICT_TEMPLATES = [{**ENGINE, "OPTIONS": {**ENGINE["OPTIONS"], "string_if_invalid": INVALID}}]
EVENT_HANDLER = re.compile(r"\son\w+\s*=", re.IGNORECASE)


# The shared demo newsroom's size (see the root conftest).
DEMO_ARTICLES = 20


def assert_clean(response, url: str, edition: str) -> Page:
    html = response.content.decode()
    page = Page(html)
    assert "@@INVALID" not in html, url
    assert "{{" not in html and "{%" not in html, url
    assert not RAW_KEY.search(page.visible_text), (url, RAW_KEY.findall(page.visible_text))
    assert not re.search(r"\bNone\b", page.visible_text), url
    assert not [value for _tag, _name, value in page.attributes if value == "None"], url
    assert f'<html lang="{edition}">' in html, url
    assert response["Content-Language"] == edition
    # Strict CSP: no inline script, no inline handlers, no javascript: links. JSON-LD
    # blocks are data, never executed.
    assert "script-src 'self'" in response["Content-Security-Policy"], url
    inline = [s for s in page.scripts if not s.get("src")]
    assert all(s.get("type") == "application/ld+json" for s in inline), url
    assert not EVENT_HANDLER.search(html), url
    assert "javascript:" not in html.lower(), url
    assert not [name for _tag, name, _value in page.attributes if name == "style"], url
    return page


@pytest.mark.parametrize("edition", ["uk", "en"])
@override_settings(TEMPLATES=STRICT_TEMPLATES, NEWSDESK_FEED_PAGE_SIZE=8)
def test_every_reader_page_renders_clean(client, demo_newsroom, pages, edition):
    where = pages(edition)
    rendered = {}
    for name, url in [
        ("home", where.home),
        ("news", where.news),
        ("article", where.article),
        ("updated article", where.updated_article),
        ("section", where.section),
        ("tag", where.tag),
        ("author", where.author),
    ]:
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        assert "public" in response["Cache-Control"]
        # Anonymous pages must not touch the session.
        assert "Cookie" not in response.get("Vary", "")
        rendered[name] = assert_clean(response, url, edition)

    more = rendered["news"].anchor("data-feed-more")["href"]
    assert "?after=" in more
    second = client.get(more)
    assert second.status_code == 200
    page_two = assert_clean(second, more, edition)
    fragment = client.get(f"{more}&fragment=1").content.decode()
    assert "@@INVALID" not in fragment and "data-feed-day" in fragment
    first_items = {a["href"] for a in rendered["news"].anchors if "/news/" in a["href"]}
    second_items = {a["href"] for a in page_two.anchors if "/news/" in a["href"]}
    assert second_items - first_items, "page 2 shows other articles"

    slug = where.updated_article.rstrip("/").rsplit("/", 1)[1]
    entry = UpdateLogEntry.objects.filter(
        article__slug=slug, article__locale__language_code=edition
    )
    assert "update-log" in rendered["updated article"].html
    assert escape(entry.first().text) in rendered["updated article"].html

    missing = client.get(f"/{edition}/no-such-page/")
    assert missing.status_code == 404
    assert_clean(missing, "404", edition)
    missing_article = client.get(f"/{edition}/news/no-such-article/")
    assert missing_article.status_code == 404
    assert_clean(missing_article, "404 article", edition)


@pytest.mark.dated
@pytest.mark.parametrize("edition", ["uk", "en"])
def test_feed_shows_day_headers_times_labels_and_thumbnails(client, demo_newsroom, edition):
    html = client.get(f"/{edition}/news/").content.decode()
    first = Article.objects.published().in_edition(edition).newest_first().first()
    assert f'href="{first.get_url()}"' in html
    with translation.override(edition):
        heading = dateformat.format(kyiv(first.first_published_at), "l, j E Y")
    assert f'class="day-heading">{heading}<' in html
    if edition == "en":
        assert heading.split(",")[0] in calendar.day_name
    stamp = kyiv(first.first_published_at).strftime("%H:%M")
    assert re.search(rf'<time class="feed-time" datetime="[^"]+">{stamp}</time>', html)
    if "<img" in html:
        thumbnail = r'<img [^>]*srcset="[^"]+ 160w, [^"]+ 320w"[^>]*width="\d+" height="\d+"'
        assert re.search(thumbnail, html)
        assert 'loading="lazy"' in html and 'decoding="async"' in html


def test_fragment_is_the_next_slice_only(client, demo_newsroom):
    with override_settings(NEWSDESK_FEED_PAGE_SIZE=5):
        page = Page(client.get("/en/news/").content.decode())
        more = page.anchor("data-feed-more")["href"]
        fragment = client.get(more + "&fragment=1")
    assert fragment.status_code == 200
    html = fragment.content.decode()
    assert "<html" not in html and "data-feed-day" in html
    assert html.count('class="feed-item"') == 5
    assert "public" in fragment["Cache-Control"]


@override_settings(NEWSDESK_FEED_PAGE_SIZE=5)
def test_home_shows_front_then_latest_news(client, demo_newsroom):
    from newsdesk.fronts.models import FrontItem

    html = client.get("/uk/").content.decode()
    placed = FrontItem.objects.filter(front__locale__language_code="uk").order_by("sort_order")
    visible = [item.article for item in placed if item.article in Article.objects.published()]
    if visible:
        assert "top-stories" in html
        assert html.index(visible[0].get_url()) < html.index('id="latest-heading"')
    assert "data-feed-more" in html
    assert 'fetchpriority="high"' in html or "top-lead" not in html


def test_root_redirects_to_the_ukrainian_edition(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/uk/"


def test_static_assets_are_one_stylesheet_and_one_deferred_script(client, demo_newsroom, pages):
    page = Page(client.get(pages("en").article).content.decode())
    stylesheets = [link for link in page.links if link.get("rel") == "stylesheet"]
    assert [s["href"] for s in stylesheets] == ["/static/site/site.css"]
    code = [s for s in page.scripts if s.get("type") != "application/ld+json"]
    assert [(s["src"], "defer" in s) for s in code] == [("/static/site/site.js", True)]


@pytest.mark.parametrize("edition", ["uk", "en"])
@override_settings(TEMPLATES=STRICT_TEMPLATES)
def test_corrections_and_live_pages_render_clean(client, demo_newsroom, edition):
    live = Article.objects.published().in_edition(edition).filter(coverage="live").first()
    assert live is not None, "the demo has a live article in each edition"
    for url in (f"/{edition}/corrections/", live.get_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_clean(response, url, edition)
