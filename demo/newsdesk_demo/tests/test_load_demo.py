"""load_demo fills both editions the way the desk would, and only ever tops the archive up."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, ReferenceIndex

from newsdesk.articles import labels
from newsdesk.articles.models import Article, PublishedSlug
from newsdesk.articles.query import HERO_SPECS, THUMBNAIL_SPECS
from newsdesk.editions import kyiv
from newsdesk.fronts.models import Front
from newsdesk.people.models import Author
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag
from newsdesk_demo.images import COLLECTION
from newsdesk_demo.showcase import DRAFT_KEY, SCHEDULED_KEY, UPDATED_KEY

ARTICLES = 40
DAYS = 5
LATIN_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """One load shared by this module's tests, rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", articles=ARTICLES, days=DAYS, seed=3, verbosity=0)
        yield
        transaction.set_rollback(True)


def _counts() -> dict[str, int]:
    image_model = get_image_model()
    return {
        "articles": Article.objects.count(),
        "revisions": sum(a.revisions.count() for a in Article.objects.all()),
        "images": image_model.objects.count(),
        "renditions": image_model.get_rendition_model().objects.count(),
        "sections": Section.objects.count(),
        "tags": Tag.objects.count(),
        "authors": Author.objects.count(),
        "fronts": Front.objects.count(),
    }


def test_makes_the_requested_number_of_live_articles_in_both_editions(demo, db):
    published = Article.objects.published()
    assert published.count() >= ARTICLES
    assert published.in_edition("uk").count() >= ARTICLES // 3
    assert published.in_edition("en").count() >= ARTICLES // 3


def test_translations_share_a_key_and_most_stories_appear_in_both(demo, db):
    editions: dict = defaultdict(list)
    for key, code in Article.objects.values_list("translation_key", "locale__language_code"):
        editions[key].append(code)
    assert all(sorted(codes) in (["en", "uk"], ["uk"], ["en"]) for codes in editions.values())
    pairs = [key for key, codes in editions.items() if len(codes) == 2]
    assert len(pairs) >= len(editions) // 2


def test_sections_tags_and_authors_belong_to_the_article_edition(demo, db):
    for article in Article.objects.prefetch_related("tags", "bylines__author"):
        assert article.section.locale_id == article.locale_id
        tags = list(article.tags.all())
        assert 1 <= len(tags) <= 4
        assert {tag.locale_id for tag in tags} == {article.locale_id}
        authors = [byline.author for byline in article.bylines.all()]
        assert 1 <= len(authors) <= 2
        assert {author.locale_id for author in authors} == {article.locale_id}


def test_articles_read_like_news(demo, db):
    for article in Article.objects.all():
        assert LATIN_SLUG.match(article.slug), article.slug
        assert article.headline and article.lead
        assert 3 <= len(article.body) <= 8
        assert 1 <= len(article.sources) <= 2
        for source in article.sources:
            assert source.value["name"] and source.value["url"].startswith("https://")
        for block in article.body:
            if block.block_type == "embed":
                assert block.value["url"].startswith("https://www.youtube.com/watch?v=")
            if block.block_type == "read_also":
                target = block.value["article"]
                assert target.locale_id == article.locale_id
                assert target.first_published_at < (article.first_published_at or timezone.now())
        assert len(article.labels) <= 1
        assert not labels.unknown(article.labels)
        if labels.OPINION in article.labels:
            assert article.section.slug in ("dumky", "opinion")
        if article.hero_image_id:
            assert article.hero_alt and article.hero_caption and article.hero_credit


def test_publication_times_cover_the_requested_days(demo, db):
    now = timezone.now()
    moments = list(Article.objects.published().values_list("first_published_at", flat=True))
    assert max(moments) <= now
    assert min(moments) <= now - dt.timedelta(days=DAYS - 1)
    assert len({kyiv(moment).date() for moment in moments}) >= DAYS


