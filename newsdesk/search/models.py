"""The search index: one row per published article (see docs/decisions/0008-search.md).

This table holds what the index needs besides the words: filters, the published time and
the plain text that snippets are cut from. The words themselves live where each database
searches them: an FTS5 table (``search_fts``) on SQLite, a ``tsvector`` column with a GIN
index on PostgreSQL. Both are created by migration ``0001`` for the database in use only.
"""

from __future__ import annotations

from django.db import models


class Document(models.Model):
    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # The FTS5 rowid: published second << 30 | article id, so that "newest matches first"
    # is FTS5's own rowid order and a date range is a rowid range.
    key = models.BigIntegerField(unique=True)
    edition = models.CharField(max_length=8)
    section_id = models.IntegerField()
    labels = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField()
    headline = models.TextField()
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)
    tags = models.TextField(blank=True)

    class Meta:
        indexes = [
            # PostgreSQL walks this newest first and stops after the candidate limit when a
            # word is too common for the GIN index to be the cheaper way in.
            models.Index(fields=["edition", "-published_at", "-article"], name="search_newest"),
        ]

    def __str__(self) -> str:
        return self.headline
