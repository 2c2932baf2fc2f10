"""The admin's global search (sidebar, dashboard) finds articles, live updates, stories,
authors and tags, whatever the case, in both scripts."""

from __future__ import annotations

from django.urls import reverse
from wagtail.admin.search import admin_search_areas
from wagtail.test.utils import WagtailTestUtils

from newsdesk.people.models import Author
from newsdesk.stories.models import Story
from newsdesk.taxonomy.models import Tag

from .test_listing import rows


def test_the_sidebar_searches_articles_first_and_offers_every_newsroom_area(rf, editor) -> None:
    request = rf.get("/admin/")
    request.user = editor

    areas = admin_search_areas.search_items_for_request(request)

    assert areas[0].url == reverse("wagtailsnippets_articles_article:list")
    urls = {area.url for area in areas}
    for name in ("live_liveupdate", "stories_story", "people_author", "taxonomy_tag"):
        assert reverse(f"wagtailsnippets_{name}:list") in urls


def test_each_area_finds_its_items_whatever_the_case(client, editor, uk) -> None:
    Tag.objects.create(locale=uk, name="Харків", slug="kharkiv")
    Tag.objects.create(locale=uk, name="Одеса", slug="odesa")
    Author.objects.create(locale=uk, name="Олена Коваль", slug="olena")
    Story.objects.create(locale=uk, title="Енергетична війна", slug="energy")
    client.force_login(editor)

    def found(name: str, query: str) -> list[str]:
        return rows(client.get(reverse(f"wagtailsnippets_{name}:list"), {"q": query}))

    [tag] = found("taxonomy_tag", "харків")
    assert "Харків" in tag
    assert found("taxonomy_tag", "харк".upper()) == [tag]
    assert len(found("people_author", "коваль".upper())) == 1
    assert len(found("stories_story", "енергетична")) == 1
    assert found("taxonomy_tag", "%") == []


def test_a_search_page_links_the_same_words_to_the_other_areas(client, editor, uk) -> None:
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippets_articles_article:list"), {"q": "харків"})

    soup = WagtailTestUtils.get_soup(response.content)
    links = [a["href"] for a in soup.select("a[href*='q=']")]
    assert any(reverse("wagtailsnippets_taxonomy_tag:list") in href for href in links)
    assert any(reverse("wagtailsnippets_live_liveupdate:list") in href for href in links)


def test_the_dashboard_has_a_search_for_articles(client, editor) -> None:
    client.force_login(editor)

    soup = WagtailTestUtils.get_soup(client.get(reverse("wagtailadmin_home")).content)

    form = soup.select_one("[data-newsroom-search]")
    assert form["action"] == reverse("wagtailsnippets_articles_article:list")
    assert form.select_one("input[name=q]")
