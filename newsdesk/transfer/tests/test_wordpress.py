"""The WordPress importer on the real exports in ../shared and on broken copies of them."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from newsdesk.articles.models import Article
from newsdesk.people.models import Author
from newsdesk.publishing import bulk
from newsdesk.search.desk import find_articles
from newsdesk.sections.models import Section
from newsdesk.taxonomy.models import Tag
from newsdesk.transfer import redirects, wordpress
from newsdesk.transfer.models import ImportedItem, Redirect

from .test_wxr import SMALL, THEME, UTF8, export

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """An import whose on-commit receivers (search index, purges) run as a commit's would."""

    def go(path: Path, **options) -> wordpress.Report:
        with django_capture_on_commit_callbacks(execute=True):
            return wordpress.Importer(path, **options).run()

    return go


def outcomes(report: wordpress.Report) -> dict[str, dict[str, int]]:
    return {kind: {k: v for k, v in counts.items() if v} for kind, counts in report.rows()}


def rows() -> dict[str, int]:
    model = get_image_model()
    tables = (Article, Section, Tag, Author, ImportedItem, Redirect, model)
    return {table.__name__: table.objects.count() for table in tables}


def state() -> dict:
    """What an import leaves, without row ids: comparable between two runs."""
    articles = {}
    for article in Article.objects.select_related("section", "locale").prefetch_related(
        "tags", "bylines__author"
    ):
        articles[article.slug] = (
            article.headline,
            article.lead,
            article.live,
            article.first_published_at,
            article.section.slug,
            sorted(tag.slug for tag in article.tags.all()),
            [byline.author.slug for byline in article.bylines.all()],
            # Block ids are random: the content is what must be the same.
            [(block["type"], block["value"]) for block in article.body.get_prep_value()],
        )
    moved = sorted(Redirect.objects.values_list("old_path", "article__slug"))
    kept = Counter(ImportedItem.objects.values_list("kind", flat=True))
    return {"articles": articles, "redirects": moved, "records": kept}


# -- the real exports ----------------------------------------------------------------------


def test_the_theme_export_imports_with_the_expected_counts(run, client):
    report = run(export(THEME), edition="en")
    assert outcomes(report) == {
        "post": {"created": 58},
        "page": {"skipped": 21},
        "attachment": {"skipped": 37},
        "nav_menu_item": {"skipped": 70},
        "comment": {"skipped": 33},
        "author": {"created": 2},
        # 68 categories and one more declared as a wp:term of the same slug.
        "section": {"created": 68, "skipped": 1},
        # The 110 tags, and the categories a post is filed under past its first (the
        # theme's "Many Categories" post has them all): they have no place as sections.
        "tag": {"created": 179},
        "term:nav_menu": {"skipped": 6},
    }
    assert not [note for note in report.notes if note.level == "failure"]
    # Filed under no category: WordPress's own default, which the export declares.
    assert Section.objects.filter(slug="uncategorized").count() == 1
    assert Section.objects.count() == 68
    assert Tag.objects.count() == 179
    # Published 56, the draft and the one scheduled for a day long past are drafts.
    assert Counter(Article.objects.values_list("live", flat=True)) == {True: 56, False: 2}
    # The dirt around a login in dc:creator is read as the declared author, and said.
    unknown = [note for note in report.notes if "unknown author" in note.message]
    assert [note.message for note in unknown] == [
        "unknown author «>themereviewteam»: read as «themereviewteam»"
    ]
    assert Author.objects.count() == 2
    # The pretty permalink of the old site leads to the article.
    article = Article.objects.get(slug="template-excerpt-defined")
    old = "/2012/03/15/template-excerpt-defined/"
    assert Redirect.objects.filter(old_path=old, article=article).exists()
    response = client.get(old.rstrip("/"))
    assert (response.status_code, response["Location"]) == (301, article.get_url())


