"""A wire document's pictures become the article's images (decision 0057): in the body where
it places them, the main one as the main image, checked as an editor's upload is, never
fetched, stored once."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.images import get_image_model

from newsdesk.articles.models import Article
from newsdesk.articles.renditions import SITE_SPECS
from newsdesk.testing import factories
from newsdesk.wire import ingest as wire
from newsdesk.wire.ingest import Refused, ingest
from newsdesk.wire.models import WireImage, WireItem
from newsdesk.wire.pictures import Picture, max_pixels
from newsdesk.wire.placement import mark_places

from .documents import story
from .pictures import association, embed, html_body, png, png_bomb, upload

pytestmark = pytest.mark.django_db


def images() -> int:
    return get_image_model().objects.count()


def nothing_stored() -> bool:
    return not (
        Article.objects.exists()
        or WireItem.objects.exists()
        or WireImage.objects.exists()
        or get_image_model().objects.exists()
    )


def refused(document: dict[str, Any], partner, attachments=None) -> list[dict[str, str]]:
    with pytest.raises(Refused) as raised:
        ingest(document, partner=partner, attachments=attachments)
    return [problem.as_json() for problem in raised.value.problems]


def test_pictures_go_where_the_body_places_them_and_the_main_one_leads(trusted):
    document = story(
        associations=[
            association("featuremedia", "lead.png", rel="main"),
            association("editor_1", "ruins.png", caption="Зруйнований будинок."),
            association("editor_2", "crowd.png", caption="Люди біля укриття."),
        ],
        bodies=html_body(f"<p>Перший абзац.</p>{embed('editor_1')}<p>Другий абзац.</p>"),
    )
    files = {
        "lead.png": upload("lead.png", png((200, 0, 0))),
        "ruins.png": upload("ruins.png", png((0, 200, 0))),
        "crowd.png": upload("crowd.png", png((0, 0, 200))),
    }

    result = ingest(document, partner=trusted, attachments=files)

    article = Article.objects.get(pk=result.article_id)
    by_title = {image.title: image.pk for image in get_image_model().objects.all()}
    assert article.hero_image_id == by_title["Фото featuremedia"]
    assert article.hero_caption == "Рятувальники розбирають завали."
    assert article.hero_credit == "Олена Коваль / Agency"
    blocks = [(block.block_type, block.value) for block in article.body]
    assert [kind for kind, _value in blocks] == ["paragraph", "image", "paragraph", "image"]
    placed, appended = blocks[1][1], blocks[3][1]
    # The partner's caption, not the markup it wrapped around the embed.
    assert placed["image"].pk == by_title["Фото editor_1"]
    assert placed["caption"] == "Зруйнований будинок."
    assert placed["credit"] == "Олена Коваль / Agency"
    assert appended["image"].pk == by_title["Фото editor_2"]
    assert result.outcome == wire.PUBLISHED


def test_an_img_naming_a_part_places_that_picture_and_the_first_unplaced_leads(partner):
    document = story(
        associations=[association("one", "one.png"), association("two", "two.png")],
        bodies=html_body('<p>Текст.</p><p><img src="cid:two.png" alt="Опис"></p>'),
    )
    files = {"one.png": upload("one.png"), "two.png": upload("two.png", png((1, 2, 3)))}

    result = ingest(document, partner=partner, attachments=files)

    article = Article.objects.get(pk=result.article_id)
    [image_block] = [b.value for b in article.body if b.block_type == "image"]
    assert image_block["image"].title == "Фото two"
    assert image_block["alt"] == "Опис"
    assert article.hero_image.title == "Фото one"


def test_the_same_version_again_makes_no_image_and_a_new_one_replaces_them(trusted):
    first = story(associations=[association("main", "photo.png")])
    result = ingest(first, partner=trusted, attachments={"photo.png": upload("photo.png")})
    original = Article.objects.get(pk=result.article_id).hero_image_id

    again = ingest(first, partner=trusted, attachments={"photo.png": upload("photo.png")})
    assert again.outcome == wire.DUPLICATE and images() == 1
    # A repeat needs no files: nothing of it is taken.
    assert ingest(first, partner=trusted).outcome == wire.DUPLICATE

    # Version 2 sends the same file: the same image, no copy.
    same = story(version="2", associations=[association("main", "photo.png")])
    ingest(same, partner=trusted, attachments={"photo.png": upload("photo.png")})
    assert images() == 1
    assert Article.objects.get(pk=result.article_id).hero_image_id == original

    # Version 3 sends another file: the article shows it.
    other = story(version="3", associations=[association("main", "photo.png")])
    ingest(other, partner=trusted, attachments={"photo.png": upload("photo.png", png((9, 9, 9)))})
    assert images() == 2
    article = Article.objects.get(pk=result.article_id)
    assert article.hero_image_id not in {None, original}

    # Version 4 has no picture: the main image the wire set goes.
    ingest(story(version="4"), partner=trusted)
    assert Article.objects.get(pk=result.article_id).hero_image_id is None


def test_a_main_image_an_editor_chose_survives_a_version_without_pictures(trusted):
    result = ingest(story(), partner=trusted)
    chosen = factories.image("Editor's choice")
    Article.objects.filter(pk=result.article_id).update(hero_image=chosen)

    ingest(story(version="2"), partner=trusted)

    assert Article.objects.get(pk=result.article_id).hero_image_id == chosen.pk


@pytest.mark.parametrize(
    ("name", "content", "code_words"),
    [
        ("photo.png", png_bomb(), {"en": "too many pixels", "uk": "забагато пікселів"}),
        ("photo.png", b"not an image at all", {"en": "Upload a valid image", "uk": "малюнок"}),
        ("photo.txt", png(), {"en": "Not a supported image format", "uk": "формат"}),
        ("photo.jpg", png(), {"en": "PNG", "uk": "PNG"}),
    ],
    ids=["pixel-bomb", "not-an-image", "wrong-extension", "png-named-jpg"],
)
@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_bad_file_refuses_the_whole_document(
    partner, name: str, content: bytes, code_words: dict[str, str], language: str
):
    document = story(associations=[association("photo", "photo")])
    with translation.override(language):
        [problem] = refused(document, partner, {"photo": upload(name, content)})
    assert problem["path"] == "/associations/0/renditions"
    assert code_words[language].lower() in problem["message"].lower()
    assert nothing_stored()


def test_a_file_over_the_upload_limit_is_refused(partner, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    document = story(associations=[association("photo", "photo.png")])
    with translation.override("en"):
        [problem] = refused(document, partner, {"photo.png": upload("photo.png")})
    assert "too big" in problem["message"].lower()
    assert nothing_stored()


def test_one_bad_picture_among_good_ones_stores_none_of_them(partner):
    document = story(associations=[association("good", "good.png"), association("bad", "bad")])
    files = {"good.png": upload("good.png"), "bad": upload("bad.png", png_bomb())}
    [problem] = refused(document, partner, files)
    assert problem["path"] == "/associations/1/renditions"
    assert nothing_stored()


def test_a_remote_picture_is_refused_and_never_fetched(partner, monkeypatch):
    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the server must not connect anywhere")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    picture = association("photo")
    picture["renditions"] = [{"name": "original", "href": "http://169.254.169.254/latest/x.jpg"}]
    with translation.override("en"):
        [problem] = refused(story(associations=[picture]), partner)
    assert problem["path"] == "/associations/0/renditions/0/href"
    assert "169.254.169.254" in problem["message"] and "not fetched" in problem["message"]
    assert nothing_stored()


@pytest.mark.parametrize(
    "markup",
    [embed("nowhere"), '<p><img src="cid:nowhere.png"></p>'],
    ids=["embed", "img"],
)
def test_a_body_placing_a_picture_the_document_lacks_is_refused(partner, markup: str):
    document = story(associations=[association("photo", "photo.png")], bodies=html_body(markup))
    with translation.override("en"):
        problems = refused(document, partner, {"photo.png": upload("photo.png")})
    assert problems == [
        {
            "path": "/bodies/0/value",
            "message": "The body places the picture "
            f"{'nowhere' if 'EMBED' in markup else 'nowhere.png'}, which is not among the "
            "document's pictures.",
        }
    ]
    assert nothing_stored()


def test_a_picture_whose_file_did_not_come_is_refused(partner):
    with translation.override("uk"):
        [problem] = refused(story(associations=[association("photo", "photo.png")]), partner)
    assert problem["path"] == "/associations/0/renditions"
    assert "photo.png" in problem["message"]
    assert "No file" not in problem["message"]  # in the partner's language
    assert nothing_stored()


def test_too_many_pictures_are_refused(partner):
    document = story(associations=[association(f"p{n}", f"p{n}") for n in range(13)])
    [problem] = refused(document, partner, {})
    assert problem["path"] == "/associations"
    assert nothing_stored()


def test_a_body_image_from_elsewhere_is_left_out_with_a_warning(partner):
    document = story(
        bodies=html_body('<p>Текст.</p><p><img src="https://elsewhere.example/a.jpg"></p>')
    )
    result = ingest(document, partner=partner)
    article = Article.objects.get(pk=result.article_id)
    assert [b.block_type for b in article.body] == ["paragraph"]
    assert any("elsewhere.example" in warning for warning in result.warnings)
    assert images() == 0


def test_a_pictures_renditions_are_made_when_it_is_committed_as_an_uploads_are(
    trusted, django_capture_on_commit_callbacks
):
    document = story(associations=[association("main", "photo.png")])
    with django_capture_on_commit_callbacks(execute=True):
        ingest(document, partner=trusted, attachments={"photo.png": upload("photo.png")})
    image = get_image_model().objects.get()
    made = {rendition.filter_spec for rendition in image.renditions.all()}
    assert made == set(SITE_SPECS)


def test_an_embed_without_its_end_places_the_picture_and_keeps_what_follows():
    photo = Picture(
        "photo", "/associations/0", "photo.png", ("cid:photo.png",), "", "", "", "", False
    )
    problems: list[Any] = []
    marked = mark_places(
        '<p>A</p><!-- EMBED START Image {id: "photo"} --><p>B</p>',
        [photo],
        "/bodies/0/value",
        problems,
    )
    assert marked == '<p>A</p><figure><img src="cid:photo.png"></figure><p>B</p>'
    assert problems == []


def test_a_body_of_unclosed_embeds_is_read_in_one_pass():
    # A megabyte of starts without ends: each must not scan the rest of the body again.
    markup = "".join(f'<!-- EMBED START Image {{id: "{n % 50}"}} -->' for n in range(30_000))
    problems: list[Any] = []
    with translation.override("en"):
        assert mark_places(markup, [], "/bodies/0/value", problems) == ""
    # Each missing name once, and no more than the schema's errors.
    assert [p.message.split()[5].rstrip(",") for p in problems] == [str(n) for n in range(20)]


def test_a_documents_pictures_together_are_bounded_like_one_upload(partner, settings):
    settings.NEWSDESK_WIRE_MAX_PIXELS = 1_500_000
    document = story(associations=[association("a", "a.png"), association("b", "b.png")])
    files = {
        "a.png": upload("a.png", png(size=(1000, 1000))),
        "b.png": upload("b.png", png((1, 1, 1), size=(1000, 1000))),
    }
    with translation.override("en"):
        [problem] = refused(document, partner, files)
    assert problem == {
        "path": "/associations",
        "message": "The pictures have 2 megapixels together; one document may bring at most "
        "1.5. Send them smaller.",
    }
    assert nothing_stored()
    # One of them alone is taken.
    ingest(story(associations=[association("a", "a.png")]), partner=partner, attachments=files)
    assert images() == 1


def test_the_pixel_budget_is_an_uploads_unless_set():
    assert max_pixels() == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000


def test_the_published_article_shows_the_pictures_with_caption_and_credit(
    client, trusted, django_capture_on_commit_callbacks
):
    document = story(
        associations=[
            association("featuremedia", "lead.png", caption="Головне фото."),
            association("editor_1", "body.png", caption="Фото в тексті."),
        ],
        bodies=html_body(f"<p>Перший.</p>{embed('editor_1')}<p>Другий.</p>"),
    )
    files = {"lead.png": upload("lead.png"), "body.png": upload("body.png", png((5, 5, 5)))}
    with django_capture_on_commit_callbacks(execute=True):
        result = ingest(document, partner=trusted, attachments=files)

    page = client.get(Article.objects.get(pk=result.article_id).get_absolute_url())

    assert page.status_code == 200
    text = page.content.decode()
    assert text.count("Олена Коваль / Agency") >= 2
    assert "Головне фото." in text
    assert text.index("Перший.") < text.index("Фото в тексті.") < text.index("Другий.")
