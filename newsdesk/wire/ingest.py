"""A partner's ninjs document brought in through the write path (decision 0053).

Each document is taken whole or not at all, in one transaction with its security-log
record: validated against the ninjs schema, read (:mod:`.document`), matched to the wire
item of the same ``uri``, then

- a repeat of the version already taken changes nothing;
- an older version than the one taken is ignored, and the answer says so;
- ``pubStatus`` withheld or canceled withdraws the article (``actions.withdraw``);
- otherwise the files of its pictures are checked as uploads, then stored
  (:mod:`.pictures`, decision 0057), and the article is created or given a new revision:
  published at once for a trusted partner (scheduled when ``embargoedUntil`` is ahead),
  or a draft in the wire queue for the others, carrying the embargo as its publication
  time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from newsdesk.accounts import security_log
from newsdesk.articles.models import EARLIEST_ORIGINAL, Article, Byline
from newsdesk.articles.slugs import free_slug, slug_from_headline
from newsdesk.people.models import Author
from newsdesk.publishing import actions
from newsdesk.taxonomy.models import Tag

from . import document as ninjs
from . import pictures, placement, schema
from .models import Partner, WireImage, WireItem
from .schema import Problem

INGESTED = "wire_ingested"
REFUSED = "wire_refused"
TOKEN_REFUSED = "wire_token_refused"  # noqa: S105 - an event name, not a token

# Outcomes, as the partner and the command line see them.
PUBLISHED = "published"
SCHEDULED = "scheduled"
QUEUED = "queued"
WITHDRAWN = "withdrawn"
DUPLICATE = "duplicate"
OLDER = "older"
# A story first created longer ago than this is not today's news: it goes out dated at
# its first creation, in its own day of the archive (decision 0038), never in the feeds.
ARCHIVE_AFTER = dt.timedelta(days=2)


class Refused(Exception):
    """The document was not taken; ``problems`` say why, in the partner's terms."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.path}: {p.message}" for p in problems))
        self.problems = problems


@dataclass
class Result:
    outcome: str
    uri: str
    version: str
    article_id: int | None
    message: str
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.outcome not in {DUPLICATE, OLDER}

    def as_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "uri": self.uri,
            "version": self.version,
            "article": self.article_id,
            "message": self.message,
            "warnings": self.warnings,
        }


def ingest(
    document: Any,
    *,
    partner: Partner,
    request: HttpRequest | None = None,
    via: str = "http",
    attachments: pictures.Attachments | None = None,
) -> Result:
    """Take one ninjs document from ``partner``, with the files its pictures name
    (``attachments``, by name), or raise :class:`Refused`."""
    uri = str(document.get("uri", ""))[:500] if isinstance(document, dict) else ""
    try:
        problems = schema.check(document)
        if problems:
            raise Refused(problems)
        story = ninjs.read(document, edition=partner.edition)
        with transaction.atomic():
            result = _take(story, partner, attachments or {})
            details: dict[str, Any] = {
                "partner": partner.name,
                "via": via,
                "uri": story.uri,
                "version": story.version,
                "outcome": result.outcome,
                "article": result.article_id,
            }
            if story.pictures and result.changed:
                details["pictures"] = len(story.pictures)  # how many a taken version brought
            security_log.record(INGESTED, request=request, **details)
        return result
    except ninjs.Unreadable as exc:
        refused = Refused(exc.problems)
    except ValidationError as exc:
        refused = Refused([Problem("", " ".join(str(m) for m in exc.messages))])
    except Refused as exc:
        refused = exc
    security_log.record(
        REFUSED,
        request=request,
        partner=partner.name,
        via=via,
        uri=uri,
        problems=[p.as_json() for p in refused.problems[:5]],
    )
    raise refused


def _order(item: WireItem, story: ninjs.Story) -> int:
    """1 when ``story`` is newer than the version taken, 0 the same, -1 older. Versions
    that are numbers are compared as numbers, others by ``versionCreated``; two versions
    that cannot be told apart come in the order they arrive."""
    if story.version == item.version and (
        story.version or story.version_created == item.version_created
    ):
        return 0
    if story.version.isdigit() and item.version.isdigit():
        ours, theirs = int(story.version), int(item.version)
        return (ours > theirs) - (ours < theirs)
    earlier = story.version_created is not None and item.version_created is not None
    return -1 if earlier and story.version_created < item.version_created else 1  # type: ignore[operator]


