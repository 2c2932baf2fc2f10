"""Two articles written apart are paired as translations (and unpaired) from the edit page."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse
from lxml import html

from newsdesk.articles.models import Article
from newsdesk.frontcache import keys
from newsdesk.frontcache.backends import Recording
from newsdesk.testing import factories
from newsdesk.testing.factories import sign_in

EDIT = "wagtailsnippets_articles_article:edit"
PAIR = "wagtailsnippets_articles_article:pair"
UNPAIR = "wagtailsnippets_articles_article:unpair"
RECORDING = [{"BACKEND": "newsdesk.frontcache.backends.Recording"}]


def _alternates(client, article: Article) -> dict[str, str]:
    tree = html.fromstring(client.get(article.get_url()).content)
    return {
        link.get("hreflang"): link.get("href")
        for link in tree.xpath('//head/link[@rel="alternate"][@hreflang]')
    }


def _pair(war, war_en, reporter, reporter_en):
    uk = factories.published("uk", "drones", headline="Дрони над Києвом", in_section=war)
    en = factories.published(
        "en", "kyiv-drones", headline="Drones over Kyiv", in_section=war_en, authors=[reporter_en]
    )
    return uk, en


def test_pairing_gives_both_the_same_key_alternates_and_purges(
    client, editor, war, war_en, reporter, reporter_en, django_capture_on_commit_callbacks
) -> None:
    uk, en = _pair(war, war_en, reporter, reporter_en)
    assert _alternates(client, uk) == {}
    sign_in(client, editor)
    edit_page = client.get(reverse(EDIT, args=[uk.pk])).content.decode()
    assert reverse(PAIR, args=[uk.pk]) in edit_page

    Recording.purged.clear()
    with (
        override_settings(NEWSDESK_FRONT_CACHES=RECORDING),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(reverse(PAIR, args=[uk.pk]), {"twin": en.pk})

    assert response.status_code == 302
    en.refresh_from_db()
    assert en.translation_key == uk.translation_key
    assert en.latest_revision.as_object().translation_key == uk.translation_key
    purged = set().union(*Recording.purged)
    assert {keys.article(uk.pk), keys.article(en.pk)} <= purged
    assert {keys.month("uk", uk.first_published_at), keys.month("en", en.first_published_at)} <= (
        purged
    )
    client.logout()
    assert _alternates(client, uk)["en"].endswith(en.get_url())
    assert _alternates(client, en)["uk"].endswith(uk.get_url())
    sign_in(client, editor)
    assert reverse(UNPAIR, args=[uk.pk]) in client.get(reverse(EDIT, args=[uk.pk])).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(UNPAIR, args=[uk.pk]))

    uk.refresh_from_db()
    assert uk.translation_key != en.translation_key
    assert uk.latest_revision.as_object().translation_key == uk.translation_key
    client.logout()
    assert _alternates(client, en) == {}


def test_pairing_refuses_the_same_edition_an_article_with_a_twin_and_no_choice(
    client, editor, war, war_en, reporter, reporter_en, make_article
) -> None:
    uk, en = _pair(war, war_en, reporter, reporter_en)
    other_uk = make_article(war, headline="Ще одна стаття")
    editor.wagtail_userprofile.preferred_language = "uk"
    editor.wagtail_userprofile.save()
    sign_in(client, editor)

    same_edition = client.post(reverse(PAIR, args=[uk.pk]), {"twin": other_uk.pk})
    empty = client.post(reverse(PAIR, args=[uk.pk]), {"twin": ""})

    refused = "Оберіть статтю іншої редакції, яка ще не має перекладу."
    assert refused in same_edition.content.decode()
    assert "Оберіть статтю, з якою її поєднати." in empty.content.decode()
    client.post(reverse(PAIR, args=[uk.pk]), {"twin": en.pk})
    other_en = factories.draft("en", "other", in_section=war_en, authors=[reporter_en])
    again = client.post(reverse(PAIR, args=[other_en.pk]), {"twin": uk.pk})
    assert refused in again.content.decode()
    other_en.refresh_from_db()
    assert other_en.translation_key != uk.translation_key
    assert Article.objects.filter(translation_key=uk.translation_key).count() == 2


def test_a_section_editor_cannot_pair_another_sections_article(
    client, war_editor, make_article, politics, war_en, reporter_en
) -> None:
    article = make_article(politics, headline="Парламент: голосування")
    en = factories.draft("en", "vote", in_section=war_en, authors=[reporter_en])
    sign_in(client, war_editor)

    response = client.post(reverse(PAIR, args=[article.pk]), {"twin": en.pk})

    assert response.url == reverse("wagtailadmin_home")  # the admin's answer to a 403
    en.refresh_from_db()
    assert en.translation_key != article.translation_key
