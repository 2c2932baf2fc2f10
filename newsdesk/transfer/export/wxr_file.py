"""One edition as a WordPress export (WXR 1.2): its authors, sections (categories), tags
and stories (a taxonomy of their own), then article by article, each with the attachments
of its images not yet in the file, and postmeta for what WordPress has no field for."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.utils import translation

from newsdesk.api import content
from newsdesk.articles.body import markup
from newsdesk.articles.models import Article
from newsdesk.http_policy import absolute
from newsdesk.live.digest import updates_html
from newsdesk.live.models import LiveUpdate
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story
from newsdesk.taxonomy.models import Tag
from newsdesk.transfer.wordpress import BYLINES_META, OLD_PATHS_META, TRANSLATION_META
from newsdesk.transfer.wxr_writer import Channel, Post, WxrWriter

from .rows import keyset, stamp, upload_path

# WordPress has one id space for posts and attachments: an image's attachment is this
# far above the articles' ids, so the two never meet.
ATTACHMENT_IDS = 1_000_000_000
# The taxonomy stories are filed under (WordPress keeps an unknown taxonomy's terms as
# they are; our importer counts and skips them).
STORY_TAXONOMY = "newsdesk_story"


class EditionWxr:
    """The WXR of one edition: its channel, authors and terms, then article by article,
    each preceded by the attachments of its images that are not yet in the file."""

    def __init__(self, writer: WxrWriter, edition: str, base: str) -> None:
        self.writer = writer
        self.edition = edition
        self.base = base
        self.attached: set[int] = set()
        self.pending: list[tuple[Any, str, str]] = []

    def uploads_url(self, image: Any) -> str:
        return f"{self.base}/wp-content/uploads/{upload_path(image)}"

    def start(self) -> None:
        edition = self.edition
        home = absolute(f"/{edition}/")
        self.writer.start(
            Channel(
                title=f"{settings.WAGTAIL_SITE_NAME} ({edition})",
                link=home,
                description=str(settings.WAGTAIL_SITE_NAME),
                language=edition,
                base_site_url=self.base,
                # The importer's source: one per edition, so both can be imported.
                base_blog_url=home.rstrip("/"),
            ),
            generator="Newsdesk",
        )
        writers: list[tuple[type[Any], Callable[[Any], None]]] = [
            (Author, lambda r: self.writer.author(r.pk, r.slug, r.name)),
            (Section, lambda r: self.writer.category(r.pk, r.slug, r.name, r.description)),
            (Tag, lambda r: self.writer.tag(r.pk, r.slug, r.name, r.description)),
            (Story, lambda r: self.writer.term(r.pk, STORY_TAXONOMY, r.slug, r.title, r.summary)),
        ]
        for model, write in writers:
            for batch in keyset(model.objects.filter(locale__language_code=edition)):
                for row in batch:
                    write(row)

    def _picture(self, image: Any, value: Mapping[str, Any]) -> str:
        """A body image as the original file's address, which both importers resolve to
        the attachment (ours: below ``--media-dir``)."""
        alt = str(value.get("alt") or getattr(image, "description", "") or "")
        caption = str(value.get("caption") or "")
        self.pending.append((image, alt, caption))
        return markup.figure(
            self.uploads_url(image),
            alt,
            caption,
            str(value.get("credit") or ""),
            image.width,
            image.height,
        )

    def _attachment(self, image: Any, parent: int, alt: str, caption: str) -> int:
        number = ATTACHMENT_IDS + int(image.pk)
        if image.pk in self.attached:
            return number
        self.attached.add(image.pk)
        address = self.uploads_url(image)
        self.writer.post(
            Post(
                post_id=number,
                post_type="attachment",
                title=image.title,
                link=address,
                guid=address,
                creator="",
                content=getattr(image, "description", "") or "",
                excerpt=html.escape(caption),
                status="inherit",
                slug="",
                date=image.created_at,
                parent=parent,
                attachment_url=address,
                meta=[("_wp_attached_file", upload_path(image)), ("_wp_attachment_image_alt", alt)],
            )
        )
        return number

    def article(
        self,
        article: Article,
        *,
        body: content.Marked,
        status: tuple[str, dt.datetime | None],
        live_updates: list[LiveUpdate],
        old_paths: list[str],
    ) -> None:
        edition = self.edition
        self.pending = []
        # Rendered once for both formats (``content.partner_bodies``); here each picture
        # links its original file.
        markup_html = body.filled(self._picture)
        if live_updates:
            with translation.override(edition):
                markup_html += updates_html(
                    live_updates,
                    page_url=absolute(article.get_url()),
                    render=lambda raw: content.partner_html(raw, edition)[0],
                )
        bylines = list(article.bylines.all())
        section = article.section
        meta: list[tuple[str, str]] = [
            ("_newsdesk_id", str(article.pk)),
            (TRANSLATION_META, str(article.translation_key)),
        ]
        hero = article.hero_image
        if hero is not None:
            alt = article.hero_alt or getattr(hero, "description", "") or ""
            meta.append(
                (
                    "_thumbnail_id",
                    str(self._attachment(hero, article.pk, alt, article.hero_caption)),
                )
            )
            if article.hero_credit:
                meta.append(("_newsdesk_hero_credit", article.hero_credit))
        for image, alt, caption in self.pending:
            self._attachment(image, article.pk, alt, caption)
        if article.labels:
            meta.append(("_newsdesk_labels", json.dumps(article.labels)))
        if article.coverage:
            meta.append(("_newsdesk_coverage", str(article.coverage)))
        if len(bylines) > 1:
            meta.append((BYLINES_META, json.dumps([b.author.slug for b in bylines])))
        sources = content.sources(article)
        if sources:
            meta.append(("_newsdesk_sources", json.dumps(sources, ensure_ascii=False)))
        log = [
            {"kind": e.kind, "at": stamp(e.created_at), "text": e.text}
            for e in (article.update_log.all() if article.live else ())
        ]
        if log:
            meta.append(("_newsdesk_update_log", json.dumps(log, ensure_ascii=False)))
        if old_paths:
            # One value, a line each: WordPress keeps it; our importer redirects them.
            meta.append((OLD_PATHS_META, "\n".join(old_paths)))
        terms = [("category", section.slug, section.name)]
        terms += [("post_tag", tag.slug, tag.name) for tag in article.tags.all()]
        if article.story_id is not None and article.story is not None:
            terms.append((STORY_TAXONOMY, article.story.slug, article.story.title))
        wp_status, moment = status
        self.writer.post(
            Post(
                post_id=article.pk,
                post_type="post",
                title=article.headline,
                link=absolute(article.get_url()),
                guid=f"{self.base}/?p={article.pk}",
                creator=bylines[0].author.slug if bylines else "",
                content=markup_html,
                excerpt=html.escape(article.lead),
                status=wp_status,
                slug=article.slug,
                date=moment,
                modified=article.modified_at,
                terms=terms,
                meta=meta,
            )
        )

    def finish(self) -> None:
        self.writer.finish()
