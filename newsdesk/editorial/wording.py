"""Our models' names where Wagtail builds a phrase around them.

Wagtail says "Add %(model_name)s" with the model's verbose name, which Ukrainian puts in
the nominative: "Додати стаття". The phrase is given whole for each model whose accusative
differs from its nominative.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import cached_property
from django.utils.translation import pgettext_lazy
from wagtail.snippets.views.snippets import IndexView

ADD_LABELS = {
    "articles.article": pgettext_lazy("admin button", "Add article"),
    "sections.section": pgettext_lazy("admin button", "Add section"),
    "people.author": pgettext_lazy("admin button", "Add author"),
    "fronts.front": pgettext_lazy("admin button", "Add front page"),
}


class WordedIndexView(IndexView):
    @cached_property
    def add_item_label(self) -> Any:
        label = ADD_LABELS.get(self.model._meta.label_lower) if self.model else None
        return label if label is not None else super().add_item_label
