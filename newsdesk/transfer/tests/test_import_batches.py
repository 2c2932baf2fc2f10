"""The importer writes new posts a batch at a time (decision 0056): its queries per batch
do not grow with the posts in it, and a batch leaves what one post at a time leaves."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, ReferenceIndex, Revision

from newsdesk.accounts.models import SecurityEvent
from newsdesk.articles.models import Article, PublishedSlug
from newsdesk.publishing import bulk
from newsdesk.search.backends import get_backend
from newsdesk.syndication.models import ArchiveMonth
from newsdesk.transfer import wordpress, wordpress_batches

pytestmark = pytest.mark.django_db

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Batches</title><link>https://old.example.org</link>
<wp:base_blog_url>https://old.example.org</wp:base_blog_url>
<wp:author><wp:author_login>olena</wp:author_login>
<wp:author_display_name>Olena</wp:author_display_name></wp:author>
<wp:category><wp:category_nicename>energy</wp:category_nicename>
<wp:cat_name>Energy</wp:cat_name></wp:category>
<wp:tag><wp:tag_slug>grid</wp:tag_slug><wp:tag_name>Grid</wp:tag_name></wp:tag>
<wp:tag><wp:tag_slug>kharkiv</wp:tag_slug><wp:tag_name>Kharkiv</wp:tag_name></wp:tag>
"""


FEATURED = "2019/03/grid.png"


def wxr_of(tmp_path: Path, posts: int, *, name: str = "batch.xml", featured: bool = False) -> Path:
    """``posts`` published posts of one month, filed and tagged alike; ``featured``: each
    features the same image, an attachment of the export."""
    items = []
    if featured:
        address = f"https://old.example.org/wp-content/uploads/{FEATURED}"
        items.append(
            "<item><title>grid</title><wp:post_id>900</wp:post_id>"
            f"<guid>{address}</guid><wp:attachment_url>{address}</wp:attachment_url>"
            "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type></item>\n"
        )
    thumbnail = (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        "<wp:meta_value>900</wp:meta_value></wp:postmeta>"
        if featured
        else ""
    )
    for number in range(1, posts + 1):
        moment = dt.datetime(2019, 3, 1, tzinfo=dt.UTC) + dt.timedelta(hours=number)
        items.append(
            f"<item><title>Repairs on the grid, day {number}</title>"
            f"<link>https://old.example.org/2019/03/day-{number}/</link>"
            "<dc:creator>olena</dc:creator>"
            f"<content:encoded><![CDATA[Crews worked through night {number}.\n\n"
            "<h2>What is next</h2>\n\nThe last district waits.]]></content:encoded>"
            f"<wp:post_id>{number}</wp:post_id>"
            f"<wp:post_date_gmt>{moment:%Y-%m-%d %H:%M:%S}</wp:post_date_gmt>"
            f"<wp:post_name>day-{number}</wp:post_name><wp:status>publish</wp:status>"
            "<wp:post_type>post</wp:post_type>"
            '<category domain="category" nicename="energy"><![CDATA[Energy]]></category>'
            '<category domain="post_tag" nicename="grid"><![CDATA[Grid]]></category>'
            '<category domain="post_tag" nicename="kharkiv"><![CDATA[Kharkiv]]></category>'
            f"{thumbnail}</item>\n"
        )
    path = tmp_path / name
    path.write_text(HEAD + "".join(items) + "</channel></rss>\n", encoding="utf-8")
    return path


def queries_to_import(path: Path, django_capture_on_commit_callbacks, **options) -> list[str]:
    """The statements of a whole run and its catch-up, then undone."""
    with transaction.atomic():
        with (
            CaptureQueriesContext(connection) as captured,
            django_capture_on_commit_callbacks(execute=True),
        ):
            report = wordpress.Importer(path, edition="en", **options).run()
        assert not [note for note in report.notes if note.level == "failure"]
        transaction.set_rollback(True)
    return [query["sql"] or "" for query in captured.captured_queries]