def test_the_small_export_keeps_statuses_dates_and_slugs(run):
    report = run(export(SMALL), edition="uk")
    assert outcomes(report)["post"] == {"created": 6}
    assert outcomes(report)["page"] == {"skipped": 5}
    assert Author.objects.count() == 3
    hello = Article.objects.get(slug="hello-world")
    assert hello.live
    # Dated at its original first publication (GMT), out of today's news.
    assert hello.first_published_at == hello.original_published_at
    assert hello.first_published_at.year == 2011
    private = Article.objects.get(slug="private-post")
    assert not private.live
    assert any(
        "private: imported as a draft" in note.message and note.id == "13" for note in report.notes
    )


def test_the_utf8_challenges_arrive_intact_on_the_article_page(run, client):
    run(export(UTF8), edition="en")
    article = Article.objects.get()
    assert "\u202eNot\u202c" in article.headline
    page = client.get(article.get_url()).content.decode()
    assert escape(article.headline) in page
    for character in ("\u202e", "\u202d", "\u200b", "\u200d", "\U0001f600"):
        if character in article.headline + article.lead + str(article.body.get_prep_value()):
            assert character in page


def test_old_permalinks_redirect_to_the_articles(run, client):
    run(export(SMALL), edition="uk")
    hello = Article.objects.get(slug="hello-world")
    # WordPress's own address of a post, whatever its permalink setting.
    response = client.get("/", {"p": "1", "utm_source": "mail"})
    assert response.status_code == 301
    assert response["Location"] == hello.get_url()
    # A page was not imported: the root goes home as ever.
    assert client.get("/", {"page_id": "2"})["Location"] == "/uk/"
    # A pretty permalink goes through the "not found" handler.
    Redirect.objects.create(old_path="/2011/01/hello-world/", article=hello)
    response = client.get("/2011/01/hello-world")
    assert response.status_code == 301
    assert response["Location"] == hello.get_url()
    # A draft's old address stays "not found".
    private = Article.objects.get(slug="private-post")
    assert Redirect.objects.filter(article=private).exists()
    assert client.get("/", {"p": "13"})["Location"] == "/uk/"
    assert client.get("/2011/01/nowhere/").status_code == 404


def test_a_normal_404_costs_one_query_for_old_addresses(django_assert_num_queries):
    with django_assert_num_queries(1):
        assert redirects.target("/no/such/page/", "") is None


def test_a_second_run_creates_nothing(run):
    run(export(SMALL), edition="uk")
    before = rows()
    again = run(export(SMALL), edition="uk")
    assert rows() == before
    assert {outcome for counts in outcomes(again).values() for outcome in counts} == {"skipped"}


def test_a_changed_item_is_updated_not_duplicated(run, tmp_path):
    run(export(SMALL), edition="uk")
    changed = tmp_path / "changed.xml"
    changed.write_bytes(export(SMALL).read_bytes().replace(b"Hello world!", b"Hello again!"))
    report = run(changed, edition="uk")
    assert outcomes(report)["post"] == {"updated": 1, "skipped": 5}
    assert Article.objects.get(slug="hello-world").headline == "Hello again!"
    assert Article.objects.count() == 6


class Interrupted(BaseException):
    """Stands for a kill mid-run: nothing of the importer catches it."""


def test_a_run_interrupted_inside_a_batch_resumes_to_a_clean_runs_end(run, monkeypatch):
    path = export(SMALL)
    with transaction.atomic():
        run(path, edition="en")
        clean = state()
        transaction.set_rollback(True)
    assert Article.objects.count() == 0

    original = bulk.add_articles
    calls = {"n": 0}

    def dies_in_the_second(**kwargs):
        result = original(**kwargs)
        calls["n"] += 1
        if calls["n"] == 2:
            raise Interrupted  # inside the second batch's transaction, after its writes
        return result

    monkeypatch.setattr(bulk, "add_articles", dies_in_the_second)
    with pytest.raises(Interrupted):
        run(path, edition="en", batch_size=2)
    assert Article.objects.count() == 2  # the second batch is not half there
    monkeypatch.setattr(bulk, "add_articles", original)
    resumed = run(path, edition="en", batch_size=2)
    assert outcomes(resumed)["post"] == {"created": 4, "skipped": 2}
    assert state() == clean


