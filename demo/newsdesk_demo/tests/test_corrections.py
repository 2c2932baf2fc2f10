"""The demo shows a correction in both editions and a non-empty most-read list."""

from __future__ import annotations

from django.core.management import call_command

from newsdesk.articles.models import UpdateLogEntry
from newsdesk.readership.models import ArticleViews
from newsdesk.readership.ranking import rank


def test_demo_has_a_correction_in_both_editions_and_views_and_loads_twice(client, db):
    call_command("load_demo", articles=12, seed=3, verbosity=0)
    corrections = UpdateLogEntry.objects.filter(kind=UpdateLogEntry.CORRECTION)
    editions = sorted(corrections.values_list("article__locale__language_code", flat=True))
    assert editions == ["en", "uk"]
    pair = {entry.article.translation_key for entry in corrections}
    assert len(pair) == 1  # the same story, corrected in both editions
    views = ArticleViews.objects.count()
    assert views > 0 and rank("uk") and rank("en")

    call_command("load_demo", articles=12, seed=3, verbosity=0)

    assert UpdateLogEntry.objects.filter(kind=UpdateLogEntry.CORRECTION).count() == 2
    for edition in ("uk", "en"):
        entry = corrections.get(article__locale__language_code=edition)
        page = client.get(f"/{edition}/corrections/").content.decode()
        assert entry.text in page.replace("&#x27;", "'")
        assert entry.article.get_url() in page
