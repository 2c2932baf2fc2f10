from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in their English source form, whatever the catalogues say."""
    with translation.override("en"):
        yield