def test_imported_articles_are_found_at_once_by_both_searches(run, client):
    run(export(SMALL), edition="en")
    response = client.get("/en/search/", {"q": "Foo-child"})
    assert "/en/news/foo-child/" in response.content.decode() or "foo-child" in (
        response.content.decode()
    )
    found = find_articles(Article.objects.all(), "Foo-child")
    assert list(found.values_list("slug", flat=True)) == ["foo-child"]


def test_a_dry_run_writes_nothing_and_says_what_it_would_do(run, tmp_path):
    media = media_with_one_image(tmp_path)
    before = rows()
    report = run(featured_only(tmp_path), edition="en", media_dir=media, dry_run=True)
    assert rows() == before
    assert report.dry_run
    assert outcomes(report)["post"] == {"created": 1}
    assert outcomes(report)["image"] == {"created": 1}


# -- images --------------------------------------------------------------------------------

# The theme export's post "template-featured-image-horizontal" features this file
# (attachment 1022, on WordPress.com's files host: no wp-content/uploads/ in its address).
FEATURED = "2013/03/featured-image-horizontal.jpg"


def featured_only(tmp_path: Path) -> Path:
    """The theme export with only the post that features ``FEATURED``, and the attachments."""
    data = export(THEME).read_bytes()
    items = list(re.finditer(rb"<item>.*?</item>", data, re.S))
    kept = [
        match.group(0)
        for match in items
        if b"<wp:post_type>attachment</wp:post_type>" in match.group(0)
        or b"<wp:post_name>template-featured-image-horizontal</wp:post_name>" in match.group(0)
    ]
    assert len(kept) == 38
    path = tmp_path / "featured.xml"
    path.write_bytes(data[: items[0].start()] + b"\n".join(kept) + data[items[-1].end() :])
    return path


def media_with_one_image(tmp_path: Path) -> Path:
    media = tmp_path / "uploads"
    (media / FEATURED).parent.mkdir(parents=True)
    PillowImage.new("RGB", (40, 30), (200, 10, 10)).save(media / FEATURED, "JPEG")
    return media


def test_a_featured_image_comes_from_the_media_folder(run, tmp_path):
    media = media_with_one_image(tmp_path)
    path = featured_only(tmp_path)
    report = run(path, edition="en", media_dir=media)
    assert outcomes(report)["image"] == {"created": 1}
    featured = Article.objects.exclude(hero_image=None)
    assert [article.slug for article in featured] == ["template-featured-image-horizontal"]
    assert featured[0].hero_image.width == 40
    # A second run makes no second image.
    run(path, edition="en", media_dir=media)
    assert get_image_model().objects.count() == 1


def test_a_file_the_site_would_refuse_is_reported_and_the_post_comes_without_it(run, tmp_path):
    media = tmp_path / "uploads"
    (media / FEATURED).parent.mkdir(parents=True)
    (media / FEATURED).write_bytes(b"<?php echo 'not an image'; ?>")
    report = run(featured_only(tmp_path), edition="en", media_dir=media)
    assert outcomes(report)["post"] == {"created": 1}
    refused = [note for note in report.notes if "not a readable image" in note.message]
    assert refused and all(note.type == "post" and note.line for note in refused)
    assert get_image_model().objects.count() == 0


def test_the_media_folder_is_never_left(run, tmp_path):
    importer = wordpress.Importer(export(SMALL), media_dir=tmp_path)
    (tmp_path.parent / "secret.png").write_bytes(b"x")
    assert importer._find_image("http://localhost/wp-content/uploads/../secret.png") is None
    assert importer._find_image("http://localhost/wp-content/uploads/%2e%2e/secret.png") is None


