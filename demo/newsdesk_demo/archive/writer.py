"""Stores drafts in bulk: articles, their tags, bylines and published addresses.

Rows go in with raw multi-row statements, a batch per transaction, with primary keys
reserved up front so that the tag, byline and address rows can name their article
without reading anything back. Per database:

- SQLite: ``executemany`` on one prepared statement, under ``synchronous=OFF`` and a
  larger page cache for the length of the load (both restored after). A crash during
  the load can lose the last batches, never the file: WAL stays on.
- PostgreSQL: ``COPY … FROM STDIN`` (psycopg 3) for every table, keys from the table's
  own sequence, ``synchronous_commit`` off per batch.

Nothing the application relies on (indexes, constraints, triggers) is dropped.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from newsdesk.articles.models import Article, Byline, PublishedSlug, TagLink

from .rows import Draft

SQLITE_PRAGMAS = {"synchronous": "OFF", "cache_size": "-262144", "temp_store": "MEMORY"}
SLUG_CHECK_CHUNK = 500


def _columns(model: Any, *names: str) -> tuple[str, tuple[str, ...]]:
    """The table and column names of ``model``'s fields, as its migrations made them."""
    meta = model._meta
    return meta.db_table, tuple(meta.get_field(name).column for name in names)


ARTICLES = _columns(
    Article,
    "id",
    "translation_key",
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "expired",
    "locked",
    "headline",
    "slug",
    "lead",
    "labels",
    "hero_caption",
    "hero_credit",
    "hero_alt",
    "body",
    "sources",
    "update_note",
    "hero_image",
    "locale",
    "section",
)
TAGS = _columns(TagLink, "article", "tag", "published_at")
BYLINES = _columns(Byline, "article", "author", "sort_order", "published_at")
ADDRESSES = _columns(PublishedSlug, "article", "locale", "slug")


@dataclass(frozen=True)
class Written:
    articles: int
    tags: int
    bylines: int


class Writer:
    """The database-neutral part; subclasses reserve keys, adapt values and insert."""

    def __init__(self, *, check_slugs: bool) -> None:
        # Generated slugs end in the article's own key, so they can only meet a slug that
        # was there before the run (made by hand or by the demo).
        self.check_slugs = check_slugs
        self.columns, self.defaults = _with_defaults()

    @contextmanager
    def tuned(self) -> Iterator[None]:
        yield

    def write(self, drafts: Sequence[Draft]) -> Written:
        with transaction.atomic(), connection.cursor() as cursor:
            self.begin(cursor)
            ids = self.reserve(cursor, len(drafts))
            slugs = [f"{d.slug_base}-{pk}" for d, pk in zip(drafts, ids, strict=True)]
            if self.check_slugs:
                slugs = _free(cursor, drafts, slugs)
            articles: list[tuple] = []
            tags: list[tuple[int, int, Any]] = []
            bylines: list[tuple[int, int, int, Any]] = []
            addresses: list[tuple[int, int, str]] = []
            for draft, pk, slug in zip(drafts, ids, slugs, strict=True):
                moment = self.moment(draft.published)
                articles.append(
                    (
                        pk,
                        self.key(draft.key),
                        True,
                        False,
                        moment,
                        moment,
                        False,
                        False,
                        draft.headline,
                        slug,
                        draft.lead,
                        draft.labels,
                        draft.hero_caption,
                        draft.hero_credit,
                        draft.hero_alt,
                        draft.body,
                        draft.sources,
                        "",
                        draft.hero_id,
                        draft.locale_id,
                        draft.section_id,
                        *self.defaults,
                    )
                )
                # Every article is published: its links and bylines carry its time
                # (decisions 0068 and 0069).
                tags.extend((pk, tag, moment) for tag in draft.tag_ids)
                bylines.extend((pk, author, n, moment) for n, author in enumerate(draft.author_ids))
                addresses.append((pk, draft.locale_id, slug))
            for (table, columns), rows in (
                ((ARTICLES[0], self.columns), articles),
                (TAGS, tags),
                (BYLINES, bylines),
                (ADDRESSES, addresses),
            ):
                self.insert(cursor, table, columns, rows)
        return Written(articles=len(articles), tags=len(tags), bylines=len(bylines))

    def begin(self, cursor: Any) -> None:
        pass

    def reserve(self, cursor: Any, count: int) -> list[int]:
        raise NotImplementedError

    def moment(self, value: dt.datetime) -> Any:
        return value

    def key(self, value: uuid.UUID) -> Any:
        return value

    def insert(self, cursor: Any, table: str, columns: tuple[str, ...], rows: list) -> None:
        raise NotImplementedError