def test_a_batch_costs_the_same_queries_for_5_posts_as_for_25(
    tmp_path, django_capture_on_commit_callbacks
):
    # 25 posts stay within one statement per table on SQLite, where Django splits an insert
    # every 999 variables (28 articles of 35 columns): the cost is per batch, not per post.
    few = queries_to_import(wxr_of(tmp_path, 5, name="few.xml"), django_capture_on_commit_callbacks)
    many = queries_to_import(
        wxr_of(tmp_path, 25, name="many.xml"), django_capture_on_commit_callbacks
    )
    assert len(few) == len(many)
    inserts = Counter(sql.split("(")[0] for sql in many if sql.startswith("INSERT"))
    assert inserts['INSERT INTO "articles_article" '] == 1
    assert inserts['INSERT INTO "wagtailcore_revision" '] == 1


def media_of(tmp_path: Path) -> Path:
    media = tmp_path / "uploads"
    (media / FEATURED).parent.mkdir(parents=True)
    PillowImage.new("RGB", (40, 30), (10, 120, 200)).save(media / FEATURED, "PNG")
    return media


def test_an_image_featured_by_every_post_costs_its_lookups_once(
    tmp_path, django_capture_on_commit_callbacks
):
    media = media_of(tmp_path)
    # The first image a process makes costs its renditions' first queries: not compared.
    queries_to_import(
        wxr_of(tmp_path, 1, name="first.xml", featured=True),
        django_capture_on_commit_callbacks,
        media_dir=media,
    )
    few = queries_to_import(
        wxr_of(tmp_path, 5, name="few.xml", featured=True),
        django_capture_on_commit_callbacks,
        media_dir=media,
    )
    many = queries_to_import(
        wxr_of(tmp_path, 25, name="many.xml", featured=True),
        django_capture_on_commit_callbacks,
        media_dir=media,
    )
    assert len(few) == len(many)


