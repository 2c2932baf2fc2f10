from __future__ import annotations

import functools
from collections.abc import Callable

import pytest

from newsdesk.articles.models import Article
from newsdesk.testing import factories


@pytest.fixture
def publish(db, django_capture_on_commit_callbacks) -> Callable[..., Article]:
    """``factories.published`` with no lead unless given, indexed as a commit would."""
    return functools.partial(
        factories.published, lead="", capture=django_capture_on_commit_callbacks
    )
