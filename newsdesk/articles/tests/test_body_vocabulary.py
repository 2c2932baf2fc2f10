"""Every kind of body block says, for every output, how it is shown or why it is not."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.blocks import RichTextBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from newsdesk.articles import labels
from newsdesk.articles.blocks import BodyBlock
from newsdesk.articles.body import markup, vocabulary
from newsdesk.articles.body.vocabulary import VOCABULARY, Loaded, Omitted

CHILDREN = BodyBlock().child_blocks

# One stored value of every kind, showing everything the kind can show.
EXAMPLES = {
    "paragraph": "<p>Power is back in <b>Kharkiv</b>.</p>",
    "subheading": "What the mayor said",
    "image": {"image": 7, "caption": "The station", "credit": "AP", "alt": "A station"},
    "quote": {"text": "We held.\nWe hold.", "attribution": "The mayor"},
    "embed": {"url": "https://t.me/channel/1", "title": "The mayor's post"},
    "read_also": {"article": 3},
    "fact_box": {"title": "Numbers", "body": "<p>Two plants were hit.</p>"},
    "timeline": {"story": 5, "start": "2024-10-01", "end": None},
}
ENTRY = SimpleNamespace(
    occurred_on=dt.date(2024, 10, 18),
    occurred_time=None,
    statement="Troops reached Kursk.",
    speaker="Intelligence",
    speaker_role="",
    figure=Decimal(11000),
    unit="troops",
    source_name="the channel",
    source_url="https://example.org/1",
)
LOADED = Loaded(
    images={7: SimpleNamespace(title="Station")},
    articles={3: SimpleNamespace(headline="Earlier report", get_url=lambda: "/en/news/earlier/")},
    timelines={5: markup.Timeline("Troops in Kursk", "/en/stories/troops/", [ENTRY])},
    picture=lambda image, value: f'<figure><img alt="{value["alt"]}"></figure>',
    absolute=lambda path: "https://example.org" + path,
)


def test_the_vocabulary_names_exactly_the_bodys_blocks():
    assert set(VOCABULARY) == set(CHILDREN)
    assert set(EXAMPLES) == set(CHILDREN), "give the new block an example above"


@pytest.mark.parametrize("kind", list(CHILDREN))
@pytest.mark.parametrize("output", vocabulary.OUTPUTS)
def test_every_output_renders_each_kind_or_says_why_not(kind, output):
    declared = VOCABULARY[kind].output(output)
    if isinstance(declared, Omitted):
        assert len(declared.reason) > 20, "say why the output leaves the block out"
        return
    block = CHILDREN[kind]
    if output == "reader":
        assert declared is vocabulary.TEMPLATE
        # The reader's HTML is the block's template (rich text renders itself).
        assert getattr(block.meta, "template", None) or isinstance(block, RichTextBlock)
        return
    raw = [{"type": kind, "value": EXAMPLES[kind]}]
    if output == "search":
        assert vocabulary.text(raw, LOADED).strip()
    else:
        assert vocabulary.render(output, raw, LOADED).strip()


@pytest.mark.parametrize("kind", list(CHILDREN))
def test_what_a_block_chooses_is_declared(kind):
    block = CHILDREN[kind]
    choosers = {
        name
        for name, child in getattr(block, "child_blocks", {}).items()
        if isinstance(child, ImageChooserBlock | SnippetChooserBlock)
    }
    assert set(VOCABULARY[kind].chooses) == choosers


def test_chosen_asks_only_for_what_the_output_shows():
    body = [{"type": kind, "value": value} for kind, value in EXAMPLES.items()]
    for_partners = vocabulary.chosen([body], "partner")
    assert (for_partners.images, for_partners.articles, for_partners.stories) == ({7}, {3}, {5})
    # Feeds leave "read also" out, so they do not load its article.
    assert vocabulary.chosen([body], "feed").articles == set()


def test_feeds_and_partners_mark_up_a_quote_and_a_timeline_alike():
    for kind in ("quote", "timeline"):
        raw = [{"type": kind, "value": EXAMPLES[kind]}]
        assert vocabulary.render("feed", raw, LOADED) == vocabulary.render("partner", raw, LOADED)
    quote = vocabulary.render("feed", [{"type": "quote", "value": EXAMPLES["quote"]}], LOADED)
    assert quote == (
        "<figure><blockquote><p>We held.<br>We hold.</p></blockquote>"
        "<figcaption>— The mayor</figcaption></figure>"
    )


def test_a_timeline_is_a_list_of_dated_sourced_entries_within_its_range():
    raw = [{"type": "timeline", "value": EXAMPLES["timeline"]}]
    with translation.override("en"):
        html = vocabulary.render("partner", raw, LOADED)
    assert "<h3>Background: <a" in html
    assert '<a href="https://example.org/en/stories/troops/">Troops in Kursk</a>' in html
    assert "<li><p><strong>18 October 2024</strong> Intelligence: Troops reached Kursk.</p>" in html
    assert "<p>11,000 troops</p>" in html
    assert '<a href="https://example.org/1">the channel</a>' in html
    later = [{"type": "timeline", "value": {"story": 5, "start": "2024-11-01"}}]
    assert vocabulary.render("partner", later, LOADED) == ""
    with translation.override("uk"):
        assert "<h3>Передісторія: " in vocabulary.render("partner", raw, LOADED)


def test_stored_data_of_the_wrong_shape_or_a_removed_kind_shows_nothing():
    raw = [
        {"type": "quote", "value": "not a dict"},
        {"type": "gallery", "value": {"images": [1]}},
        {"type": "image", "value": {"image": 99}},  # a deleted image
    ]
    assert vocabulary.render("feed", raw, LOADED) == ""
    assert vocabulary.text(raw, LOADED) == ""


@pytest.mark.parametrize(
    "rich",
    [
        '<p>Перший <b>абзац</b> &amp; <a linktype="page" id="3">посилання</a></p>',
        "<ul><li>Пункт</li><li>Другий&nbsp;пункт</li></ul><br/>",
        "<p>a &lt; b, c &gt; d</p>",
        "<p>a < b</p>",
        "<!-- примітка --><p>текст</p>",
        "<p>без кінця <b",
    ],
)
def test_plain_text_of_rich_text_is_what_djangos_parser_reads(rich):
    assert markup.plain(rich) == html.unescape(strip_tags(rich))


def test_labels_readers_see_follow_from_the_data():
    assert labels.displayed(["opinion", "bogus"], updated=False, live=False) == ["opinion"]
    assert labels.displayed(None, updated=True, live=True) == [labels.UPDATED, labels.LIVE]
    assert labels.displayed([labels.LIVE], updated=False, live=True) == [labels.LIVE]
