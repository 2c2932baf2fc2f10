"""An article dated at its original first publication (decision 0038): who may, what the
write path records, and what it refuses."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import override
from wagtail.models import ModelLogEntry

from newsdesk.articles.models import Article
from newsdesk.frontcache import keys
from newsdesk.frontcache.backends import Recording
from newsdesk.publishing import actions
from newsdesk.publishing.handlers import BACKDATE_ACTION
from newsdesk.testing import factories

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


def _user(django_user_model, *, may_backdate: bool):
    user = django_user_model.objects.create_user(username="desk", password="x")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["publish_article"]))
    if may_backdate:
        user.user_permissions.add(Permission.objects.get(codename="backdate_article"))
    return django_user_model.objects.get(pk=user.pk)  # a fresh permission cache


def test_publish_dates_the_article_at_its_original_time_and_logs_both_moments(
    django_user_model,
):
    user = _user(django_user_model, may_backdate=True)
    original = timezone.now() - dt.timedelta(days=400, hours=3)
    article = factories.article("uk", "seed-story")

    actions.publish(article=article, user=user, first_published_at=original)

    article.refresh_from_db()
    assert article.first_published_at == original
    assert article.original_published_at == original
    assert article.last_published_at > original
    entry = ModelLogEntry.objects.for_instance(article).get(action=BACKDATE_ACTION)
    assert entry.user == user
    assert entry.data == {
        "original_published_at": original.astimezone(dt.UTC).isoformat(),
        "published_at": article.last_published_at.astimezone(dt.UTC).isoformat(),
    }
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert not Article.objects.announced().filter(pk=article.pk).exists()


def test_a_later_update_keeps_the_original_date():
    original = timezone.now() - dt.timedelta(days=30)
    article = factories.article("uk", "seed-story")
    actions.publish(article=article, first_published_at=original)

    article.lead = "A fixed typo."
    actions.publish(article=article, update_note="Adds the mayor's words.")

    article.refresh_from_db()
    assert article.first_published_at == original
    assert ModelLogEntry.objects.for_instance(article).filter(action=BACKDATE_ACTION).count() == 1


def test_a_role_without_the_permission_may_not(django_user_model):
    user = _user(django_user_model, may_backdate=False)
    article = factories.article("uk", "seed-story")

    with override("en"), pytest.raises(PermissionDenied, match="original first publication"):
        actions.publish(
            article=article, user=user, first_published_at=timezone.now() - dt.timedelta(days=2)
        )
    assert not Article.objects.filter(slug="seed-story").exists()


@pytest.mark.parametrize(
    ("offset", "message"),
    [
        (dt.timedelta(minutes=5), "must be in the past"),
        (-dt.timedelta(days=365 * 60), "too far in the past"),
    ],
)
def test_a_future_or_absurd_original_time_is_refused(offset, message):
    article = factories.article("uk", "seed-story")
    with override("en"), pytest.raises(ValidationError, match=message):
        actions.publish(article=article, first_published_at=timezone.now() + offset)


def test_the_refusal_speaks_ukrainian_too():
    article = factories.article("uk", "seed-story")
    with override("uk"), pytest.raises(ValidationError) as caught:
        actions.publish(article=article, first_published_at=timezone.now() + dt.timedelta(days=1))
    assert "минулому" in str(caught.value)


def test_the_original_time_cannot_change_after_publication():
    article = factories.published("uk", "fresh-story")

    article.original_published_at = timezone.now() - dt.timedelta(days=3)
    with override("en"), pytest.raises(ValidationError, match="cannot change after publication"):
        actions.publish(article=article)


def test_an_old_original_time_purges_no_news_list(django_capture_on_commit_callbacks, settings):
    settings.NEWSDESK_FRONT_CACHES = [{"BACKEND": "newsdesk.frontcache.backends.Recording"}]
    Recording.purged.clear()
    original = timezone.now() - dt.timedelta(days=40)
    article = factories.article("uk", "seed-story")
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article, first_published_at=original)

    purged = Recording.purged[-1]
    assert keys.news("uk") not in purged
    assert keys.home("uk") not in purged
    assert {
        keys.article(article.pk),
        keys.archive("uk"),
        keys.month("uk", original),
        keys.section(article.section_id),
    } <= purged
    Recording.purged.clear()
