""" "Read also": editors' picks, then same story, shared tags, same section, newest first;
only published articles of the edition, never the article itself, in one query."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Locale

from newsdesk.articles.models import Article, ReadAlsoPick
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.site import read_also
from newsdesk.stories.models import Story
from newsdesk.taxonomy.models import Tag
from newsdesk.testing import factories

from .conftest import Page


@pytest.fixture
def newsroom(db):
    uk = Locale.objects.get(language_code="uk")
    war = Section.objects.create(locale=uk, name="Війна", slug="war")
    economy = Section.objects.create(locale=uk, name="Економіка", slug="economy")
    author = Author.objects.create(locale=uk, name="Олена Коваль", slug="olena-koval")
    story = Story.objects.create(locale=uk, title="Обстріли Харкова", slug="kharkiv")
    drones = Tag.objects.create(locale=uk, name="Дрони", slug="drones")
    return {
        "uk": uk,
        "war": war,
        "economy": economy,
        "author": author,
        "story": story,
        "drones": drones,
    }


def publish(
    newsroom, slug: str, *, section=None, story=None, tags=(), live=True, hours_ago: float = 0
) -> Article:
    fields = {
        "headline": f"Заголовок {slug}",
        "lead": "",
        "in_section": section or newsroom["economy"],
        "story": story,
        "tags": tags,
        "authors": [newsroom["author"]],
    }
    if not live:
        return factories.draft("uk", slug, **fields)
    moment = timezone.now() - dt.timedelta(hours=hours_ago + 1)
    return factories.published("uk", slug, at=moment, **fields)


def ranked(article: Article, linked: set[int] | None = None):
    article = Article.objects.for_article_page().get(pk=article.pk)
    tags = [tag.pk for tag in article.tags.all()]
    return read_also.related_and_linked(article, "uk", tags, linked or set())


def slugs(rows) -> list[str]:
    return [row.slug for row in rows]


def test_picks_then_story_then_tags_then_section_newest_first(
    newsroom, django_assert_max_num_queries
):
    war, story, drones = newsroom["war"], newsroom["story"], newsroom["drones"]
    base = publish(newsroom, "base", section=war, story=story, tags=[drones], hours_ago=0)
    publish(newsroom, "section-old", section=war, hours_ago=5)
    publish(newsroom, "section-new", section=war, hours_ago=1)
    publish(newsroom, "tag", tags=[drones], hours_ago=4)
    publish(newsroom, "story-old", story=story, hours_ago=9)
    publish(newsroom, "story-new", story=story, tags=[drones], section=war, hours_ago=2)
    publish(newsroom, "unrelated", hours_ago=0.5)
    picked = publish(newsroom, "picked", hours_ago=30)
    ReadAlsoPick.objects.create(article=base, target=picked, sort_order=0)

    article = Article.objects.for_article_page().get(pk=base.pk)
    tags = [tag.pk for tag in article.tags.all()]

    with django_assert_max_num_queries(2):
        related, linked = read_also.related_and_linked(article, "uk", tags, set())

    assert slugs(related) == ["picked", "story-new", "story-old", "tag", "section-new"]
    assert linked == {}


def test_never_itself_nor_unpublished_nor_expired_nor_twice(newsroom):
    war, drones = newsroom["war"], newsroom["drones"]
    base = publish(newsroom, "base", section=war, tags=[drones])
    publish(newsroom, "draft", section=war, live=False)
    expired = publish(newsroom, "expired", section=war, tags=[drones], hours_ago=1)
    Article.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=1))
    both = publish(newsroom, "both", section=war, tags=[drones], hours_ago=2)
    ReadAlsoPick.objects.create(article=base, target=both, sort_order=0)
    draft_pick = Article.objects.get(slug="draft")
    ReadAlsoPick.objects.create(article=base, target=draft_pick, sort_order=1)

    related, _linked = ranked(base)

    assert slugs(related) == ["both"]


def test_at_most_five_and_editors_order_is_kept(newsroom):
    war = newsroom["war"]
    base = publish(newsroom, "base", section=war)
    picks = [publish(newsroom, f"pick-{n}", hours_ago=n) for n in range(3)]
    for order, target in enumerate(reversed(picks)):
        ReadAlsoPick.objects.create(article=base, target=target, sort_order=order)
    for n in range(6):
        publish(newsroom, f"section-{n}", section=war, hours_ago=n)

    related, _linked = ranked(base)

    assert slugs(related) == ["pick-2", "pick-1", "pick-0", "section-0", "section-1"]
    assert len(related) == read_also.RELATED_LIMIT


def test_body_read_also_targets_load_in_the_same_query(newsroom, django_assert_num_queries):
    war = newsroom["war"]
    base = publish(newsroom, "base", section=war)
    far = publish(newsroom, "far-away", hours_ago=100)
    draft = publish(newsroom, "unseen", live=False)
    for n in range(6):
        publish(newsroom, f"section-{n}", section=war, hours_ago=n)
    article = Article.objects.for_article_page().get(pk=base.pk)
    list(article.tags.all())

    with django_assert_num_queries(1):
        related, linked = read_also.related_and_linked(article, "uk", [], {far.pk, draft.pk})

    assert set(linked) == {far.pk}
    assert "far-away" not in slugs(related) and len(related) == 5


def test_the_article_page_shows_the_ranking(client, newsroom):
    war, story = newsroom["war"], newsroom["story"]
    base = publish(newsroom, "base", section=war, story=story)
    publish(newsroom, "same-section", section=war, hours_ago=1)
    publish(newsroom, "same-story", story=story, hours_ago=3)

    page = Page(client.get(base.get_url()).content.decode())

    hrefs = [a["href"] for a in page.anchors]
    story_at = hrefs.index("/uk/news/same-story/")
    section_at = hrefs.index("/uk/news/same-section/")
    assert story_at < section_at
