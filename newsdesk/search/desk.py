"""The desk's search: what the admin's article listing, choosers and global search find.

One layer for readers and editors (decision 0039): published articles are found through the
search index (decision 0008), so bulk-loaded archives are found as soon as
``rebuild_search_index`` has run, case-insensitively in both scripts on SQLite too. Articles
the index does not hold (drafts, scheduled, taken down) are few; their text is folded and
matched in Python by the same keys. An id finds its article, and so does an address or
a slug pasted from the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from django.db import connection
from django.db.models import CharField, Lookup, Q, QuerySet, TextField

from newsdesk.articles.models import Article
from newsdesk.editions import EDITIONS

from .backends import SearchQuery, get_backend
from .documents import body_text
from .text import MAX_QUERY_CHARS, fold, keys, parse_query

_SLUG = re.compile(r"^[-a-z0-9_]{1,120}$")
# Drafts folded in Python per query: beyond this many, the newest are searched.
UNPUBLISHED_LIMIT = 2000


def _slug(raw: str) -> str | None:
    """The slug of a pasted address ("https://…/uk/news/some-slug/"), path or slug."""
    path = urlsplit(raw).path if "/" in raw else raw
    tail = [part for part in path.split("/") if part]
    candidate = tail[-1].lower() if tail else ""
    return candidate if _SLUG.match(candidate) else None


def indexed_matches(terms: tuple[str, ...], editions: Iterable[str] = EDITIONS) -> list[int]:
    """Ids of published articles whose text has every key, best first: the newest
    :data:`~.backends.CANDIDATES` matches of each edition (one query per edition)."""
    backend = get_backend()
    found: list[int] = []
    for edition in editions:
        found.extend(backend.search(SearchQuery(terms=terms, edition=edition, limit=0)).matched)
    return found


def _unpublished_matches(terms: tuple[str, ...]) -> list[int]:
    wanted = set(terms)
    rows = Article.objects.filter(live=False).order_by("-pk")[:UNPUBLISHED_LIMIT]
    return [
        article.pk
        for article in rows.only("pk", "headline", "lead", "slug", "body")
        if wanted
        <= set(keys(f"{article.headline} {article.lead} {article.slug} {body_text(article)}"))
    ]


def find_articles(queryset: QuerySet[Article], raw: str) -> QuerySet[Article]:
    """``queryset`` narrowed to the articles ``raw`` finds (its order is kept).

    Everything found is turned into ids first, so that the listing's filter is one list of
    keys: a filter of "this id, or this slug, or one of these ids" made PostgreSQL walk a
    million-article listing newest first, testing each row (10 s for a common word)."""
    raw = raw.strip()
    ids: list[int] = []
    if raw.isdigit() and len(raw) < 19:
        ids.append(int(raw))
    slug = _slug(raw)
    if slug:
        ids.extend(Article.objects.filter(slug=slug).values_list("pk", flat=True))
    parsed = parse_query(raw)
    if parsed:
        ids += indexed_matches(parsed.terms) + _unpublished_matches(parsed.terms)
    return queryset.filter(pk__in=ids)


def _register_fold(sqlite_connection: Any) -> None:
    sqlite_connection.create_function(FOLD_FUNCTION, 1, _fold_or_none, deterministic=True)


def _fold_or_none(value: str | None) -> str | None:
    return fold(value) if value is not None else None


FOLD_FUNCTION = "newsdesk_fold"


def containing(queryset: QuerySet[Any], fields: Iterable[str], raw: str) -> QuerySet[Any]:
    """Rows of a small table (sections, tags, authors, stories, live updates) whose
    ``fields`` contain ``raw``, whatever the case, in any script. SQLite's LIKE folds ASCII
    only, so there the text is folded by our own function (the same as the index's);
    PostgreSQL's ILIKE folds by the database's locale."""
    raw = raw.strip()[:MAX_QUERY_CHARS]
    if not raw:
        return queryset
    found = Q()
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        _register_fold(connection.connection)
        needle = fold(raw)
        for field in fields:
            found |= Q(**{f"{field}__newsdesk_folded_contains": needle})
    else:
        for field in fields:
            found |= Q(**{f"{field}__icontains": raw})
    return queryset.filter(found)


class FoldedContains(Lookup):
    """``field__newsdesk_folded_contains=folded``: SQLite only (see :func:`containing`)."""

    lookup_name = "newsdesk_folded_contains"

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"instr({FOLD_FUNCTION}({lhs}), {rhs}) > 0", [*lhs_params, *rhs_params]


CharField.register_lookup(FoldedContains)
TextField.register_lookup(FoldedContains)