class SQLiteWriter(Writer):
    @contextmanager
    def tuned(self) -> Iterator[None]:
        if connection.in_atomic_block:
            # SQLite refuses to change the safety level inside a transaction; a caller's
            # transaction (a test's, say) makes the load one commit anyway.
            yield
            return
        with connection.cursor() as cursor:
            before = {}
            for name, value in SQLITE_PRAGMAS.items():
                cursor.execute(f"PRAGMA {name}")
                before[name] = cursor.fetchone()[0]
                cursor.execute(f"PRAGMA {name} = {value}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                for name, value in before.items():
                    cursor.execute(f"PRAGMA {name} = {value}")

    def reserve(self, cursor: Any, count: int) -> list[int]:
        # AUTOINCREMENT never reuses a key, even a deleted row's: start past both.
        table = ARTICLES[0]
        cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')  # noqa: S608 - model's table
        highest = cursor.fetchone()[0]
        cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = %s", [table])
        start = max(highest, cursor.fetchone()[0]) + 1
        return list(range(start, start + count))

    def moment(self, value: dt.datetime) -> str:
        # As Django stores an aware datetime in SQLite: naive UTC, ISO with a space.
        return str(value.astimezone(dt.UTC).replace(tzinfo=None))

    def key(self, value: uuid.UUID) -> str:
        return value.hex

    def insert(self, cursor: Any, table: str, columns: tuple[str, ...], rows: list) -> None:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        # The driver's own cursor: Django's wrapper would rewrite the statement per call.
        cursor.cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)  # noqa: S608


class PostgresWriter(Writer):
    def begin(self, cursor: Any) -> None:
        # A batch lost in a crash is simply not there; the archive is generated anyway.
        cursor.execute("SET LOCAL synchronous_commit TO OFF")

    def reserve(self, cursor: Any, count: int) -> list[int]:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [ARTICLES[0], count],
        )
        return sorted(row[0] for row in cursor.fetchall())

    def insert(self, cursor: Any, table: str, columns: tuple[str, ...], rows: list) -> None:
        names = ", ".join(f'"{c}"' for c in columns)
        with cursor.cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)


def _with_defaults() -> tuple[tuple[str, ...], tuple]:
    """The article columns, plus every other column that may not be NULL with its
    default, so a field added to Article later is filled as a form would fill it."""
    columns = ARTICLES[1]
    extra, values = [], []
    for field in Article._meta.concrete_fields:
        if field.column not in columns and not field.null:
            extra.append(field.column)
            values.append(field.get_db_prep_save(field.get_default(), connection))
    return (*columns, *extra), tuple(values)


def writer_for(*, check_slugs: bool) -> Writer:
    if connection.vendor == "sqlite":
        return SQLiteWriter(check_slugs=check_slugs)
    if connection.vendor == "postgresql":
        return PostgresWriter(check_slugs=check_slugs)
    raise ValueError(
        f"The archive generator supports SQLite and PostgreSQL, not {connection.vendor}."
    )


def _free(cursor: Any, drafts: Sequence[Draft], slugs: list[str]) -> list[str]:
    """The slugs, each moved aside ("-2") if an article or an old address already has it."""
    taken: set[tuple[int, str]] = set()
    for start in range(0, len(slugs), SLUG_CHECK_CHUNK):
        chunk = slugs[start : start + SLUG_CHECK_CHUNK]
        marks = ", ".join(["%s"] * len(chunk))
        for table in (ARTICLES[0], ADDRESSES[0]):
            cursor.execute(
                f'SELECT locale_id, slug FROM "{table}" WHERE slug IN ({marks})',  # noqa: S608
                chunk,
            )
            taken.update(cursor.fetchall())
    out = []
    for draft, slug in zip(drafts, slugs, strict=True):
        while (draft.locale_id, slug) in taken:
            slug = f"{slug}-2"
        out.append(slug)
    return out
