"""``hreflang`` as a search engine reads it: every annotation names a page that is the
same content in the other language and that names this page back; a page without a
translation declares none, though its language switch still leads somewhere."""

from __future__ import annotations

from lxml import html

from newsdesk.articles.models import Article
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story
from newsdesk.taxonomy.models import Tag

BASE = "http://127.0.0.1:8000"


def _alternates(client, path: str) -> dict[str, str]:
    response = client.get(path)
    assert response.status_code == 200, path
    tree = html.fromstring(response.content)
    return {
        link.get("hreflang"): link.get("href")
        for link in tree.xpath('//head/link[@rel="alternate"][@hreflang]')
    }


def _twinned(model, edition: str):
    """One item of ``edition`` with a translation and, if the demo has one, one without."""
    items = model.objects.in_edition(edition)
    other = model.objects.exclude(locale__language_code=edition).values("translation_key")
    return [
        item
        for item in (
            items.filter(translation_key__in=other).first(),
            items.exclude(translation_key__in=other).first(),
        )
        if item is not None
    ]


def test_hreflang_names_only_translations_that_name_the_page_back(client, demo_newsroom):
    published = Article.objects.published()
    paths = ["/uk/", "/en/", "/uk/news/", "/en/news/"]
    for edition in ("uk", "en"):
        for model in (Section, Tag, Author, Story):
            paths += [item.get_absolute_url() for item in _twinned(model, edition)]
    twinless = [
        article
        for article in published.order_by("pk")
        if not published.exclude(locale_id=article.locale_id)
        .filter(translation_key=article.translation_key)
        .exists()
    ]
    assert twinless, "the demo has articles without a translation"
    paired = published.exclude(pk__in=[a.pk for a in twinless]).order_by("pk")[:4]
    paths += [a.get_url() for a in twinless] + [a.get_url() for a in paired]

    declaring = 0
    for path in paths:
        found = _alternates(client, path)
        if not found:
            continue
        declaring += 1
        assert set(found) == {"uk", "en", "x-default"}, path
        assert found[path.split("/")[1]] == BASE + path, path  # itself, in its language
        assert found["x-default"] == found["uk"]
        for code in ("uk", "en"):
            # The other page declares exactly the same set: a confirmed pair.
            assert _alternates(client, found[code].removeprefix(BASE)) == found, (path, code)
    assert declaring >= 4 + 2  # both homes and news pages, and the articles with twins

    for article in twinless:
        assert _alternates(client, article.get_url()) == {}, article.get_url()
