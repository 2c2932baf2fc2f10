"""What sections, tags, authors and stories share with articles: each belongs to one edition,
has a page there, and may have a translation in the other edition.

The queryset vocabulary mirrors ``ArticleQuerySet``: ``in_edition(code)``,
``with_translation_slug(other)`` and ``get_for_edition_or_404(code, slug)``. The address of
an item is its model's business (``get_absolute_url``), so no view, feed or API builds one
by hand.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from django.db import models
from django.db.models import OuterRef, Subquery, Value
from django.http import Http404
from django.urls import reverse

from newsdesk.editions import other_edition

M = TypeVar("M", bound=models.Model)


class EditionQuerySet(models.QuerySet[M], Generic[M]):
    def in_edition(self, code: str) -> EditionQuerySet[M]:
        """The items of edition ``code``. Each row also carries the code (``edition_code``),
        so that its address costs no query for its locale."""
        return self.filter(locale__language_code=code).annotate(edition_code=Value(code))

    def with_translation_slug(self, edition: str) -> EditionQuerySet[M]:
        """Annotate ``translation_slug``: the slug of the translation in ``edition``, or None."""
        twin = self.model._default_manager.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=edition
        ).values("slug")[:1]
        return self.annotate(translation_slug=Subquery(twin))

    def get_for_edition_or_404(self, code: str, slug: str) -> M:
        """The item of edition ``code`` at ``slug``, in one query, or ``Http404``."""
        found = self.in_edition(code).filter(slug=slug).first()
        if found is None:
            # English whatever the request's language: the API hands this message on.
            kind = self.model._meta.model_name
            raise Http404(f"No {kind} '{slug}' in the {code} edition.")
        return found


class EditionPage:
    """The page of an item of one edition (``url_name``, with ``edition`` and ``slug``).

    Mixed into models that have ``locale`` and ``slug``. The edition comes from
    ``edition_code`` when the row was loaded by ``in_edition()``, else from the locale
    (a query unless it was selected with the row); a caller that knows the edition already
    (an article's section, tags and authors share the article's) passes it instead.
    """

    url_name: ClassVar[str]
    slug: str
    locale: Any

    @property
    def edition(self) -> str:
        code = vars(self).get("edition_code")
        return str(code) if code else str(self.locale.language_code)

    def get_absolute_url(self, edition: str | None = None) -> str:
        return reverse(
            self.url_name, kwargs={"edition": edition or self.edition, "slug": self.slug}
        )

    def get_url(self) -> str:
        return self.get_absolute_url()

    def get_translation_url(self, edition: str | None = None) -> str | None:
        """The page of the translation, when loaded ``with_translation_slug()`` and one exists."""
        slug = vars(self).get("translation_slug")
        if not slug:
            return None
        other = other_edition(edition or self.edition)
        return reverse(self.url_name, kwargs={"edition": other, "slug": slug})
