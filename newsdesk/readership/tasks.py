"""Background work of readership: moving the cached view counts to the database."""

from __future__ import annotations

from django_tasks import task

from .counting import flush


@task()
def flush_views() -> int:
    return flush()
