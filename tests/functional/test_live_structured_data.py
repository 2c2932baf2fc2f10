"""LiveBlogPosting JSON-LD of a live article, as extruct reads it."""

from __future__ import annotations

import extruct
import pytest

from newsdesk.articles.models import LIVE, Article
from newsdesk.editions import kyiv
from newsdesk.live.models import LiveUpdate
from newsdesk.publishing.live import end_live_coverage
from newsdesk.site.presentation import absolute

# The shared demo newsroom's size (see the root conftest).
DEMO_ARTICLES = 4


def _live_blog(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    found = extruct.extract(
        response.content.decode(), base_url="http://testserver" + url, syntaxes=["json-ld"]
    )["json-ld"]
    blogs = [item for item in found if item.get("@type") == "LiveBlogPosting"]
    assert len(blogs) == 1, found
    return blogs[0]


@pytest.mark.django_db
def test_live_article_carries_live_blog_posting_with_its_updates(client, demo_newsroom):
    for edition in ("uk", "en"):
        article = Article.objects.get(locale__language_code=edition, coverage=LIVE)
        blog = _live_blog(client, article.get_url())
        assert blog["headline"] == article.headline
        assert blog["inLanguage"] == edition
        started = kyiv(article.first_published_at).isoformat(timespec="seconds")
        assert blog["coverageStartTime"] == started
        assert "coverageEndTime" not in blog
        updates = blog["liveBlogUpdate"]
        assert len(updates) == LiveUpdate.objects.filter(article=article).count() >= 10
        stamps = [update["datePublished"] for update in updates]
        assert stamps == sorted(stamps, reverse=True), "newest first"
        for update in updates:
            assert update["@type"] == "BlogPosting"
            assert update["headline"] and update["articleBody"] and update["author"]["name"]
            assert "<" not in update["articleBody"], "plain text, no markup"
            assert update["url"].startswith(absolute(f"{article.get_url()}#update-"))
        assert blog["dateModified"] == stamps[0]

        end_live_coverage(article=article)
        ended = _live_blog(client, article.get_url())
        assert ended["coverageEndTime"] == stamps[0]


@pytest.mark.django_db
def test_ordinary_articles_carry_no_live_blog_posting(client, demo_newsroom):
    article = Article.objects.published().exclude(coverage=LIVE).first()
    html = client.get(article.get_url()).content.decode()
    found = extruct.extract(html, base_url="http://testserver/", syntaxes=["json-ld"])["json-ld"]
    assert "LiveBlogPosting" not in {item.get("@type") for item in found}
