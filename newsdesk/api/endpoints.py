"""The read API, /api/v1/: published articles (also as IPTC ninjs), sections, tags, authors.

Every list is paged by an opaque keyset cursor and answers with the address of the next
page; article lists go through the one read path
(``Article.objects.published().in_edition(…)….page(cursor, size)``), never OFFSET.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import NinjaAPI, Path, Query
from ninja.errors import HttpError, ValidationError
from ninja.renderers import JSONRenderer
from pydantic import AwareDatetime, BeforeValidator

from newsdesk.articles.models import Article
from newsdesk.articles.query import ArticleQuerySet, Cursor, InvalidCursor
from newsdesk.frontcache import keys as surrogate
from newsdesk.http_policy import absolute
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag

from . import content, ninjs
from .http import answers_in
from .schemas import (
    ArticleDetail,
    ArticlePage,
    AuthorPage,
    Error,
    SectionList,
    TagPage,
)

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
SLUG = r"^[-a-zA-Z0-9_]+$"
# The largest id PostgreSQL and SQLite keep in a BIGINT; a larger one is no article of ours.
MAX_ID = 2**63 - 1

Edition = Literal["uk", "en"]  # newsdesk.editions.EDITIONS (a test keeps them equal)
# newsdesk.articles.labels.NAMES (a test keeps them equal)
LabelCode = Literal[
    "exclusive",
    "review",
    "interview",
    "opinion",
    "analysis",
    "affiliate",
    "photo",
    "video",
    "updated",
    "live",
]
ERRORS: dict[int, Any] = {
    400: Error,
    404: Error,
    422: Error,
    429: Error,
}


class Renderer(JSONRenderer):
    # Headlines are Ukrainian: UTF-8 as is, not \u escapes six bytes a letter.
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=Renderer(),
    title="Newsdesk read API",
    version="1.0.0",
    description=(
        "Published articles of the Ukrainian (uk) and English (en) editions, their sections, "
        "tags and authors; each article also as IPTC ninjs 3.1. Read-only and public: any "
        "origin may call it (CORS), responses carry an ETag (send If-None-Match for a 304) "
        "and a short public max-age. Clients are limited per IP address; over the limit the "
        "answer is 429 with Retry-After, and every answer carries RateLimit and "
        "RateLimit-Policy (draft-ietf-httpapi-ratelimit-headers) to pace by. Times are "
        "ISO 8601 with their UTC offset."
    ),
    urls_namespace="api",
    # The interactive docs page loads its scripts inline and from a CDN, which the site's
    # Content-Security-Policy forbids; the OpenAPI document is what clients need.
    docs_url=None,
)


def index(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    """/api/v1/: where to start."""
    links = {
        "openapi": absolute(reverse("api:openapi-json")),
        "articles": absolute(reverse("api:articles")),
        "sections": absolute(reverse("api:sections")),
        "tags": absolute(reverse("api:tags")),
        "authors": absolute(reverse("api:authors")),
    }
    return api.create_response(request, links, status=200)


# Errors --------------------------------------------------------------------------------


@api.exception_handler(ValidationError)
def invalid_parameters(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    problems = [
        {
            "loc": [str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
        }
        for error in exc.errors
    ]
    summary = "; ".join(f"{'.'.join(p['loc'][1:]) or p['loc'][0]}: {p['msg']}" for p in problems)
    return api.create_response(
        request, {"detail": f"Invalid request: {summary}", "errors": problems}, status=422
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


def bad_request(message: str) -> HttpError:
    return HttpError(400, message)


# Parameters ----------------------------------------------------------------------------


def _iso_moment(value: Any) -> Any:
    """ISO 8601 only: pydantic would also read "1700000000" as a Unix time."""
    if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}[Tt ]", value):
        raise ValueError("expected an ISO 8601 date and time with its UTC offset")
    # "+02:00" arrives as " 02:00" when a client forgets to percent-encode the "+".
    return re.sub(r" (\d{2}:?\d{2})$", r"+\1", value.strip())


Moment = Annotated[AwareDatetime, BeforeValidator(_iso_moment)]


def _changed_since(queryset: ArticleQuerySet, moment: dt.datetime) -> ArticleQuerySet:
    try:
        since = moment.astimezone(dt.UTC)
    except OverflowError:
        # Within a day of year 1 or 9999: before every article, or after all of them.
        return queryset if moment.year < 5000 else queryset.none()
    # A live update changes an article without publishing it again (Article.modified_at).
    return queryset.filter(Q(last_published_at__gte=since) | Q(live_updated_at__gte=since))


def _next(name: str, params: dict[str, Any], cursor: str | None) -> str | None:
    if cursor is None:
        return None
    query = {key: value for key, value in params.items() if value is not None}
    query["cursor"] = cursor
    return absolute(f"{reverse(name)}?{urlencode(query)}")


def _by_slug(queryset: QuerySet[Any], cursor: str | None, limit: int) -> tuple[list, str | None]:
    """One page of an alphabetical-by-slug list, keyset on the edition's unique slug (the
    cursor is the last slug shown; clients treat it as opaque)."""
    if cursor is not None:
        queryset = queryset.filter(slug__gt=cursor)
    rows = list(queryset.order_by("slug")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, rows[-1].slug if more else None


EditionQuery = Query(..., description="uk (Ukrainian) or en (English).")
LimitQuery = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page, 1 to 100.")
NEXT_PAGE = "Where the next page starts: take it from the previous page's 'next' address."
# Bounded so that whatever matches decodes to a real moment and a BIGINT id.
ArticleCursorQuery = Query(None, pattern=r"^[0-9]{1,16}-[0-9]{1,18}$", description=NEXT_PAGE)
SlugCursorQuery = Query(None, pattern=SLUG, max_length=120, description=NEXT_PAGE)
LabelQuery = Query(None, description="Only articles with this label.")
SinceQuery = Query(
    None,
    description="Only articles published or changed at or after this time "
    "(ISO 8601 with its UTC offset, e.g. 2026-11-25T16:30:00%2B02:00 or …Z).",
)
EditionPath = Path(..., description="uk or en.")
SlugPath = Path(..., pattern=SLUG, max_length=120)


def _slug_query(what: str) -> Any:
    return Query(None, pattern=SLUG, max_length=120, description=f"Only {what} with this slug.")


# Articles ------------------------------------------------------------------------------


@api.get(
    "/articles",
    response={200: ArticlePage, **ERRORS},
    url_name="articles",
    summary="Latest published articles of an edition",
    tags=["articles"],
)
def articles(
    request: HttpRequest,
    edition: Edition = EditionQuery,
    section: str | None = _slug_query("articles of the section"),
    tag: str | None = _slug_query("articles with the tag"),
    author: str | None = _slug_query("articles by the author"),
    label: LabelCode | None = LabelQuery,
    updated_since: Moment | None = SinceQuery,
    limit: int = LimitQuery,
    cursor: str | None = ArticleCursorQuery,
) -> dict[str, Any]:
    """Newest first by first publication; follow ``next`` for older ones."""
    try:
        after = Cursor.decode(cursor) if cursor is not None else None
    except InvalidCursor:
        raise bad_request("Invalid cursor: use the 'next' address of the previous page.") from None
    queryset = Article.objects.published().in_edition(edition)
    if section is not None:
        queryset = queryset.in_section(Section.objects.get_for_edition_or_404(edition, section))
    if tag is not None:
        queryset = queryset.tagged(Tag.objects.get_for_edition_or_404(edition, tag))
    if author is not None:
        queryset = queryset.by_author(Author.objects.get_for_edition_or_404(edition, author))
    if label is not None:
        queryset = queryset.labelled(label)
    if updated_since is not None:
        queryset = _changed_since(queryset, updated_since)
    page = content.for_api(queryset).page(after, limit)
    content.load_renditions(page.items)
    surrogate.note(surrogate.news(edition), surrogate.archive(edition))
    surrogate.note_articles(page.items)
    params = {
        "edition": edition,
        "section": section,
        "tag": tag,
        "author": author,
        "label": label,
        "updated_since": updated_since.isoformat() if updated_since else None,
        "limit": limit,
    }
    return {
        "items": [content.summary(article) for article in page.items],
        "next": _next(
            "api:articles", params, page.next_cursor.encode() if page.next_cursor else None
        ),
    }


ArticleId = Path(..., ge=1, le=MAX_ID, description="The article's id.")


def _published(request: HttpRequest, **lookup: Any) -> Article:
    found = content.load_article(**lookup)
    if found is None:
        raise HttpError(404, "No published article with this address.")
    surrogate.note(surrogate.article(found.pk))
    answers_in(request, found.locale.language_code)
    return found


@api.get(
    "/articles/{article_id}",
    response={200: ArticleDetail, **ERRORS},
    url_name="article",
    summary="One published article",
    tags=["articles"],
)
def article(request: HttpRequest, article_id: int = ArticleId) -> dict[str, Any]:
    return content.detail(_published(request, pk=article_id))


@api.get(
    "/articles/{article_id}/ninjs",
    response={200: dict[str, Any], **ERRORS},
    url_name="article_ninjs",
    summary="One published article as IPTC ninjs 3.1",
    description="Valid against http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
    tags=["articles"],
)
def article_ninjs(request: HttpRequest, article_id: int = ArticleId) -> dict[str, Any]:
    return ninjs.article_to_ninjs(_published(request, pk=article_id))


@api.get(
    "/editions/{edition}/articles/{slug}",
    response={200: ArticleDetail, **ERRORS},
    url_name="article_by_slug",
    summary="One published article by its address on the site",
    tags=["articles"],
)
def article_by_slug(
    request: HttpRequest,
    edition: Edition = EditionPath,
    slug: str = SlugPath,
) -> dict[str, Any]:
    return content.detail(_published(request, locale__language_code=edition, slug=slug))


# Sections, tags, authors ---------------------------------------------------------------


@api.get(
    "/sections",
    response={200: SectionList, **ERRORS},
    url_name="sections",
    summary="The sections of an edition, in navigation order",
    tags=["taxonomy"],
)
def sections(request: HttpRequest, edition: Edition = EditionQuery) -> dict[str, Any]:
    surrogate.note(surrogate.directory(edition))
    rows = Section.objects.in_edition(edition).order_by("sort_order", "name")
    return {
        "items": [
            {
                "id": row.pk,
                "edition": edition,
                "slug": row.slug,
                "name": row.name,
                "description": row.description,
                "url": content.site_url(row, edition),
            }
            for row in rows
        ]
    }


@api.get(
    "/tags",
    response={200: TagPage, **ERRORS},
    url_name="tags",
    summary="The tags of an edition, by slug",
    tags=["taxonomy"],
)
def tags(
    request: HttpRequest,
    edition: Edition = EditionQuery,
    limit: int = LimitQuery,
    cursor: str | None = SlugCursorQuery,
) -> dict[str, Any]:
    surrogate.note(surrogate.directory(edition))
    rows, after = _by_slug(Tag.objects.in_edition(edition), cursor, limit)
    return {
        "items": [
            {
                "id": row.pk,
                "edition": edition,
                "slug": row.slug,
                "name": row.name,
                "url": content.site_url(row, edition),
            }
            for row in rows
        ],
        "next": _next("api:tags", {"edition": edition, "limit": limit}, after),
    }


@api.get(
    "/authors",
    response={200: AuthorPage, **ERRORS},
    url_name="authors",
    summary="The authors of an edition, by slug",
    tags=["taxonomy"],
)
def authors(
    request: HttpRequest,
    edition: Edition = EditionQuery,
    limit: int = LimitQuery,
    cursor: str | None = SlugCursorQuery,
) -> dict[str, Any]:
    surrogate.note(surrogate.directory(edition))
    rows, after = _by_slug(Author.objects.in_edition(edition), cursor, limit)
    return {
        "items": [
            {
                "id": row.pk,
                "edition": edition,
                "slug": row.slug,
                "name": row.name,
                "role": row.role,
                "url": content.site_url(row, edition),
            }
            for row in rows
        ],
        "next": _next("api:authors", {"edition": edition, "limit": limit}, after),
    }
