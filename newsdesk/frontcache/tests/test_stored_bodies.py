"""Article bodies are rendered once per published revision and kept until something they
show changes: a linked article, a timeline entry, an image."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from newsdesk.articles.models import Article
from newsdesk.frontcache import fragments
from newsdesk.publishing import actions
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db


def _published(article: Article) -> Article:
    return Article.objects.get(pk=article.pk)


def _stored(output: str, article: Article) -> dict:
    name = fragments.body_name(output, _published(article))
    assert name is not None
    return fragments.lookup([name])


def test_a_linked_articles_new_headline_reaches_the_stored_bodies(
    client, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    target = factories.published("en", "earlier", headline="Headline earlier", capture=capture)
    link = {"type": "read_also", "value": {"article": target.pk}}
    article = factories.published("en", "later", blocks=[link], capture=capture)
    page, api = f"/en/news/{article.slug}/", f"/api/v1/articles/{article.pk}"
    assert "Headline earlier" in client.get(page).content.decode()
    assert "Headline earlier" in client.get(api).json()["body_html"]
    assert _stored("reader", article) and _stored("partner", article)

    target.headline = "A better headline"
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=target)

    assert not _stored("reader", article) and not _stored("partner", article)
    assert "A better headline" in client.get(page).content.decode()
    assert "A better headline" in client.get(api).json()["body_html"]


def test_an_unpublished_link_leaves_the_stored_body(client, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    target = factories.published("en", "earlier", headline="Headline earlier", capture=capture)
    link = {"type": "read_also", "value": {"article": target.pk}}
    article = factories.published("en", "later", blocks=[link], capture=capture)
    client.get(f"/en/news/{article.slug}/")

    with django_capture_on_commit_callbacks(execute=True):
        actions.unpublish(article=_published(target))

    assert "Headline earlier" not in client.get(f"/en/news/{article.slug}/").content.decode()


def test_a_changed_timeline_entry_reaches_the_page_and_the_feed(
    client, django_capture_on_commit_callbacks
):
    story = factories.story("en", "troops", title="Troops in Kursk")
    statement = factories.timeline_entry(story).statement
    article = factories.published(
        "en",
        "with-timeline",
        blocks=[factories.timeline(story)],
        capture=django_capture_on_commit_callbacks,
    )
    page = f"/en/news/{article.slug}/"
    assert statement in client.get(page).content.decode()
    assert statement in client.get("/en/news/rss.xml").content.decode()
    assert _stored("feed", article) and _stored("reader", article)

    entry = story.entries.get()
    entry.statement = "The brigade withdrew."
    with django_capture_on_commit_callbacks(execute=True):
        entry.save()

    assert "The brigade withdrew." in client.get(page).content.decode()
    feed = client.get("/en/news/rss.xml").content.decode()
    assert "The brigade withdrew." in feed and statement not in feed


def test_a_changed_image_makes_its_bodies_render_again(client, django_capture_on_commit_callbacks):
    picture = factories.image("Map")
    block = {"type": "image", "value": {"image": picture.pk, "caption": "The station"}}
    article = factories.published(
        "en", "pictured", blocks=[block], capture=django_capture_on_commit_callbacks
    )
    assert picture.file.url in client.get("/en/news/rss.xml").content.decode()
    assert _stored("feed", article)

    picture.title = "Map of the front"  # the feed's alternative text when the block has none
    with django_capture_on_commit_callbacks(execute=True):
        picture.save()

    assert not _stored("feed", article)
    assert 'alt="Map of the front"' in client.get("/en/news/rss.xml").content.decode()
    assert _stored("feed", article)


def test_a_warm_feed_reads_its_kept_entries_in_one_round_trip_and_no_body(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    for n in range(3):
        factories.published(
            "en", f"story-{n}", body=[f"Story {n}."], capture=django_capture_on_commit_callbacks
        )
    first = client.get("/en/news/rss.xml").content
    asked: list[list[str]] = []
    real = cache.get_many

    def spy(names, *args, **kwargs):
        asked.append(list(names))
        return real(names, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", spy)
    assert client.get("/en/news/rss.xml").content == first
    entry_reads = [names for names in asked if any(":feed-entry:e2:en:" in name for name in names)]
    assert len(entry_reads) == 1 and len(entry_reads[0]) == 3
    assert not [names for names in asked if any(":body:" in name for name in names)]


def test_a_new_revision_is_rendered_anew(client, django_capture_on_commit_callbacks):
    article = factories.published(
        "en", "revised", body=["First version."], capture=django_capture_on_commit_callbacks
    )
    assert "First version." in client.get(f"/en/news/{article.slug}/").content.decode()

    article = _published(article)
    article.body = factories.paragraphs("Second version.")
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article)

    html = client.get(f"/en/news/{article.slug}/").content.decode()
    assert "Second version." in html and "First version." not in html
