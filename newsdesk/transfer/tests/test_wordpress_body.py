"""WordPress bodies (classic editor and block editor) as our body blocks."""

from __future__ import annotations

import re

import pytest

from newsdesk.transfer import wxr
from newsdesk.transfer.tests.test_wxr import THEME, UTF8, export
from newsdesk.transfer.wordpress_body import convert, convert_html


def kinds(body: str, find=None) -> list[str]:
    return [block["type"] for block in convert(body, find).blocks]


def test_classic_blank_lines_are_paragraphs_and_single_breaks_are_br():
    converted = convert("One <strong>bold</strong>\nline two.\n\n\nTwo <em>it</em>.")
    assert converted.blocks == [
        {"type": "paragraph", "value": "<p>One <b>bold</b><br>line two.</p>"},
        {"type": "paragraph", "value": "<p>Two <i>it</i>.</p>"},
    ]
    assert converted.warnings == []


def test_block_editor_markup_reads_the_same_as_classic():
    block_editor = (
        "<!-- wp:paragraph -->\n<p>One.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:heading {"level":3} -->\n<h3>Kharkiv at night</h3>\n<!-- /wp:heading -->\n\n'
        "<!-- wp:list -->\n<ul><li>a</li><li>b</li></ul>\n<!-- /wp:list -->"
    )
    converted = convert(block_editor)
    assert converted.blocks == [
        {"type": "paragraph", "value": "<p>One.</p>"},
        {"type": "subheading", "value": "Kharkiv at night"},
        {"type": "paragraph", "value": "<ul><li>a</li><li>b</li></ul>"},
    ]
    assert converted.warnings == []


@pytest.mark.parametrize(
    "hostile",
    [
        "<p>x<script>alert(1)</script></p>",
        '<p><img src="nope" onerror="alert(1)">x</p>',
        '<p><a href="javascript:alert(1)">x</a></p>',
        '<p><a href="JaVaScRiPt:alert(1)" onclick="alert(1)">x</a></p>',
        '<p style="background:url(javascript:alert(1))">x</p>',
        "<svg onload=alert(1)><p>x</p></svg>",
        '<iframe src="https://evil.example/"></iframe><p>x</p>',
        "<p>x</p><style>p{}</style><form action=/x><input></form>",
    ],
)
def test_scripts_handlers_and_javascript_links_are_removed(hostile):
    converted = convert(hostile)
    html = " ".join(str(block["value"]) for block in converted.blocks)
    assert "x" in html
    assert not re.search(r"script|on\w+=|javascript:|style|iframe|<svg|<form", html, re.I)


def test_caption_shortcode_is_an_image_with_its_caption():
    body = (
        '[caption id="attachment_9" align="alignright" width="300"]'
        '<a href="http://old.example/x.jpg"><img src="http://old.example/x-300.jpg" alt="A map" '
        'width="300" /></a> Front line, 5 June[/caption]\n\nAfter.'
    )
    converted = convert(body, lambda address: 41 if address.endswith("x-300.jpg") else None)
    assert converted.blocks[0] == {
        "type": "image",
        "value": {"image": 41, "caption": "Front line, 5 June", "credit": "", "alt": "A map"},
    }
    assert converted.blocks[1] == {"type": "paragraph", "value": "<p>After.</p>"}


def test_embeds_from_allowed_sites_become_embed_blocks_others_links():
    body = (
        "Watch:\n\nhttps://www.youtube.com/watch?v=abc123\n\n"
        "[embed]http://vimeo.com/123[/embed]\n\n"
        "https://video.example.net/clip/1"
    )
    converted = convert(body)
    embeds = [block["value"]["url"] for block in converted.blocks if block["type"] == "embed"]
    assert embeds == ["https://www.youtube.com/watch?v=abc123", "https://vimeo.com/123"]
    assert converted.blocks[-1] == {
        "type": "paragraph",
        "value": '<p><a href="https://video.example.net/clip/1">'
        "https://video.example.net/clip/1</a></p>",
    }
    assert converted.warnings == [
        "embed from an unsupported site kept as a link: https://video.example.net/clip/1"
    ]


