"""Fragments kept with the keys of what they show: "Read also" on the article page."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.articles.models import Article
from newsdesk.frontcache import fragments, keys
from newsdesk.frontcache.purge import purge
from newsdesk.publishing import actions
from newsdesk.site import article_page

pytestmark = pytest.mark.django_db


def _render(client, article) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        body = client.get(f"/uk/news/{article.slug}/").content.decode()
    return body, len(queries)


def _forget_page(article) -> None:
    """Drop the article's kept page, so that the next view builds it again (with "Read
    also" from its own fragment while that holds)."""
    head = article_page.load_head("uk", article.slug)
    assert head is not None
    name = article_page.page_name(head, "uk")
    assert name is not None
    cache.delete(fragments.PREFIX + name)


def test_read_also_is_ranked_once_until_a_listed_article_changes(
    client, write, django_capture_on_commit_callbacks
):
    older = write(slug="older")
    newer = write(slug="newer")

    first, _queries = _render(client, newer)
    assert older.headline in first
    again, _queries = _render(client, newer)
    assert again == first
    _forget_page(newer)
    _body, rebuilt = _render(client, newer)
    _forget_page(newer)
    cache.delete(fragments.PREFIX + f"read-also:uk:{newer.pk}")
    _body, ranked = _render(client, newer)
    assert ranked == rebuilt + 1  # the ranking query

    with django_capture_on_commit_callbacks(execute=True):
        actions.unpublish(article=Article.objects.get(pk=older.pk))
    after, _queries = _render(client, newer)
    assert older.headline not in after


def test_an_editors_change_to_the_article_ranks_again(client, write):
    article = write(slug="newer")
    _render(client, article)
    _forget_page(article)
    _body, rebuilt = _render(client, article)

    purge({keys.article(article.pk)})
    _body, after = _render(client, article)
    assert after == rebuilt + 1  # the page is built again, and "Read also" ranked again


def test_a_fragment_notes_its_keys_on_every_response_that_uses_it():
    calls = []

    def compute():
        calls.append(1)
        return "value", {"a1", "a2"}

    for _ in range(2):
        with keys.collecting() as noted:
            assert fragments.cached("demo", compute, 60) == "value"
        assert noted == {"a1", "a2"}
    assert len(calls) == 1
