"""Stories in the admin: the Newsroom menu lists them, an article is filed only under a story
of its edition, and a translation follows the story's twin."""

from __future__ import annotations

from django.urls import reverse

from newsdesk.articles.models import Article
from newsdesk.stories.models import Story
from newsdesk.testing.factories import sign_in

from .payloads import article_payload
from .test_translation import translate_url


def test_the_newsroom_menu_lists_stories_and_timeline_entries(client, editor) -> None:
    sign_in(client, editor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Stories" in page and "Timeline entries" in page
    assert client.get(reverse("wagtailsnippets_stories_story:list")).status_code == 200
    assert client.get(reverse("wagtailsnippets_stories_timelineentry:list")).status_code == 200


def test_an_article_takes_a_story_of_its_own_edition_only(
    client, editor, war, reporter, uk, en
) -> None:
    ours = Story.objects.create(locale=uk, title="Війська", slug="viiska")
    theirs = Story.objects.create(locale=en, title="Troops", slug="troops")
    sign_in(client, editor)
    add = reverse("wagtailsnippets_articles_article:add") + "?locale=uk"

    assert set(client.get(add).context["form"].fields["story"].queryset) == {ours}
    payload = article_payload(section=war, authors=[reporter], headline="Заголовок")
    payload["story"] = theirs.pk
    response = client.post(add, payload)

    assert response.status_code == 200
    assert "This story belongs to the other edition." in response.content.decode()
    assert not Article.objects.exists()
    payload["story"] = ours.pk
    assert client.post(add, payload).status_code == 302
    assert Article.objects.get().story == ours


def test_a_translation_is_filed_under_the_story_twin_or_none(
    client, editor, make_article, war, war_en, reporter, reporter_en, uk, en
) -> None:
    story = Story.objects.create(locale=uk, title="Війська", slug="viiska")
    twin = Story.objects.create(
        locale=en, title="Troops", slug="troops", translation_key=story.translation_key
    )
    filed = make_article(war, slug="filed", live=True)
    filed.story = story
    filed.save()
    sign_in(client, editor)

    client.post(translate_url(filed), {"locales": [en.pk]})
    assert Article.objects.get(locale=en).story == twin

    twin.delete()
    lone = make_article(war, slug="lone", live=True)
    lone.story = story
    lone.save()
    client.post(translate_url(lone), {"locales": [en.pk]})
    assert Article.objects.get(locale=en, slug="lone").story is None
