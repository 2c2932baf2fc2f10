"""How the admin shows times and statuses.

Times are Kyiv wall-clock times in both editions (DESIGN.md, Times), with the month named
in the editor's admin language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn

from newsdesk.editions import kyiv

from .translation import other_edition_links

# "12 February 2025, 22:00" / "12 лютого 2025, 22:00": a 24-hour clock in both editions.
KYIV_FORMAT = "j E Y, H:i"

# The admin's own names: the reader's language switch names each edition in its language.
EDITION_NAMES = {
    "uk": pgettext_lazy("admin", "Ukrainian edition"),
    "en": pgettext_lazy("admin", "English edition"),
}


def kyiv_time(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    return dateformat.format(kyiv(moment), KYIV_FORMAT)


def delay(seconds: int) -> str:
    """A lateness as an editor says it: "4 min 10 s", "2 h 5 min"."""
    minutes, secs = divmod(max(int(seconds), 0), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if minutes:
        return _("%(minutes)d min %(seconds)d s") % {"minutes": minutes, "seconds": secs}
    return _("%(seconds)d s") % {"seconds": secs}


class KyivTimeColumn(Column):
    """A datetime attribute shown as a Kyiv time, sortable by the attribute."""

    def __init__(self, name: str, **kwargs: Any) -> None:
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)

    def get_value(self, instance: Any) -> str:
        return kyiv_time(super().get_value(instance))


class ListingStatusColumn(LiveStatusTagColumn):
    """Wagtail's live/draft/scheduled tag, reading the scheduled revisions the listing
    prefetched into ``_scheduled_revisions`` instead of querying once per row."""

    def get_value(self, instance: Any) -> Any:
        scheduled = getattr(instance, "_scheduled_revisions", None)
        if scheduled is not None:
            # Seeds the cached_property that status_string reads.
            instance.__dict__["scheduled_revision"] = scheduled[0] if scheduled else None
        return super().get_value(instance)


class KyivTimePanel(FieldPanel):
    """A datetime shown read-only in Kyiv time, and not at all while it is empty."""

    def __init__(self, field_name: str, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value: Any) -> str:
        return kyiv_time(value)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self) -> bool:
            value = getattr(self.instance, self.field_name, None)
            return value is not None and super().is_shown()


class EditionPanel(Panel):
    """Which edition the form's object is in, on its add and edit forms alike, and what its
    body links to in the other edition (a translation's links without a twin)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/panels/edition.html"

        def get_context_data(self, parent_context: Any = None) -> Any:
            context = super().get_context_data(parent_context)
            code = self.instance.locale.language_code if self.instance.locale_id else ""
            context["edition_code"] = code
            context["edition"] = EDITION_NAMES.get(code, code)
            context["other_edition_links"] = other_edition_links(self.instance)
            return context
