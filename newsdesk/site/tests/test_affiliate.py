"""Affiliate material names its partner and says what the partnership is, per article."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from lxml import html

from newsdesk.articles import labels
from newsdesk.syndication import content
from newsdesk.testing import factories

DISCLOSURE = "Rozetka pays us a share of each sale made through the links below."


def _json_ld(page: bytes) -> list[dict]:
    tree = html.fromstring(page)
    return [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]


def test_the_partner_is_the_sponsor_and_its_disclosure_is_on_the_page_and_in_feeds(
    client, db
) -> None:
    article = factories.published(
        "en",
        "best-power-banks",
        labels=[labels.AFFILIATE],
        affiliate_partner="Rozetka",
        affiliate_disclosure=DISCLOSURE,
    )

    page = client.get(article.get_url()).content
    sponsors = [data["sponsor"] for data in _json_ld(page) if "sponsor" in data]

    assert sponsors == [{"@type": "Organization", "name": "Rozetka"}]
    disclosure = html.fromstring(page).xpath('//p[@class="disclosure"]')[0].text_content()
    assert DISCLOSURE in disclosure
    assert "We may earn a commission" not in disclosure
    with translation.override("en"):
        assert DISCLOSURE in content.content_html(article, {})


def test_affiliate_material_without_a_partner_names_no_sponsor(client, db) -> None:
    article = factories.published("en", "deals", labels=[labels.AFFILIATE])

    page = client.get(article.get_url()).content

    assert not [data for data in _json_ld(page) if "sponsor" in data]
    with translation.override("en"):
        assert "We may earn a commission" in content.content_html(article, {})


def test_a_partner_or_disclosure_without_the_label_is_refused_in_the_editors_language(
    db,
) -> None:
    with translation.override("uk"), pytest.raises(ValidationError) as refused:
        factories.draft("uk", "plain", affiliate_partner="Rozetka", affiliate_disclosure="Текст")

    assert set(refused.value.message_dict) == {"affiliate_partner", "affiliate_disclosure"}
    assert refused.value.message_dict["affiliate_partner"][0].startswith("Партнера й розкриття")
