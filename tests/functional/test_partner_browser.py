"""A partner's widget on another origin reads the API in Chromium, as browsers do: a real
cross-origin ``fetch()`` that the browser refuses unless the answer allows the origin.

The partner's page is served by a small HTTP server of its own on another port, so the
browser sees two origins; the app's page cache is on, so all but the first answer are hits.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Locale

from newsdesk.editions import EDITIONS
from newsdesk.testing import factories

from .test_browser import CHROMIUM, browser, open_page  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]

# What a partner would embed: read the API, keep what the browser lets the script see.
# ``no-store`` keeps the browser's own cache out of it, so every call reaches the server.
PARTNER_PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner</title></head><body>
<ul id="news"></ul>
<script>
async function read(address, headers) {
  try {
    const answer = await fetch(address, {cache: "no-store", headers: headers || {}});
    const seen = {
      status: answer.status,
      etag: answer.headers.get("ETag"),
      rateLimit: answer.headers.get("RateLimit"),
      policy: answer.headers.get("RateLimit-Policy"),
      retryAfter: answer.headers.get("Retry-After"),
    };
    if (answer.status !== 304) seen.body = await answer.json();
    return seen;
  } catch (refused) {
    return {refused: String(refused)};
  }
}
</script>
</body></html>
"""


class PartnerPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PARTNER_PAGE)))
        self.end_headers()
        self.wfile.write(PARTNER_PAGE)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the test's output is for failures


@pytest.fixture
def partner_origin() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), PartnerPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def clean_count() -> Iterator[None]:
    """The page cache and the rate limit's counts live in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@override_settings(NEWSDESK_PAGE_CACHE=True, NEWSDESK_API_RATE="4/m")
def test_a_widget_on_another_origin_reads_cached_answers_and_is_limited_on_them(
    browser,  # noqa: F811 - the fixture
    live_server,
    partner_origin,
    clean_count,
):
    for code in EDITIONS:  # another transactional test may have emptied them
        Locale.objects.get_or_create(language_code=code)
    factories.published("en", "grid-repairs", headline="Grid repairs finish early")
    api = f"{live_server.url}/api/v1/articles?edition=en"
    assert not api.startswith(partner_origin)

    context, page, errors = open_page(browser, javascript=True)
    try:
        page.goto(f"{partner_origin}/widget.html")
        reads = [page.evaluate("address => read(address)", api) for _ in range(3)]
        for seen in reads:
            assert "refused" not in seen, seen
            assert seen["status"] == 200
            assert seen["body"]["items"][0]["headline"] == "Grid repairs finish early"
        assert [seen["rateLimit"].split(";")[1] for seen in reads] == ["r=3", "r=2", "r=1"]
        assert reads[0]["policy"] == '"api";q=4;w=60'

        # The widget revalidates what it holds (a preflight first, for If-None-Match).
        revalidated = page.evaluate(
            "([address, etag]) => read(address, {'If-None-Match': etag})",
            [api, reads[0]["etag"]],
        )
        assert "refused" not in revalidated, revalidated
        assert revalidated["status"] == 304
        assert revalidated["rateLimit"].split(";")[1] == "r=0"

        # Hits and 304s counted: the fifth call is refused, readably.
        limited = page.evaluate("address => read(address)", api)
        assert "refused" not in limited, limited
        assert limited["status"] == 429
        assert 1 <= int(limited["retryAfter"]) <= 60
        assert "Too many requests" in limited["body"]["detail"]
    finally:
        context.close()
    assert errors == [] or all("429" in error for error in errors), errors
