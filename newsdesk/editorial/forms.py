"""Admin forms: what an editor may submit, with messages that say what is wrong.

The article's edition is its locale. The locale is not a form field: Wagtail sets it on the
instance before the form is built (from the object, or from ``?locale=`` on create), so the
form reads it from ``self.instance``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from newsdesk.articles import labels as label_codes
from newsdesk.articles.models import NOTE_KINDS, NOTE_UPDATE, Article
from newsdesk.articles.slugs import free_slug, slug_from_headline
from newsdesk.sections.models import Section
from newsdesk.stories.models import Story

from .autocomplete import tag_field
from .display import kyiv_time
from .permissions import confined_sections


def _to_the_minute(moment: dt.datetime) -> dt.datetime:
    return moment.replace(second=0, microsecond=0)


def _verbose_name(field_name: str) -> Any:
    field = Article._meta.get_field(field_name)
    return capfirst(getattr(field, "verbose_name", field_name))


class EditionSectionField(forms.ModelChoiceField):
    """Offers the sections an article may be filed in, but looks a submitted id up among all
    sections, so that a section of the other edition is reported as such rather than as
    "not one of the available choices"."""

    def to_python(self, value: Any) -> Section | None:
        if value in self.empty_values:
            return None
        try:
            return Section.objects.get(pk=value)
        except (ValueError, TypeError, Section.DoesNotExist) as exc:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from exc


class ArticleForm(WagtailAdminModelForm):
    class Media:
        js = ["editorial/schedule_dialog.js"]

    labels = forms.MultipleChoiceField(
        label=_verbose_name("labels"),
        choices=label_codes.EDITORIAL,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Unknown label: %(value)s.")},
        help_text=_('"Updated" follows from the public update log and is never set by hand.'),
    )
    section = EditionSectionField(queryset=Section.objects.all(), label=_verbose_name("section"))
    update_kind = forms.ChoiceField(
        label=_verbose_name("update_kind"),
        choices=NOTE_KINDS,
        initial=NOTE_UPDATE,
        required=False,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _(
                "Unknown kind of note: %(value)s. Choose update, correction or clarification."
            )
        },
        help_text=Article._meta.get_field("update_kind").help_text,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.edition_id: int | None = self.instance.locale_id
        self.scope = confined_sections(self.for_user) if self.for_user else None
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The last part of the address. Leave it empty to make it from the headline. "
                "Changing it keeps the old address working."
            )
        self.fields["section"].queryset = self._offered_sections()
        if "tags" in self.fields:
            self.fields["tags"] = tag_field(
                edition=self.instance.locale if self.edition_id else None,
                user=self.for_user,
                label=self.fields["tags"].label,
            )
        if "story" in self.fields and self.edition_id:
            # A story in the trash is offered no more, but stays the article's own.
            self.fields["story"].queryset = Story.everything.filter(
                Q(trashed_at__isnull=True) | Q(pk=self.instance.story_id),
                locale_id=self.edition_id,
            )
            self.fields["story"].error_messages["invalid_choice"] = _(
                "This story belongs to the other edition."
            )

        self._warn_of_unpublished_read_also()

    def clean_headline(self) -> str:
        # The box wraps like a textarea; a headline is still one line.
        return " ".join((self.cleaned_data.get("headline") or "").split())

    def _warn_of_unpublished_read_also(self) -> None:
        """A "Read also" pick of an article that is not published is left out of the reader
        page; the editor sees it on the pick rather than finding it missing there."""
        picks = self.formsets.get("read_also_picks")
        if picks is None:
            return
        chosen = {form: form["target"].value() for form in picks.forms}
        ids = {str(value) for value in chosen.values() if value not in (None, "")}
        if not ids:
            return
        unpublished = {
            str(pk)
            for pk in Article.objects.filter(pk__in=ids, live=False).values_list("pk", flat=True)
        }
        for form, value in chosen.items():
            if str(value) in unpublished:
                # The bound field copied the help text when ``value()`` made it.
                form.fields["target"].help_text = form["target"].help_text = _(
                    "This article is not published: readers will not see it under "
                    "Read also until it is."
                )

    def _offered_sections(self) -> Any:
        sections = Section.objects.all()
        if self.edition_id:
            sections = sections.filter(locale_id=self.edition_id)
        if self.scope is not None:
            sections = sections.filter(pk__in=self.scope)
        return sections

    def clean_section(self) -> Section | None:
        section = self.cleaned_data.get("section")
        if section is None:
            return None
        if self.edition_id and section.locale_id != self.edition_id:
            raise ValidationError(_("This section belongs to the other edition."))
        if self.scope is not None and section.pk not in self.scope:
            raise ValidationError(_("You can file articles only in the sections you edit."))
        return section

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self._fill_slug(cleaned)
        self._check_go_live_at(cleaned)
        self._check_byline_editions()
        self._check_update_kind(cleaned)
        return cleaned

    def clean_update_kind(self) -> str:
        return self.cleaned_data.get("update_kind") or NOTE_UPDATE

    def _check_update_kind(self, cleaned: dict[str, Any]) -> None:
        # A correction or clarification is only ever shown through its note: without one
        # the choice would silently vanish on publish.
        kind = cleaned.get("update_kind")
        if kind in (None, "", NOTE_UPDATE) or (cleaned.get("update_note") or "").strip():
            return
        self.add_error(
            "update_note",
            _("A correction or a clarification needs a public note saying what changed."),
        )

    def _fill_slug(self, cleaned: dict[str, Any]) -> None:
        if "slug" not in self.fields or cleaned.get("slug") or "slug" in self.errors:
            return
        headline = cleaned.get("headline") or ""
        if not headline:
            return  # the headline's own "required" error says enough
        base = slug_from_headline(headline)
        if not base:
            self.add_error(
                "slug", _("The headline has no letters or digits to make a slug from; enter one.")
            )
            return
        if self.edition_id:
            base = free_slug(base, locale_id=self.edition_id, article_id=self.instance.pk)
        cleaned["slug"] = base

    def _check_go_live_at(self, cleaned: dict[str, Any]) -> None:
        # Only a time set in this submission: a stored time that has passed (the article
        # went out, or the scheduler is due) must not block the next edit. The widget shows
        # minutes, so a stored time with seconds comes back "changed" unless compared so.
        go_live_at = cleaned.get("go_live_at")
        if not go_live_at or go_live_at > timezone.now():
            return
        stored = self.instance.go_live_at
        if stored and _to_the_minute(stored) == _to_the_minute(go_live_at):
            return
        self.add_error(
            "go_live_at",
            ValidationError(
                _(
                    "The publication time %(time)s (Kyiv time) is in the past. Leave it "
                    "empty to publish now, or choose a later time."
                ),
                params={"time": kyiv_time(go_live_at)},
            ),
        )

    def _check_byline_editions(self) -> None:
        bylines = self.formsets.get("bylines")
        if bylines is None or not self.edition_id:
            return
        for form in bylines.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            author = form.cleaned_data.get("author")
            if author is not None and author.locale_id != self.edition_id:
                form.add_error("author", _("This author belongs to the other edition."))


class FrontForm(WagtailAdminModelForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        items = self.formsets.get("items")
        edition_id = self.instance.locale_id
        if items is None or not edition_id:
            return cleaned
        for form in items.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            article = form.cleaned_data.get("article")
            if article is not None and article.locale_id != edition_id:
                form.add_error("article", _("This article belongs to the other edition."))
        return cleaned
