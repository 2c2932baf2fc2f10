"""RSS and Atom feeds of a story, read by feedparser: the story's published articles only."""

from __future__ import annotations

import feedparser
import pytest
from django.urls import reverse

from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.stories.models import Story
from newsdesk_demo.stories import STORY_KEY

# The shared demo newsroom's size (see the root conftest).
DEMO_ARTICLES = 40


@pytest.mark.parametrize("edition", ["uk", "en"])
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_story_feed_lists_the_story_articles_and_nothing_else(
    client, demo_newsroom, edition, kind, settings
):
    story = Story.objects.get(translation_key=STORY_KEY, locale__language_code=edition)
    articles = list(Article.objects.published().in_edition(edition).in_story(story))
    withdrawn = articles.pop()
    actions.unpublish(article=withdrawn)
    url = reverse(f"syndication:story_{kind}", kwargs={"edition": edition, "slug": story.slug})
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert story.title in parsed.feed.title
    assert parsed.feed.link == f"{settings.BASE_URL}{story.get_url()}"
    links = {entry.link for entry in parsed.entries}
    assert links == {f"{settings.BASE_URL}{article.get_url()}" for article in articles}
    assert f"{settings.BASE_URL}{withdrawn.get_url()}" not in links


def test_story_feed_of_an_unknown_or_other_edition_story_is_not_found(client, demo_newsroom):
    uk = Story.objects.get(translation_key=STORY_KEY, locale__language_code="uk")
    for kind in ("rss", "atom"):
        missing = reverse(f"syndication:story_{kind}", kwargs={"edition": "uk", "slug": "nope"})
        assert client.get(missing).status_code == 404
        other = reverse(f"syndication:story_{kind}", kwargs={"edition": "en", "slug": uk.slug})
        assert client.get(other).status_code == 404
