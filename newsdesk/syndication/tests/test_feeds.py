"""Feed query budgets (fixed, whatever the archive's size) and feed URL handling."""

from __future__ import annotations

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.syndication import content

from .helpers import grow_archive, new_article, scope_of

# A scoped feed first finds its section, tag or author; then the newest rows. Entries are
# kept rendered by published revision: a warm feed asks nothing more. A cold one loads the
# rows it lacks with their bylines and tags, the public notes of updated items, what the
# bodies choose (images, timelines) and the newest live updates, each only when some item
# has one.
EDITION_FEED_QUERIES = 1
SCOPED_FEED_QUERIES = 2
COLD_MAX_EXTRA_QUERIES = 7


def _count(client, url: str, *, warm: bool = True) -> int:
    cache.clear()
    if warm:
        client.get(url)  # the entries are rendered and kept on first use
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _feeds() -> dict[str, str]:
    """Every feed of both editions that lists a new article with a picture in its body, so
    that each is measured with its full set of queries (a text-only page skips one)."""
    urls: dict[str, str] = {}
    for edition in ("uk", "en"):
        article = new_article(edition, "measured-story")
        picture = {"image": article.hero_image_id, "alt": "A picture in the body"}
        article.body = [{"type": "image", "value": picture}]  # type: ignore[assignment]
        actions.publish(article=article)
        # An updated item: its public notes are the fifth (sixth) query.
        actions.publish(article=article, update_kind="correction", update_note="Fixed a name.")
        urls |= {f"{edition} {name}": url for name, url in scope_of(article).feeds().items()}
    return urls


def test_feed_queries_are_fixed_and_do_not_grow_with_the_archive(client, demo_newsroom):
    urls = _feeds()
    sizes = {}
    for size in ("small", "large"):
        if size == "large":
            grow_archive(150, months=6, recent=content.FEED_SIZE)
        for name, url in urls.items():
            expected = EDITION_FEED_QUERIES if name.split()[1] == "news" else SCOPED_FEED_QUERIES
            warm, cold = _count(client, url), _count(client, url, warm=False)
            sizes[size, name] = warm
            assert warm == expected, (size, name)
            assert expected < cold <= expected + COLD_MAX_EXTRA_QUERIES, (size, name, cold)
    assert {n: q for (s, n), q in sizes.items() if s == "small"} == {
        n: q for (s, n), q in sizes.items() if s == "large"
    }


def test_a_feed_holds_the_newest_items_up_to_its_size(client, demo_newsroom):
    grow_archive(5, months=2, recent=content.FEED_SIZE + 5)
    body = client.get("/en/news/rss.xml").content.decode()
    assert body.count("<item>") == content.FEED_SIZE
    newest = Article.objects.published().in_edition("en").newest_first().first()
    assert newest is not None and f"/en/news/{newest.slug}/" in body


def test_no_query_pages_by_offset(client, demo_newsroom):
    with CaptureQueriesContext(connection) as queries:
        client.get("/uk/news/atom.xml")
    assert not [q for q in queries.captured_queries if " OFFSET " in q["sql"].upper()]
