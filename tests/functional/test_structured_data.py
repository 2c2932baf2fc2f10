"""Structured data and sharing tags as outside readers parse them: extruct for JSON-LD
(Google's recommended NewsArticle properties), and the Open Graph / Twitter card tags."""

from __future__ import annotations

import extruct
import pytest

from newsdesk.articles import labels
from newsdesk.articles.models import Article, UpdateLogEntry
from newsdesk.publishing import actions

# Google Search Central, "Article structured data": recommended properties.
GOOGLE_RECOMMENDED = ("author", "datePublished", "dateModified", "headline", "image")
OURS = ("publisher", "inLanguage", "mainEntityOfPage", "isAccessibleForFree")
TYPES = {
    (): "NewsArticle",
    (labels.OPINION,): "OpinionNewsArticle",
    # A review names no itemReviewed, so it is not a ReviewNewsArticle (decision 0026).
    (labels.REVIEW,): "NewsArticle",
    (labels.ANALYSIS,): "AnalysisNewsArticle",
    (labels.EXCLUSIVE, labels.OPINION): "OpinionNewsArticle",
}


def _json_ld(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, url
    found = extruct.extract(
        response.content.decode(), base_url="http://testserver" + url, syntaxes=["json-ld"]
    )
    return found["json-ld"]


def _open_graph(client, url: str) -> dict[str, list[str]]:
    response = client.get(url)
    found = extruct.extract(response.content.decode(), syntaxes=["opengraph"], uniform=False)
    tags: dict[str, list[str]] = {}
    for block in found["opengraph"]:
        for key, value in block["properties"]:
            tags.setdefault(key, []).append(value)
    return tags


def _illustrated(edition: str) -> Article:
    article = (
        Article.objects.published()
        .in_edition(edition)
        .filter(hero_image__isnull=False, bylines__isnull=False)
        .newest_first()
        .first()
    )
    assert article is not None
    return article


@pytest.mark.parametrize("edition", ["uk", "en"])
@pytest.mark.parametrize(("codes", "kind"), list(TYPES.items()))
def test_article_json_ld_has_googles_recommended_properties(
    client, demo_newsroom, edition, codes, kind
):
    article = _illustrated(edition)
    article.labels = list(codes)
    actions.publish(article=article)
    blocks = _json_ld(client, article.get_url())
    news = [block for block in blocks if block.get("@type") == kind]
    assert len(news) == 1, [block.get("@type") for block in blocks]
    data = news[0]
    assert data.get("genre") == ("review" if labels.REVIEW in codes else None)
    missing = [name for name in (*GOOGLE_RECOMMENDED, *OURS) if not data.get(name)]
    assert missing == []
    assert article.headline.startswith(data["headline"].rstrip("…"))
    assert data["inLanguage"] == edition
    canonical = "http://127.0.0.1:8000" + article.get_url()
    assert data["mainEntityOfPage"]["@id"] == canonical
    assert data["isAccessibleForFree"] is True
    authors = data["author"]
    assert authors and all(a["name"] and a["url"].startswith("http") for a in authors)
    names = {byline.author.name for byline in article.bylines.select_related("author")}
    assert {a["name"] for a in authors} == names
    assert all(url.startswith("http") for url in data["image"])
    # Dates carry their UTC offset.
    assert data["datePublished"][-6:] in ("+02:00", "+03:00")  # Kyiv time, with its offset
    assert data["dateModified"][-6:] in ("+02:00", "+03:00")
    crumbs = [block for block in blocks if block.get("@type") == "BreadcrumbList"]
    assert len(crumbs) == 1
    trail = crumbs[0]["itemListElement"]
    assert [item["position"] for item in trail] == [1, 2, 3]
    assert trail[-1]["item"] == canonical
    assert trail[1]["name"] == article.section.name


def test_date_modified_follows_the_update_log(client, demo_newsroom):
    article = Article.objects.published().in_edition("en").filter(update_log__isnull=True).first()
    before = _json_ld(client, article.get_url())[0]
    assert before["dateModified"] == before["datePublished"]
    actions.publish(article=article, update_note="Corrected the name of the village.")
    entry = article.update_log.get()
    entry.kind = UpdateLogEntry.CORRECTION
    entry.save()
    after = _json_ld(client, article.get_url())[0]
    assert after["dateModified"] > after["datePublished"]
    assert after["correction"] == ["Corrected the name of the village."]


def test_headline_cannot_break_out_of_the_json_ld_block(client, demo_newsroom):
    article = _illustrated("en")
    article.headline = 'Drone strike </script><script>alert("x")</script> & more'
    actions.publish(article=article)
    html = client.get(article.get_url()).content.decode()
    assert "</script><script>" not in html
    data = _json_ld(client, article.get_url())[0]
    assert data["headline"] == article.headline


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_article_sharing_tags(client, demo_newsroom, edition):
    article = _illustrated(edition)
    tags = _open_graph(client, article.get_url())
    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == [article.headline]
    assert tags["og:url"] == ["http://127.0.0.1:8000" + article.get_url()]
    assert tags["og:locale"] == [{"uk": "uk_UA", "en": "en_GB"}[edition]]
    image = tags["og:image"][0]
    assert image.startswith("http") and image.endswith(".jpg")
    assert tags["og:image:width"] == ["1200"] and tags["og:image:height"] == ["675"]
    assert tags["article:section"] == [article.section.name]
    assert sorted(tags.get("article:tag", [])) == sorted(t.name for t in article.tags.all())
    html = client.get(article.get_url()).content.decode()
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_listing_pages_carry_breadcrumbs_and_home_a_search_action(client, demo_newsroom):
    home = _json_ld(client, "/uk/")
    site = [block for block in home if block.get("@type") == "WebSite"]
    assert len(site) == 1
    target = site[0]["potentialAction"]["target"]["urlTemplate"]
    assert target.endswith("/uk/search/?q={query}")
    news = _json_ld(client, "/en/news/")
    assert [block["@type"] for block in news] == ["BreadcrumbList"]
    assert news[0]["itemListElement"][-1]["name"] == "Latest news"


def test_an_article_without_a_picture_names_no_image_and_never_the_logo(client, demo_newsroom):
    """The image must show the article; the site's logo is the publisher's, not its own."""
    logo = "http://127.0.0.1:8000/static/site/logo.png"
    textual = Article.objects.published().filter(hero_image__isnull=True)
    assert textual.exists()
    for article in textual.order_by("pk")[:6]:
        blocks = _json_ld(client, article.get_url())
        news = [block for block in blocks if block.get("@type", "").endswith("NewsArticle")]
        assert len(news) == 1
        assert "image" not in news[0]
        assert logo not in [url for block in blocks for url in block.get("image", [])]
        assert news[0]["publisher"]["logo"]["url"] == logo  # still the publisher's logo


def _size(client, url: str) -> tuple[int, int]:
    from io import BytesIO

    from PIL import Image

    response = client.get(url.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200, url
    body = b"".join(response.streaming_content) if response.streaming else response.content
    with Image.open(BytesIO(body)) as picture:
        return picture.size


@pytest.mark.parametrize("edition", ["uk", "en"])
def test_an_illustrated_article_offers_its_photo_in_16_9_4_3_and_1_1(
    client, demo_newsroom, edition
):
    article = _illustrated(edition)
    original = article.hero_image
    blocks = _json_ld(client, article.get_url())
    news = next(block for block in blocks if block.get("@type", "").endswith("NewsArticle"))
    ratios = []
    for url, ratio in zip(news["image"], (16 / 9, 4 / 3, 1.0), strict=True):
        width, height = _size(client, url)
        # 1,200 px wide, or the widest crop of that shape the original holds (never enlarged).
        widest = min(1200, original.width, int(original.height * ratio))
        assert width >= widest - 1, (url, width, widest)
        ratios.append(round(width / height, 2))
    assert ratios == [round(16 / 9, 2), round(4 / 3, 2), 1.0]
    # Open Graph keeps the 16:9 crop.
    assert _open_graph(client, article.get_url())["og:image"] == [news["image"][0]]
