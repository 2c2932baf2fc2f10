"""The search page of an edition: ``/<edition>/search/?q=…&section=…&label=…&from=…&to=…``.

A fixed number of queries whatever the archive or the query: the sections for the filter
(the navigation's come from the cache), the backend's candidates, the page's stored text,
and the page's articles through the one read path, which also drops anything unpublished
since it was indexed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from newsdesk.articles.models import Article
from newsdesk.editions import KYIV, kyiv, other_edition
from newsdesk.frontcache import keys as surrogate
from newsdesk.http_policy import public
from newsdesk.sections.models import Section
from newsdesk.site import presentation

from .backends import Results, SearchQuery, get_backend
from .forms import FIELDS, SearchFilters, day_bounds
from .snippets import Fragment
from .text import MAX_QUERY_CHARS, parse_query

PER_PAGE = 20
MAX_PAGES = 10
RESULT_MOMENT = "j E Y, H:i"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class ResultItem:
    url: str
    headline: list[Fragment]
    snippet: list[Fragment]
    moment: str
    iso: str
    badges: list[presentation.Badge]
    section: str


@dataclass(frozen=True)
class Pager:
    previous_url: str | None
    next_url: str | None


def search_path(edition: str) -> str:
    return reverse("search:search", kwargs={"edition": edition})


def _page_number(raw: str | None) -> int:
    """The requested page; anything but a positive number means the first."""
    if raw and raw.isascii() and raw.isdigit() and len(raw) <= 6:
        return max(int(raw), 1)
    return 1


def _items(results: Results, edition: str) -> list[ResultItem]:
    ids = [hit.article_id for hit in results.hits]
    articles = {
        article.pk: article
        for article in Article.objects.published()
        .in_edition(edition)
        .filter(pk__in=ids)
        .for_listing()
        .prefetch_related(None)  # results show no pictures
    }
    surrogate.note_articles(articles)
    items = []
    for hit in results.hits:
        article = articles.get(hit.article_id)
        if article is None or article.first_published_at is None:
            continue
        published = kyiv(article.first_published_at)
        items.append(
            ResultItem(
                url=presentation.article_path(edition, article.slug),
                headline=hit.headline,
                snippet=hit.snippet,
                moment=dateformat.format(published, RESULT_MOMENT),
                iso=published.isoformat(timespec="minutes"),
                badges=presentation.badges(article),
                section=article.section.name,
            )
        )
    return items


def _summary(results: Results) -> str:
    if results.more:
        return _(
            "More than %(count)s articles match. The newest of them are shown, best matches "
            "first; add words or filters to narrow the search."
        ) % {"count": results.total}
    return ngettext("%(count)s article found.", "%(count)s articles found.", results.total) % {
        "count": results.total
    }


def search(request: HttpRequest, edition: str) -> HttpResponse:
    sections = list(
        Section.objects.in_edition(edition)
        .order_by("sort_order", "name")
        .values_list("pk", "slug", "name")
    )
    typed = _CONTROL.sub("", request.GET.get("q", ""))
    form = SearchFilters(request.GET, sections=[(slug, name) for _pk, slug, name in sections])
    form.is_valid()
    filters = form.filters()
    form.drop_invalid()
    page = _page_number(request.GET.get("page"))
    parsed = parse_query(typed)

    notes: list[str] = []
    summary = ""
    items: list[ResultItem] = []
    pager = Pager(None, None)
    if not typed.strip():
        notes.append(
            _(
                "Type a word or two: a place, a name or words from a headline. Filters "
                "narrow the search by section, label and date."
            )
        )
    elif not parsed:
        notes.append(_("Your search has no letters or digits to look for. Try a word or two."))
    elif page > MAX_PAGES:
        notes.append(
            _(
                "Only the first %(pages)s pages of results are shown. Add words or filters "
                "to narrow the search."
            )
            % {"pages": MAX_PAGES}
        )
    else:
        if parsed.shortened:
            notes.append(_("Your search was long, so only its first words were used."))
        section_ids = {slug: pk for pk, slug, _name in sections}
        start, end = day_bounds(filters.get("from"), filters.get("to"), KYIV)
        query = SearchQuery(
            terms=parsed.terms,
            edition=edition,
            section_id=section_ids.get(filters.get("section", "")),
            label=filters.get("label") or None,
            start=start,
            end=end,
            offset=(page - 1) * PER_PAGE,
            limit=PER_PAGE,
        )
        results = get_backend().search(query)
        items = _items(results, edition)
        if results.total == 0:
            notes.append(
                _("Nothing found. Check the spelling, or try other words or fewer filters.")
            )
        elif not items:
            notes.append(_("There are no more results."))
        else:
            summary = _summary(results)
        pager = _pager(request, edition, page, more=page * PER_PAGE < results.total)

    # Any publish in the edition can change what a search finds.
    surrogate.note(surrogate.news(edition), surrogate.archive(edition))
    path = search_path(edition)
    context: dict[str, Any] = {
        "chrome": presentation.chrome(
            edition,
            title=_("Search"),
            path=path,
            twin=search_path(other_edition(edition)),
            noindex=True,
        ),
        "action": path,
        "query": typed[:MAX_QUERY_CHARS],
        "max_query_chars": MAX_QUERY_CHARS,
        "form": form,
        "notes": notes,
        "summary": summary,
        "items": items,
        "pager": pager,
    }
    return public(render(request, "search/search.html", context))


def _pager(request: HttpRequest, edition: str, page: int, *, more: bool) -> Pager:
    kept = {name: request.GET[name] for name in FIELDS if request.GET.get(name)}
    kept["q"] = kept.get("q", "")[:MAX_QUERY_CHARS]
    path = search_path(edition)

    def url(number: int) -> str:
        params = kept | ({"page": str(number)} if number > 1 else {})
        return f"{path}?{urlencode(params)}"

    return Pager(
        previous_url=url(page - 1) if page > 1 else None,
        next_url=url(page + 1) if more and page < MAX_PAGES else None,
    )
