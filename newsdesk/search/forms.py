"""The filters of the search page. The query itself is read by :func:`.text.parse_query`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from newsdesk.articles import labels as label_codes

DATE_FORMAT = "%Y-%m-%d"
FIELDS = ("q", "section", "label", "from", "to")


class PlainSelect(forms.Select):
    """Django's select with its options written here, not through a template each: the
    section list of the search page, rendered by the widget templates, was a tenth of
    the page's time. The same HTML but for the blank lines between options and the order
    of attributes (``flatatt`` sorts them; a test holds the two equal); grouped choices go
    to Django's own."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group for group, _options, _index in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (str(option["value"]), flatatt(option["attrs"]), option["label"])
                for _group, options, _index in widget["optgroups"]
                for option in options
            ),
        )
        return format_html(
            '<select name="{}"{}>\n{}\n</select>', name, flatatt(widget["attrs"]), options
        )


def _date_field(label: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=[DATE_FORMAT],
        widget=forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
    )


class SearchFilters(forms.Form):
    """Section (slug), label (code) and a date range, all optional. A bad value gets a
    message beside its field and the search runs without that filter."""

    def __init__(self, data: Any, *, sections: Sequence[tuple[str, str]]) -> None:
        super().__init__(data)
        self.fields["section"] = forms.ChoiceField(
            label=_("Section"),
            required=False,
            choices=[("", _("All sections")), *sections],
            widget=PlainSelect,
        )
        self.fields["label"] = forms.ChoiceField(
            label=_("Label"),
            required=False,
            choices=[("", _("All labels")), *label_codes.NAMES.items()],
            widget=PlainSelect,
        )
        # "from" is a Python keyword, hence fields added here rather than declared.
        self.fields["from"] = _date_field(_("From"))
        self.fields["to"] = _date_field(_("To"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", _("The end date is before the start date."))
        return cleaned

    def filters(self) -> dict[str, Any]:
        """The valid filters only (``is_valid`` must have run)."""
        return {name: value for name, value in self.cleaned_data.items() if value}

    def drop_invalid(self) -> None:
        """Re-render invalid fields empty: a date input may not carry a value such as
        "2026-13-45" (HTML requires a valid date there), and the message says what was
        wrong."""
        self.data = {name: value for name, value in self.data.items() if name not in self.errors}


def day_bounds(
    start: dt.date | None, end: dt.date | None, zone: dt.tzinfo
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """[start of ``start``, start of the day after ``end``) on the ``zone`` clock."""
    low = dt.datetime.combine(start, dt.time.min, tzinfo=zone) if start else None
    high = (
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone) if end else None
    )
    return low, high