# -- malformed input, item by item -----------------------------------------------------------


def variant(tmp_path: Path, name: str, *replacements: tuple[bytes, bytes]) -> Path:
    data = export(SMALL).read_bytes()
    for old, new in replacements:
        assert old in data, old
        data = data.replace(old, new, 1)
    path = tmp_path / name
    path.write_bytes(data)
    return path


def failures(report: wordpress.Report) -> list[wordpress.Note]:
    return [note for note in report.notes if note.level == "failure"]


def warnings_of(report: wordpress.Report, wp_id: str) -> list[str]:
    return [note.message for note in report.notes if note.id == wp_id]


def test_broken_xml_in_one_item_is_repaired_or_reported_and_the_run_goes_on(run, tmp_path):
    path = variant(tmp_path, "broken.xml", (b"<title>Hello world!</title>", b"<title>Hello <b>"))
    report = run(path, edition="uk")
    # Repaired, the item lost what followed the unclosed tag, its id and guid among it.
    assert outcomes(report)["post"] == {"created": 5, "failed": 1}
    [failure] = failures(report)
    assert failure.line == 78
    assert "neither a wp:post_id nor a guid" in failure.message
    assert any(
        note.line == 78 and note.message.startswith("broken XML: Opening and ending tag mismatch")
        for note in report.notes
    )


def test_an_item_without_id_and_guid_fails_clearly_the_rest_import(run, tmp_path):
    path = variant(
        tmp_path,
        "no-id.xml",
        (b"<wp:post_id>1</wp:post_id>", b""),
        (b'<guid isPermaLink="false">http://localhost/?p=1</guid>', b""),
    )
    report = run(path, edition="uk")
    assert outcomes(report)["post"] == {"created": 5, "failed": 1}
    [failure] = failures(report)
    assert failure.title == "Hello world!" and failure.line == 78
    assert "neither a wp:post_id nor a guid" in failure.message


def test_a_missing_title_gets_a_headline_and_a_warning(run, tmp_path):
    path = variant(tmp_path, "untitled.xml", (b"<title>Hello world!</title>", b""))
    report = run(path, edition="uk")
    assert "no title: the headline is «WordPress post 1»" in warnings_of(report, "1")
    assert Article.objects.filter(headline="WordPress post 1").exists()


def test_an_unknown_author_is_made_and_reported(run, tmp_path):
    path = variant(
        tmp_path,
        "ghost.xml",
        (b"<dc:creator>author</dc:creator>", b"<dc:creator>ghost</dc:creator>"),
    )
    report = run(path, edition="uk")
    assert "unknown author «ghost»: an author «ghost» was made" in warnings_of(report, "1")
    hello = Article.objects.get(slug="hello-world")
    assert [byline.author.name for byline in hello.bylines.all()] == ["ghost"]


def test_a_bad_date_keeps_the_post_as_a_draft(run, tmp_path):
    data = export(SMALL).read_bytes()
    start = data.index(b"<wp:post_id>1</wp:post_id>")
    gmt = re.compile(rb"<wp:post_date_gmt>[^<]*</wp:post_date_gmt>")
    pub = re.compile(rb"<pubDate>[^<]*</pubDate>")
    head, tail = data[: data.rindex(b"<item>", 0, start)], data[data.rindex(b"<item>", 0, start) :]
    tail = gmt.sub(b"<wp:post_date_gmt>2011-13-45 99:00:00</wp:post_date_gmt>", tail, count=1)
    tail = pub.sub(b"<pubDate>someday</pubDate>", tail, count=1)
    path = tmp_path / "bad-date.xml"
    path.write_bytes(head + tail)
    report = run(path, edition="uk")
    messages = warnings_of(report, "1")
    assert "bad wp:post_date_gmt '2011-13-45 99:00:00'" in messages
    assert "published, but with no usable date: imported as a draft" in messages
    assert not Article.objects.get(slug="hello-world").live


