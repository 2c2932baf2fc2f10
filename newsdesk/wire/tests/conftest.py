"""Wire partners for the wire's tests."""

from __future__ import annotations

import pytest

from newsdesk.testing import factories
from newsdesk.wire.models import Partner


@pytest.fixture
def partner(db) -> Partner:
    return Partner.objects.create(
        name="Agency", edition="uk", section=factories.section("uk"), trusted=False
    )


@pytest.fixture
def trusted(db) -> Partner:
    return Partner.objects.create(
        name="Trusted agency", edition="uk", section=factories.section("uk"), trusted=True
    )
