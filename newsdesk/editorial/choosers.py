"""Snippet choosers answer only those who may use what they list.

Wagtail's snippet choosers check no permission: any signed-in editor could list live
updates not yet published, scheduled banners or live settings through
``/admin/snippets/choose/…``. A chooser now answers a user who holds a permission on its
model, or, for what an article's form chooses (its section, bylines, story, tags and Read
also articles), anyone who may write articles (decision 0028).

Their edition filter is labelled: Wagtail adds it without a label, and Django names it
"Locale", in English in either language (decision 0059).
"""

from __future__ import annotations

import functools
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views import chooser

from .wording import WordedSnippetChooser

# What the article form chooses: open to whoever may write an article.
CHOSEN_BY_ARTICLES = frozenset(
    {"articles.article", "sections.section", "people.author", "stories.story", "taxonomy.tag"}
)
ACTIONS = ("add", "change", "delete", "view", "publish")


def may_choose(user: Any, model: Any) -> bool:
    label = model._meta.label_lower
    app, name = label.split(".")
    if any(user.has_perm(f"{app}.{action}_{name}") for action in ACTIONS):
        return True
    return label in CHOSEN_BY_ARTICLES and user.has_perm("articles.add_article")


class EditionFilterMixin:
    """A chooser view whose edition filter (Wagtail's ``locale`` field) has a label."""

    def get_filter_form(self) -> forms.Form:
        form: forms.Form = super().get_filter_form()  # type: ignore[misc]
        if "locale" in form.fields:
            form.fields["locale"].label = _("Edition")
        return form


class ChooseView(EditionFilterMixin, chooser.ChooseView):
    pass


class ChooseResultsView(EditionFilterMixin, chooser.ChooseResultsView):
    pass


class GuardedChooserViewSet(chooser.SnippetChooserViewSet):
    base_widget_class = WordedSnippetChooser
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView

    def get_urlpatterns(self) -> list[Any]:
        return [
            self._guard(p) if isinstance(p, URLPattern) else p for p in super().get_urlpatterns()
        ]

    def _guard(self, pattern: URLPattern) -> URLPattern:
        view, model = pattern.callback, self.model

        @functools.wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not may_choose(request.user, model):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return URLPattern(pattern.pattern, guarded, pattern.default_args, pattern.name)
