"""Our models' names where Wagtail builds a phrase around them.

Wagtail says "Add %(model_name)s", "Choose %(object)s" with the model's verbose name,
which Ukrainian puts in the nominative: "Додати стаття", "Вибрати автор". The object of
a verb is in the accusative ("Додати статтю", "Вибрати автора"), so these phrases are
given our models' accusative instead (English: the verbose name itself). Each phrase is
built when it is shown, in the editor's language, never once for the whole process: a
chooser widget made at start-up would otherwise keep the language it was made in.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import cached_property, lazy
from django.utils.text import capfirst
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.snippets.views.snippets import IndexView
from wagtail.snippets.widgets import AdminSnippetChooser

# The models whose accusative differs from their verbose name in Ukrainian.
ACCUSATIVE = {
    "articles.article": pgettext_lazy("accusative", "article"),
    "sections.section": pgettext_lazy("accusative", "section"),
    "people.author": pgettext_lazy("accusative", "author"),
    "fronts.front": pgettext_lazy("accusative", "front page"),
}


def accusative(model: Any) -> Any:
    """The model's name as the object of a verb (lazy)."""
    return ACCUSATIVE.get(model._meta.label_lower, model._meta.verbose_name)


def _add(model: Any) -> str:
    return capfirst(
        pgettext("admin button", "Add %(model_name)s") % {"model_name": accusative(model)}
    )


def _choose(model: Any) -> str:
    return capfirst(pgettext("chooser", "Choose %(object)s") % {"object": accusative(model)})


def _choose_another(model: Any) -> str:
    return capfirst(
        pgettext("chooser", "Choose another %(object)s") % {"object": accusative(model)}
    )


def _edit_chosen(model: Any) -> str:
    return capfirst(pgettext("chooser", "Edit this %(object)s") % {"object": accusative(model)})


# Built when shown, in the language active then.
add_label, choose_text, choose_another_text, edit_chosen_text = (
    lazy(f, str) for f in (_add, _choose, _choose_another, _edit_chosen)
)


class WordedIndexView(IndexView):
    @cached_property
    def add_item_label(self) -> Any:
        if self.model is None:
            return super().add_item_label
        return add_label(self.model)


class WordedSnippetChooser(AdminSnippetChooser):
    """Wagtail's snippet chooser, its labels in the accusative and in the editor's language."""

    def __init__(self, model: Any = None, **kwargs: Any) -> None:
        super().__init__(model, **kwargs)
        self.choose_one_text = choose_text(self.model)
        self.choose_another_text = choose_another_text(self.model)
        self.link_to_chosen_text = edit_chosen_text(self.model)