def test_a_batch_rolled_back_forgets_the_image_it_made(tmp_path, monkeypatch):
    """The image made inside a batch that then fails as a whole is gone with it: the posts
    imported one by one after it make it again, and never point at the row rolled back."""
    original = bulk.add_articles
    calls = {"n": 0}

    def fails_once(**kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("the batch's commit failed")
        return original(**kwargs)

    monkeypatch.setattr(bulk, "add_articles", fails_once)
    path = wxr_of(tmp_path, 3, featured=True)
    report = wordpress.Importer(path, edition="en", media_dir=media_of(tmp_path)).run()
    assert not [note for note in report.notes if note.level == "failure"]
    assert dict(report.rows())["post"]["created"] == 3
    [image] = get_image_model().objects.all()
    assert set(Article.objects.values_list("hero_image_id", flat=True)) == {image.pk}


def test_two_batches_cost_twice_the_posts_part_of_one(tmp_path, django_capture_on_commit_callbacks):
    path = wxr_of(tmp_path, 10)
    whole = wordpress.Importer.__init__.__kwdefaults__["batch_size"]
    assert whole >= 10
    one = queries_to_import(path, django_capture_on_commit_callbacks)
    two = queries_to_import(path, django_capture_on_commit_callbacks, batch_size=5)
    inserts = [sql for sql in two if sql.startswith('INSERT INTO "articles_article" ')]
    assert len(inserts) == 2
    assert len(two) > len(one)


def outcome() -> dict:
    """What the import left, without ids and times: comparable between two ways."""
    articles = {}
    for article in Article.objects.order_by("slug"):
        revisions = Revision.objects.filter(
            object_id=str(article.pk), base_content_type__model="article"
        )
        [revision] = revisions
        content = {
            key: value
            for key, value in revision.content.items()
            if key not in {"pk", "translation_key", "body", "bylines", "tags"}
        }
        # By its slug: a rolled-back run spends ids on PostgreSQL (sequences do not roll back).
        content["section"] = article.section.slug if article.section_id else None
        articles[article.slug] = {
            "row": (
                article.live,
                article.has_unpublished_changes,
                article.first_published_at,
                article.original_published_at,
                article.latest_revision_id == revision.pk,
                article.live_revision_id == revision.pk,
            ),
            "revision": (content, len(revision.content["bylines"]), revision.content["tags"] and 1),
            "log": sorted(
                ModelLogEntry.objects.filter(object_id=str(article.pk)).values_list(
                    "action", "revision_id"
                )
            ),
            "references": sorted(
                ReferenceIndex.objects.filter(object_id=str(article.pk)).values_list(
                    "model_path", "to_content_type__model"
                )
            ),
        }
        for entry in articles[article.slug]["log"]:
            assert entry[1] == revision.pk
        articles[article.slug]["log"] = [
            action for action, _revision in articles[article.slug]["log"]
        ]
    return {
        "articles": articles,
        "slugs": sorted(PublishedSlug.objects.values_list("slug", flat=True)),
        "security": Counter(SecurityEvent.objects.values_list("event", "username")),
        "indexed": len(list(get_backend().indexed_ids())),
        "months": sorted(ArchiveMonth.objects.values_list("edition", "month", "articles")),
    }


def test_a_batch_leaves_what_one_post_at_a_time_leaves(
    tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    path = wxr_of(tmp_path, 4)
    with transaction.atomic():
        with django_capture_on_commit_callbacks(execute=True):
            report = wordpress.Importer(path, edition="en").run()
        batched = outcome()
        transaction.set_rollback(True)
    assert wordpress.Report.rows(report)[-1] == (
        "tag",
        {"created": 2, "updated": 0, "skipped": 0, "failed": 0},
    )

    def broken(**kwargs):
        raise RuntimeError("a batch that fails as a whole")

    # A batch that fails as a whole is rolled back and its posts go one at a time,
    # through publishing.actions: the write path an editor's publish takes.
    monkeypatch.setattr(bulk, "add_articles", broken)
    with django_capture_on_commit_callbacks(execute=True):
        again = wordpress.Importer(path, edition="en").run()
    assert dict(again.rows())["post"]["created"] == 4
    one_by_one = outcome()
    assert batched == one_by_one
    assert batched["articles"]["day-1"]["log"] == sorted(
        ["wagtail.edit", "wagtail.publish", "newsdesk.publish.original_time"]
    )
    assert batched["indexed"] == 4
    assert batched["months"] == [("en", dt.date(2019, 3, 1), 4)]


def test_one_rule_for_a_posts_state_new_or_changed(tmp_path, django_capture_on_commit_callbacks):
    """A published post whose date is gone comes in as a draft when new, and when its
    article is out already stays out with the new text: the changed post's path once
    saved it as a draft behind the live version, where the batch's rule had it apart."""
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    post = wordpress.wxr.Item(
        line=1, wp_id=1, post_type="post", title="t", link="", guid="", creator="",
        content="", excerpt="", status="publish", slug="", published_at=None, parent=None,
        attachment_url="",
    )  # fmt: skip
    new = wordpress_batches.state_of(post, published_before=False, now=now)
    assert (new.verb, new.warning) == (
        "draft",
        "published, but with no usable date: imported as a draft",
    )
    out = wordpress_batches.state_of(post, published_before=True, now=now)
    assert (out.verb, out.moment, out.warning) == ("publish", None, "")

    path = wxr_of(tmp_path, 1)
    with django_capture_on_commit_callbacks(execute=True):
        wordpress.Importer(path, edition="en").run()
    changed = tmp_path / "changed.xml"
    changed.write_text(
        path.read_text(encoding="utf-8")
        .replace("Crews worked through night 1.", "Crews finished on night 1.")
        .replace("2019-03-01 01:00:00", "0000-00-00 00:00:00"),
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = wordpress.Importer(changed, edition="en").run()
    assert dict(report.rows())["post"]["updated"] == 1
    assert not [note for note in report.notes if "draft" in note.message]
    [article] = Article.objects.all()
    assert article.live and not article.has_unpublished_changes
    assert article.live_revision_id == article.latest_revision_id
    assert "finished" in article.lead
    assert article.first_published_at == dt.datetime(2019, 3, 1, 1, tzinfo=dt.UTC)
