"""The purge key set of each editorial action: exactly the pages that show the item."""

from __future__ import annotations

import pytest
from django.test import override_settings

from newsdesk.articles.models import UpdateLogEntry
from newsdesk.frontcache import keys
from newsdesk.fronts.models import Front
from newsdesk.publishing import actions
from newsdesk.testing import factories

pytestmark = pytest.mark.django_db


def _lists(article, newsroom, edition="uk") -> set[str]:
    parts = newsroom[edition]
    return {
        keys.address(edition, article.slug),
        keys.news(edition),
        keys.archive(edition),
        keys.section(parts["section"].pk),
        keys.tag(parts["tag"].pk),
        keys.author(parts["author"].pk),
        keys.story(parts["story"].pk),
        keys.month(edition, article.first_published_at),
    }


def test_publish_purges_the_article_and_the_lists_it_joins(write, newsroom, purged):
    article = write()

    assert purged[-1] == {keys.article(article.pk), *_lists(article, newsroom)}


def test_an_update_purges_the_same_keys_and_a_silent_fix_too(
    write, newsroom, purged, django_capture_on_commit_callbacks
):
    article = write()
    expected = {keys.article(article.pk), *_lists(article, newsroom)}

    article.headline = "Grid repairs finish early"
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article, update_note="Adds the finish time.")
    assert purged[-1] == expected

    article.lead = "A typo fixed."
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article)
    assert purged[-1] == expected


@pytest.mark.parametrize("kind", [UpdateLogEntry.CORRECTION, UpdateLogEntry.CLARIFICATION])
def test_a_correction_also_purges_the_corrections_page(
    write, newsroom, purged, django_capture_on_commit_callbacks, kind
):
    article = write()
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish(article=article, update_note="The toll was 12, not 21.", update_kind=kind)

    assert purged[-1] == {
        keys.article(article.pk),
        keys.corrections("uk"),
        *_lists(article, newsroom),
    }


def test_unpublish_purges_every_page_that_showed_the_article(
    write, newsroom, purged, django_capture_on_commit_callbacks
):
    article = write()
    with django_capture_on_commit_callbacks(execute=True):
        actions.unpublish(article=article)

    assert purged[-1] == {keys.article(article.pk), *_lists(article, newsroom)}


def test_a_translation_purges_its_twin_whose_language_switch_now_points_to_it(
    write, newsroom, purged
):
    original = write("uk", "grid-repairs")
    twin = write("en", "grid-repairs-en", translation_key=original.translation_key)

    assert keys.article(original.pk) in purged[-1]
    assert keys.article(twin.pk) in purged[-1]
    assert purged[-1] >= _lists(twin, newsroom, "en")
    assert not any(key.endswith("-uk") for key in purged[-1])


def test_nothing_of_the_other_edition_nor_unrelated_lists_is_purged(write, newsroom, purged):
    write()

    other = newsroom["en"]
    unrelated = {
        keys.news("en"),
        keys.section(other["section"].pk),
        keys.tag(other["tag"].pk),
        keys.home("uk"),
        keys.chrome("uk"),
        keys.corrections("uk"),
    }
    assert not purged[-1] & unrelated


def test_a_rolled_back_publish_purges_nothing(newsroom, purged):
    # Inside the test's transaction: no commit, no purge.
    factories.published(
        "uk",
        "never-out",
        headline="Never out",
        lead="Lead.",
        in_section=newsroom["uk"]["section"],
        authors=[],
    )

    assert purged == []


def test_saving_the_front_purges_only_the_home_page(
    newsroom, purged, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    with django_capture_on_commit_callbacks(execute=True):
        Front.objects.create(locale=Locale.objects.get(language_code="en"))

    assert purged == [frozenset({keys.home("en")})]


def test_a_section_change_purges_its_listing_the_navigation_and_the_directory(
    newsroom, purged, django_capture_on_commit_callbacks
):
    section = newsroom["uk"]["section"]
    section.name = "Війна"
    with django_capture_on_commit_callbacks(execute=True):
        section.save()

    assert purged == [
        frozenset({keys.section(section.pk), keys.chrome("uk"), keys.directory("uk")})
    ]


def test_an_unreachable_front_cache_never_fails_the_publish(write, newsroom, caplog):
    with override_settings(
        NEWSDESK_FRONT_CACHES=[
            {
                "BACKEND": "newsdesk.frontcache.backends.Varnish",
                # A port nothing listens on (the discard port).
                "OPTIONS": {"urls": ["http://127.0.0.1:9"], "timeout": 0.5},
            }
        ]
    ):
        article = write()

    assert article.live
    assert "Front cache purge failed" in caplog.text
