"""Sections, tags, authors and stories speak like articles: an address of their own, one
queryset vocabulary (in an edition, by edition and slug or 404, with the translation's slug)."""

from __future__ import annotations

import pytest
from django.http import Http404
from wagtail.models import Locale

from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story
from newsdesk.taxonomy.models import Tag

pytestmark = pytest.mark.django_db

KINDS = [
    (Section, "sections", {"name": "War"}),
    (Tag, "tags", {"name": "Kharkiv"}),
    (Author, "authors", {"name": "Olena"}),
    (Story, "stories", {"title": "The grid"}),
]


def _pair(model, fields):
    """An item in the Ukrainian edition and its English translation, with different slugs."""
    uk = model.objects.create(locale=Locale.objects.get(language_code="uk"), slug="viina", **fields)
    en = model.objects.create(
        locale=Locale.objects.get(language_code="en"),
        slug="war",
        translation_key=uk.translation_key,
        **fields,
    )
    return uk, en


@pytest.mark.parametrize(("model", "prefix", "fields"), KINDS)
def test_each_has_its_page_in_its_own_edition(model, prefix, fields):
    uk, en = _pair(model, fields)
    assert model.objects.get(pk=uk.pk).get_absolute_url() == f"/uk/{prefix}/viina/"
    assert model.objects.get(pk=en.pk).get_url() == f"/en/{prefix}/war/"


@pytest.mark.parametrize(("model", "prefix", "fields"), KINDS)
def test_rows_of_an_edition_know_their_address_without_a_query(
    model, prefix, fields, django_assert_num_queries
):
    _pair(model, fields)
    with django_assert_num_queries(1):
        rows = list(model.objects.in_edition("en"))
        addresses = [row.get_absolute_url() for row in rows]
    assert addresses == [f"/en/{prefix}/war/"]


@pytest.mark.parametrize(("model", "prefix", "fields"), KINDS)
def test_one_query_finds_an_item_and_its_translation(
    model, prefix, fields, django_assert_num_queries
):
    _pair(model, fields)
    with django_assert_num_queries(1):
        found = model.objects.with_translation_slug("en").get_for_edition_or_404("uk", "viina")
        assert found.get_translation_url() == f"/en/{prefix}/war/"
        assert found.get_absolute_url() == f"/uk/{prefix}/viina/"


@pytest.mark.parametrize(("model", "prefix", "fields"), KINDS)
def test_a_slug_of_the_other_edition_is_a_404(model, prefix, fields):
    _pair(model, fields)
    with pytest.raises(Http404, match="in the uk edition"):
        model.objects.get_for_edition_or_404("uk", "war")


def test_without_a_translation_there_is_no_translation_url():
    uk = Section.objects.create(
        locale=Locale.objects.get(language_code="uk"), slug="kultura", name="Культура"
    )
    found = Section.objects.with_translation_slug("en").get_for_edition_or_404("uk", uk.slug)
    assert found.get_translation_url() is None


def test_a_caller_that_knows_the_edition_pays_no_query(django_assert_num_queries):
    """An article's tags share its edition: the article page passes it in."""
    uk, _en = _pair(Tag, {"name": "Kharkiv"})
    bare = Tag.objects.only("slug").get(pk=uk.pk)
    with django_assert_num_queries(0):
        assert bare.get_absolute_url("uk") == "/uk/tags/viina/"
