"""Python's cycle collector during a long import (decision 0062).

A batch of 200 posts makes hundreds of thousands of objects that live until the batch is
written; many survive into the oldest generation, and each time enough have, the collector
walks the whole program, Django's and Wagtail's modules, models and settings included:
about a fifth of an import's CPU time. Inside :func:`frozen_startup` what was there before
the run is frozen (``gc.freeze``: never walked again until the end), so a full collection
walks the run's own objects only. The thresholds stay Python's: a larger youngest
generation (50,000) saved no more time and kept garbage of several batches (measured in
``docs/benchmarks.md``), and the export, whose rows are freed by reference counting, gained
nothing either way.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def frozen_startup() -> Iterator[None]:
    """Leave what exists now out of the cycle collector's passes while the block runs."""
    gc.collect()  # garbage frozen would stay for the whole run
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
