"""The XSS drill: payloads of our corpus (``newsdesk/testing/xss_payloads.txt``) through
every field an editor writes, then the reader's and the editor's pages in Chromium, and
the feeds, the API and the sitemaps as their clients read them.

A payload that gets through calls ``window.__xss(number)`` (defined before any of the
page's own scripts by an init script, in every frame) or opens a dialog (``alert``…);
either is an execution, and the drill expects none. Outputs that clients render as HTML
(RSS descriptions, Atom summaries and contents, JSON Feed ``content_html``, the API's
``*html`` fields) must carry no active content, and every XML output must still parse.

The normal run takes the first payload under four headings of the corpus; ``XSS_DRILL``
(``all``, ``FIRST-LAST`` or ``FIRST-LAST/STEP``; ``bench/xss_drill.py`` sets it) takes all
of them, a range or a spread, and prints the figures.
"""

from __future__ import annotations

import json
import os
import time
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from newsdesk.testing import factories, xss
from newsdesk.testing.factories import sign_in

from .test_browser import CHROMIUM, browser, open_page  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]

HOOK_SCRIPT = """
window.__xss_hits = [];
Object.defineProperty(window, "__xss", {
  value: (id) => { (window.top || window).__xss_hits.push(String(id)); },
  writable: false,
  configurable: false,
});
"""
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


class Tally:
    """Executions and findings, and what was looked at."""

    def __init__(self) -> None:
        self.pages = Counter[str]()
        self.seconds = Counter[str]()
        self.executions: list[str] = []
        self.outputs: list[str] = []
        self.output_count = 0

    def figures(self, payloads: int, fields: int) -> str:
        return (
            f"XSS drill: {payloads} payloads x {fields} fields; "
            f"{sum(self.pages.values())} page loads ({self.pages['reader']} reader, "
            f"{self.pages['admin']} admin); {self.output_count} feed/API/sitemap documents; "
            f"{len(self.executions)} executions; {len(self.outputs)} unsafe outputs "
            f"(seconds: {', '.join(f'{k} {v:.0f}' for k, v in sorted(self.seconds.items()))})"
        )


def _visit(page: Any, url: str, dialogs: list[str], tally: Tally, kind: str, label: str) -> None:
    started = time.monotonic()
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, (label, url)
    # Focus and animation handlers fire just after load.
    page.wait_for_timeout(50)
    hits = page.evaluate("window.__xss_hits")
    tally.pages[kind] += 1
    tally.seconds[kind] += time.monotonic() - started
    if hits or dialogs:
        tally.executions.append(f"{label}: {url} ran {hits} {dialogs}")
        dialogs.clear()


def _html_fields_of_feed(body: bytes) -> tuple[list[str], ET.Element]:
    root = ET.fromstring(body)  # noqa: S314 - our own output; a parse error is a finding
    html: list[str] = []
    for element in root.iter():
        if element.tag in ("description", CONTENT):
            html.append(element.text or "")
        elif element.tag in (f"{ATOM}summary", f"{ATOM}content", f"{ATOM}title", f"{ATOM}subtitle"):
            kind = element.get("type", "text")
            if kind == "html":
                html.append(element.text or "")
            elif kind == "xhtml":
                html.append(ET.tostring(element, encoding="unicode"))
    return html, root


