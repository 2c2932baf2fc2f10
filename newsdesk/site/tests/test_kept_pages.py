"""An article's page is built once per published revision and kept with the keys of what it
shows; live coverage, whose updates arrive by the minute, is built on every view."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdesk.frontcache import fragments, keys
from newsdesk.frontcache.purge import purge
from newsdesk.publishing import actions
from newsdesk.site import article_page
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db


def _view(client, path: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode(), len(queries)


def test_a_kept_page_costs_one_query_and_shows_the_same_page(client):
    article = factories.published("en", "grid-repairs", headline="Grid repairs finish")
    first, built = _view(client, article.get_url())
    again, kept = _view(client, article.get_url())
    assert again == first
    assert kept == 1 < built  # the row that names the kept page
    head = article_page.load_head("en", article.slug)
    assert fragments.lookup([article_page.page_name(head, "en")])


def test_a_kept_page_renders_only_the_banner_and_most_read_again(client):
    """The frame and the article are rendered once per published revision (decision 0054);
    what changes on its own, the banner and "Most read", is rendered on every view."""
    article = factories.published("en", "grid-repairs", headline="Grid repairs finish")
    first = client.get(article.get_url())
    built = {template.name for template in first.templates}
    assert {"site/includes/head.html", "site/includes/article_main.html"} <= built
    again = client.get(article.get_url())
    rendered = {template.name for template in again.templates}
    assert "site/includes/most_read.html" in rendered
    assert "site/includes/breaking.html" in rendered
    for once in ("head", "header", "article_main", "footer", "bylines", "labels"):
        assert f"site/includes/{once}.html" not in rendered
    assert again.content == first.content


def test_a_new_revision_is_built_anew_without_waiting_for_a_purge(client):
    article = factories.published("en", "grid-repairs", headline="Grid repairs finish")
    assert "Grid repairs finish" in _view(client, article.get_url())[0]
    article.headline = "Grid repairs finish early"
    actions.publish(article=article)  # its on-commit purge never runs here
    assert "Grid repairs finish early" in _view(client, article.get_url())[0]


@pytest.mark.parametrize("shown", ["article", "section", "tag", "author"])
def test_a_purge_of_what_the_page_shows_builds_it_again(client, shown):
    tag = factories.tag("en", "kharkiv")
    article = factories.published("en", "grid-repairs", tags=[tag])
    key = {
        "article": keys.article(article.pk),
        "section": keys.section(article.section_id),
        "tag": keys.tag(tag.pk),
        "author": keys.author(article.bylines.get().author_id),
    }[shown]
    _view(client, article.get_url())
    purge({keys.news("en"), keys.story(999)})  # lists and stories the page does not show
    assert _view(client, article.get_url())[1] == 1
    purge({key})
    assert _view(client, article.get_url())[1] > 1


def test_a_renamed_tag_reaches_the_kept_page(client, django_capture_on_commit_callbacks):
    tag = factories.tag("en", "kharkiv", name="Kharkiv")
    article = factories.published("en", "grid-repairs", tags=[tag])
    assert ">Kharkiv</a>" in _view(client, article.get_url())[0]
    tag.name = "Kharkiv region"
    with django_capture_on_commit_callbacks(execute=True):
        tag.save()
    assert ">Kharkiv region</a>" in _view(client, article.get_url())[0]


def test_live_coverage_is_never_kept(client):
    article = factories.live_article("en")
    head = article_page.load_head("en", article.slug)
    assert article_page.page_name(head, "en") is None
    _view(client, article.get_url())  # navigation and renditions are made on first use
    warm = _view(client, article.get_url())[1]
    assert warm > 1
    assert _view(client, article.get_url())[1] == warm