def test_a_duplicate_slug_gets_a_free_one_and_a_warning(run, tmp_path):
    path = variant(
        tmp_path,
        "twins.xml",
        (b"<wp:post_name>top-level-foo</wp:post_name>", b"<wp:post_name>foo-child</wp:post_name>"),
    )
    report = run(path, edition="uk")
    assert "the slug «foo-child» is taken in this edition: imported as «foo-child-2»" in (
        warnings_of(report, "17")
    )
    assert Article.objects.get(slug="foo-child-2").headline == "Top-level Foo"


def test_bytes_that_are_not_utf8_are_replaced_and_reported_with_the_line(run, tmp_path):
    path = variant(
        tmp_path, "latin1.xml", (b"<title>Hello world!</title>", b"<title>Hello w\xf6rld!</title>")
    )
    report = run(path, edition="uk")
    assert "bytes that are not UTF-8 on line 79, replaced by U+FFFD" in warnings_of(report, "1")
    assert Article.objects.get(slug="hello-world").headline == "Hello w\ufffdrld!"


def test_a_file_cut_short_is_reported_and_what_came_before_imported(run, tmp_path):
    data = export(SMALL).read_bytes()
    path = tmp_path / "cut.xml"
    path.write_bytes(data[: data.index(b"<wp:post_id>17</wp:post_id>")])
    report = run(path, edition="uk")
    assert outcomes(report)["post"] == {"created": 3}
    assert [note.message for note in failures(report)] == [
        "an item that never ends (the file is cut short)"
    ]


# -- the command -----------------------------------------------------------------------------


def test_the_command_prints_a_summary_and_writes_the_report(tmp_path):
    out = io.StringIO()
    target = tmp_path / "report.json"
    with translation.override("en"):
        call_command(
            "import_wxr", str(export(SMALL)), "--edition", "en", "--report", str(target), stdout=out
        )
    printed = out.getvalue()
    assert re.search(r"post\s*│\s*6\s*│\s*0\s*│\s*0\s*│\s*0", printed), printed
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["counts"]["post"] == {"created": 6, "updated": 0, "skipped": 0, "failed": 0}
    assert report["source"] == "http://localhost"
    private = [w for w in report["warnings"] if w["id"] == "13"]
    assert private[0]["type"] == "post" and private[0]["title"] == "Private Post"
    assert private[0]["line"] > 0


def test_the_command_dry_run_counts_before_and_after(tmp_path):
    before = rows()
    out = io.StringIO()
    with translation.override("en"):
        call_command(
            "import_wxr",
            str(export(SMALL)),
            "--dry-run",
            "--report",
            str(tmp_path / "r.json"),
            stdout=out,
        )
    assert rows() == before
    assert "Dry run: nothing was written" in out.getvalue()


@pytest.mark.parametrize(
    ("arguments", "english", "ukrainian"),
    [
        (["--edition", "fr"], "Unknown edition fr", "Невідоме видання fr"),
        (["--media-dir", "/nonexistent-media"], "No such folder", "Немає такої теки"),
    ],
)
def test_bad_arguments_are_refused_in_the_users_language(arguments, english, ukrainian):
    for language, expected in (("en", english), ("uk", ukrainian)):
        with translation.override(language), pytest.raises(CommandError, match=expected):
            call_command("import_wxr", str(export(SMALL)), *arguments)


def test_a_missing_file_is_refused():
    with translation.override("en"), pytest.raises(CommandError, match="No such file"):
        call_command("import_wxr", "/nonexistent.xml")


def test_published_posts_stay_out_of_todays_news(run):
    run(export(SMALL), edition="en")
    assert Article.objects.published().exists()
    assert not Article.objects.published().announced().exists()
    assert all(
        article.first_published_at < dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
        for article in Article.objects.published()
    )
