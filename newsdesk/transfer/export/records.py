"""What neither ninjs nor WXR has a place for, as JSON a line each in ``newsroom/``:
images (their originals copied to ``uploads/``), sections, tags, authors, stories with their
timelines, redirects, and per article its live updates and corrections."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from django.db.models import Prefetch
from wagtail.images import get_image_model

from newsdesk.api import content
from newsdesk.articles.models import LIVE, LIVE_ENDED, Article, PublishedSlug
from newsdesk.http_policy import absolute
from newsdesk.live.models import LiveUpdate
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story, TimelineEntry
from newsdesk.taxonomy.models import Tag
from newsdesk.transfer.models import Redirect

from .folder import UPLOADS
from .rows import fields, json_line, keyset, stamp, upload_path


class Records:
    """Writes the records of ``editions`` into ``folder / "newsroom"``, counting them."""

    def __init__(
        self,
        folder: Path,
        *,
        editions: list[str],
        batch_size: int,
        counts: Counter[str],
        progress: Callable[[], None],
    ) -> None:
        self.folder = folder
        self.records = folder / "newsroom"
        self.editions = editions
        self.batch_size = batch_size
        self.counts = counts
        self.progress = progress

    def write(self) -> None:
        self.records.mkdir(exist_ok=True)
        self._images()
        self._named()
        self._stories()
        self._redirects()

    def open(self, name: str) -> IO[str]:
        return (self.records / name).open("w", encoding="utf-8")

    def _images(self) -> None:
        """Every image's original file, copied a block at a time, and its record."""
        uploads = self.folder / UPLOADS
        with self.open("images.jsonl") as out:
            for batch in keyset(get_image_model().objects.all(), self.batch_size):
                for image in batch:
                    relative = upload_path(image)
                    target = uploads / relative
                    target.parent.mkdir(parents=True, exist_ok=True)
                    try:
                        with image.file.open("rb") as source, target.open("wb") as copy:
                            shutil.copyfileobj(source, copy)
                    except OSError:
                        self.counts["images missing"] += 1
                    else:
                        self.counts["images"] += 1
                    json_line(
                        out,
                        {
                            "id": image.pk,
                            "title": image.title,
                            "file": f"{UPLOADS}/{relative}",
                            "width": image.width,
                            "height": image.height,
                            "description": getattr(image, "description", ""),
                            "created_at": stamp(image.created_at),
                        },
                    )
                    self.progress()

    def _named(self) -> None:
        named: list[tuple[str, type[Any], tuple[str, ...]]] = [
            ("sections", Section, ("slug", "name", "description", "sort_order")),
            ("tags", Tag, ("slug", "name", "description")),
            ("authors", Author, ("slug", "name", "role", "bio")),
        ]
        for name, model, names in named:
            with self.open(f"{name}.jsonl") as out:
                rows = model.objects.filter(locale__language_code__in=self.editions)
                for batch in keyset(rows.select_related("locale"), self.batch_size):
                    for row in batch:
                        edition = row.locale.language_code
                        data = {
                            "id": row.pk,
                            "edition": edition,
                            "translation_key": str(row.translation_key),
                            **{field: getattr(row, field) for field in names},
                            "url": absolute(row.get_absolute_url(edition)),
                        }
                        json_line(out, data)
                        self.counts[name] += 1

    def _stories(self) -> None:
        entries = Prefetch("entries", queryset=TimelineEntry.objects.order_by("occurred_on", "pk"))
        rows = Story.objects.filter(locale__language_code__in=self.editions)
        with self.open("stories.jsonl") as out:
            for batch in keyset(
                rows.select_related("locale").prefetch_related(entries), self.batch_size
            ):
                for story in batch:
                    edition = story.locale.language_code
                    json_line(
                        out,
                        {
                            "id": story.pk,
                            "edition": edition,
                            "translation_key": str(story.translation_key),
                            "slug": story.slug,
                            "title": story.title,
                            "summary": story.summary,
                            "url": absolute(story.get_absolute_url(edition)),
                            "timeline": [fields(entry) for entry in story.entries.all()],
                        },
                    )
                    self.counts["stories"] += 1
                    self.counts["timeline entries"] += len(story.entries.all())

    def _redirects(self) -> None:
        """Old addresses that lead to an article: an import's old site's, and every slug
        an article was published under."""
        with self.open("redirects.jsonl") as out:
            redirects = Redirect.objects.filter(article__locale__language_code__in=self.editions)
            for batch in keyset(redirects.select_related("article__locale"), self.batch_size):
                for redirect in batch:
                    json_line(
                        out,
                        {
                            "old_path": redirect.old_path,
                            "article": redirect.article_id,
                            "to": absolute(redirect.article.get_url()),
                        },
                    )
                    self.counts["redirects"] += 1
            slugs = PublishedSlug.objects.filter(
                locale__language_code__in=self.editions
            ).select_related("locale", "article__locale")  # the article's address needs it
            for slug_batch in keyset(slugs, self.batch_size):
                for published in slug_batch:
                    json_line(
                        out,
                        {
                            "old_path": f"/{published.locale.language_code}/news/{published.slug}/",
                            "article": published.article_id,
                            "to": absolute(published.article.get_url()),
                        },
                    )
                    self.counts["redirects"] += 1


def current(row: Article) -> Article:
    """An unpublished article as its latest revision has it (an editor's draft is kept in
    revisions, not in the row)."""
    revision = row.latest_revision
    if revision is None:
        return row
    current = revision.as_object()
    current.locale = row.locale
    return current


def live_updates(article: Article) -> list[LiveUpdate]:
    """A live article's updates, newest first (one query, for live coverage only)."""
    if article.coverage not in (LIVE, LIVE_ENDED) or article.pk is None:
        return []
    return list(
        LiveUpdate.objects.filter(article_id=article.pk)
        .select_related("author")
        .order_by("-published_at", "-pk")
    )


def live_update(edition: str, article_id: int, update: LiveUpdate) -> dict[str, Any]:
    return {
        "id": update.pk,
        "article": article_id,
        "published_at": stamp(update.published_at),
        "edited_at": stamp(update.edited_at),
        "title": update.title,
        "author": update.author.slug,
        "pinned": update.pinned,
        "key_event": update.key_event,
        "correction": update.correction,
        "html": content.partner_html(update.body.raw_data, edition)[0],
    }


def old_paths(articles: list[Article]) -> dict[int, list[str]]:
    """The old addresses that lead to each of ``articles``: an earlier import's, and the
    slugs each was published under before its present one (two queries)."""
    found: dict[int, list[str]] = {}
    ids = [article.pk for article in articles]
    for article_id, path in Redirect.objects.filter(article_id__in=ids).values_list(
        "article_id", "old_path"
    ):
        found.setdefault(article_id, []).append(path)
    current = {article.pk: article.slug for article in articles}
    for article_id, edition, slug in PublishedSlug.objects.filter(article_id__in=ids).values_list(
        "article_id", "locale__language_code", "slug"
    ):
        if slug != current[article_id]:
            found.setdefault(article_id, []).append(f"/{edition}/news/{slug}/")
    return found
