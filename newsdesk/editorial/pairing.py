"""Translations on the article's edit page: "Translate" makes one, "Pair" joins two
articles written apart in the two editions, "Unpair" parts them (decision 0044)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.widgets.button import Button
from wagtail.permissions import policy_registry

from newsdesk.articles.models import Article
from newsdesk.publishing.actions import pair_translations, unpair_translation

from . import trash
from .live import add_update_button
from .wording import WordedSnippetChooser

EDIT = "wagtailsnippets_articles_article:edit"


def _can_change(user: Any, article: Article) -> bool:
    policy = policy_registry.get_by_type(Article)
    return bool(policy.user_has_permission_for_instance(user, "change", article))


def has_twin(article: Article) -> bool:
    return (
        Article.objects.filter(translation_key=article.translation_key)
        .exclude(pk=article.pk)
        .exists()
    )


def candidates(article: Article) -> QuerySet[Article]:
    """The other edition's articles with no translation yet."""
    return Article.objects.exclude(locale_id=article.locale_id).exclude(
        translation_key__in=Article.objects.filter(locale_id=article.locale_id).values(
            "translation_key"
        )
    )


class PairForm(forms.Form):
    twin = forms.ModelChoiceField(
        queryset=Article.objects.none(),
        label=gettext_lazy("Translation in the other edition"),
        error_messages={
            "required": gettext_lazy("Choose the article to pair with."),
            "invalid_choice": gettext_lazy(
                "Choose an article of the other edition that has no translation yet."
            ),
        },
        widget=WordedSnippetChooser(Article),
    )

    def __init__(self, *args: Any, article: Article, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["twin"]).queryset = candidates(article)


@require_http_methods(["GET", "POST"])
def pair_view(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("locale"), pk=pk)
    if not _can_change(request.user, article):
        raise PermissionDenied
    if has_twin(article):
        messages.error(request, _("This article already has a translation."))
        return redirect(EDIT, article.pk)
    form = PairForm(request.POST or None, article=article)
    if request.method == "POST" and form.is_valid():
        twin = form.cleaned_data["twin"]
        if not _can_change(request.user, twin):
            raise PermissionDenied
        try:
            pair_translations(article=article, twin=twin, user=request.user)  # type: ignore[arg-type]
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(EDIT, article.pk)
        messages.success(request, _("Paired with “%(headline)s”.") % {"headline": twin.headline})
        return redirect(EDIT, article.pk)
    context = {"article": article, "form": form, "back_url": reverse(EDIT, args=[article.pk])}
    return TemplateResponse(request, "editorial/pair.html", context)


@require_http_methods(["GET", "POST"])
def unpair_view(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    if not _can_change(request.user, article):
        raise PermissionDenied
    if request.method == "GET":
        context = {"article": article, "back_url": reverse(EDIT, args=[article.pk])}
        return TemplateResponse(request, "editorial/unpair.html", context)
    try:
        unpair_translation(article=article, user=request.user)  # type: ignore[arg-type]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The article is no longer paired with a translation."))
    return redirect(EDIT, article.pk)


def urlpatterns() -> list[Any]:
    return [
        path("pair/<int:pk>/", pair_view, name="pair"),
        path("unpair/<int:pk>/", unpair_view, name="unpair"),
    ]


class ArticleEditView(trash.ArticleEditView):
    """The article's edit view (one-transaction publish, no trashed article) with the
    translation actions in its header."""

    @property
    def header_more_buttons(self) -> list[Any]:
        buttons = list(super().header_more_buttons)
        article = self.object
        live_update = add_update_button(article, self.request.user)
        if live_update is not None:
            buttons.append(live_update)
        if has_twin(article):
            buttons.append(
                Button(
                    _("Unpair translation"),
                    url=reverse("wagtailsnippets_articles_article:unpair", args=[article.pk]),
                    icon_name="cross",
                    priority=45,
                )
            )
            return buttons
        if self.request.user.has_perm("simple_translation.submit_translation"):
            buttons.append(
                Button(
                    _("Translate"),
                    url=reverse(
                        "simple_translation:submit_snippet_translation",
                        args=["articles", "article", article.pk],
                    ),
                    icon_name="globe",
                    priority=40,
                )
            )
        buttons.append(
            Button(
                _("Pair with a translation"),
                url=reverse("wagtailsnippets_articles_article:pair", args=[article.pk]),
                icon_name="link",
                priority=45,
            )
        )
        return buttons
