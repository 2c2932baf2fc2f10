"""Translate (wagtail.contrib.simple_translation) makes a draft in the other edition."""

from __future__ import annotations

from django.urls import reverse

from newsdesk.articles.models import Article, ReadAlsoPick
from newsdesk.taxonomy.models import Tag
from newsdesk.testing import factories
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


def test_the_copy_follows_its_links_to_their_twins_and_the_form_lists_those_without(
    client, editor, war, war_en, reporter, reporter_en, uk, en
) -> None:
    twinned = factories.published("uk", "drones", headline="Дрони над Києвом", in_section=war)
    twin = factories.published(
        "en",
        "drones",
        headline="Drones over Kyiv",
        in_section=war_en,
        authors=[reporter_en],
        translation_key=twinned.translation_key,
    )
    lonely = factories.published("uk", "bridge", headline="Міст над Дніпром", in_section=war)
    story = factories.story("uk", "energy")
    story_en = factories.story("en", "energy", translation_key=story.translation_key)
    link = f'<p>Див. <a href="{twinned.get_url()}">раніше</a>.</p>'
    source = factories.published(
        "uk",
        "kharkiv",
        in_section=war,
        blocks=[
            {"type": "paragraph", "value": link},
            {"type": "read_also", "value": {"article": twinned.pk}},
            {"type": "read_also", "value": {"article": lonely.pk}},
            factories.timeline(story),
        ],
        read_also_picks=[ReadAlsoPick(target=twinned)],
    )
    sign_in(client, editor)

    client.post(translate_url(source), {"locales": [en.pk]})

    copy = Article.objects.get(locale=en, translation_key=source.translation_key)
    raw = copy.body.get_prep_value()
    assert f'href="{twin.get_url()}"' in raw[0]["value"]
    assert [raw[1]["value"]["article"], raw[2]["value"]["article"]] == [twin.pk, lonely.pk]
    assert raw[3]["value"]["story"] == story_en.pk
    assert [pick.target for pick in copy.read_also_picks.all()] == [twin]
    form = client.get(reverse("wagtailsnippets_articles_article:edit", args=[copy.pk]))
    page = form.content.decode()
    assert "English edition" in page
    start = page.index("data-other-edition-links")
    warning = page[start : page.index("</div>", start)]
    assert "Read also: “Міст над Дніпром”" in warning
    assert "Drones" not in warning and "Дрони" not in warning


def test_the_add_and_edit_forms_name_the_edition_in_the_editors_language(
    client, editor, make_article, war
) -> None:
    article = make_article(war)
    editor.wagtail_userprofile.preferred_language = "uk"
    editor.wagtail_userprofile.save()
    sign_in(client, editor)

    added = client.get(reverse("wagtailsnippets_articles_article:add") + "?locale=en")
    edited = client.get(reverse("wagtailsnippets_articles_article:edit", args=[article.pk]))

    assert 'data-edition="en">Англійська редакція<' in added.content.decode()
    assert 'data-edition="uk">Українська редакція<' in edited.content.decode()
    assert "data-other-edition-links" not in edited.content.decode()
