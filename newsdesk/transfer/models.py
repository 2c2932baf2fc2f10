"""What an import remembers: each source item it brought over, and the old addresses that
lead to the articles made from them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """One item of a source (a WordPress site, by its address) and what it became here.

    ``key`` is the item's identity in its source (``wp:123`` or ``guid:…`` for a post or an
    image, ``author:login``, ``category:slug``, ``post_tag:slug``); ``fingerprint`` is a
    digest of what was imported, so a second run leaves an unchanged item alone and
    updates a changed one. Written in the item's own transaction: an item is recorded if
    and only if it was imported whole."""

    source = models.CharField(_("source"), max_length=300)
    key = models.CharField(_("key"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30)
    object_id = models.PositiveBigIntegerField(_("object"))
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="imported_item_per_source"),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.key}"


class Redirect(models.Model):
    """An address of the old site (path, with the query that identifies a post, such as
    ``/?p=12``) that now leads to an article: the reader's 404 looks here, by one indexed
    query, before it answers "not found"."""

    old_path = models.CharField(_("old address"), max_length=500, unique=True)  # LONGEST
    article = models.ForeignKey(
        "articles.Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")

    def __str__(self) -> str:
        return self.old_path
