"""Rows read in keyset batches, and written as JSON, a line each."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any, TypeVar

from django.db import models

BATCH = 200

Row = TypeVar("Row", bound=models.Model)


def keyset(queryset: models.QuerySet[Row], size: int = BATCH) -> Iterator[list[Row]]:
    """``queryset`` in batches of ``size`` by primary key (``pk > last``): each batch costs
    what the first does, and memory holds one batch."""
    last = 0
    while True:
        batch = list(queryset.filter(pk__gt=last).order_by("pk")[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def stamp(moment: dt.datetime | dt.date | dt.time | None) -> str | None:
    """ISO 8601, UTC as ``Z``."""
    if moment is None:
        return None
    return moment.isoformat().replace("+00:00", "Z")


def json_line(stream: IO[str], data: Mapping[str, Any]) -> None:
    stream.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


def upload_path(image: Any) -> str:
    """Where an image's original goes in the export, below ``uploads/``."""
    return str(image.file.name)


def fields(row: models.Model) -> dict[str, Any]:
    """A row's own fields (foreign keys as ids), as JSON takes them."""
    data: dict[str, Any] = {}
    for field in row._meta.concrete_fields:
        value = getattr(row, field.attname)
        data[field.name] = stamp(value) if isinstance(value, dt.date | dt.time) else value
    return data
