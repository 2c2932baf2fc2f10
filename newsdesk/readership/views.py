"""The page-view beacon: counts one view in the cache, stores nothing about the reader.

It reads no cookie and sets none, keeps no address or browser string, and writes nothing
to the database. A reader counts once per article per hour and an address only so many
times an hour (decision 0032; :mod:`.counting`), and every beacon gets the same empty 204
whether it was counted or not, so a client cannot learn what it moved. It is exempt from
CSRF checks: the page that sends it is cached and carries no token, and all a forged
request can do is add one view to one article once an hour.
"""

from __future__ import annotations

import re

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from newsdesk import throttles
from newsdesk.articles.models import Article
from newsdesk.http_policy import no_store

from .counting import PREFIX, reader_token, record, within_client_limit

# Crawlers, link previews and scripts: not readers.
NOT_A_READER = re.compile(
    r"bot|crawl|spider|slurp|preview|headless|python|curl|wget|httpclient|scrapy",
    re.IGNORECASE,
)
# Whether an id is a published article of an edition, remembered so that a flood of
# beacons costs the database one lookup per article every few minutes.
KNOWN_TIMEOUT = 300


def _plain(status: int, message: str) -> HttpResponse:
    return no_store(HttpResponse(message, status=status, content_type="text/plain; charset=utf-8"))


def _is_published(edition: str, article_id: int) -> bool:
    key = f"{PREFIX}:known:{edition}:{article_id}"
    known = cache.get(key)
    if known is None:
        known = Article.objects.published().in_edition(edition).filter(pk=article_id).exists()
        cache.set(key, known, KNOWN_TIMEOUT)
    return bool(known)


@csrf_exempt
def count_view(request: HttpRequest, edition: str, article_id: str) -> HttpResponse:
    if request.method != "POST":
        response = _plain(405, _("Views are counted by POST only."))
        response["Allow"] = "POST"
        return response
    if not article_id.isdigit() or len(article_id) > 18:
        return _plain(400, _("The article number must be a positive whole number."))
    number = int(article_id)
    if not _is_published(edition, number):
        return _plain(404, _("There is no such published article in this edition."))
    agent = request.headers.get("User-Agent", "")
    if not agent or NOT_A_READER.search(agent):
        return _plain(204, "")
    address = throttles.client_address(request)
    if within_client_limit(address):
        record(number, reader=reader_token(address, agent))
    return _plain(204, "")
