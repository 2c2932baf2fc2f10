"""The WXR reader on the real WordPress exports in ../shared and on broken copies of them."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from newsdesk.transfer import wxr

# The repository's root holds pyproject.toml; ../shared sits beside it (DESIGN.md).
REPO = Path(__file__).resolve().parents[3]
EXPORTS = REPO.parent / "shared" / "testdata" / "wxr"
THEME = "themeunittestdata.wordpress.xml"
SMALL = "wordpress-importer_small-export.xml"
UTF8 = "wordpress-importer_wxr-utf-8-challenges.xml"


def export(name: str) -> Path:
    path = EXPORTS / name
    if not path.exists():
        pytest.skip(f"../shared is absent: no WordPress export {name}")
    return path


def parts(path: Path) -> list:
    return list(wxr.read(path))


def census(found: list) -> Counter:
    counted: Counter = Counter()
    for part in found:
        if isinstance(part, wxr.Item):
            counted[f"item:{part.post_type}"] += 1
        elif isinstance(part, wxr.Term):
            counted[f"term:{part.kind}"] += 1
        else:
            counted[type(part).__name__] += 1
    return counted


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            THEME,
            {
                "Author": 2,
                "term:category": 69,
                "term:post_tag": 110,
                "term:nav_menu": 6,
                "item:post": 58,
                "item:page": 21,
                "item:attachment": 37,
                "item:nav_menu_item": 70,
            },
        ),
        (
            SMALL,
            {"Author": 3, "term:category": 30, "term:post_tag": 3, "item:post": 6, "item:page": 5},
        ),
        (UTF8, {"Author": 1, "item:post": 1}),
    ],
)
def test_the_real_exports_read_whole_with_no_problem(name, expected):
    assert census(parts(export(name))) == expected


def test_statuses_dates_terms_and_meta_of_the_theme_export():
    items = [p for p in parts(export(THEME)) if isinstance(p, wxr.Item)]
    posts = [item for item in items if item.post_type in {"post", "page"}]
    assert Counter(item.status for item in posts) == {"publish": 77, "future": 1, "draft": 1}
    filed = Counter(term.domain for item in items for term in item.terms)
    assert filed == {"category": 175, "post_tag": 188, "nav_menu": 70, "post_format": 13}
    # Every published item has its moment, in UTC.
    published = [item for item in posts if item.status == "publish"]
    assert all(
        item.published_at and item.published_at.utcoffset() == dt.timedelta(0) for item in published
    )
    # Featured images point at attachments by id.
    thumbnails = {item.meta["_thumbnail_id"] for item in items if "_thumbnail_id" in item.meta}
    attachments = {str(item.wp_id) for item in items if item.post_type == "attachment"}
    assert thumbnails and thumbnails <= attachments
    assert all(
        item.attachment_url.startswith("http") for item in items if item.post_type == "attachment"
    )
    # The dirty creators are read as written, for the importer to judge.
    creators = Counter(item.creator for item in items)
    assert creators["themereviewteam>"] == 1 and creators[">themereviewteam"] == 1
    # Comments are counted.
    assert sum(item.comments for item in items) == 33


def test_the_unicode_of_the_challenge_file_is_intact():
    found = parts(export(UTF8))
    author = next(p for p in found if isinstance(p, wxr.Author))
    item = next(p for p in found if isinstance(p, wxr.Item))
    assert (
        item.title == '"The Road \u202eNot\u202c Taken" by Rob\u202dert \u202eFrost \u202a🌲\u202c'
    )
    assert author.login == "admin\u200c\u200b\u200d\u200e" == item.creator
    for character in ("\u200b", "\u200c", "\u202e", "\u202d"):
        assert character in item.content
    # Character references inside CDATA are the body's HTML, kept for the body's reader.
    assert "&#xFEFF;" in item.content
    assert "🚀" in item.guid
    assert all(unicodedata.category(c) != "Cs" for c in item.content)  # no lone surrogates


def broken(tmp_path: Path, name: str, damage) -> list:
    path = tmp_path / "broken.xml"
    path.write_bytes(damage(export(name).read_bytes()))
    return parts(path)


def test_an_unclosed_element_costs_its_item_alone_and_names_its_line(tmp_path):
    # The first item's </title> is gone: it reads as broken, the ten after it whole.
    source = export(SMALL).read_bytes()
    first_item = source.index(b"<item>")
    cut = source.index(b"</title>", first_item)
    found = broken(tmp_path, SMALL, lambda data: data[:cut] + data[cut + len(b"</title>") :])
    items = [p for p in found if isinstance(p, wxr.Item)]
    assert len(items) == 11
    line = 1 + source[:first_item].count(b"\n")
    assert items[0].line == line
    assert items[0].problems[0].startswith("broken XML: Opening and ending tag mismatch: title")
    assert all(not item.problems for item in items[1:])
    assert census(found)["Author"] == 3


def test_bytes_that_are_not_utf8_are_replaced_and_reported_on_their_line(tmp_path):
    source = export(SMALL).read_bytes()
    position = source.index(b"Hello world!")
    found = broken(tmp_path, SMALL, lambda data: data[:position] + b"\xff\xfe" + data[position:])
    item = next(p for p in found if isinstance(p, wxr.Item))
    assert item.title == "\ufffd\ufffdHello world!"
    line = 1 + source[:position].count(b"\n")
    assert item.problems == [f"bytes that are not UTF-8 on line {line}, replaced by U+FFFD"]
    assert len([p for p in found if isinstance(p, wxr.Item)]) == 11


def test_a_file_cut_short_reads_what_it_holds_and_says_where_it_ends(tmp_path):
    source = export(SMALL).read_bytes()
    second = source.index(b"<item>", source.index(b"</item>"))
    cut = second + 200
    found = broken(tmp_path, SMALL, lambda data: data[:cut])
    assert census(found)["item:post"] + census(found)["item:page"] == 1
    problems = [p for p in found if isinstance(p, wxr.Problem)]
    assert problems == [
        wxr.Problem(
            1 + source[:second].count(b"\n"), "an item that never ends (the file is cut short)"
        )
    ]


def test_missing_elements_and_bad_dates_are_named_not_fatal(tmp_path):
    def damage(data: bytes) -> bytes:
        data = data.replace(b"<wp:post_date_gmt>2011", b"<wp:post_date_gmt>x2011", 1)
        data = data.replace(b"<wp:post_date_gmt>2011", b"<wp:post_date_gmt>2011-99", 1)
        stamp = b"<pubDate>Tue, 18 Jan 2011 07:40:14"
        second = data.index(stamp, data.index(stamp) + 1)  # the second item's
        data = data[:second] + b"<pubDate>Someday" + data[second + len(stamp) :]
        return data.replace(b"<wp:post_id>", b"<wp:not_post_id>", 1).replace(
            b"</wp:post_id>", b"</wp:not_post_id>", 1
        )

    items = [p for p in broken(tmp_path, SMALL, damage) if isinstance(p, wxr.Item)]
    first, second = items[:2]
    assert first.wp_id is None and first.key.startswith("guid:")
    assert "no wp:post_id: the guid identifies it" in first.problems
    # A bad GMT date falls back to pubDate; with both bad there is no date.
    assert any(problem.startswith("bad wp:post_date_gmt 'x2011") for problem in first.problems)
    assert first.published_at == dt.datetime(2011, 1, 18, 7, 40, 14, tzinfo=dt.UTC)
    assert second.published_at is None
    assert [p.split(" '")[0] for p in second.problems] == ["bad wp:post_date_gmt", "bad pubDate"]
    assert len(items) == 11


def test_not_an_export_at_all(tmp_path):
    path = tmp_path / "page.xml"
    path.write_text("<html><body>hello</body></html>")
    assert parts(path) == [wxr.Problem(1, "no <channel>: this is not a WordPress export")]


def test_closing_item_inside_cdata_does_not_end_the_item(tmp_path):
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel>\n'
        "<item><title>A</title><content:encoded><![CDATA[<p>x</item>y</p>]]></content:encoded>"
        "<wp:post_id>5</wp:post_id></item>\n</channel></rss>"
    )
    path = tmp_path / "cdata.xml"
    path.write_text(document)
    (item,) = parts(path)
    assert item.content == "<p>x</item>y</p>" and item.wp_id == 5


def test_items_are_read_in_blocks_without_holding_the_file(monkeypatch):
    whole = parts(export(SMALL))
    # With a tiny read block an item spans many reads; the result is the same, and the
    # scanner never holds more than the item it is on and a block or two.
    monkeypatch.setattr(wxr._Scanner, "BLOCK", 97)
    assert parts(export(SMALL)) == whole
    with export(SMALL).open("rb") as stream:
        scanner = wxr._Scanner(stream)
        scanner.head()
        held = [(len(chunk), len(scanner.buffer)) for chunk, _line in scanner.items()]
    assert len(held) == 11
    # The item just cut out stays in the buffer until the next block is read.
    assert all(buffered < size + 97 * 2 + len(b"</item>") for size, buffered in held)


def test_the_channels_parts_carry_their_own_lines(tmp_path):
    """Each author and term of the channel is named by the line it is on, however many
    come before it; a broken one is reported on its line and the next still read."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
        "<wp:author><wp:author_login>olena</wp:author_login></wp:author>\n"
    )
    tags = "".join(
        f"<wp:tag><wp:tag_slug>topic-{n}</wp:tag_slug>\n<wp:tag_name>Topic {n}</wp:tag_name>"
        "</wp:tag>\n"
        for n in range(300)
    )
    tail = (
        "<wp:tag><wp:tag_slug>\xff</wp:tag_slug></wp:tag>\n"
        "<wp:tag><wp:tag_name>Last</wp:tag_name></wp:tag>\n"
    )
    path = tmp_path / "channel.xml"
    path.write_bytes(
        (head + tags).encode()
        + tail.encode("latin-1")
        + b"<item><title>One</title></item>\n</channel>\n</rss>\n"
    )
    found = list(wxr.read(path))
    terms = [part for part in found if isinstance(part, wxr.Term)]
    assert [part.line for part in found if isinstance(part, wxr.Author)] == [4]
    # Two lines a tag, from line 5.
    assert [(t.slug, t.line) for t in terms[:300:100]] == [
        ("topic-0", 5),
        ("topic-100", 205),
        ("topic-200", 405),
    ]
    assert terms[-1].name == "Last"
    assert terms[-1].line == 606
    assert [p.line for p in found if isinstance(p, wxr.Problem)] == [605]
