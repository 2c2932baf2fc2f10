"""Seeded generators: the demo's randomness must repeat, run after run."""

from __future__ import annotations

import random


def seeded(*parts: object) -> random.Random:
    """A generator for one purpose; the same parts always give the same sequence."""
    return random.Random(":".join(map(str, parts)))  # noqa: S311 - demo content, not secrets
