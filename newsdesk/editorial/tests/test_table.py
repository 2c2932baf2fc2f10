"""The desk's pages at a fixed number of queries whatever their rows, and the listings'
cells rendered from patterns exactly as Wagtail renders them (decision 0050)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils import WagtailTestUtils

from newsdesk.articles import labels
from newsdesk.articles.models import Article, Byline
from newsdesk.editorial import table
from newsdesk.publishing import actions
from newsdesk.taxonomy.models import Tag
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

LIST = "wagtailsnippets_articles_article:list"
CHOOSE = "wagtailsnippetchoosers_articles_article:choose"
CHOOSE_RESULTS = "wagtailsnippetchoosers_articles_article:choose_results"
TAGS = "wagtailsnippets_taxonomy_tag:list"
HOME = "wagtailadmin_home"
# A word in every headline below: the listing's search finds drafts by their text.
WORD = "Запоріжжя"


def _rows(response) -> list[Any]:
    return WagtailTestUtils.get_soup(response.content).select("table tbody tr")


def _bulk(section, reporter, en_section, count: int, start: int) -> None:
    """Rows as a bulk load writes them, each with a byline and every other one with an
    English twin: what each row's cells ask about."""
    made = Article.objects.bulk_create(
        Article(
            locale=section.locale,
            section=section,
            slug=f"bulk-{n}",
            headline=f"{WORD}: зведення {n}",
            live=False,  # drafts: the search finds them without the site's index
            labels=[labels.EXCLUSIVE] if n % 3 == 0 else [],
        )
        for n in range(start, start + count)
    )
    Byline.objects.bulk_create(Byline(article=a, author=reporter, sort_order=0) for a in made)
    Article.objects.bulk_create(
        Article(
            locale=en_section.locale,
            section=en_section,
            slug=article.slug,
            headline=f"Zaporizhzhia: {article.slug}",
            translation_key=article.translation_key,
        )
        for n, article in enumerate(made)
        if n % 2 == 0
    )
    Tag.objects.bulk_create(
        Tag(locale=section.locale, name=f"Мітка {n}", slug=f"tag-{n}")
        for n in range(start, start + count)
    )


@pytest.fixture
def desk_rows(editor, contributor, reporter, war, war_en) -> Callable[[int], None]:
    """A desk with articles of every state (live, scheduled, in review, my drafts), and a
    function that adds bulk rows up to a total."""
    factories.published("uk", "live", headline=f"{WORD}: наживо", in_section=war)
    scheduled = factories.draft("uk", "later", headline=f"{WORD}: вийде", in_section=war)
    actions.schedule(article=scheduled, go_live_at=timezone.now() + dt.timedelta(hours=2))
    review = factories.draft("uk", "review", headline=f"{WORD}: на розгляді", in_section=war)
    review.get_workflow().start(review, contributor)
    mine = factories.draft("uk", "mine", headline=f"{WORD}: моя", in_section=war)
    actions.save_draft(article=mine, user=editor)

    def grow(total: int) -> None:
        have = Article.objects.filter(locale=war.locale).count()
        _bulk(war, reporter, war_en, total - have, start=have)

    return grow


def _queries(client, name: str, **params: Any) -> tuple[int, int]:
    """(queries, rows) of one request, after a first one that fills the admin's caches."""
    url = reverse(name)
    assert client.get(url, params).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured), len(_rows(response))


PAGES: list[tuple[str, str, dict[str, str]]] = [
    ("listing", LIST, {}),
    ("listing, Ukrainian edition", LIST, {"locale": "uk"}),
    ("listing, deep page", LIST, {"after": "1000000"}),
    ("search", LIST, {"q": WORD.lower()}),
    ("chooser", CHOOSE, {}),
    ("chooser search", CHOOSE_RESULTS, {"q": WORD.lower()}),
    ("tags", TAGS, {}),
]


def test_the_desks_pages_cost_the_same_queries_for_12_rows_as_for_60(
    client, editor, desk_rows
) -> None:
    sign_in(client, editor)
    # More than a chooser's page (10) and fewer than a listing's (50); then more than both.
    desk_rows(12)
    few = {label: _queries(client, name, **params) for label, name, params in PAGES}
    desk_rows(60)
    many = {label: _queries(client, name, **params) for label, name, params in PAGES}

    for label, _name, _params in PAGES:
        (few_queries, few_rows), (many_queries, many_rows) = few[label], many[label]
        assert 0 < few_rows <= many_rows and many_rows >= 10, label  # the chooser shows 10
        assert many_queries == few_queries, (label, few_queries, many_queries)
    # The listing's whole page, filters and count included: no query per row.
    assert many["listing"][0] <= 20


