"""The wire in the admin: partners (Administrators: who may send, where to, whether their
items go out unread, and their tokens) and the wire queue (editors: what came in, from
whom, under which ninjs uri and version, and the article it became)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from . import tokens
from .models import Partner, WireItem


class PartnerForm(WagtailAdminModelForm):
    issue_token = forms.BooleanField(
        label=gettext_lazy("Issue a new token"),
        required=False,
        help_text=gettext_lazy(
            "Shown once, after saving. The partner's earlier token stops working."
        ),
    )
    revoke_token = forms.BooleanField(
        label=gettext_lazy("Revoke the token"),
        required=False,
        help_text=gettext_lazy("The partner can send nothing until a new token is issued."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("issue_token") and data.get("revoke_token"):
            raise ValidationError(_("Issue a new token or revoke it, not both."))
        section = data.get("section")
        if section is not None and section.locale.language_code != data.get("edition"):
            self.add_error("section", _("The section must be of the partner's edition."))
        return data

    def save(self, commit: bool = True) -> Any:
        partner = super().save(commit=commit)
        self.new_token = ""
        if self.cleaned_data.get("issue_token"):
            self.new_token = tokens.issue(partner)
        elif self.cleaned_data.get("revoke_token"):
            tokens.revoke(partner)
        return partner


class _ShowsToken:
    """After a save that issued a token, the message shows it, once."""

    form: Any

    def get_success_message(self, *args: Any) -> str | None:
        message = super().get_success_message(*args)  # type: ignore[misc]
        token = getattr(getattr(self, "form", None), "new_token", "")
        if token:
            return _("%(message)s Its new token, shown only now: %(token)s") % {
                "message": message or "",
                "token": token,
            }
        return message


class PartnerCreateView(_ShowsToken, generic.CreateView):
    pass


class PartnerEditView(_ShowsToken, generic.EditView):
    pass


class PartnerDeleteView(generic.DeleteView):
    """A partner whose items we hold stays: its items name it, and a replayed older
    version must still be recognised. Revoking its token stops it."""

    def form_valid(self, form: Any) -> Any:
        if WireItem.objects.filter(partner=self.object).exists():
            messages.error(
                self.request,
                _("This partner's items are kept: revoke its token instead of deleting it."),
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class PartnerIndexView(generic.IndexView):
    def get_base_queryset(self) -> Any:
        return super().get_base_queryset().select_related("section")


class PartnerViewSet(ModelViewSet):
    model = Partner
    index_view_class = PartnerIndexView
    icon = "globe"
    menu_label = gettext_lazy("Wire partners")
    add_to_settings_menu = True
    add_view_class = PartnerCreateView
    edit_view_class = PartnerEditView
    delete_view_class = PartnerDeleteView
    copy_view_enabled = False
    list_display = [
        "name",
        "edition",
        "section",
        "trusted",
        DateColumn("token_issued_at", label=gettext_lazy("token issued at")),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("edition"),
            FieldPanel("section"),
            FieldPanel("trusted"),
            FieldPanel("issue_token"),
            FieldPanel("revoke_token"),
        ],
        base_form_class=PartnerForm,
    )


def _article_edit_url(item: WireItem) -> str | None:
    if item.article_id is None:
        return None
    return reverse("wagtailsnippets_articles_article:edit", args=[item.article_id])


class QueueIndexView(generic.IndexView):
    default_ordering = "-received_at"

    def get_base_queryset(self) -> Any:
        return super().get_base_queryset().select_related("partner", "article")


class WireQueueViewSet(ModelViewSet):
    model = WireItem
    icon = "download"
    menu_label = gettext_lazy("Wire queue")
    add_to_admin_menu = True
    menu_order = 250
    copy_view_enabled = False
    inspect_view_enabled = False
    list_filter = ["state", "partner"]
    index_view_class = QueueIndexView
    list_display = [
        TitleColumn(
            "article",
            label=gettext_lazy("article"),
            get_url=_article_edit_url,
            accessor=lambda item: item.article.headline if item.article else "—",
        ),
        Column("partner", label=gettext_lazy("partner")),
        Column("uri", label=gettext_lazy("ninjs uri")),
        Column("version", label=gettext_lazy("ninjs version")),
        Column("get_state_display", label=gettext_lazy("state")),
        DateColumn("received_at", label=gettext_lazy("received at")),
    ]
    form_fields: list[str] = []
