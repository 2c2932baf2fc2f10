"""What the API returns, as documented in its OpenAPI document.

Times are timezone-aware and serialised as ISO 8601 with their offset (UTC, ``Z``).
"""

from __future__ import annotations

from typing import Any

from ninja import Schema
from pydantic import AwareDatetime, Field


class Error(Schema):
    detail: str = Field(description="What went wrong, in English.")
    errors: list[dict[str, Any]] | None = Field(
        None, description="For invalid parameters: each problem with its location."
    )


class SectionOut(Schema):
    id: int
    edition: str
    slug: str
    name: str
    description: str
    url: str = Field(description="The section's page on the site.")


class SectionRef(Schema):
    slug: str
    name: str
    url: str


class TagOut(Schema):
    id: int
    edition: str
    slug: str
    name: str
    url: str


class TagRef(Schema):
    slug: str
    name: str
    url: str


class AuthorOut(Schema):
    id: int
    edition: str
    slug: str
    name: str
    role: str
    url: str


class AuthorRef(Schema):
    slug: str
    name: str
    role: str
    url: str


class ImageOut(Schema):
    url: str = Field(description="The largest web rendition (WebP).")
    width: int
    height: int
    alt: str
    caption: str
    credit: str


class ArticleSummary(Schema):
    id: int
    edition: str = Field(description="uk or en.")
    slug: str
    headline: str
    lead: str
    url: str = Field(description="The article's page on the site.")
    api_url: str
    ninjs_url: str
    section: SectionRef
    labels: list[str] = Field(description="Label codes, Updated included when it applies.")
    published_at: AwareDatetime = Field(description="First publication.")
    updated_at: AwareDatetime | None = Field(
        description="The last substantive update announced to readers, if any."
    )
    modified_at: AwareDatetime = Field(
        description="The last publication of any change (a silent fix included); "
        "what updated_since compares with."
    )
    authors: list[AuthorRef]
    tags: list[TagRef]
    image: ImageOut | None


class Source(Schema):
    name: str
    url: str
    note: str


class UpdateOut(Schema):
    kind: str = Field(description="update, correction or clarification.")
    at: AwareDatetime
    text: str


class TranslationRef(Schema):
    edition: str
    slug: str
    url: str
    api_url: str


class ArticleDetail(ArticleSummary):
    body_html: str = Field(description="The body as HTML, with absolute links and images.")
    sources: list[Source]
    updates: list[UpdateOut] = Field(description="The public update log, newest first.")
    translation: TranslationRef | None = Field(
        description="The published twin in the other edition, if any."
    )


class ArticlePage(Schema):
    items: list[ArticleSummary]
    next: str | None = Field(description="The address of the next page, or null on the last.")


class TagPage(Schema):
    items: list[TagOut]
    next: str | None


class AuthorPage(Schema):
    items: list[AuthorOut]
    next: str | None


class SectionList(Schema):
    items: list[SectionOut]
