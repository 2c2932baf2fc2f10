"""The roots of Wagtail's collection tree and page tree, named in the reader's language.

Wagtail's migrations create both roots, named "Root". Nobody can rename either in the
admin, and the admin prints them as stored: in the groups form, on the image and collection
permission rows (the root is where a permission for every collection is set) and on a page
permission set on the root; in the collection fields of the image and collection forms; in
the page chooser. A root loaded from the database shows its name in the active language.
Saved, it is stored as "Root" again, the way the roles' names are (decision 0059).
"""

from __future__ import annotations

import functools
from typing import Any

from django.conf import settings
from django.db.models.signals import post_init, post_save, pre_save
from django.utils.translation import override, pgettext_lazy
from wagtail.models import Collection, Page

STORED = "Root"
NAMES = {
    Collection: pgettext_lazy("collection tree", "Root"),
    Page: pgettext_lazy("page tree", "Root"),
}
# The fields that hold a root's name: a page's title and the title its drafts show.
FIELDS: dict[type, tuple[str, ...]] = {Collection: ("name",), Page: ("title", "draft_title")}


@functools.cache
def _shown_names() -> frozenset[str]:
    found = set()
    for name in NAMES.values():
        for code, _label in settings.LANGUAGES:
            with override(code):
                found.add(str(name))
    return frozenset(found)


def _is_root(instance: Any) -> bool:
    return instance.__dict__.get("depth") == 1  # not deferred, and the tree's top


def _show(sender: Any, instance: Any, **kwargs: Any) -> None:
    if _is_root(instance):
        for field in FIELDS[sender]:
            if instance.__dict__.get(field) == STORED:
                instance.__dict__[field] = str(NAMES[sender])


def _store(sender: Any, instance: Any, **kwargs: Any) -> None:
    if _is_root(instance):
        for field in FIELDS[sender]:
            if instance.__dict__.get(field) in _shown_names():
                instance.__dict__[field] = STORED


def connect() -> None:
    for model in NAMES:
        name = model.__name__
        post_init.connect(_show, sender=model, dispatch_uid=f"tree_roots.show.{name}")
        pre_save.connect(_store, sender=model, dispatch_uid=f"tree_roots.store.{name}")
        post_save.connect(_show, sender=model, dispatch_uid=f"tree_roots.saved.{name}")