def _take(story: ninjs.Story, partner: Partner, attachments: pictures.Attachments) -> Result:
    item = WireItem.objects.select_for_update().filter(partner=partner, uri=story.uri).first()
    if item is not None:
        order = _order(item, story)
        if order == 0:
            return Result(
                DUPLICATE,
                story.uri,
                story.version,
                item.article_id,
                _("Version %(version)s of this item was taken already: nothing changed.")
                % {"version": story.version or "—"},
            )
        if order < 0:
            return Result(
                OLDER,
                story.uri,
                story.version,
                item.article_id,
                _(
                    "Version %(version)s is older than version %(taken)s, taken already: "
                    "it was ignored."
                )
                % {"version": story.version or "—", "taken": item.version or "—"},
            )
    else:
        item = WireItem(partner=partner, uri=story.uri)
    item.version = story.version
    item.version_created = story.version_created
    item.first_created = story.first_created or item.first_created
    item.received_at = timezone.now()
    article = Article.objects.filter(pk=item.article_id).first() if item.article_id else None
    if story.withdrawn:
        outcome, message = _withdraw(item, article, partner)
    else:
        # Every file is checked before anything is written (a repeat or an older version
        # needs none): a refused one leaves nothing.
        checked, problems = pictures.check(story.pictures, attachments)
        if problems:
            raise Refused(problems)
        article, outcome, message = _file(item, article, story, partner, checked)
        item.article = article
    item.save()
    return Result(outcome, story.uri, story.version, item.article_id, message, story.warnings)


def _withdraw(item: WireItem, article: Article | None, partner: Partner) -> tuple[str, str]:
    item.state = WireItem.WITHDRAWN
    if article is None:
        return WITHDRAWN, _("Withdrawn before it was taken: nothing was published.")
    actions.withdraw(article=article, reason=f"{partner.name}: {item.uri} {item.version}")
    return WITHDRAWN, _("Withdrawn: the article is off the site and unscheduled.")


def _file(
    item: WireItem,
    article: Article | None,
    story: ninjs.Story,
    partner: Partner,
    checked: list[pictures.Checked],
) -> tuple[Article, str, str]:
    locale = Locale.objects.get(language_code=partner.edition)
    if article is None:
        article = Article(locale=locale, section_id=partner.section_id)
        base = slug_from_headline(story.headline, max_length=120) or "wire"
        article.slug = free_slug(base, locale_id=locale.pk)
    article.headline = story.headline
    article.lead = story.lead
    images = pictures.store(partner, checked)
    article.body = placement.with_images(story.body, images)  # type: ignore[assignment]
    _lead(article, story, images, partner)
    found = [_named(Tag, locale, name, 100) for name in story.tags]
    article.tags = list(Tag.objects.filter(pk__in=found))  # type: ignore[assignment]  # modelcluster
    people = [_named(Author, locale, name, 120) for name in story.authors]
    article.bylines = [  # type: ignore[misc]  # modelcluster assigns children
        Byline(author_id=pk, sort_order=order) for order, pk in enumerate(people)
    ]
    now = timezone.now()
    embargo = (
        story.embargoed_until if story.embargoed_until and story.embargoed_until > now else None
    )
    if not partner.trusted:
        article.go_live_at = embargo
        # A live article stays as it is: this version waits as its unpublished changes.
        actions.save_draft(article=article)
        item.state = WireItem.QUEUED
        return article, QUEUED, _("Waiting in the wire queue for an editor.")
    if embargo is not None:
        actions.schedule(article=article, go_live_at=embargo)
        item.state = WireItem.SCHEDULED
        return article, SCHEDULED, _("Scheduled for the end of its embargo.")
    article.go_live_at = None
    first = story.first_created
    if (
        article.first_published_at is None
        and first is not None
        and EARLIEST_ORIGINAL <= first < now - ARCHIVE_AFTER
    ):
        actions.publish(article=article, first_published_at=first)
    else:
        actions.publish(article=article)
    item.state = WireItem.PUBLISHED
    return article, PUBLISHED, _("Published.")


def _lead(article: Article, story: ninjs.Story, images: list[int], partner: Partner) -> None:
    """The lead picture as the article's main image. A version without one removes the
    main image the wire set before, but not one an editor chose."""
    if story.lead_picture is not None:
        picture = story.pictures[story.lead_picture]
        article.hero_image_id = images[story.lead_picture]
        article.hero_caption = picture.caption
        article.hero_credit = picture.credit
        article.hero_alt = picture.alt
        return
    if (
        article.hero_image_id is not None
        and WireImage.objects.filter(partner=partner, image_id=article.hero_image_id).exists()
    ):
        article.hero_image_id = None
        article.hero_caption = article.hero_credit = article.hero_alt = ""


def _named(model: Any, locale: Locale, name: str, max_length: int) -> int:
    """A tag or author of the edition by the slug of its name: an existing one is used."""
    slug = slug_from_headline(name, max_length=max_length) or "wire"
    found, _created = model.objects.get_or_create(
        locale=locale, slug=slug, defaults={"name": name[:max_length]}
    )
    return int(found.pk)
