"""View counts: counted in the cache as readers arrive, moved to the database in batches.

A page is served by the front cache, so the server learns of a view only from the page's
beacon. Counting must not write to the database per view (a breaking story brings tens of
thousands of readers a minute), so :func:`record` only increments a counter in the cache,
one per article per clock hour, and :func:`flush` copies the counters of the last few hours
into :class:`~newsdesk.readership.models.ArticleViews`.

The counters hold the hour's running total and the flush *sets* the row to it (keeping the
larger value if the cache was emptied in between), so a flush can run any number of times,
concurrently with counting, and never counts a view twice.

A reader counts once per article per hour (decision 0032): the beacon names the reader by
:func:`reader_token`, a keyed hash of the client address and browser string that changes
every hour, and :func:`record` counts a view only when ``…:<hour>:r:<article>:<token>`` is
new. Neither the address nor the browser string is stored, and a token cannot be linked to
the next hour's. One address may have at most ``NEWSDESK_BEACON_RATE`` views counted
(:func:`within_client_limit`), whatever browser strings it claims.

Keys of an hour: ``…:<hour>:a:<article>`` the counter; ``…:<hour>:slots`` how many articles
were counted; ``…:<hour>:slot:<n>`` the n-th of them. The cache has no sets; a numbered list
built with the atomic ``add`` and ``incr`` serves as one on every backend.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from newsdesk import throttles

from .models import ArticleViews

PREFIX = "readership:v1"
# The flush reads the current hour and the two before it, so a flush that is late by up
# to two hours loses nothing; counters live a little longer than that.
FLUSH_HOURS = 3
KEEP = (FLUSH_HOURS + 1) * 3600
# An article can be read by the whole country in an hour, not by more: a larger count is
# a flood of fake beacons, and is cut to this.
HOURLY_CAP = 5_000_000
DEFAULT_BEACON_RATE = "120/h"


def hour_of(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(minute=0, second=0, microsecond=0)


def _stamp(hour: dt.datetime) -> int:
    return int(hour.timestamp())


def count_key(hour: dt.datetime, article_id: int) -> str:
    return f"{PREFIX}:{_stamp(hour)}:a:{article_id}"


def slots_key(hour: dt.datetime) -> str:
    return f"{PREFIX}:{_stamp(hour)}:slots"


def slot_key(hour: dt.datetime, number: int) -> str:
    return f"{PREFIX}:{_stamp(hour)}:slot:{number}"


def seen_key(hour: dt.datetime, article_id: int, reader: str) -> str:
    return f"{PREFIX}:{_stamp(hour)}:r:{article_id}:{reader}"


def _keyed_hash(*parts: str) -> str:
    """A keyed hash (HMAC-SHA256 with a key derived from ``SECRET_KEY``): without the key,
    a token cannot be turned back into the address it was made from by trying them all."""
    key = hashlib.sha256(f"newsdesk.readership:{settings.SECRET_KEY}".encode()).digest()
    message = "\x1f".join(parts).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def reader_token(address: str, user_agent: str, now: dt.datetime | None = None) -> str:
    """Who read, for one hour: the same browser at the same address gets the same token
    within the hour and an unrelated one the next."""
    hour = hour_of(now or timezone.now())
    return _keyed_hash("reader", str(_stamp(hour)), address, user_agent)


def within_client_limit(address: str, now: dt.datetime | None = None) -> bool:
    """Count one beacon of ``address``; False once it is past ``NEWSDESK_BEACON_RATE``.
    The count is kept under a keyed hash of the address, never the address."""
    limit = throttles.Rate.setting("NEWSDESK_BEACON_RATE", DEFAULT_BEACON_RATE)
    moment = (now or timezone.now()).timestamp()
    client = _keyed_hash("client", address)
    return not throttles.take(f"{PREFIX}:limit", client, limit, now=moment).exceeded


def _incr(key: str) -> int:
    cache.add(key, 0, KEEP)
    try:
        counted = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, KEEP)
        return 1
    return int(counted or 0)  # None: the cache did not answer


def record(article_id: int, now: dt.datetime | None = None, *, reader: str | None = None) -> bool:
    """Count one view of the article in the current hour (cache only); with ``reader``,
    only the reader's first this hour. Whether it was counted."""
    hour = hour_of(now or timezone.now())
    if reader is not None and not cache.add(seen_key(hour, article_id, reader), 1, KEEP):
        return False
    key = count_key(hour, article_id)
    if cache.add(key, 0, KEEP):
        # The first view of this article this hour: list it for the flush.
        cache.set(slot_key(hour, _incr(slots_key(hour))), article_id, KEEP)
    _incr(key)
    return True


def pending(now: dt.datetime | None = None) -> dict[tuple[int, dt.datetime], int]:
    """The counts held in the cache: (article id, hour) → views so far."""
    current = hour_of(now or timezone.now())
    found: dict[tuple[int, dt.datetime], int] = {}
    for back in range(FLUSH_HOURS):
        hour = current - dt.timedelta(hours=back)
        slots = int(cache.get(slots_key(hour)) or 0)
        if not slots:
            continue
        listed = cache.get_many([slot_key(hour, n) for n in range(1, slots + 1)])
        ids = {int(article_id) for article_id in listed.values()}
        counts = cache.get_many([count_key(hour, article_id) for article_id in ids])
        for article_id in ids:
            count = int(counts.get(count_key(hour, article_id)) or 0)
            if count:
                found[(article_id, hour)] = min(count, HOURLY_CAP)
    return found


def flush(now: dt.datetime | None = None) -> int:
    """Write the cached counts to the database in one transaction; returns the rows written.

    Idempotent: each row is set to the cached total of its hour, never incremented."""
    from newsdesk.articles.models import Article

    counts = pending(now)
    if not counts:
        return 0
    article_ids = {article_id for article_id, _hour in counts}
    hours = {hour for _article_id, hour in counts}
    with transaction.atomic():
        known = set(Article.objects.filter(pk__in=article_ids).values_list("pk", flat=True))
        stored = {
            (row.article_id, row.hour): row.count
            for row in ArticleViews.objects.filter(article_id__in=known, hour__in=hours)
        }
        rows = [
            ArticleViews(article_id=article_id, hour=hour, count=max(count, stored.get(key, 0)))
            for key, count in sorted(counts.items())
            for article_id, hour in [key]
            if article_id in known
        ]
        ArticleViews.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["article", "hour"],
            update_fields=["count"],
        )
    return len(rows)
