"""A WordPress export (WXR) brought into one edition, through the write path.

Posts become articles: new ones a batch at a time through ``publishing.bulk`` (decision
0056, ``wordpress_batches``), a changed or scheduled one through ``publishing.actions``;
revisions, the audit log, search, archive months and purges follow as for an editor's
article. Categories become sections, tags tags, authors bylines; featured and body images
come from a local copy of ``wp-content/uploads``, never from the network. Pages, comments,
menus and the rest are counted and skipped. Decision 0042 gives the mapping of
WordPress's concepts and statuses.

Safe to re-run and to resume: every item imported is recorded (``ImportedItem``) under the
source's address and its WordPress id, in its batch's transaction, so an item is there
whole or not at all; a second run leaves an unchanged item alone and updates a changed one.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from lxml import html as lxml_html
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from newsdesk.articles.models import Article, Byline
from newsdesk.articles.slugs import free_slug
from newsdesk.publishing import actions
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag

from . import redirects, wordpress_body, wxr
from . import wordpress_terms as terms
from .collection import frozen_startup
from .models import ImportedItem, Redirect
from .wordpress_batches import (
    _NOT_LOGIN,
    PUBLISH,
    SCHEDULE,
    TRANSLATION_META,
    Batches,
    ItemFailed,
    _messages,
    _uuid,
    state_of,
)

CREATED, UPDATED, SKIPPED, FAILED = "created", "updated", "skipped", "failed"
# Posts written per transaction, and channel declarations (authors, terms) per statement.
BATCH_SIZE = 200
CHANNEL_BATCH = 1000
OUTCOMES = (CREATED, UPDATED, SKIPPED, FAILED)
UPLOADS = "wp-content/uploads/"
# Statuses of items that are nobody's work in progress: nothing to bring over.
IGNORED_STATUSES = {"auto-draft", "trash", "inherit"}
# What a Newsdesk export adds for WordPress's lack of a field (decision 0052): the old
# addresses of the article (a line each), its bylines (a JSON list of logins, the first
# is dc:creator) and the key it shares with its translation.
OLD_PATHS_META = "_newsdesk_old_paths"
BYLINES_META = "_newsdesk_bylines"
NEWSDESK_META = (OLD_PATHS_META, BYLINES_META, TRANSLATION_META)


@dataclass(frozen=True)
class Note:
    """A warning or a failure, naming the item (type, WordPress id, title) and its line."""

    level: str
    type: str
    id: str
    title: str
    line: int
    message: str


@dataclass
class Report:
    """What a run did: counts of outcomes by type, and every warning and failure."""

    source: str = ""
    dry_run: bool = False
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    notes: list[Note] = field(default_factory=list)

    def count(self, kind: str, outcome: str, number: int = 1) -> None:
        self.counts[(kind, outcome)] += number

    def rows(self) -> list[tuple[str, dict[str, int]]]:
        """One row per type, in a stable order: its count of each outcome."""
        kinds = sorted({kind for kind, _outcome in self.counts})
        return [(kind, {o: self.counts[(kind, o)] for o in OUTCOMES}) for kind in kinds]

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "counts": {kind: outcomes for kind, outcomes in self.rows()},
            "warnings": [asdict(note) for note in self.notes if note.level == "warning"],
            "failures": [asdict(note) for note in self.notes if note.level == "failure"],
        }


@dataclass(frozen=True)
class Attachment:
    url: str
    title: str
    alt: str
    caption: str


class _Rollback(Exception):
    """Undoes a dry run's writes."""


class ImageRefused(Exception):
    """A file of the media folder that the site would not take as an image upload."""


def _text_of(markup: str) -> str:
    if not markup.strip():
        return ""
    fragment = lxml_html.fragment_fromstring(markup, create_parent="div")
    return wordpress_body.squeeze(fragment.text_content())


_slug_of = terms.slug_of


def _fingerprint(*parts: Any) -> str:
    data = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def _newsdesk_meta(item: wxr.Item) -> dict[str, str]:
    return {key: item.meta[key] for key in NEWSDESK_META if key in item.meta}


