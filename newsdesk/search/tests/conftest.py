from __future__ import annotations

import functools

import pytest

from . import factories


@pytest.fixture
def publish(db, django_capture_on_commit_callbacks):
    """``publish("Headline", lead=…, tags=…)``: a published, indexed article."""
    return functools.partial(factories.publish, django_capture_on_commit_callbacks)


@pytest.fixture
def unpublish(db, django_capture_on_commit_callbacks):
    return functools.partial(factories.unpublish, django_capture_on_commit_callbacks)
