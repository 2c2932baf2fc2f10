"""The newsroom listings' tables at a fixed cost per page, whatever the rows.

Measured on the article listing (docs/benchmarks.md, decision 0050): of 1.1 s for a page of
50 rows, 0.05 s was SQL. Wagtail renders a template for each cell (450 a page) and a
dropdown of row actions for each row; and ``wagtail.contrib.simple_translation`` asks the
database, once per row, whether an edition still lacks a translation (50 queries).

- **Cells from patterns.** A column renders its own Wagtail template once per *shape* (the
  same buttons, the same status) with placeholders where a row's own values go (its title,
  links, id), and each row fills the pattern in, escaped as the template would have escaped
  it. The HTML is Wagtail's, byte for byte (``editorial/tests/test_table.py``).
- **Translate, decided once per page**: one query reads which editions each row's
  translation group covers; the row's "Translate" action is offered where one is missing,
  as simple_translation's hook does, without its query per row.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import Any

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import (
    BaseColumn,
    BulkActionsCheckboxColumn,
    Column,
    LocaleColumn,
    StatusTagColumn,
    TitleColumn,
)
from wagtail.admin.widgets.button import BaseButton, Button, ButtonWithDropdown, ListingButton
from wagtail.contrib.simple_translation.wagtail_hooks import (
    register_snippet_listing_buttons as simple_translation_buttons,
)
from wagtail.models import Locale, TranslatableMixin

_HOLE = "\ue000{}\ue001"  # private-use characters: no template escapes or emits them
_HOLES = re.compile("\ue000(\\d+)\ue001")
_PLAIN_CELL = Column.cell_template_name
# Buttons whose templates place only their url and attributes: anything else a row's
# button holds is part of its shape.
_KNOWN_BUTTONS = (Button, ButtonWithDropdown, ListingButton)


class _Holes:
    """A row's own values, in the order its pattern's placeholders were made."""

    def __init__(self) -> None:
        self.values: list[Any] = []

    def __call__(self, value: Any) -> str:
        self.values.append(value)
        return _HOLE.format(len(self.values) - 1)

    def fill(self, pattern: str) -> SafeString:
        values = self.values
        return mark_safe(  # noqa: S308 - the pattern is rendered HTML; values are escaped
            _HOLES.sub(lambda match: conditional_escape(values[int(match[1])]), pattern)
        )


def _attrs(attrs: dict[str, Any], holes: _Holes) -> tuple[Hashable, dict[str, Any]]:
    """Attribute values become placeholders; booleans and None shape the markup."""
    shape: list[tuple[str, Any]] = []
    holed: dict[str, Any] = {}
    for name, value in attrs.items():
        if value is None or isinstance(value, bool):
            shape.append((name, value))
            holed[name] = value
        else:
            shape.append((name, str))
            holed[name] = holes(value)
    return tuple(shape), holed


def _button(button: Any, holes: _Holes) -> tuple[Hashable, Any]:
    if type(button) not in _KNOWN_BUTTONS:
        # Unknown template: rendered as it is, a shape of its own.
        return ("button", id(button)), button
    holed = copy.copy(button)
    attrs_shape, holed.attrs = _attrs(button.attrs, holes)
    holed.url = holes(button.url) if button.url else button.url
    children: Hashable = ()
    if isinstance(button, ButtonWithDropdown):
        pairs = [_button(child, holes) for child in sorted(button.dropdown_buttons)]
        children = tuple(shape for shape, _child in pairs)
        holed.dropdown_buttons = [child for _shape, child in pairs]
    shape = (
        type(button),
        str(button.label),
        button.icon_name,
        button.classname,
        button.priority,
        bool(button.url),
        attrs_shape,
        children,
    )
    return shape, holed


class PatternCell(BaseColumn):
    """A column whose cells are filled in from one rendering per shape (see the module)."""

    def holed_context(self, context: dict[str, Any], holes: _Holes) -> tuple[Hashable, dict]:
        """The cell's shape (what its markup depends on beyond the row's own values), and
        its template context with placeholders for those values."""
        raise NotImplementedError

    def render_cell_html(self, instance: Any, parent_context: Any) -> Any:
        context = self.get_cell_context_data(instance, parent_context)
        holes = _Holes()
        shape, holed = self.holed_context(context, holes)
        patterns = _patterns(parent_context)
        key = (id(self), shape)
        if key not in patterns:
            patterns[key] = str(self.cell_template.render(holed))
        return holes.fill(patterns[key])


def _patterns(parent_context: Any) -> dict[Hashable, str]:
    """This table's patterns: one table is one request, in one language."""
    table = parent_context["table"]
    found = table.__dict__.get("_cell_patterns")
    if found is None:
        found = table.__dict__["_cell_patterns"] = {}
    return found


class ValueCell(PatternCell):
    """Wagtail's plain cell: the value as text."""

    def holed_context(self, context: dict[str, Any], holes: _Holes) -> tuple[Hashable, dict]:
        value = context["value"]
        return value is None, {**context, "value": None if value is None else holes(value)}


class StatusCell(PatternCell):
    """A status tag: a few values, each its own shape."""

    def holed_context(self, context: dict[str, Any], holes: _Holes) -> tuple[Hashable, dict]:
        return (str(context["value"]), bool(context.get("primary"))), context


