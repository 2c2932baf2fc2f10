"""The demo's live article: both editions, linked, with every kind of update; loaded once."""

from __future__ import annotations

import pytest

from newsdesk.articles.models import LIVE, Article
from newsdesk.live.models import LiveUpdate
from newsdesk_demo.live import LIVE_KEY


@pytest.mark.django_db
def test_demo_has_a_live_article_in_both_editions_and_a_second_load_adds_nothing(
    demo_content,
):
    demo_content(articles=4)
    articles = Article.objects.published().filter(translation_key=LIVE_KEY, coverage=LIVE)
    assert sorted(a.locale.language_code for a in articles) == ["en", "uk"]
    for article in articles:
        updates = LiveUpdate.objects.filter(article=article)
        assert updates.count() >= 10
        assert updates.filter(pinned=True).exists()
        assert updates.filter(key_event=True).count() >= 3
        assert updates.filter(edited_at__isnull=False).count() == 1
        assert updates.exclude(correction="").count() == 1
        assert not updates.exclude(author__locale=article.locale).exists()
        assert len(set(updates.values_list("published_at", flat=True))) == updates.count()
    before = (Article.objects.count(), LiveUpdate.objects.count())
    demo_content(articles=4)
    assert (Article.objects.count(), LiveUpdate.objects.count()) == before
