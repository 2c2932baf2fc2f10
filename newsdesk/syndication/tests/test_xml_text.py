"""A control character an editor pasted does not take a feed or a sitemap down (decision
0046): XML 1.0 cannot carry it, so the outputs leave it out."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from newsdesk.testing import factories

PASTED = "Kharkiv\x0bgrid\x0crepairs\x01"


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/rss.xml",
        "/en/news/atom.xml",
        "/en/sections/grid/rss.xml",
        "/en/sections/grid/atom.xml",
        "/en/authors/grid-desk/rss.xml",
        "/en/sitemaps/news.xml",
    ],
)
def test_control_characters_are_left_out_of_feeds_and_sitemaps(client, db, path):
    section = factories.section("en", "grid", name=PASTED, description=PASTED)
    person = factories.author("en", "grid-desk", name=PASTED)
    factories.published(
        "en", "grid-repairs", headline=PASTED, lead=PASTED, in_section=section, authors=[person]
    )

    response = client.get(path)

    assert response.status_code == 200
    body = response.content.decode()
    root = ET.fromstring(body)  # noqa: S314 - our own output
    assert "Kharkivgridrepairs" in "".join(root.itertext())
    assert not any(c in body for c in "\x0b\x0c\x01")
