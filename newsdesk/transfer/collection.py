"""Python's cycle collector during a long import or export (decision 0062).

A batch of 200 articles makes hundreds of thousands of objects that live until the batch is
written, so with the default thresholds (a collection every 700 new objects) the collector
ran thousands of times a run, and each full collection walked the whole program, Django's
and Wagtail's modules and models included: about a fifth of an import's CPU time. Inside
:func:`fewer_collections` what was there before the run is frozen (never walked again until
the end) and a collection of the youngest generation waits for 50,000 new objects. Cycles
are still collected, so memory still holds about one batch.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# New objects between two collections of the youngest generation (Python's default: 700).
YOUNGEST = 50_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect less often while the block runs; everything as it was afterwards."""
    thresholds = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNGEST, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
