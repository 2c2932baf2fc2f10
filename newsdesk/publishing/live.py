"""The write path of live coverage: publish an update, end the coverage, promote an update.

One typed function per verb, each in one transaction, announcing the live article as
changed on commit, so the page, its poll and the front cache follow.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction
from wagtail.log_actions import log

from newsdesk.articles.models import LIVE, LIVE_ENDED, Article, Byline
from newsdesk.articles.slugs import free_slug, slug_from_headline
from newsdesk.live.models import LiveUpdate

from . import actions
from .events import announce

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from django.forms import ModelForm
    from wagtail.models import Revision

PROMOTE_ACTION = "newsdesk.live.promote"
# A changed headline, text or correction makes a published update "edited"; pinning it or
# marking a key event does not. The rich text editor adds a fresh key to every paragraph.
BLOCK_KEY = re.compile(r' data-block-key=\\"[^"\\]*\\"')


def _comparable(body: Any) -> str:
    """The body as readers see it: without block ids and the editor's paragraph keys, which
    change on every save from the admin without changing a word."""
    blocks = [(block.get("type"), block.get("value")) for block in body.get_prep_value()]
    return BLOCK_KEY.sub("", json.dumps(blocks, sort_keys=True))


def _content_changed(update: LiveUpdate) -> bool:
    stored = LiveUpdate.objects.get(pk=update.pk)
    return (
        stored.title != update.title
        or stored.correction != update.correction
        or _comparable(stored.body) != _comparable(update.body)
    )


def publish_live_update(
    *,
    update: LiveUpdate,
    user: AbstractBaseUser | None = None,
    form: ModelForm | None = None,
) -> LiveUpdate:
    """Validate and publish a new update (timestamped now), or a change to a published one
    (marked edited when its text changed). Every save is a revision.

    ``form`` is the admin's bound form, whose data is already on ``update``. Raises
    ``ValidationError`` (nothing saved) when the article is not live.
    """
    with transaction.atomic():
        now = timezone.now()
        if update.pk is None:
            update.published_at = now
            action: Any = CreateAction(update, user=user, form=form, clean=True)
        else:
            if _content_changed(update):
                update.edited_at = now
            action = EditAction(update, user=user, form=form, clean=True)
        if form is None:
            update.full_clean()
        saved: LiveUpdate = action.execute(skip_permission_checks=True)
        if update.edited_at == now or saved.published_at == now:
            _stamp_article(saved.article, now)
        announce(saved.article, "update")
        return saved


def _stamp_article(article: Article, now: dt.datetime) -> None:
    """Make ``now`` the live article's modification time, without a revision: feeds, the
    API, ninjs and the news sitemap read it, and the purge that follows makes them ask."""
    Article.objects.filter(pk=article.pk).update(live_updated_at=now)
    article.live_updated_at = now


@receiver(post_delete, sender=LiveUpdate, dispatch_uid="publishing.live_update_deleted")
def _on_update_deleted(sender: type[LiveUpdate], instance: LiveUpdate, **kwargs: Any) -> None:
    """A removed update changes what readers see just as a new one does. Not when the
    article itself is being deleted (its updates go with it, and nothing is left to show)."""
    origin = kwargs.get("origin")
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    if model is not LiveUpdate:
        return
    if instance.trashed_at is not None:
        return  # purged from the trash: readers stopped seeing it when it was trashed
    article = Article.objects.filter(pk=instance.article_id).first()
    if article is None:
        return
    _stamp_article(article, timezone.now())
    announce(article, "update")


def trash_live_update(*, update: LiveUpdate, user: AbstractBaseUser | None = None) -> None:
    """Move an update to the trash: off the live page, its poll, feeds and the API at once,
    kept with its revisions until the retention period ends (decision 0048)."""
    with transaction.atomic():
        update = LiveUpdate.everything.select_for_update().get(pk=update.pk)
        if update.trashed_at is not None:
            return
        _set_trashed(update, timezone.now(), user)
        log(instance=update, action=actions.TRASH_ACTION, user=user)


def restore_live_update(*, update: LiveUpdate, user: AbstractBaseUser | None = None) -> None:
    """Put an update back on its live page, at its original time."""
    with transaction.atomic():
        update = LiveUpdate.everything.select_for_update().get(pk=update.pk)
        if update.trashed_at is None:
            return
        _set_trashed(update, None, user)
        log(instance=update, action=actions.RESTORE_ACTION, user=user)


def _set_trashed(
    update: LiveUpdate, when: dt.datetime | None, user: AbstractBaseUser | None
) -> None:
    # Not save(): Wagtail's reference index would look the update up where it no longer is.
    LiveUpdate.everything.filter(pk=update.pk).update(
        trashed_at=when, trashed_by=user if when else None
    )
    # Readers see the article change, as when an update is added.
    article = Article.objects.get(pk=update.article_id)
    _stamp_article(article, timezone.now())
    announce(article, "update")


def end_live_coverage(*, article: Article, user: AbstractBaseUser | None = None) -> Revision:
    """Mark the coverage ended and publish the article: open pages stop asking for updates."""
    if article.coverage != LIVE:
        raise ValidationError({"coverage": _("This article is not live coverage.")})
    article.coverage = LIVE_ENDED
    return actions.publish(article=article, user=user)


def promote_live_update(*, update: LiveUpdate, user: AbstractBaseUser | None = None) -> Article:
    """A draft article in the update's edition made from the update, ending with a link back
    to the live article; the update links to it once it is published."""
    if update.promoted_to_id is not None:
        raise ValidationError(_("This update has already been made into an article."))
    live = update.article
    headline = update.title or live.headline
    with transaction.atomic():
        body = list(update.body.get_prep_value())
        body.append({"type": "read_also", "value": {"article": live.pk}})
        article = Article(
            locale_id=live.locale_id,
            headline=headline,
            slug=free_slug(slug_from_headline(headline), locale_id=live.locale_id),
            section_id=live.section_id,
            story_id=live.story_id,
            body=body,
        )
        article.tags = list(live.tags.all())
        article.bylines = [Byline(author=update.author, sort_order=0)]  # type: ignore[misc]
        actions.save_draft(article=article, user=user)
        update.promoted_to = article
        update.save(update_fields=["promoted_to"])
        log(
            instance=update,
            action=PROMOTE_ACTION,
            user=user,
            data={"article_id": article.pk, "headline": headline},
        )
        announce(live, "update")
        return article