class CheckboxCell(PatternCell):
    def holed_context(self, context: dict[str, Any], holes: _Holes) -> tuple[Hashable, dict]:
        instance = _Stand(pk=holes(quote(context["instance"].pk)))
        describedby = context.get("aria_describedby")
        holed = {**context, "instance": instance}
        if describedby:
            holed["aria_describedby"] = holes(describedby)
        return (context.get("obj_type"), bool(describedby)), holed


class TitleCell(PatternCell):
    """The title, its link and the row's actions ("More" dropdown)."""

    def holed_context(self, context: dict[str, Any], holes: _Holes) -> tuple[Hashable, dict]:
        holed = dict(context)
        holed["value"] = holes(context["value"])
        for name in ("link_url", "title_id", "label_id"):
            holed[name] = holes(context[name]) if context.get(name) else context.get(name)
        links_shape, holed["link_attrs"] = _attrs(context.get("link_attrs") or {}, holes)
        buttons = [_button(button, holes) for button in context.get("buttons") or []]
        holed["buttons"] = [button for _shape, button in buttons]
        shape = (
            tuple(bool(context.get(name)) for name in ("link_url", "title_id", "label_id")),
            links_shape,
            tuple(shape for shape, _button in buttons),
        )
        return shape, holed


class _Stand:
    """What a checkbox cell reads of its row: the primary key."""

    def __init__(self, pk: str) -> None:
        self.pk = pk
        self.live = False


_CELLS: list[tuple[type, type[PatternCell]]] = [
    (TitleColumn, TitleCell),
    (BulkActionsCheckboxColumn, CheckboxCell),
    (LocaleColumn, StatusCell),
    (StatusTagColumn, StatusCell),
]
_made: dict[type, type] = {}


def patterned(column: BaseColumn) -> BaseColumn:
    """A copy of ``column`` that renders from patterns, or ``column`` itself when its
    template is not one we know to place its values as they are (dates, for one)."""
    kind = type(column)
    cell = next((cell for base, cell in _CELLS if issubclass(kind, base)), None)
    if cell is None and issubclass(kind, Column) and kind.cell_template_name == _PLAIN_CELL:
        cell = ValueCell
    if cell is None:
        return column
    if kind not in _made:
        _made[kind] = type(kind.__name__, (cell, kind), {"__module__": kind.__module__})
    clone = copy.copy(column)
    clone.__class__ = _made[kind]
    clone.header = BaseColumn.Header(clone)
    return clone


# Translate, once per page -------------------------------------------------------------


def untranslated(rows: Iterable[Any]) -> set[Any]:
    """Primary keys of the translatable ``rows`` whose translation group lacks an edition
    (two queries, whatever the rows)."""
    rows = [row for row in rows if isinstance(row, TranslatableMixin)]
    if not rows:
        return set()
    model = type(rows[0])
    editions = set(Locale.objects.values_list("pk", flat=True))
    covered: dict[Any, set[int]] = defaultdict(set)
    keys = {row.translation_key for row in rows}
    for key, locale_id in model._default_manager.filter(translation_key__in=keys).values_list(
        "translation_key", "locale_id"
    ):
        covered[key].add(locale_id)
    return {row.pk for row in rows if editions - covered[row.translation_key]}


class FixedCostTableMixin:
    """For a snippet ``IndexView``: cells from patterns, and "Translate" decided for the
    whole page (see the module)."""

    request: Any
    model: Any

    @cached_property
    def columns(self) -> list[Any]:
        return [patterned(column) for column in super().columns]  # type: ignore[misc]

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)  # type: ignore[misc]
        self._untranslated = untranslated(context["object_list"])
        return context

    def get_list_more_buttons(self, instance: Any) -> list[Any]:
        buttons = super().get_list_more_buttons(instance)  # type: ignore[misc]
        may_translate = self.request.user.has_perm("simple_translation.submit_translation")
        if may_translate and instance.pk in getattr(self, "_untranslated", ()):
            meta = type(instance)._meta
            url = reverse(
                "simple_translation:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, quote(instance.pk)],
            )
            buttons.append(MenuItem(_("Translate"), url, icon_name="globe", priority=100))
        return buttons

    def get_list_buttons(self, instance: Any) -> list[Any]:
        # Wagtail's snippet IndexView.get_list_buttons, less simple_translation's hook
        # (its "Translate" comes from get_list_more_buttons, decided once per page).
        next_url = self.request.path
        user = self.request.user
        shown, more = [], []
        buttons = self.get_list_more_buttons(instance)
        for hook in _listing_button_hooks():
            buttons.extend(hook(instance, user, next_url))
        for button in buttons:
            if isinstance(button, BaseButton) and not button.allow_in_dropdown:
                shown.append(button)
            elif isinstance(button, MenuItem):
                if button.is_shown(user):
                    more.append(Button.from_menu_item(button))
            elif button.show:
                more.append(button)
        for hook in hooks.get_hooks("construct_snippet_listing_buttons"):
            hook(more, instance, user)
        if more:
            shown.append(
                ButtonWithDropdown(
                    buttons=more,
                    icon_name="dots-horizontal",
                    attrs={"aria-label": _("More options for '%(title)s'") % {"title": instance}},
                )
            )
        return shown


def _listing_button_hooks() -> list[Callable[..., Any]]:
    return [
        hook
        for hook in hooks.get_hooks("register_snippet_listing_buttons")
        if hook is not simple_translation_buttons
    ]