def _html_fields_of_json(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [v for k, v in value.items() if "html" in k.lower() and isinstance(v, str)]
        for v in value.values():
            found += _html_fields_of_json(v)
        return found
    if isinstance(value, list):
        return [html for item in value for html in _html_fields_of_json(item)]
    return []


def _check_output(client: Client, path: str, tally: Tally) -> None:
    response = client.get(path)
    assert response.status_code == 200, path
    tally.output_count += 1
    body = response.content
    try:
        if response["Content-Type"].startswith(("application/json", "application/feed+json")):
            html = _html_fields_of_json(json.loads(body))
        else:
            html, _ = _html_fields_of_feed(body)
    except ET.ParseError as error:
        tally.outputs.append(f"{path}: not well-formed XML ({error})")
        return
    for fragment in html:
        if found := xss.active_content(fragment):
            tally.outputs.append(f"{path}: {found}")


def _admin_paths(world: xss.World) -> list[str]:
    o = world.objects
    article = o["article"]
    entry = o["story"].entries.get()
    update = article.live_updates.get()
    return [
        reverse("wagtailsnippets_articles_article:edit", args=[article.pk]),
        reverse(
            "wagtailsnippets_articles_article:revisions_view",
            args=[article.pk, article.latest_revision_id],
        ),
        reverse("wagtailsnippets_sections_section:edit", args=[o["section"].pk]),
        reverse("wagtailsnippets_taxonomy_tag:edit", args=[o["tag"].pk]),
        reverse("wagtailsnippets_people_author:edit", args=[o["author"].pk]),
        reverse("wagtailsnippets_stories_story:edit", args=[o["story"].pk]),
        reverse("wagtailsnippets_stories_timelineentry:edit", args=[entry.pk]),
        reverse("wagtailsnippets_live_liveupdate:edit", args=[update.pk]),
        reverse("wagtailimages:edit", args=[article.hero_image_id]),
    ]


LISTINGS = [
    "wagtailsnippets_articles_article:list",
    "wagtailsnippets_sections_section:list",
    "wagtailsnippets_taxonomy_tag:list",
    "wagtailsnippets_people_author:list",
    "wagtailsnippets_stories_story:list",
    "wagtailsnippets_stories_timelineentry:list",
    "wagtailsnippets_live_liveupdate:list",
    "wagtailsnippets_breaking_breakingbanner:list",
    "wagtailimages:index",
]


def _chosen(corpus: list[xss.Payload], wanted: str) -> list[xss.Payload]:
    """``all``; ``FIRST-LAST`` (payload numbers, inclusive) or ``FIRST-LAST/STEP`` (every
    STEP-th of them); otherwise the bounded run: the
    first payload under each of :data:`BOUNDED_HEADINGS`."""
    if wanted == "all":
        return corpus
    if wanted:
        span, _, step = wanted.partition("/")
        first, last = (int(n) for n in span.split("-"))
        return [p for p in corpus if first <= p.number <= last][:: int(step or 1)]
    return [p for p in xss.sample(corpus, per_heading=1) if p.heading in BOUNDED_HEADINGS]


# The suite's run: a script tag, a link, an attribute broken out of, the JSON-LD block and a
# feed's CDATA broken out of, every page kind; a few minutes on two shared cores.
BOUNDED_HEADINGS = (
    "javascript: and data: URLs",
    "breaking out of markup contexts",
    "JSON-LD and inline script breaking",
    "feeds: RSS, Atom and JSON Feed breaking",
)


def test_no_payload_of_the_corpus_runs_anywhere(browser, live_server, settings):  # noqa: F811
    chosen = _chosen(xss.payloads(), os.environ.get("XSS_DRILL", ""))
    # One client asks for every page: the per-client limits are not under test here.
    settings.NEWSDESK_MISS_RATE = settings.NEWSDESK_SEARCH_RATE = "1000000/m"
    settings.NEWSDESK_API_RATE = "1000000/m"
    factories.restore_migrated_rows()
    chief = get_user_model().objects.create_superuser("chief", "chief@example.com", "x" * 16)
    admin = sign_in(Client(), chief)
    reader = Client()
    session = admin.cookies[settings.SESSION_COOKIE_NAME].value

    tally = Tally()
    started = time.monotonic()
    image = factories.image()
    worlds = []
    for payload in chosen:
        if worlds:
            image = factories.image()
        worlds.append(xss.build_world(payload, image))
    tally.seconds["building"] = time.monotonic() - started
    context, page, _errors = open_page(browser, javascript=True)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    context.add_init_script(HOOK_SCRIPT)
    base = live_server.url
    try:
        for world in worlds:
            label = f"payload {world.payload.number}"
            xss.raise_banner(world)
            for path in world.reader_paths():
                _visit(page, base + path, dialogs, tally, "reader", label)
            search = f"/{world.edition}/search/?q={quote(world.payload.text)}"
            _visit(page, base + search, dialogs, tally, "reader", label)
            for path in world.output_paths():
                _check_output(reader, path, tally)
        for edition in ("uk", "en"):
            _visit(page, f"{base}/{edition}/", dialogs, tally, "reader", "home")
            url = f"{base}/{edition}/news/"
            while url:
                _visit(page, url, dialogs, tally, "reader", "feed")
                more = page.locator("a[data-feed-more]")
                url = more.first.get_attribute("href") if more.count() else ""
                url = base + url if url and url.startswith("/") else url
            for path in (
                f"/{edition}/news/rss.xml",
                f"/{edition}/news/atom.xml",
                f"/{edition}/news/feed.json",
                f"/{edition}/sitemaps/news.xml",
                "/sitemap.xml",
                f"/api/v1/articles?edition={edition}",
            ):
                _check_output(reader, path, tally)

        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}])
        for world in worlds:
            for path in _admin_paths(world):
                _visit(
                    page, base + path, dialogs, tally, "admin", f"payload {world.payload.number}"
                )
        for name in LISTINGS:
            listing = reverse(name)
            for number in range(1, len(worlds) // 20 + 2):
                _visit(page, f"{base}{listing}?p={number}", dialogs, tally, "admin", "listing")
    finally:
        context.close()

    print("\n" + tally.figures(len(chosen), len(xss.FIELDS)))
    assert tally.executions == []
    assert tally.outputs == []


@pytest.mark.parametrize(
    "markup",
    [
        "<img src=x onerror=__xss(7)>",
        "<img src=x onerror=alert(7)>",
        '<iframe srcdoc="<script>parent.__xss(7)</script>"></iframe>',
        "<input autofocus onfocus=__xss(7)>",
    ],
)
def test_the_drill_sees_a_payload_that_runs(browser, markup):  # noqa: F811
    """The hook and the dialog catch what runs: a page that does not escape is a finding."""
    context, page, _errors = open_page(browser, javascript=True)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    context.add_init_script(HOOK_SCRIPT)
    context.route(
        "http://unescaped.test/",
        lambda route: route.fulfill(body=f"<p>{markup}</p>", content_type="text/html"),
    )
    tally = Tally()
    try:
        _visit(page, "http://unescaped.test/", dialogs, tally, "reader", "canary")
    finally:
        context.close()
    assert len(tally.executions) == 1
    assert "7" in tally.executions[0]


def test_active_content_in_what_feed_readers_render():
    assert xss.active_content("<p>Kharkiv &lt;script&gt;</p><a href='https://x.org/'>x</a>") == []
    assert xss.active_content("<img src=x onerror=alert(1)>") == ["<img onerror>"]
    assert xss.active_content("<a href=' JaVa\tscript:alert(1)'>x</a>") == ["<a href=javascript:>"]
    assert xss.active_content("<svg><script>x</script></svg>") == ["<svg>", "<script>"]
