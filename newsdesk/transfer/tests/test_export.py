"""The export: ninjs valid against the IPTC schema, a WXR both importers read, the
newsroom's other records, the folder it refuses, and the round trip through the importer."""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.utils import translation
from lxml import etree
from wagtail.images import get_image_model

from newsdesk.api.tests.test_ninjs import ninjs_validator, problems
from newsdesk.articles.models import Article, Byline, UpdateLogEntry
from newsdesk.people.models import Author
from newsdesk.publishing import actions
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story, TimelineEntry
from newsdesk.taxonomy.models import Tag
from newsdesk.testing import factories
from newsdesk.transfer import export, wordpress, wxr
from newsdesk.transfer.models import ImportedItem, Redirect

pytestmark = pytest.mark.django_db

WEEK_AGO = dt.timedelta(days=7)


@pytest.fixture
def newsroom(clock, django_capture_on_commit_callbacks):
    """Both editions: a published article with a hero, a body image, two bylines, tags, a
    story and a correction, and its English translation; a draft; a scheduled article;
    live coverage with an update; an old address that leads to the first article."""
    now = dt.datetime.now(dt.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        hero, inside = factories.image("Dawn"), factories.image("Dusk", width=800, height=600)
        story = factories.story("uk", "energy", title="Енергетика")
        factories.timeline_entry(story)
        olena, taras = factories.author("uk"), factories.author("uk", "taras", name="Тимофій")
        tags = [factories.tag("uk"), factories.tag("uk", "grid", name="Мережа")]
        blocks = [
            {"type": "paragraph", "value": "<p>Перший абзац про <b>Харків</b>.</p>"},
            {"type": "subheading", "value": "Що відомо"},
            {
                "type": "image",
                "value": {"image": inside.pk, "caption": "Місто", "credit": "", "alt": "Вид"},
            },
            {"type": "paragraph", "value": "<p>Другий абзац.</p>"},
        ]
        first = factories.published(
            "uk",
            "kharkiv-dawn",
            at=now - WEEK_AGO,
            headline="Харків на світанку",
            lead="Що сталося вночі.",
            blocks=blocks,
            tags=tags,
            authors=[olena, taras],
            hero_image=hero,
            hero_caption="Харків",
            hero_alt="Місто на світанку",
            story=story,
        )
        first.headline = "Харків на світанку (виправлено)"
        actions.publish(article=first, update_note="Виправили назву.", update_kind="correction")
        twin = factories.published(
            "en",
            "kharkiv-at-dawn",
            at=now - WEEK_AGO,
            headline="Kharkiv at dawn",
            lead="What happened overnight.",
            body=["The first paragraph."],
            in_section=factories.section("en"),
            authors=[factories.author("en")],
        )
        actions.pair_translations(article=first, twin=twin)
        factories.draft("uk", "draft-piece", headline="Чернетка", body=["Ще не готово."])
        factories.scheduled(
            "uk", "tomorrow", go_live_at=now + dt.timedelta(days=1), body=["Завтра."]
        )
        live = factories.published(
            "uk", "live-coverage", at=now - dt.timedelta(days=2), coverage="live", body=["Стрічка."]
        )
        factories.live_update(live, "Перше оновлення.")
        Redirect.objects.create(old_path="/2019/05/old-kharkiv/", article=first)
    return {"first": first, "twin": twin, "live": live, "hero": hero, "inside": inside}


def run_export(folder: Path, **options) -> dict:
    export.check_folder(folder, force=False)
    export.Exporter(folder, editions=["uk", "en"], **options).run()
    return json.loads((folder / export.MANIFEST).read_text(encoding="utf-8"))


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_article_is_a_valid_ninjs_3_1_document(newsroom, tmp_path):
    folder = tmp_path / "out"
    manifest = run_export(folder, batch_size=2)  # several batches: keyset paging is used
    validator = ninjs_validator()
    entries = {entry["id"]: entry for entry in manifest["ninjs"]}
    assert set(entries) == set(Article.objects.values_list("pk", flat=True))
    for entry in entries.values():
        item = json.loads((folder / entry["file"]).read_text(encoding="utf-8"))
        assert problems(validator, item) == [], entry
        assert item["pubStatus"] == entry["pubStatus"]
    first = json.loads((folder / entries[newsroom["first"].pk]["file"]).read_text())
    twin = json.loads((folder / entries[newsroom["twin"].pk]["file"]).read_text())
    assert first["headlines"][0]["value"] == "Харків на світанку (виправлено)"
    assert first["pubStatus"] == "usable"
    key = {"role": "translation-key", "value": str(newsroom["first"].translation_key)}
    assert key in first["altIds"] and key in twin["altIds"]
    assert first["associations"][0]["type"] == "picture"
    draft = Article.objects.get(slug="draft-piece")
    scheduled = Article.objects.get(slug="tomorrow")
    draft_item = json.loads((folder / entries[draft.pk]["file"]).read_text())
    scheduled_item = json.loads((folder / entries[scheduled.pk]["file"]).read_text())
    assert draft_item["pubStatus"] == "withheld" and "embargoedUntil" not in draft_item
    assert draft_item["headlines"][0]["value"] == "Чернетка"
    assert scheduled_item["pubStatus"] == "withheld"
    assert scheduled_item["embargoedUntil"].startswith(
        scheduled.scheduled_revision.approved_go_live_at.strftime("%Y-%m-%dT%H:%M")
    )
    assert manifest["counts"]["articles (uk)"] == 4 and manifest["counts"]["articles (en)"] == 1


def test_a_draft_is_exported_as_its_latest_revision(newsroom, tmp_path):
    draft = Article.objects.get(slug="draft-piece")
    draft.headline = "Чернетка, друга версія"
    actions.save_draft(article=draft)
    assert Article.objects.get(pk=draft.pk).headline == "Чернетка"  # the row keeps the first
    manifest = run_export(tmp_path / "out")
    entry = next(e for e in manifest["ninjs"] if e["id"] == draft.pk)
    item = json.loads((tmp_path / "out" / entry["file"]).read_text())
    assert item["headlines"][0]["value"] == "Чернетка, друга версія"


def test_what_neither_format_holds_is_in_the_newsroom_records(newsroom, tmp_path):
    folder = tmp_path / "out"
    run_export(folder)
    records = folder / "newsroom"
    assert {r["slug"] for r in jsonl(records / "sections.jsonl")} == {"war"}
    assert {(r["edition"], r["slug"]) for r in jsonl(records / "authors.jsonl")} >= {
        ("uk", "olena-koval"),
        ("uk", "taras"),
        ("en", "olena-koval"),
    }
    (story,) = jsonl(records / "stories.jsonl")
    assert story["slug"] == "energy" and story["title"] == "Енергетика"
    assert len(story["timeline"]) == TimelineEntry.objects.count()
    (correction,) = jsonl(records / "corrections-uk.jsonl")
    assert correction["text"] == "Виправили назву." and correction["kind"] == "correction"
    (update,) = jsonl(records / "live-updates-uk.jsonl")
    assert update["article"] == newsroom["live"].pk and "Перше оновлення." in update["html"]
    redirects = {r["old_path"]: r["article"] for r in jsonl(records / "redirects.jsonl")}
    assert redirects["/2019/05/old-kharkiv/"] == newsroom["first"].pk
    images = jsonl(records / "images.jsonl")
    assert len(images) == get_image_model().objects.count() == 2
    for image in get_image_model().objects.all():
        copy = folder / "uploads" / image.file.name
        with image.file.open("rb") as original:
            assert copy.read_bytes() == original.read()


def test_the_wxr_is_wordpress_rss_our_reader_takes_back(newsroom, tmp_path):
    folder = tmp_path / "out"
    run_export(folder)
    path = folder / "wordpress-uk.xml"
    tree = etree.parse(str(path))  # well-formed XML, or this raises
    root = tree.getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert root.nsmap["wp"] == "http://wordpress.org/export/1.2/"
    assert tree.findtext("channel/{http://wordpress.org/export/1.2/}wxr_version") == "1.2"
    parts = list(wxr.read(path))
    assert not [p for p in parts if isinstance(p, wxr.Problem)]
    authors = {p.login for p in parts if isinstance(p, wxr.Author)}
    assert authors == {"olena-koval", "taras"}
    terms = {(p.kind, p.slug) for p in parts if isinstance(p, wxr.Term)}
    assert {("category", "war"), ("post_tag", "kharkiv"), ("post_tag", "grid")} <= terms
    assert (export.STORY_TAXONOMY, "energy") in terms
    items = {p.wp_id: p for p in parts if isinstance(p, wxr.Item)}
    first = items[newsroom["first"].pk]
    assert first.status == "publish" and first.slug == "kharkiv-dawn"
    assert first.published_at == newsroom["first"].first_published_at.replace(microsecond=0)
    assert first.creator == "olena-koval"
    assert json.loads(first.meta[wordpress.BYLINES_META]) == ["olena-koval", "taras"]
    assert first.meta[wordpress.TRANSLATION_META] == str(newsroom["first"].translation_key)
    assert "/2019/05/old-kharkiv/" in first.meta[wordpress.OLD_PATHS_META].splitlines()
    hero = items[int(first.meta["_thumbnail_id"])]
    assert hero.post_type == "attachment"
    assert hero.attachment_url.endswith("/wp-content/uploads/" + newsroom["hero"].file.name)
    inside = items[export.ATTACHMENT_IDS + newsroom["inside"].pk]
    assert inside.attachment_url in first.content
    statuses = {item.slug: item.status for item in items.values() if item.post_type == "post"}
    assert statuses == {
        "kharkiv-dawn": "publish",
        "draft-piece": "draft",
        "tomorrow": "future",
        "live-coverage": "publish",
    }
    assert "Перше оновлення." in items[newsroom["live"].pk].content


def test_text_xml_cannot_carry_is_dropped_and_cdata_ends_are_split(tmp_path):
    from newsdesk.transfer.wxr_writer import cdata

    marked = cdata("a]]>b\x00c\x0bd😀")
    assert marked == "<![CDATA[a]]]]><![CDATA[>bcd😀]]>"
    assert etree.fromstring(f"<x>{marked}</x>".encode()).text == "a]]>bcd😀"


def snapshot(client) -> dict:
    """What readers and machines see of every published article: the API's list and
    detail, the reader page, and the edition's section and tag pages."""
    seen = {}
    for edition in ("uk", "en"):
        listing = client.get(f"/api/v1/articles?edition={edition}&limit=50").json()
        for item in listing["items"]:
            detail = client.get(item["api_url"]).json()
            page = client.get(item["url"])
            assert page.status_code == 200
            text = page.content.decode()
            assert item["headline"] in etree.HTML(text).xpath("string(//h1)")
            body = etree.HTML(f"<div>{detail['body_html']}</div>")
            images = body.xpath("//img")
            seen[(edition, item["slug"])] = {
                "headline": item["headline"],
                "lead": item["lead"],
                "published_at": item["published_at"],
                "url": item["url"],
                "section": item["section"]["slug"],
                "tags": [t["slug"] for t in item["tags"]],
                "authors": [a["slug"] for a in item["authors"]],
                "hero": item["image"] and [item["image"][k] for k in ("width", "alt", "caption")],
                "labels": item["labels"],
                "body": " ".join(" ".join(body.itertext()).split()),
                "body images": [(i.get("width"), i.get("alt")) for i in images],
                "translation": (detail["translation"] or {}).get("url"),
            }
            for kind in ("section", "tags"):
                for chosen in [item["section"]] if kind == "section" else item["tags"]:
                    listed = client.get(chosen["url"]).content.decode()
                    assert item["headline"] in listed, (kind, chosen["url"])
    return seen


def rss_titles(client, edition: str) -> set[str]:
    feed = etree.fromstring(client.get(f"/{edition}/news/rss.xml").content)
    return set(feed.xpath("//item/title/text()"))


def empty_the_newsroom() -> None:
    Article.objects.all().delete()
    for model in (TimelineEntry, Story, Section, Tag, Author, ImportedItem):
        model.objects.all().delete()
    get_image_model().objects.all().delete()
    cache.clear()


def test_round_trip_through_the_importer_shows_readers_the_same(
    newsroom, client, tmp_path, django_capture_on_commit_callbacks
):
    before = snapshot(client)
    assert len(before) == 3  # the two published articles and live coverage
    announced = rss_titles(client, "uk")
    assert "Харків на світанку (виправлено)" in announced
    folder = tmp_path / "out"
    run_export(folder)
    empty_the_newsroom()
    assert snapshot(client) == {}
    for edition in ("uk", "en"):
        with django_capture_on_commit_callbacks(execute=True):
            report = wordpress.Importer(
                folder / f"wordpress-{edition}.xml",
                edition=edition,
                media_dir=folder / "uploads",
            ).run()
        assert not [n for n in report.notes if n.level == "failure"], report.notes
    cache.clear()
    after = snapshot(client)
    live = ("uk", "live-coverage")
    # By design (decision 0052): live coverage comes back as an article whose body holds
    # its updates (WordPress has no live coverage), without the Live label.
    assert before[live].pop("labels") == ["live"] and after[live].pop("labels") == []
    # By design: the correction's log (and so the Updated label it sets) is in the
    # newsroom records and the post's _newsdesk_update_log, which no importer replays.
    first = ("uk", "kharkiv-dawn")
    assert before[first].pop("labels") == ["updated"] and after[first].pop("labels") == []
    assert after.keys() == before.keys()
    for key, seen in before.items():
        assert {k: v for k, v in after[key].items() if v != seen[k]} == {}, key
    # The old site's address and the article's own slug both lead to it still.
    first_url = before[("uk", "kharkiv-dawn")]["url"]
    assert (
        client.get("/2019/05/old-kharkiv/").headers["Location"].endswith("/uk/news/kharkiv-dawn/")
    ), first_url
    # Drafts and schedules come back as such.
    assert Article.objects.get(slug="draft-piece").live is False
    assert Article.objects.get(slug="tomorrow").scheduled_revision is not None
    # By design: imports are dated at their original publication, never today's news (0038).
    assert rss_titles(client, "uk").isdisjoint(announced)
    # By design: corrections are in the newsroom records, not in WordPress's post.
    assert not UpdateLogEntry.objects.exists()


def test_the_command_writes_and_summarises(newsroom, tmp_path):
    out = io.StringIO()
    with translation.override("en"):
        call_command("export", str(tmp_path / "out"), "--format", "ninjs", stdout=out)
    assert "articles (uk)" in out.getvalue() and "manifest.json" in out.getvalue()
    assert not list((tmp_path / "out").glob("wordpress-*.xml"))
    assert (tmp_path / "out" / "manifest.json").exists()


def test_the_command_exports_one_edition(newsroom, tmp_path):
    with translation.override("en"):
        call_command("export", str(tmp_path / "out"), "--edition", "en", stdout=io.StringIO())
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert {entry["edition"] for entry in manifest["ninjs"]} == {"en"}
    assert [p.name for p in (tmp_path / "out").glob("wordpress-*.xml")] == ["wordpress-en.xml"]


def test_a_non_empty_folder_is_refused_unless_forced(newsroom, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    for language, expected in (("en", "is not empty"), ("uk", "не порожня")):
        with translation.override(language), pytest.raises(CommandError, match=expected):
            call_command("export", str(folder), stdout=io.StringIO())
    assert not (folder / "manifest.json").exists()
    (folder / "ninjs").mkdir()
    (folder / "ninjs" / "stale.json").write_text("{}")
    with translation.override("en"):
        call_command("export", str(folder), "--force", stdout=io.StringIO())
    assert (folder / "manifest.json").exists()
    assert not (folder / "ninjs" / "stale.json").exists()  # a previous export is replaced
    assert (folder / "notes.txt").read_text() == "keep me"  # nothing else is touched


@pytest.mark.parametrize(
    ("arguments", "english", "ukrainian"),
    [
        (["--edition", "fr"], "Unknown edition fr", "Невідоме видання fr"),
        (["--format", "json"], "Unknown format json", "Невідомий формат json"),
    ],
)
def test_bad_options_are_refused_in_the_users_language(tmp_path, arguments, english, ukrainian):
    for language, expected in (("en", english), ("uk", ukrainian)):
        with translation.override(language), pytest.raises(CommandError, match=expected):
            call_command("export", str(tmp_path / "out"), *arguments)
    assert not (tmp_path / "out").exists()


def test_a_file_or_an_unwritable_place_is_refused(tmp_path):
    a_file = tmp_path / "export.txt"
    a_file.write_text("")
    cases = [
        (a_file, "is a file, not a folder", "це файл"),
        (a_file / "inside", "Cannot write to", "вдається записати"),
    ]
    for target, english, ukrainian in cases:
        for language, expected in (("en", english), ("uk", ukrainian)):
            with translation.override(language), pytest.raises(CommandError, match=expected):
                call_command("export", str(target))


def test_queries_grow_with_the_articles_not_with_their_tags_or_bylines(newsroom, tmp_path):
    """Bylines, tags, sections and the update log come by batch; what an article costs
    on its own (its body's images, its hero's renditions, the WXR's old addresses by
    batch) does not depend on how many tags or bylines it has."""
    queries = functools.partial(_export_queries, tmp_path)

    war = factories.section("en")
    plain = [factories.published("en", f"plain-{n}", in_section=war) for n in range(3)]
    # Made first: a table with rows costs its keyset one more query (the empty batch).
    many_tags = [factories.tag("en", f"tag-{n}") for n in range(5)]
    many_people = [factories.author("en", f"person-{n}") for n in range(4)]
    before = queries("first")
    for article in plain:
        article.tags = many_tags  # type: ignore[assignment]  # modelcluster
        article.bylines = [  # type: ignore[misc]  # modelcluster assigns children
            Byline(author=person, sort_order=order) for order, person in enumerate(many_people)
        ]
        actions.publish(article=article)
    # The same articles with five tags and four bylines each cost no more queries
    # (the added tags and authors are rows of their own in the records and the WXR's
    # channel, read in the same batches).
    assert queries("second") == before


def test_illustrated_articles_cost_their_batch_not_a_query_each(newsroom, tmp_path):
    """The bodies' images, their renditions and the heroes' come once for a batch, each
    body is rendered once for both formats, and an old slug's article comes with its row."""
    queries = functools.partial(_export_queries, tmp_path)

    war = factories.section("en")
    pictures = [factories.image(f"Picture {n}") for n in range(4)]

    def illustrated(number: int) -> None:
        picture = pictures[number % 4]
        blocks = [
            *factories.paragraphs(f"Report {number}."),
            {
                "type": "image",
                "value": {"image": picture.pk, "caption": "Kyiv", "credit": "", "alt": "A"},
            },
        ]
        factories.published(
            "en", f"illustrated-{number}", in_section=war, blocks=blocks, hero_image=picture
        )

    for number in range(2):
        illustrated(number)
    before = queries("two")
    for number in range(2, 8):
        illustrated(number)
    assert queries("eight") == before
    # The WXR links the original file where the ninjs shows a rendition.
    last = Article.objects.get(slug="illustrated-7")
    document = json.loads((tmp_path / "eight" / "ninjs" / "en" / f"{last.pk}.json").read_text())
    shown = document["bodies"][0]["value"]
    assert "<figure" in shown and "/wp-content/uploads/" not in shown
    [post] = [
        item
        for item in wxr.read(tmp_path / "eight" / "wordpress-en.xml")
        if isinstance(item, wxr.Item) and item.slug == "illustrated-7"
    ]
    assert f"/wp-content/uploads/{pictures[3].file.name}" in post.content


def test_the_export_keeps_nothing_in_the_sites_cache(newsroom, tmp_path):
    """An export reads every article once: its bodies would push what the site keeps
    for its readers out of the cache, and grew the process with the archive."""
    from newsdesk.frontcache import fragments

    cache.clear()
    export.check_folder(tmp_path / "out", force=False)
    export.Exporter(tmp_path / "out", editions=["uk", "en"]).run()
    published = list(Article.objects.filter(live=True))
    names = [fragments.body_name("partner", article) for article in published]
    assert published and all(names)
    assert fragments.lookup(names) == {}


def _export_queries(tmp_path, name: str) -> int:
    """The queries of an English export into a new folder ``name``, in batches of 50."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    folder = tmp_path / name
    export.check_folder(folder, force=False)
    with CaptureQueriesContext(connection) as captured:
        export.Exporter(folder, editions=["en"], batch_size=50).run()
    return len(captured)
