"""What a feed says about an article: sanitised full text, stable guids, the hero image."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urlsplit

from newsdesk.articles.models import Article
from newsdesk.publishing import actions
from newsdesk.syndication import content

from .helpers import new_article


def test_sanitise_keeps_editorial_markup_and_drops_the_rest(settings):
    html = (
        '<p onclick="steal()">Hi <b>there</b> <a href="/uk/news/x/">read</a> '
        '<a href="javascript:alert(1)">bad</a><script>alert(1)</script>'
        '<iframe src="https://evil.example/"></iframe><img src="/media/a.jpg" onerror="x"></p>'
    )
    clean = content.sanitise(html)
    assert "script" not in clean and "iframe" not in clean and "onclick" not in clean
    assert "javascript:" not in clean and "onerror" not in clean
    assert f'<a href="{settings.BASE_URL}/uk/news/x/" rel="noopener noreferrer">read</a>' in clean
    assert f'<img src="{settings.BASE_URL}/media/a.jpg">' in clean
    assert "<b>there</b>" in clean
    assert 'rel="sponsored noopener noreferrer"' in content.sanitise(html, sponsored=True)


def test_body_blocks_become_plain_html_and_read_also_is_left_out():
    images = {
        7: SimpleNamespace(
            title="Map", file=SimpleNamespace(name="m.png", url="/media/m.png"), file_size=None
        )
    }
    assert content._block_html("subheading", "A & B", images) == "<h2>A &amp; B</h2>"
    quote = content._block_html("quote", {"text": "<we>", "attribution": "Mayor"}, images)
    assert quote == (
        "<figure><blockquote><p>&lt;we&gt;</p></blockquote>"
        "<figcaption>— Mayor</figcaption></figure>"
    )
    embed = content._block_html("embed", {"url": "https://t.me/x/1", "title": "Post"}, images)
    assert embed == '<p><a href="https://t.me/x/1">Post</a></p>'
    assert content._block_html("embed", {"url": "javascript:x", "title": "t"}, images) == ""
    assert content._block_html("read_also", {"article": 3}, images) == ""
    assert content._block_html("image", {"image": 99}, images) == ""  # a deleted image
    figure = content._block_html("image", {"image": 7, "caption": "Front"}, images)
    assert 'alt="Map"' in figure and "<figcaption>Front</figcaption>" in figure


def test_an_image_of_unknown_size_gets_length_zero(settings):
    image = SimpleNamespace(
        file=SimpleNamespace(name="x/photo.webp", url="/media/x/photo.webp"), file_size=None
    )
    found = content.picture(image)
    assert found == content.Picture(f"{settings.BASE_URL}/media/x/photo.webp", 0, "image/webp")
    assert content.picture(None) is None


def test_the_guid_survives_a_new_slug_and_headline(demo_newsroom, settings):
    article = new_article("uk", "first-slug")
    actions.publish(article=article)
    before = content.latest(Article.objects.published().in_edition("uk"), "uk", size=1).entries[0]
    article.slug, article.headline = "second-slug", "A better headline"
    actions.publish(article=article)
    after = content.latest(Article.objects.published().in_edition("uk"), "uk", size=1).entries[0]
    assert before.url.endswith("/first-slug/") and after.url.endswith("/second-slug/")
    assert (
        before.guid
        == after.guid
        == f"tag:{urlsplit(settings.BASE_URL).hostname},2026:article:{article.pk}"
    )
    assert after.updated >= before.updated


def test_public_notes_reach_the_feed_with_their_kind_and_time(client, demo_newsroom):
    import feedparser

    article = new_article("en", "corrected-story")
    actions.publish(article=article)
    actions.publish(article=article, update_kind="correction", update_note="The mayor is Ihor.")
    actions.publish(article=article, update_note="Two more people were rescued.")

    parsed = feedparser.parse(client.get("/en/news/rss.xml").content)

    item = next(e for e in parsed.entries if e.link.endswith("/en/news/corrected-story/"))
    html = item.content[0].value
    assert "The mayor is Ihor." in html and "Two more people were rescued." in html
    assert "<strong>Correction, " in html and "<strong>Update, " in html
    # Newest first, as on the page.
    assert html.index("Two more people") < html.index("The mayor is Ihor.")
    plain = new_article("en", "never-updated")
    actions.publish(article=plain)
    entry = content.latest(Article.objects.published().filter(pk=plain.pk), "en").entries[0]
    assert "<strong>" not in entry.content_html.split("<p>What happened")[0]
