"""Test helpers for feeds and sitemaps: new articles, a bulk-grown archive, the vendored
sitemap schemas."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from newsdesk.articles.models import Article, Byline, TagLink
from newsdesk.syndication import archive
from newsdesk.testing import factories

REPOSITORY = Path(__file__).resolve().parents[3]
SCHEMAS = REPOSITORY.parent / "shared" / "vendor-schemas" / "sitemaps"
# Google's hreflang links in sitemaps are XHTML ``link`` elements, which no vendor schema here
# declares; this small schema of ours does, so they are validated rather than let through.
XHTML_LINK = Path(__file__).with_name("xhtml-link.xsd")


def new_article(edition: str, slug: str, **fields) -> Article:
    """An unsaved article in the edition, with the section, a tag and the author of a
    published one, so that it shows up in their feeds once published."""
    template = Article.objects.published().in_edition(edition).filter(tags__isnull=False).first()
    assert template is not None
    fields.setdefault("lead", "What happened, in one paragraph.")
    return factories.article(
        edition,
        slug,
        in_section=template.section,
        tags=template.tags.all(),
        authors=[byline.author for byline in template.bylines.all()],
        hero_image=template.hero_image,
        **fields,
    )


@dataclass(frozen=True)
class Scope:
    """A section, tag and author slug of an edition that a given article appears under."""

    edition: str
    section: str
    tag: str
    author: str

    def feeds(self) -> dict[str, str]:
        def url(name: str, **kwargs: str) -> str:
            return reverse(f"syndication:{name}", kwargs={"edition": self.edition, **kwargs})

        return {
            "news rss": url("news_rss"),
            "news atom": url("news_atom"),
            "news json": url("news_json"),
            "section rss": url("section_rss", slug=self.section),
            "section atom": url("section_atom", slug=self.section),
            "tag rss": url("tag_rss", slug=self.tag),
            "tag atom": url("tag_atom", slug=self.tag),
            "author rss": url("author_rss", slug=self.author),
            "author atom": url("author_atom", slug=self.author),
        }


def scope_of(article: Article) -> Scope:
    return Scope(
        edition=article.locale.language_code,
        section=article.section.slug,
        tag=article.tags.first().slug,
        author=article.bylines.first().author.slug,
    )


def grow_archive(per_edition: int, *, months: int, recent: int = 0) -> None:
    """Add ``per_edition`` published articles to each edition, spread evenly over the
    ``months`` months before the present one, plus ``recent`` in each edition within the
    last day; written in bulk (the sizes the query counts must not depend on)."""
    now = timezone.now()
    start = archive.Period(archive.first_of_month(now)).start
    rows: list[Article] = []
    for edition in ("uk", "en"):
        template = Article.objects.published().in_edition(edition).filter(tags__isnull=False)
        sample = template.first()
        assert sample is not None
        for n in range(per_edition + recent):
            if n < per_edition:
                month = start
                for _step in range(1 + n % months):
                    month = (month - dt.timedelta(days=1)).replace(day=1)
                when = month + dt.timedelta(days=n % 27, minutes=n)
            else:
                when = now - dt.timedelta(hours=2, minutes=n)
            rows.append(
                Article(
                    locale_id=sample.locale_id,
                    translation_key=uuid.uuid4(),
                    headline=f"Archive story {edition} {n}",
                    slug=f"archive-{edition}-{n}-{uuid.uuid4().hex[:6]}",
                    lead="From the archive.",
                    body=[
                        {"type": "paragraph", "value": "<p>What happened that day.</p>"},
                        {"type": "image", "value": {"image": sample.hero_image_id, "alt": ""}},
                    ],
                    section_id=sample.section_id,
                    hero_image_id=sample.hero_image_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=when,
                    last_published_at=when,
                )
            )
    created = Article.objects.bulk_create(rows, batch_size=500)
    tag_links = []
    bylines = []
    samples = {
        edition: Article.objects.published().in_edition(edition).filter(tags__isnull=False).first()
        for edition in ("uk", "en")
    }
    for article in created:
        sample = samples["uk" if article.headline.startswith("Archive story uk") else "en"]
        tag_links += [
            TagLink(article_id=article.pk, tag_id=tag.pk, published_at=article.link_time)
            for tag in sample.tags.all()
        ]
        bylines += [
            Byline(
                article_id=article.pk,
                author_id=b.author_id,
                sort_order=0,
                published_at=article.link_time,
            )
            for b in sample.bylines.all()
        ]
    TagLink.objects.bulk_create(tag_links, batch_size=500)
    Byline.objects.bulk_create(bylines, batch_size=500)
    archive.rebuild()


def sitemap_schemas():
    """(urlset schema with the image, news and hreflang extensions, sitemap index schema); skips
    when the shared vendor schemas are not next to the repository."""
    if not SCHEMAS.is_dir():
        pytest.skip(f"vendor schemas not found at {SCHEMAS} (the shared checkout is absent)")
    from lxml import etree

    wrapper = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
        elementFormDefault="qualified">
      <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9"
        schemaLocation="{(SCHEMAS / "sitemap.xsd").as_uri()}"/>
      <xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9"
        schemaLocation="{(SCHEMAS / "sitemap-news.xsd").as_uri()}"/>
      <xsd:import namespace="http://www.google.com/schemas/sitemap-image/1.1"
        schemaLocation="{(SCHEMAS / "sitemap-image.xsd").as_uri()}"/>
      <xsd:import namespace="http://www.w3.org/1999/xhtml"
        schemaLocation="{XHTML_LINK.as_uri()}"/>
    </xsd:schema>"""
    urlset = etree.XMLSchema(etree.fromstring(wrapper.encode()))
    index = etree.XMLSchema(etree.parse(str(SCHEMAS / "siteindex.xsd")))
    return urlset, index