def test_every_live_article_went_through_the_publish_action(demo, db):
    for article in Article.objects.filter(live=True):
        assert article.live_revision_id is not None
        assert ModelLogEntry.objects.for_instance(article).filter(action="wagtail.publish")
        assert PublishedSlug.objects.filter(article=article, slug=article.slug).exists()


def test_search_and_reference_indexes_cover_every_article(demo, db):
    for article in Article.objects.all():
        assert article.index_entries.exists(), article.slug
    article = Article.objects.filter(hero_image__isnull=False).first()
    assert article is not None
    references = ReferenceIndex.get_references_for_object(article)
    assert references.filter(to_object_id=str(article.hero_image_id)).exists()


def test_one_article_per_edition_carries_a_public_update_log(demo, db):
    updated = Article.objects.filter(translation_key=UPDATED_KEY)
    assert sorted(a.edition for a in updated) == ["en", "uk"]
    for article in updated:
        assert article in Article.objects.published()
        assert article.update_log.count() == 1
        assert article.updated_at is not None
        assert labels.NAMES[labels.UPDATED] in article.label_names


def test_draft_and_scheduled_articles_exist_but_are_not_published(demo, db):
    now = timezone.now()
    for key in (DRAFT_KEY, SCHEDULED_KEY):
        articles = Article.objects.filter(translation_key=key)
        assert sorted(a.edition for a in articles) == ["en", "uk"]
        for article in articles:
            assert not article.live
            assert article.first_published_at is None
            assert article.latest_revision is not None
            assert article not in Article.objects.published()
    for article in Article.objects.filter(translation_key=SCHEDULED_KEY):
        assert article.go_live_at > now
        assert article.latest_revision.approved_go_live_at == article.go_live_at


def test_every_demo_image_has_the_renditions_pages_ask_for(demo, db):
    images = get_image_model().objects.filter(collection__name=COLLECTION)
    assert images.count() >= 24
    for image in images:
        assert (image.width, image.height) == (1600, 1067)
        assert image.description
        specs = set(image.renditions.values_list("filter_spec", flat=True))
        assert set(THUMBNAIL_SPECS + HERO_SPECS) <= specs


def test_each_edition_has_a_front_of_its_own_live_articles(demo, db):
    for code in ("uk", "en"):
        front = Front.objects.get(locale__language_code=code)
        items = list(front.items.select_related("article"))
        assert 4 <= len(items) <= 5
        assert all(item.article.edition == code and item.article.live for item in items)


def test_catalogue_is_translated_pairs_with_latin_slugs(demo, db):
    for model, minimum in ((Section, 8), (Tag, 30), (Author, 8)):
        by_edition = defaultdict(set)
        for key, code, slug in model.objects.values_list(
            "translation_key", "locale__language_code", "slug"
        ):
            by_edition[code].add(key)
            assert LATIN_SLUG.match(slug), slug
        assert len(by_edition["uk"]) >= minimum
        assert by_edition["uk"] == by_edition["en"]
    assert Section.objects.filter(slug="viina", locale__language_code="uk").exists()


def test_running_again_with_the_same_number_adds_nothing(demo, db):
    before = _counts()
    out = StringIO()
    call_command("load_demo", articles=ARTICLES, days=DAYS, seed=3, stdout=out)
    assert _counts() == before
    assert out.getvalue().startswith("Created 0 articles")
    assert out.getvalue().count("\n") == 1


def test_a_bigger_number_tops_up_without_touching_what_is_there(demo, db):
    existing = set(Article.objects.values_list("pk", "headline"))
    call_command("load_demo", articles=ARTICLES + 10, days=DAYS, seed=3, verbosity=0)
    live = Article.objects.filter(live=True).count()
    assert ARTICLES + 10 <= live <= ARTICLES + 11
    assert existing <= set(Article.objects.values_list("pk", "headline"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--articles", "-1"], "--articles must be a positive number"),
        (["--articles", "0"], "--articles must be a positive number"),
        (["--days", "0"], "--days must be a positive number"),
    ],
)
def test_bad_numbers_are_refused_with_a_clear_message(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("load_demo", *args)
