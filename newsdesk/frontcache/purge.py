"""The one way to purge: stamp the keys in the clock, hold readers on the primary database
for a moment, then tell every front cache.

A front cache that cannot be reached is logged and skipped: the change is already
committed, and the page's own ``s-maxage`` bounds how long the old copy can live.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from newsdesk.replicas import hold_primary

from . import backends, clock

logger = logging.getLogger(__name__)


def purge(keys: Collection[str]) -> None:
    if not keys:
        return
    clock.stamp(keys)
    # The front caches re-fetch the purged pages at once; those reads must not beat
    # replication to a replica (decision 0016).
    hold_primary()
    for front in backends.configured():
        try:
            front.purge(keys)
        except Exception:  # a purge must never undo or fail a committed change
            logger.exception("Front cache purge failed: %s", type(front).__name__)
    logger.debug("Purged %d keys: %s", len(keys), " ".join(sorted(keys)[:20]))
