"""An export's run: the newsroom records, then edition by edition each article as a ninjs
document and a WXR item, then the manifest, written last."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from wagtail.images import get_image_model

from newsdesk.api import content, ninjs
from newsdesk.articles.models import Article, UpdateLogEntry
from newsdesk.articles.query import ArticleQuerySet
from newsdesk.transfer.wxr_writer import WxrWriter

from . import records
from .folder import MANIFEST
from .rows import BATCH, fields, json_line, keyset, stamp
from .wxr_file import EditionWxr

FORMATS = ("ninjs", "wxr")


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

    def articles(self) -> ArticleQuerySet:
        """Every article of the export's editions, less those in the trash."""
        return Article.objects.filter(
            locale__language_code__in=self.editions, trashed_at__isnull=True
        )

    def total(self) -> int:
        """The steps of the progress bar: articles and images."""
        return self.articles().count() + get_image_model().objects.count()

    def run(self) -> Counter[str]:
        partial = self.folder / (MANIFEST + ".partial")
        with partial.open("w", encoding="utf-8") as manifest:
            manifest.write(
                "{\n"
                f'"format": "newsdesk-export",\n"version": 1,\n'
                f'"exported_at": {json.dumps(stamp(self.now))},\n'
                f'"site": {json.dumps(self.base)},\n'
                f'"editions": {json.dumps(self.editions)},\n'
                f'"formats": {json.dumps(list(self.formats))},\n'
                '"ninjs": ['
            )
            records.Records(
                self.folder,
                editions=self.editions,
                batch_size=self.batch_size,
                counts=self.counts,
                progress=self.progress,
            ).write()
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
                wxr = EditionWxr(WxrWriter(stream), edition, self.base)
                wxr.start()
            rows = content.for_api(self.articles().in_edition(edition), full=True)
            rows = rows.select_related("story").prefetch_related(
                Prefetch("update_log", queryset=UpdateLogEntry.objects.order_by("created_at"))
            )
            for batch in keyset(rows, self.batch_size):
                old_paths = records.old_paths(batch)
                articles = [row if row.live else records.current(row) for row in batch]
                # Each body rendered once for both formats, what they show loaded for the
                # batch; never kept in the cache, which is the site's (decision 0062).
                bodies = content.partner_bodies(articles, edition)
                for row, article in zip(batch, articles, strict=True):
                    live_updates = records.live_updates(article)
                    for logged in article.update_log.all() if row.live else ():
                        json_line(corrections, {"article": row.pk, **fields(logged)})
                        self.counts["corrections and updates"] += 1
                    for update in live_updates:
                        json_line(updates, records.live_update(edition, row.pk, update))
                        self.counts["live updates"] += 1
                    entry = {"id": row.pk, "edition": edition}
                    if "ninjs" in self.formats:
                        body = content.body_of(bodies[article.pk].filled())
                        item = self._ninjs(article, row, body)
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
                            body=bodies[article.pk],
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

    def _ninjs(self, article: Article, row: Article, body: content.Body) -> dict[str, Any]:
        """The API's ninjs of the article; a draft's or a scheduled one's says it is not
        for use (yet), and carries no property it cannot fill (ninjs allows no nulls)."""
        item = ninjs.article_to_ninjs(article, body=body)
        if not row.live:
            status, moment = self._status(row)
            item["pubStatus"] = "withheld"
            item["version"] = str(row.latest_revision_id or 1)
            if status == "future" and moment is not None:
                item["embargoedUntil"] = stamp(moment)
        return {key: value for key, value in item.items() if value is not None}