def _logins(raw: str) -> list[str]:
    """A Newsdesk export's bylines: a JSON list of logins (anything else: none)."""
    try:
        found = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [str(login) for login in found] if isinstance(found, list) else []


class Importer(Batches):
    """One run over one export. ``progress`` is told of each item as it is done."""

    def __init__(
        self,
        path: Path,
        *,
        edition: str = "uk",
        media_dir: Path | None = None,
        dry_run: bool = False,
        progress: Callable[[], None] | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.path = path
        self.edition = edition
        self.locale = Locale.objects.get(language_code=edition)
        self.media_dir = media_dir.resolve() if media_dir is not None else None
        self.dry_run = dry_run
        self.progress = progress or (lambda: None)
        self.site = wxr.site(path)
        self.source = self.site.address
        self.report = Report(source=self.source, dry_run=dry_run)
        self.hosts: set[str] = {
            host
            for address in (self.site.base_blog_url, self.site.link)
            if (host := urlsplit(address).hostname)
        } or {urlsplit(self.site.base_site_url).hostname or ""}
        self.attachments: dict[int, Attachment] = {}
        self.authors: dict[str, int] = {}
        self.sections: dict[str, int] = {}
        self.tags: dict[str, int] = {}
        # Undeclared authors made for a dc:creator, by the login cleaned of its dirt.
        self.made_authors: dict[str, int] = {}
        # Our image of each file of the media folder, once found or made in this run: a
        # featured image shared by thousands of posts costs its lookups once.
        self.images: dict[str, int] = {}
        self.term_failures: dict[tuple[str, str], str] = {}
        self.batch_size = batch_size
        self.items = 0
        self.image_warnings: list[str] = []

    # -- the run -------------------------------------------------------------------------

    def survey(self) -> int:
        """The first pass: the attachments (a featured image may come after its post) and
        the number of items, for the progress bar. Holds only the attachments' addresses;
        parses only the items that could be one (the rest are counted)."""
        for part in wxr.read(self.path, unless=lambda raw: b"attachment" not in raw):
            if isinstance(part, wxr.Unread):
                self.items += 1
            elif isinstance(part, wxr.Item):
                self.items += 1
                if part.post_type == "attachment" and part.wp_id is not None:
                    self.attachments[part.wp_id] = Attachment(
                        url=part.attachment_url or part.guid,
                        title=part.title,
                        alt=part.meta.get("_wp_attachment_image_alt", ""),
                        caption=_text_of(part.excerpt),
                    )
        return self.items

    def run(self) -> Report:
        if not self.items:
            self.survey()
        if not self.source:
            self._note("failure", "file", "", "", 1, "the export names no site address")
            return self.report
        channel: list[wxr.Author | wxr.Term] = []
        posts: list[wxr.Item] = []
        with frozen_startup(), self._dry_run_transaction():
            for part in wxr.read(self.path):
                if isinstance(part, wxr.Problem):
                    self._note("failure", "file", "", "", part.line, part.message)
                elif isinstance(part, wxr.Author | wxr.Term):
                    channel.append(part)
                    if len(channel) >= CHANNEL_BATCH:
                        self._channel(channel)
                        channel = []
                elif isinstance(part, wxr.Item):
                    self._channel(channel)
                    channel = []
                    if part.post_type == "post" and part.status not in IGNORED_STATUSES:
                        posts.append(part)
                        if len(posts) >= self.batch_size:
                            self._posts(posts)
                            posts = []
                    else:
                        self._item(part)
                        self.progress()
            self._channel(channel)
            self._posts(posts)
        return self.report

    @contextmanager
    def _dry_run_transaction(self) -> Iterator[None]:
        """A dry run does everything in one transaction and rolls it back at the end:
        what it reports is what a real run would do, and nothing stays."""
        if not self.dry_run:
            yield
            return
        try:
            with transaction.atomic():
                yield
                raise _Rollback
        except _Rollback:
            pass

    def _note(self, level: str, kind: str, wp_id: str, title: str, line: int, message: str) -> None:
        self.report.notes.append(Note(level, kind, wp_id, title, line, message))

    def _guarded(
        self, kind: str, wp_id: str, title: str, line: int, part: Any, work: Callable[[Any], str]
    ) -> None:
        """``work`` on one part in its own transaction: whole, or not at all and reported."""
        try:
            with transaction.atomic():
                outcome = work(part)
        except ItemFailed as exc:
            self._fail(kind, wp_id, title, line, str(exc))
        except ValidationError as exc:
            self._fail(kind, wp_id, title, line, _messages(exc))
        except Exception as exc:  # one bad item must not stop an archive's import
            self._fail(kind, wp_id, title, line, f"{type(exc).__name__}: {exc}")
        else:
            self.report.count(kind, outcome)

    def _fail(self, kind: str, wp_id: str, title: str, line: int, message: str) -> None:
        self.report.count(kind, FAILED)
        self._note("failure", kind, wp_id, title, line, message)

    def _record(self, key: str) -> ImportedItem | None:
        return ImportedItem.objects.filter(source=self.source, key=key).first()

    def _remember(self, key: str, kind: str, object_id: int, fingerprint: str = "") -> None:
        ImportedItem.objects.update_or_create(
            source=self.source,
            key=key,
            defaults={"kind": kind, "object_id": object_id, "fingerprint": fingerprint},
        )

    # -- authors, sections, tags ---------------------------------------------------------

    def _channel(self, parts: list[wxr.Author | wxr.Term]) -> None:
        """The channel's authors and terms, a batch at a time (``wordpress_terms``)."""
        if not parts:
            return
        authors: list[tuple[terms.Wanted, int]] = []
        sections: list[tuple[terms.Wanted, int]] = []
        tags: list[tuple[terms.Wanted, int]] = []
        for part in parts:
            if isinstance(part, wxr.Author):
                authors.append((terms.Wanted(part.login, part.display_name), part.line))
            elif part.kind == "category":
                sections.append((terms.Wanted(part.slug, part.name), part.line))
            elif part.kind == "post_tag":
                tags.append((terms.Wanted(part.slug, part.name), part.line))
            else:
                self.report.count(f"term:{part.kind}", SKIPPED)
        for kind, label, wanted in (
            (terms.AUTHOR, "author", authors),
            (terms.SECTION, "section", sections),
            (terms.TAG, "tag", tags),
        ):
            into = {"author": self.authors, "section": self.sections, "tag": self.tags}[label]
            for want, line, failure in self._ensure(kind, label, wanted, into, counted=True):
                self._fail(label, want.raw, want.name, line, failure)

    def _ensure(
        self,
        kind: terms.Kind,
        label: str,
        wanted: list[tuple[terms.Wanted, int]],
        into: dict[str, int],
        *,
        counted: bool,
    ) -> list[tuple[terms.Wanted, int, str]]:
        """Got or made, each remembered by its WordPress slug or login; returns those
        that could not be, with why."""
        if not wanted:
            return []
        try:
            with transaction.atomic():
                got = terms.get_or_make(
                    kind, [want for want, _line in wanted], source=self.source, locale=self.locale
                )
        except Exception as exc:  # the batch is rolled back; each of it is reported
            return [(want, line, f"{type(exc).__name__}: {exc}") for want, line in wanted]
        failed = []
        seen: set[str] = set()
        for want, line in wanted:
            key = want.key(kind)
            result = got[key]
            if result.pk is None:
                failed.append((want, line, result.failure))
                continue
            into[want.raw] = result.pk
            if counted:
                self.report.count(label, SKIPPED if key in seen else result.outcome)
            seen.add(key)
        return failed

    # -- items ---------------------------------------------------------------------------

    def _item(self, item: wxr.Item) -> None:
        wp_id = "" if item.wp_id is None else str(item.wp_id)
        if item.comments:
            self.report.count("comment", SKIPPED, item.comments)
        if item.post_type != "post":
            # Pages have no place among articles; attachments come in as images when a
            # post uses them; menus and the rest are the old theme's.
            self.report.count(item.post_type, SKIPPED)
            for problem in item.problems:
                self._note("warning", item.post_type, wp_id, item.title, item.line, problem)
            return
        if item.status in IGNORED_STATUSES:
            self.report.count("post", SKIPPED)
            self._note(
                "warning", "post", wp_id, item.title, item.line, f"status {item.status}: skipped"
            )
            return
        warnings: list[str] = list(item.problems)
        self.image_warnings = warnings
        # What this item makes on the way (an author, a section, an image) is undone with
        # it when it fails: the run must not remember rows that were rolled back.
        known = self._known()
        failure = ""
        try:
            with transaction.atomic():
                self._terms_of([item])
                outcome = self._post(item, warnings)
        except ItemFailed as exc:
            failure = str(exc)
        except ValidationError as exc:
            failure = _messages(exc)
        except Exception as exc:  # one bad item must not stop an archive's import
            failure = f"{type(exc).__name__}: {exc}"
        if failure:
            self._forget_since(known)
            self._fail("post", wp_id, item.title, item.line, failure)
            for problem in item.problems:  # often the reason behind the failure
                self._note("warning", "post", wp_id, item.title, item.line, problem)
        else:
            self.report.count("post", outcome)
            for message in warnings:
                self._note("warning", "post", wp_id, item.title, item.line, message)

    def _post(self, item: wxr.Item, warnings: list[str]) -> str:
        if item.wp_id is None and not item.guid:
            raise ItemFailed("neither a wp:post_id nor a guid: a second run could not know it")
        fingerprint = self._fingerprint_of(item)
        record = self._record(item.key)
        article = None
        if record is not None:
            if record.fingerprint == fingerprint:
                return SKIPPED
            article = Article.objects.filter(pk=record.object_id).first()
        creating = article is None
        if article is None:
            article = Article(locale=self.locale)
            twin_key = _uuid(item.meta.get(TRANSLATION_META, ""))
            if twin_key is not None and not self._twins_taken([item]):
                # Its translation, imported into the other edition, finds it again.
                article.translation_key = twin_key
        self._fill(article, item, warnings)
        article.section = Section.objects.get(pk=article.section_id)
        if creating:
            base = _slug_of(item.slug, item.title, max_length=120) or f"post-{item.wp_id}"
            article.slug = free_slug(base, locale_id=self.locale.pk)
            if article.slug != base:
                warnings.append(
                    f"the slug «{base}» is taken in this edition: imported as «{article.slug}»"
                )
        self._save(article, item, warnings)
        self._remember(item.key, "post", article.pk, fingerprint)
        for old in self._old_paths(item):
            Redirect.objects.update_or_create(old_path=old, defaults={"article": article})
        return CREATED if creating else UPDATED

    def _fingerprint_of(self, item: wxr.Item) -> str:
        """A digest of what is imported of a post: a second run compares it (0042)."""
        return _fingerprint(
            self.edition,
            item.title,
            item.slug,
            item.status,
            item.published_at,
            item.content,
            item.excerpt,
            item.creator,
            [(term.domain, term.slug, term.name) for term in item.terms],
            item.meta.get("_thumbnail_id", ""),
            item.link,
            item.guid,
            # Only when there: the fingerprints of earlier runs stay as they were.
            *(
                [ours]
                if (ours := {k: item.meta[k] for k in NEWSDESK_META if k in item.meta})
                else []
            ),
        )

    def _fill(self, article: Article, item: wxr.Item, warnings: list[str]) -> None:
        headline = wordpress_body.squeeze(item.title)
        if not headline:
            headline = f"WordPress post {item.wp_id}"
            warnings.append(f"no title: the headline is «{headline}»")
        if len(headline) > 250:
            warnings.append("a title longer than 250 characters was cut")
            headline = headline[:249].rstrip() + "…"
        article.headline = headline
        converted = wordpress_body.convert(item.content, self._find_image)
        warnings.extend(converted.warnings)
        blocks = converted.blocks
        lead = _text_of(item.excerpt)
        if not lead and blocks and blocks[0]["type"] == "paragraph":
            # The first paragraph becomes the lead, shown once above the body.
            lead = _text_of(blocks[0]["value"])
            blocks = blocks[1:]
        article.lead = lead
        article.body = blocks  # type: ignore[assignment]  # StreamField takes raw data
        article.section_id = self._section_of(item, warnings)
        # The links need only the tags' ids: no query for their rows.
        chosen = [Tag(pk=pk, locale=self.locale) for pk in self._tags_of(item)]
        article.tags = chosen  # type: ignore[assignment]  # modelcluster
        person = self._byline_of(item, warnings)
        people = [person] if person is not None else []
        for login in _logins(item.meta.get(BYLINES_META, ""))[1:]:
            if self.authors.get(login) not in (None, *people):
                people.append(self.authors[login])
        article.bylines = [  # type: ignore[misc]  # modelcluster assigns children
            Byline(author_id=pk, sort_order=order) for order, pk in enumerate(people)
        ]
        self._hero(article, item, warnings)

    def _section_of(self, item: wxr.Item, warnings: list[str]) -> int:
        first, _tags = self._filing(item)
        if not any(term.domain == "category" for term in item.terms):
            warnings.append(f"in no category: filed under «{first.name}»")
        return self._made("section", self.sections, first.slug)

    def _tags_of(self, item: wxr.Item) -> list[int]:
        _first, tagged = self._filing(item)
        return list(dict.fromkeys(self._made("tag", self.tags, term.slug) for term in tagged))

    def _made(self, label: str, known: dict[str, int], raw: str) -> int:
        """A section, tag or author ``_terms_of`` got or made, or why it could not."""
        if raw not in known:
            raise ItemFailed(self.term_failures.get((label, raw), f"no {label} «{raw}»"))
        return known[raw]

    def _byline_of(self, item: wxr.Item, warnings: list[str]) -> int | None:
        """The author of ``dc:creator``. An undeclared one (real exports carry dirt such as
        ``themereviewteam>``) is read as the declared login it contains, or made an author
        of its own; either way the report says so (decision 0042)."""
        creator = item.creator
        if creator in self.authors:
            return self.authors[creator]
        cleaned = _NOT_LOGIN.sub("", creator)
        if cleaned in self.authors:
            warnings.append(f"unknown author «{creator}»: read as «{cleaned}»")
            self.authors[creator] = self.authors[cleaned]
            return self.authors[cleaned]
        if not cleaned:
            warnings.append("no author (dc:creator): imported without a byline")
            return None
        warnings.append(f"unknown author «{creator}»: an author «{cleaned}» was made")
        person = self._made("author", self.made_authors, cleaned)
        self.authors[creator] = person
        return person

    def _hero(self, article: Article, item: wxr.Item, warnings: list[str]) -> None:
        raw = item.meta.get("_thumbnail_id", "").strip()
        if not raw:
            return
        attachment = self.attachments.get(int(raw)) if raw.isdigit() else None
        if attachment is None:
            warnings.append(f"featured image {raw}: no such attachment in the export")
            return
        found = self._find_image(attachment.url)
        if found is None:
            warnings.append(f"featured image not in the media folder: {attachment.url}")
            return
        article.hero_image_id = found
        article.hero_caption = attachment.caption[:300]
        article.hero_alt = attachment.alt[:300]

    def _save(self, article: Article, item: wxr.Item, warnings: list[str]) -> None:
        """Through the write path, in the state WordPress had it in (decision 0042)."""
        published_before = article.first_published_at is not None
        state = state_of(item, published_before=published_before, now=timezone.now())
        if state.warning:
            warnings.append(state.warning)
        if state.verb == PUBLISH and state.moment is None:
            actions.publish(article=article)  # already out: a silent revision
        elif state.verb == PUBLISH:
            actions.publish(article=article, first_published_at=state.moment)
        elif state.verb == SCHEDULE and state.moment is not None:
            actions.schedule(article=article, go_live_at=state.moment)
        else:
            if article.live:
                actions.unpublish(article=article)
            actions.save_draft(article=article)

    def _old_paths(self, item: wxr.Item) -> list[str]:
        found = [redirects.of_url(item.link, self.hosts), redirects.of_url(item.guid, self.hosts)]
        if item.wp_id is not None:
            found.append(redirects.normalise("/", f"p={item.wp_id}"))
        # A Newsdesk export carries the article's own old addresses (decision 0052).
        for line in item.meta.get(OLD_PATHS_META, "").splitlines():
            if line.startswith("/") and not line.startswith("//"):
                parts = urlsplit(line)
                found.append(redirects.normalise(parts.path, parts.query))
        return list(dict.fromkeys(path for path in found if path))

    # -- images --------------------------------------------------------------------------

    def _find_image(self, address: str) -> int | None:
        """``wordpress_body.ImageFinder``: an attachment id or an uploads address → our
        image, made once per file from the media folder (never fetched), or None."""
        if address.isdigit():
            attachment = self.attachments.get(int(address))
            if attachment is None:
                return None
            address = attachment.url
        path = urlsplit(address).path
        # A self-hosted site serves uploads under wp-content/uploads/; WordPress.com from
        # the root of its files host ("/2013/03/name.jpg"): the same layout either way.
        relative = path.split(UPLOADS, 1)[1] if UPLOADS in path else path.lstrip("/")
        if not relative:
            return None
        try:
            return self._image(unquote(relative))
        except ImageRefused as exc:
            # The post comes in without it; the report says why.
            self.image_warnings.append(str(exc))
            return None

    def _image(self, relative: str) -> int | None:
        if relative in self.images:
            return self.images[relative]
        key = f"file:{relative}"
        record = self._record(key)
        model = get_image_model()
        if record is not None and model.objects.filter(pk=record.object_id).exists():
            self.images[relative] = record.object_id
            return record.object_id
        if self.media_dir is None:
            return None
        file = (self.media_dir / relative).resolve()
        if not file.is_relative_to(self.media_dir) or not file.is_file():
            return None
        extension = file.suffix.lower().lstrip(".")
        allowed = getattr(settings, "WAGTAILIMAGES_EXTENSIONS", ["gif", "jpg", "jpeg", "png"])
        limit = getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
        pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)
        if extension not in allowed:
            raise ImageRefused(f"image {relative}: .{extension} is not an allowed image type")
        if limit and file.stat().st_size > limit:
            raise ImageRefused(f"image {relative}: larger than the upload limit of {limit} bytes")
        try:
            with PillowImage.open(file) as opened:
                width, height = opened.size
                opened.verify()
        except Exception as exc:  # Pillow raises many kinds for a bad file
            raise ImageRefused(f"image {relative}: not a readable image ({exc})") from exc
        if pixels and width * height > pixels:
            raise ImageRefused(f"image {relative}: more than {pixels} pixels")
        title = file.stem.replace("-", " ").replace("_", " ")[:255] or relative
        if self.dry_run:
            # A row without its file, rolled back with the rest: a dry run writes no file.
            image = model.objects.create(
                title=title, file=f"original_images/{file.name}", width=width, height=height
            )
        else:
            with file.open("rb") as stream:
                image = model.objects.create(
                    title=title, file=ImageFile(stream, name=file.name), width=width, height=height
                )
        self._remember(key, "image", image.pk)
        self.report.count("image", CREATED)
        self.images[relative] = int(image.pk)
        return int(image.pk)


def default_report_path(path: Path) -> Path:
    """Where the JSON report goes unless told: the working folder, named after the file."""
    return Path(f"import-{path.stem}.report.json")