def test_unknown_shortcodes_and_blocks_are_kept_as_text_with_a_warning():
    body = (
        "[contact-form-7 id=3]\n\n"
        '<!-- wp:jetpack/slideshow {"ids":[1]} -->\n<div class="slides"><p>Slide text</p></div>\n'
        "<!-- /wp:jetpack/slideshow -->\n\n"
        "<table><tr><td>Oblast</td><td>Shelters</td></tr></table>"
    )
    converted = convert(body)
    texts = [block["value"] for block in converted.blocks]
    assert texts == [
        "<p>[contact-form-7 id=3]</p>",
        "<p>Slide text</p>",
        "<p>Oblast Shelters</p>",
    ]
    assert converted.warnings == [
        "unknown shortcode [contact-form-7]: kept as text",
        "block wp:jetpack/slideshow: its content kept as text",
        "<table> kept as text",
    ]


def test_an_image_missing_from_the_media_folder_is_reported_not_invented():
    converted = convert('<p><img src="http://old.example/gone.jpg" alt="Gone"> Text</p>')
    assert converted.blocks == [{"type": "paragraph", "value": "<p>Text</p>"}]
    assert converted.warnings == ["image not in the media folder: http://old.example/gone.jpg"]


def test_quotes_keep_their_attribution_and_long_headings_stay_text():
    converted = convert("<blockquote><p>We hold.</p><cite>A commander</cite></blockquote>")
    assert converted.blocks == [
        {"type": "quote", "value": {"text": "We hold.", "attribution": "A commander"}}
    ]
    # Newsdesk's own export (and HTML's figure pattern): who said it in the figure's caption.
    from newsdesk.articles.body import markup

    exported = markup.quote({"text": "We hold.", "attribution": "A commander"})
    assert convert(exported).blocks == converted.blocks
    assert convert(exported).warnings == []
    # A pull quote with its dash in the citation.
    pulled = convert(
        '<figure class="wp-block-pullquote"><blockquote><p>We hold.</p>'
        "<cite>— A commander</cite></blockquote></figure>"
    )
    assert pulled.blocks == converted.blocks
    long = convert("<h2>" + "word " * 60 + "</h2>")
    assert long.blocks[0]["type"] == "paragraph"
    assert long.warnings == ["a heading longer than 200 characters became a paragraph"]


def test_every_body_of_the_real_exports_converts_to_valid_blocks():
    from newsdesk.articles.blocks import BodyBlock

    stream = BodyBlock()
    bodies = 0
    for name in (THEME, UTF8):
        for part in wxr.read(export(name)):
            if not isinstance(part, wxr.Item) or part.post_type not in {"post", "page"}:
                continue
            converted = convert(part.content, lambda address: None)
            blocks = [block for block in converted.blocks if block["type"] != "image"]
            value = stream.to_python(blocks)
            assert [child.block_type for child in value] == [b["type"] for b in blocks]
            html = str(blocks)
            assert not re.search(r"<script|on\w+=|javascript:", html, re.I), part.label
            bodies += 1
    assert bodies == 80


def test_html_from_elsewhere_is_sanitised_without_wordpress_conventions():
    converted = convert_html(
        '<p>Line one\nline two [gallery ids="1"]</p><script>alert(1)</script>'
        '<p onmouseover="x()">A <a href="javascript:x()">bad</a> and '
        '<a href="https://example.org/">good</a> link.</p><h2>Next</h2>'
    )
    assert converted.blocks == [
        {"type": "paragraph", "value": '<p>Line one line two [gallery ids="1"]</p>'},
        {
            "type": "paragraph",
            "value": '<p>A <a>bad</a> and <a href="https://example.org/">good</a> link.</p>',
        },
        {"type": "subheading", "value": "Next"},
    ]


def test_no_break_spaces_are_kept_and_other_runs_of_space_collapse():
    from newsdesk.transfer.wordpress_body import squeeze

    assert squeeze(" 27\u00a0500 \n\t гектарів,  10\u202fкм ") == "27\u00a0500 гектарів, 10\u202fкм"
    converted = convert("<h2>Зібрали 27\u00a0500   гектарів</h2>")
    assert converted.blocks == [{"type": "subheading", "value": "Зібрали 27\u00a0500 гектарів"}]