def test_the_dashboard_costs_the_same_queries_for_2_rows_as_for_10(
    client, editor, war, desk_rows
) -> None:
    from .test_dashboard import _lists

    sign_in(client, editor)

    def dashboard(drafts: int) -> tuple[int, dict[str, list[str]]]:
        while Article.objects.filter(latest_revision__user=editor).count() < drafts:
            article = factories.draft("uk", headline=f"{WORD}: ще одна", in_section=war)
            actions.save_draft(article=article, user=editor)
        client.get(reverse(HOME))
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse(HOME))
        return len(captured), _lists(response)

    few, few_lists = dashboard(2)
    many, many_lists = dashboard(10)

    assert len(few_lists["drafts"]) == 2 and len(many_lists["drafts"]) == 8
    assert few_lists["scheduled"] and few_lists["published"]
    assert many == few


def _translate_links(response) -> set[str]:
    return set(re.findall(r'href="([^"]*/translation/submit/snippet/[^"]*)"', response.text))


def test_translate_is_offered_where_wagtail_offers_it(
    client, editor, reporter, war, war_en
) -> None:
    from wagtail.contrib.simple_translation.wagtail_hooks import (
        register_snippet_listing_buttons as wagtails_translate,
    )

    _bulk(war, reporter, war_en, 6, start=0)
    sign_in(client, editor)

    response = client.get(reverse(LIST))

    expected = {
        item.url
        for article in Article.objects.all()
        for item in wagtails_translate(article, editor)
    }
    # Half the Ukrainian rows have a twin; English rows all have theirs.
    assert len(expected) == 3
    assert _translate_links(response) == expected

    # With a third edition, every group lacks one.
    Locale.objects.create(language_code="fr")
    response = client.get(reverse(LIST))
    assert len(_translate_links(response)) == len(_rows(response)) == 9


def _tables(client, monkeypatch, name: str, **params: Any) -> tuple[str, str]:
    """The listing's table as rendered from patterns, and by Wagtail's own cells."""
    client.get(reverse(name), params)
    patterned = client.get(reverse(name), params)
    with monkeypatch.context() as patch:
        patch.setattr(table, "patterned", lambda column: column)
        wagtails = client.get(reverse(name), params)

    def body(response) -> str:
        return "".join(re.findall(r"<table.*?</table>", response.text, flags=re.DOTALL))

    return body(patterned), body(wagtails)


def test_cells_from_patterns_are_wagtails_cells(
    client, editor, monkeypatch, reporter, war, war_en, desk_rows
) -> None:
    # What escaping must get right: markup, quotes and ampersands in the title, which
    # shows in the link, the row's id, and the label of its actions menu.
    factories.draft("uk", "odd", headline="<b>\"Цитата\" & 'апостроф'</b>", in_section=war)
    desk_rows(8)
    sign_in(client, editor)

    for name, params in ((LIST, {}), (LIST, {"q": WORD}), (TAGS, {})):
        ours, wagtails = _tables(client, monkeypatch, name, **params)
        assert ours == wagtails, (name, params)
        assert ours.count("<tr") > 8, (name, params)
    listing, _ = _tables(client, monkeypatch, LIST)
    assert "&lt;b&gt;&quot;Цитата&quot; &amp; &#x27;апостроф&#x27;&lt;/b&gt;" in listing
    assert "<b>" not in listing


def test_a_hole_is_filled_escaped_and_only_once() -> None:
    holes = table._Holes()
    first, second = holes("<i>"), holes(holes.__class__.__name__)
    filled = holes.fill(f"<a title='{first}'>{second}{first}</a>")
    assert filled == "<a title='&lt;i&gt;'>_Holes&lt;i&gt;</a>"
    # A value that looks like a placeholder is text, not a placeholder.
    tricky = table._Holes()
    tricky(first)
    assert "\ue000" in tricky.fill(table._HOLE.format(0))
