"""Tags on the article form: chosen by typing, added one at a time, never a list of all.

A native ``<select multiple>`` of every tag of the edition weighed 2.8 MB at 20,000 tags
and replaced the article's tags on a plain click (decision 0036). The form renders only the
article's own tags, as hidden inputs the browser posts like the select's values; typing
asks ``TagSearchView`` for the edition's tags that match, and an editor whose role may
create tags can create one from there.

Matching is by prefix of the name or of any word of the slug. Slugs are the names in
Ukraine's official romanisation (``articles.slugs``), so "kh" finds "Харків" and "Хар"
finds "Kharkiv" of the other script, case-insensitively on SQLite too, where ``LIKE``
folds only ASCII letters.
"""

# ruff: noqa: RUF002 - Cyrillic examples in the docstring are the point

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.log_actions import log
from wagtail.models import Locale

from newsdesk.articles.slugs import slug_from_headline
from newsdesk.taxonomy.models import Tag

URL_NAME = "editorial_tag_search"
RESULTS = 20
NAME_LENGTH = Tag._meta.get_field("name").max_length or 100


def matching(items: QuerySet, query: str, *, name: str = "name") -> QuerySet:
    """``items`` whose name starts with ``query``, or whose slug (the romanised name) has a
    word starting with its romanisation. An empty query matches nothing."""
    text = " ".join(query.split())
    if not text:
        return items.none()
    condition = Q(**{f"{name}__istartswith": text})
    key = slug_from_headline(text)
    if key:
        condition |= Q(slug__startswith=key) | Q(slug__contains=f"-{key}")
    return items.filter(condition)


def _may_find(request: HttpRequest) -> bool:
    return any(request.user.has_perm(f"articles.{a}_article") for a in ("add", "change"))


def _edition(request: HttpRequest, data: Any) -> Locale | None:
    return Locale.objects.filter(language_code=data.get("edition", "")).first()


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _result(tag: Tag) -> dict[str, Any]:
    return {"id": tag.pk, "label": tag.name}


class TagSearchView(View):
    """GET ``?edition=uk&q=kh``: the edition's first matching tags, by name. POST ``edition``
    and ``name``: the edition's tag of that name, created if the editor may create tags."""

    def get(self, request: HttpRequest) -> JsonResponse:
        if not _may_find(request):
            return _error(gettext("You cannot edit articles."), 403)
        edition = _edition(request, request.GET)
        if edition is None:
            return _error(gettext("Unknown edition."), 400)
        query = request.GET.get("q", "")[:NAME_LENGTH]
        tags = matching(Tag.objects.filter(locale=edition), query).order_by("name", "pk")
        return JsonResponse({"results": [_result(tag) for tag in tags[:RESULTS]]})

    def post(self, request: HttpRequest) -> JsonResponse:
        if not request.user.has_perm("taxonomy.add_tag"):
            return _error(gettext("Your role cannot create tags."), 403)
        edition = _edition(request, request.POST)
        if edition is None:
            return _error(gettext("Unknown edition."), 400)
        name = " ".join(request.POST.get("name", "").split())
        base = slug_from_headline(name, max_length=NAME_LENGTH)
        if not name or not base:
            return _error(gettext("A tag needs a name with letters or digits."), 400)
        if len(name) > NAME_LENGTH:
            return _error(
                gettext("A tag's name has at most %(count)d characters.") % {"count": NAME_LENGTH},
                400,
            )
        same = Tag.objects.filter(locale=edition, slug__startswith=base)
        for tag in same:
            if tag.name.casefold() == name.casefold():
                return JsonResponse(_result(tag))
        taken = {tag.slug for tag in same}
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base[: NAME_LENGTH - len(str(number)) - 1]}-{number}"
        tag = Tag.objects.create(locale=edition, name=name, slug=slug)
        log(tag, "wagtail.create", user=request.user)
        return JsonResponse(_result(tag), status=201)


class TagAutocomplete(forms.SelectMultiple):
    """The chosen tags as removable chips, and a text box to find and add more."""

    template_name = "editorial/widgets/autocomplete.html"
    edition: str = ""
    may_create: bool = False

    class Media:
        js = ["editorial/autocomplete.js"]
        css = {"all": ["editorial/autocomplete.css"]}

    def chosen(self, value: Iterable[Any]) -> list[tuple[str, str]]:
        """(id, name) of the chosen tags, read from the instances the form holds or, for a
        submitted form, in one query by id. Never the edition's whole list."""
        held = [item for item in value if isinstance(item, Model)]
        ids = [str(item) for item in value if not isinstance(item, Model) and str(item).isdigit()]
        queryset = getattr(self.choices, "queryset", Tag.objects.none())
        found = {str(tag.pk): tag for tag in queryset.filter(pk__in=ids)} if ids else {}
        tags = held + [found[pk] for pk in ids if pk in found]
        return [(str(tag.pk), str(tag)) for tag in tags]

    # Tags stay model instances or ids here, not strings: ``chosen`` reads them.
    def format_value(self, value: Any) -> list[Any]:  # type: ignore[override]
        if value is None:
            return []
        return list(value) if isinstance(value, list | tuple | QuerySet) else [value]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = forms.Widget.get_context(self, name, value, attrs)
        context["widget"].update(
            chosen=self.chosen(context["widget"]["value"]),
            search_url=reverse(URL_NAME),
            edition=self.edition,
            may_create=self.may_create,
        )
        return context


def tag_field(*, edition: Locale | None, user: Any, label: Any) -> forms.ModelMultipleChoiceField:
    """The article form's tags: the edition's, through the autocomplete."""
    widget = TagAutocomplete()
    widget.edition = edition.language_code if edition else ""
    widget.may_create = bool(user and user.has_perm("taxonomy.add_tag"))
    tags = Tag.objects.filter(locale=edition) if edition else Tag.objects.none()
    return forms.ModelMultipleChoiceField(
        queryset=tags,
        required=False,
        widget=widget,
        label=label,
        error_messages={
            "invalid_choice": _("This tag belongs to the other edition or no longer exists."),
            "invalid_pk_value": _("This tag belongs to the other edition or no longer exists."),
        },
    )
