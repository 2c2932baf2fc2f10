"""Translate (wagtail.contrib.simple_translation) makes a draft in the other edition."""

from __future__ import annotations

from django.urls import reverse

from newsdesk.articles.models import Article
from newsdesk.taxonomy.models import Tag
from newsdesk.testing.factories import sign_in


def translate_url(article: Article) -> str:
    return reverse(
        "simple_translation:submit_snippet_translation",
        args=["articles", "article", article.pk],
    )


def test_translating_a_published_article_makes_a_draft_of_the_other_edition(
    client, editor, make_article, war, war_en, reporter, reporter_en, uk, en
) -> None:
    source = make_article(war, headline="Обстріл Харкова", slug="kharkiv-shelling", live=True)
    air_defence = Tag.objects.create(locale=uk, name="ППО", slug="air-defence")
    Tag.objects.create(
        locale=en,
        name="Air defence",
        slug="air-defence",
        translation_key=air_defence.translation_key,
    )
    Tag.objects.create(locale=uk, name="Харків", slug="kharkiv")  # not translated yet
    source.tags = Tag.objects.filter(locale=uk)
    source.save()
    sign_in(client, editor)

    response = client.post(translate_url(source), {"locales": [en.pk]})

    copy = Article.objects.get(locale=en)
    assert response.status_code == 302
    assert response.url == reverse("wagtailsnippets_articles_article:edit", args=[copy.pk])
    assert copy.translation_key == source.translation_key
    assert not copy.live
    assert copy.first_published_at is None
    assert copy.live_revision is None
    assert copy.section == war_en
    assert [t.slug for t in copy.tags.all()] == ["air-defence"]
    assert copy.tags.get().locale == en
    assert [b.author for b in copy.bylines.all()] == [reporter_en]
    assert copy.slug == "kharkiv-shelling"
    assert not Article.objects.published().filter(pk=copy.pk).exists()
    source.refresh_from_db()
    assert source.live
    assert [b.author for b in source.bylines.all()] == [reporter]


def test_a_section_editor_cannot_translate_another_sections_article(
    client, war_editor, make_article, politics, en
) -> None:
    article = make_article(politics, headline="Парламент: голосування")
    sign_in(client, war_editor)

    response = client.post(translate_url(article), {"locales": [en.pk]})

    assert response.url == reverse("wagtailadmin_home")
    assert not Article.objects.filter(locale=en).exists()
