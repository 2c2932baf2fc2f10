"""The whole newsroom written out in open formats, for a newsroom that leaves (decision 0052).

One folder holds:

- ``ninjs/<edition>/<id>.json``: each article as IPTC ninjs 3.1, by the API's own serialiser
  (:mod:`newsdesk.api.ninjs`): a published article as readers see it, a draft or a
  scheduled one as its latest revision (``pubStatus`` withheld, ``embargoedUntil`` its time);
- ``wordpress-<edition>.xml``: each edition as a WordPress export (WXR 1.2) that WordPress's
  importer and ours read: sections as categories, tags, authors, stories as a taxonomy of
  their own, images as attachments, and postmeta (``_newsdesk_*``) for what WordPress has
  no field for;
- ``uploads/``: every image's original file, where the attachments' addresses
  (``…/wp-content/uploads/<path>``) say, so ``import_wxr --media-dir DIR/uploads`` finds them;
- ``newsroom/*.jsonl``: what neither format has a place for, a JSON object a line
  (sections, tags, authors, stories with their timelines, live updates, corrections,
  redirects, images);
- ``manifest.json``, written last (an export without it is unfinished): what was written,
  with one entry per ninjs document.

Streaming: rows are read in keyset batches (``pk > last``), each item is written as it is
read and forgotten, so memory holds one batch whatever the archive's size.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone, translation
from wagtail.images import get_image_model

from newsdesk.api import content, ninjs
from newsdesk.articles.body import markup
from newsdesk.articles.models import LIVE, LIVE_ENDED, Article, PublishedSlug, UpdateLogEntry
from newsdesk.http_policy import absolute
from newsdesk.live.digest import updates_html
from newsdesk.live.models import LiveUpdate
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story, TimelineEntry
from newsdesk.taxonomy.models import Tag

from .models import Redirect
from .wordpress import OLD_PATHS_META
from .wxr_writer import Channel, Post, WxrWriter

FORMATS = ("ninjs", "wxr")
BATCH = 200
MANIFEST = "manifest.json"
UPLOADS = "uploads"
# WordPress has one id space for posts and attachments: an image's attachment is this
# far above the articles' ids, so the two never meet.
ATTACHMENT_IDS = 1_000_000_000
# The taxonomy stories are filed under in the WXR (WordPress keeps unknown taxonomies'
# terms as they are; our importer counts and skips them).
STORY_TAXONOMY = "newsdesk_story"
# What an export writes: --force clears these, and nothing else, from the folder.
WRITTEN = ("ninjs", "newsroom", UPLOADS, MANIFEST)

Row = TypeVar("Row", bound=models.Model)


class ExportRefused(Exception):
    """The folder cannot take an export; the message says why."""


def check_folder(folder: Path, *, force: bool) -> None:
    """Refuse a folder the export cannot write, or one holding something else (unless
    ``force``, which clears a previous export's files, never anything else)."""
    if folder.exists() and not folder.is_dir():
        raise ExportRefused("not-a-folder")
    if folder.is_dir() and any(folder.iterdir()):
        if not force:
            raise ExportRefused("not-empty")
        for name in (*WRITTEN, *(p.name for p in folder.glob("wordpress-*.xml"))):
            target = folder / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".newsdesk-export-probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ExportRefused("unwritable") from exc


def keyset(queryset: models.QuerySet[Row], size: int = BATCH) -> Iterator[list[Row]]:
    """``queryset`` in batches of ``size`` by primary key (``pk > last``): each batch costs
    what the first does, and memory holds one batch."""
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk")[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def _stamp(moment: dt.datetime | dt.date | dt.time | None) -> str | None:
    if moment is None:
        return None
    return moment.isoformat().replace("+00:00", "Z")


def _json_line(stream: IO[str], data: Mapping[str, Any]) -> None:
    stream.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


def upload_path(image: Any) -> str:
    """Where an image's original goes in the export, below ``uploads/``."""
    return str(image.file.name)


class Exporter:
    """One export of ``editions`` in ``formats`` into ``folder`` (checked by
    :func:`check_folder`). ``progress`` is told of each article and image as it is done."""

    def __init__(
        self,
        folder: Path,
        *,
        editions: list[str],
        formats: tuple[str, ...] = FORMATS,
        batch_size: int = BATCH,
        progress: Callable[[], None] | None = None,
    ) -> None:
        self.folder = folder
        self.editions = editions
        self.formats = formats
        self.batch_size = batch_size
        self.progress = progress or (lambda: None)
        self.counts: Counter[str] = Counter()
        self.base = settings.BASE_URL.rstrip("/")
        self.now = timezone.now()

    def articles(self) -> models.QuerySet[Article]:
        """Every article of the export's editions, less those in the trash."""
        return Article.objects.filter(
            locale__language_code__in=self.editions, trashed_at__isnull=True
        )

    def total(self) -> int:
        """The steps of the progress bar: articles and images."""
        return self.articles().count() + get_image_model().objects.count()

    def run(self) -> Counter[str]:
        (self.folder / "newsroom").mkdir(exist_ok=True)
        partial = self.folder / (MANIFEST + ".partial")
        with partial.open("w", encoding="utf-8") as manifest:
            manifest.write(
                "{\n"
                f'"format": "newsdesk-export",\n"version": 1,\n'
                f'"exported_at": {json.dumps(_stamp(self.now))},\n'
                f'"site": {json.dumps(self.base)},\n'
                f'"editions": {json.dumps(self.editions)},\n'
                f'"formats": {json.dumps(list(self.formats))},\n'
                '"ninjs": ['
            )
            self._images()
            self._newsroom()
            first = True
            for edition in self.editions:
                for entry in self._edition(edition):
                    manifest.write(("\n" if first else ",\n") + json.dumps(entry))
                    first = False
            files = sorted(
                str(path.relative_to(self.folder))
                for path in self.folder.glob("*")
                if path.name != partial.name
            )
            manifest.write(
                "\n],\n"
                f'"files": {json.dumps(files)},\n'
                f'"counts": {json.dumps(dict(sorted(self.counts.items())))}\n'
                "}\n"
            )
        partial.replace(self.folder / MANIFEST)
        return self.counts

    # -- images --------------------------------------------------------------------------

    def _images(self) -> None:
        """Every image's original file, copied a block at a time, and its record."""
        uploads = self.folder / UPLOADS
        with (self.folder / "newsroom" / "images.jsonl").open("w", encoding="utf-8") as out:
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
                    _json_line(
                        out,
                        {
                            "id": image.pk,
                            "title": image.title,
                            "file": f"{UPLOADS}/{relative}",
                            "width": image.width,
                            "height": image.height,
                            "description": getattr(image, "description", ""),
                            "created_at": _stamp(image.created_at),
                        },
                    )
                    self.progress()

    # -- what neither format has a place for ----------------------------------------------

    def _newsroom(self) -> None:
        folder = self.folder / "newsroom"
        named: list[tuple[str, type[Any], tuple[str, ...]]] = [
            ("sections", Section, ("slug", "name", "description", "sort_order")),
            ("tags", Tag, ("slug", "name", "description")),
            ("authors", Author, ("slug", "name", "role", "bio")),
        ]
        for name, model, fields in named:
            with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as out:
                rows = model.objects.filter(locale__language_code__in=self.editions)
                for batch in keyset(rows.select_related("locale"), self.batch_size):
                    for row in batch:
                        edition = row.locale.language_code
                        data = {
                            "id": row.pk,
                            "edition": edition,
                            "translation_key": str(row.translation_key),
                            **{field: getattr(row, field) for field in fields},
                            "url": absolute(row.get_absolute_url(edition)),
                        }
                        _json_line(out, data)
                        self.counts[name] += 1
        self._stories(folder)
        self._redirects(folder)

    def _stories(self, folder: Path) -> None:
        entries = Prefetch("entries", queryset=TimelineEntry.objects.order_by("occurred_on", "pk"))
        rows = Story.objects.filter(locale__language_code__in=self.editions)
        with (folder / "stories.jsonl").open("w", encoding="utf-8") as out:
            for batch in keyset(
                rows.select_related("locale").prefetch_related(entries), self.batch_size
            ):
                for story in batch:
                    edition = story.locale.language_code
                    _json_line(
                        out,
                        {
                            "id": story.pk,
                            "edition": edition,
                            "translation_key": str(story.translation_key),
                            "slug": story.slug,
                            "title": story.title,
                            "summary": story.summary,
                            "url": absolute(story.get_absolute_url(edition)),
                            "timeline": [_fields(entry) for entry in story.entries.all()],
                        },
                    )
                    self.counts["stories"] += 1
                    self.counts["timeline entries"] += len(story.entries.all())

    def _redirects(self, folder: Path) -> None:
        """Old addresses that lead to an article: an import's old site's, and every slug
        an article was published under."""
        with (folder / "redirects.jsonl").open("w", encoding="utf-8") as out:
            redirects = Redirect.objects.filter(article__locale__language_code__in=self.editions)
            for batch in keyset(redirects.select_related("article__locale"), self.batch_size):
                for redirect in batch:
                    _json_line(
                        out,
                        {
                            "old_path": redirect.old_path,
                            "article": redirect.article_id,
                            "to": absolute(redirect.article.get_url()),
                        },
                    )
                    self.counts["redirects"] += 1
            slugs = PublishedSlug.objects.filter(locale__language_code__in=self.editions)
            for batch in keyset(slugs.select_related("locale", "article"), self.batch_size):
                for old in batch:
                    _json_line(
                        out,
                        {
                            "old_path": f"/{old.locale.language_code}/news/{old.slug}/",
                            "article": old.article_id,
                            "to": absolute(old.article.get_url()),
                        },
                    )
                    self.counts["redirects"] += 1

    # -- articles ------------------------------------------------------------------------

    def _edition(self, edition: str) -> Iterator[dict[str, Any]]:
        """Writes the articles of ``edition``; yields the manifest's entry of each."""
        folder = self.folder / "ninjs" / edition
        if "ninjs" in self.formats:
            folder.mkdir(parents=True, exist_ok=True)
        newsroom = self.folder / "newsroom"
        with ExitStack() as files:
            corrections = files.enter_context(
                (newsroom / f"corrections-{edition}.jsonl").open("w", encoding="utf-8")
            )
            updates = files.enter_context(
                (newsroom / f"live-updates-{edition}.jsonl").open("w", encoding="utf-8")
            )
            wxr = None
            if "wxr" in self.formats:
                stream = files.enter_context(
                    (self.folder / f"wordpress-{edition}.xml").open("w", encoding="utf-8")
                )
                wxr = _EditionWxr(WxrWriter(stream), edition, self.base)
                wxr.start()
            rows = content.for_api(self.articles().in_edition(edition), full=True)
            rows = rows.select_related("story").prefetch_related(
                Prefetch("update_log", queryset=UpdateLogEntry.objects.order_by("created_at"))
            )
            for batch in keyset(rows, self.batch_size):
                old_paths = _old_paths(batch)
                for row in batch:
                    article = row if row.live else _current(row)
                    live_updates = _live_updates(article)
                    for entry in article.update_log.all() if row.live else ():
                        _json_line(corrections, {"article": row.pk, **_fields(entry)})
                        self.counts["corrections and updates"] += 1
                    for update in live_updates:
                        _json_line(updates, _live_update(edition, row.pk, update))
                        self.counts["live updates"] += 1
                    entry = {"id": row.pk, "edition": edition}
                    if "ninjs" in self.formats:
                        item = self._ninjs(article, row)
                        name = f"ninjs/{edition}/{row.pk}.json"
                        (self.folder / name).write_text(
                            json.dumps(item, ensure_ascii=False, indent=1), encoding="utf-8"
                        )
                        entry |= {
                            "file": name,
                            "uri": item["uri"],
                            "pubStatus": item["pubStatus"],
                            "translationKey": str(row.translation_key),
                        }
                    if wxr is not None:
                        wxr.article(
                            article,
                            status=self._status(row),
                            live_updates=live_updates,
                            old_paths=old_paths.get(row.pk, []),
                        )
                    self.counts[f"articles ({edition})"] += 1
                    self.progress()
                    yield entry
            if wxr is not None:
                wxr.finish()
                self.counts[f"attachments ({edition})"] += len(wxr.attached)

    def _status(self, row: Article) -> tuple[str, dt.datetime | None]:
        """WordPress's status of the article and the date that goes with it."""
        if row.live:
            return "publish", row.first_published_at
        scheduled = row.scheduled_revision
        if scheduled is not None and scheduled.approved_go_live_at:
            return "future", scheduled.approved_go_live_at
        return "draft", None

    def _ninjs(self, article: Article, row: Article) -> dict[str, Any]:
        """The API's ninjs of the article; a draft's or a scheduled one's says it is not
        for use (yet), and carries no property it cannot fill (ninjs allows no nulls)."""
        item = ninjs.article_to_ninjs(article)
        if not row.live:
            status, moment = self._status(row)
            item["pubStatus"] = "withheld"
            item["version"] = str(row.latest_revision_id or 1)
            if status == "future" and moment is not None:
                item["embargoedUntil"] = _stamp(moment)
        return {key: value for key, value in item.items() if value is not None}


def _fields(row: models.Model) -> dict[str, Any]:
    """A row's own fields (foreign keys as ids), as JSON takes them."""
    data: dict[str, Any] = {}
    for field in row._meta.concrete_fields:
        value = getattr(row, field.attname)
        data[field.name] = _stamp(value) if isinstance(value, dt.date | dt.time) else value
    return data


def _current(row: Article) -> Article:
    """An unpublished article as its latest revision has it (an editor's draft is kept in
    revisions, not in the row)."""
    revision = row.latest_revision
    if revision is None:
        return row
    current = revision.as_object()
    current.locale = row.locale
    return current


def _live_updates(article: Article) -> list[LiveUpdate]:
    """A live article's updates, newest first (one query, for live coverage only)."""
    if article.coverage not in (LIVE, LIVE_ENDED) or article.pk is None:
        return []
    return list(
        LiveUpdate.objects.filter(article_id=article.pk)
        .select_related("author")
        .order_by("-published_at", "-pk")
    )


def _live_update(edition: str, article_id: int, update: LiveUpdate) -> dict[str, Any]:
    return {
        "id": update.pk,
        "article": article_id,
        "published_at": _stamp(update.published_at),
        "edited_at": _stamp(update.edited_at),
        "title": update.title,
        "author": update.author.slug,
        "pinned": update.pinned,
        "key_event": update.key_event,
        "correction": update.correction,
        "html": content.partner_html(update.body.raw_data, edition)[0],
    }


def _old_paths(articles: list[Article]) -> dict[int, list[str]]:
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


class _EditionWxr:
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
        status: tuple[str, dt.datetime | None],
        live_updates: list[LiveUpdate],
        old_paths: list[str],
    ) -> None:
        edition = self.edition
        self.pending = []
        body, _chosen = content.partner_html(article.body.raw_data, edition, picture=self._picture)
        if live_updates:
            with translation.override(edition):
                body += updates_html(
                    live_updates,
                    page_url=absolute(article.get_url()),
                    render=lambda raw: content.partner_html(raw, edition)[0],
                )
        bylines = list(article.bylines.all())
        section = article.section
        meta: list[tuple[str, str]] = [
            ("_newsdesk_id", str(article.pk)),
            ("_newsdesk_translation_key", str(article.translation_key)),
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
            meta.append(("_newsdesk_bylines", json.dumps([b.author.slug for b in bylines])))
        sources = content.sources(article)
        if sources:
            meta.append(("_newsdesk_sources", json.dumps(sources, ensure_ascii=False)))
        log = [
            {"kind": e.kind, "at": _stamp(e.created_at), "text": e.text}
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
                content=body,
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
