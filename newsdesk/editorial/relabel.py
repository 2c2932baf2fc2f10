"""Labels Wagtail leaves unmarked for translation, or translates once, marked.

Two faults put English into a Ukrainian admin, or Ukrainian into an English one:

- Django names a form field, a model or a table column without a label after its attribute
  ("link_text" becomes "Link text"), in English whatever the editor's language: the link
  choosers of the rich-text editor, the page fields of the group and workflow forms, the
  sites listing's columns, the Locale model.
- Some Wagtail modules call ``gettext`` (not ``gettext_lazy``) in a class body, so a label
  is translated once, when the module is imported, into the default language (Ukrainian)
  and an English admin shows it in Ukrainian: the choosers' buttons and tabs, the workflow
  comment, the image insertion form, the image and collection permissions of a group.
- A snippet viewset's breadcrumbs ("Home", "Snippets") are translated with ``gettext``
  when the URLconf is loaded, which is on the first address resolved: every snippet page
  then read "Home" or "Головна", in the language of that first request, for the life of
  the process (decision 0064).

Each is given a lazy label here, when the apps are ready; the words themselves come from
Wagtail's and Django's catalogues (and our supplement, ``locale/upstream``).
"""

from __future__ import annotations

from typing import Any

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override, pgettext_lazy
from wagtail import forms as wagtail_forms
from wagtail.admin.forms import choosers, workflows
from wagtail.admin.forms import collections as collection_forms
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.contrib.simple_translation.models import SimpleTranslation
from wagtail.images import forms as image_forms
from wagtail.models import Locale, Site
from wagtail.sites import views as site_views
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users import forms as user_forms

LABELS: dict[Any, dict[str, Any]] = {
    choosers.ExternalLinkChooserForm: {"link_text": _("Link text")},
    choosers.AnchorLinkChooserForm: {"link_text": _("Link text")},
    choosers.EmailLinkChooserForm: {
        "email_address": _("Email address"),
        "link_text": _("Link text"),
        "subject": _("Subject"),
        "body": _("Message"),
    },
    choosers.PhoneLinkChooserForm: {"phone_number": _("Phone number"), "link_text": _("Link text")},
    user_forms.PagePermissionsForm: {"page": _("Page")},
    workflows.WorkflowPageForm: {"page": _("Page")},
    workflows.WorkflowContentTypeForm: {"content_types": _("Content types")},
    wagtail_forms.TaskStateCommentForm: {"comment": _("Comment")},
    image_forms.ImageInsertionForm: {
        "format": _("Format"),
        "image_is_decorative": _("Image is decorative"),
        "alt_text": _("Alt text"),
    },
}

# A group's permissions on images and on collections: (codename, column, checkbox).
PERMISSION_TYPES = {
    image_forms.GroupImagePermissionFormSet: [
        ("add_image", _("Add"), _("Add/edit images you own")),
        ("change_image", _("Edit"), _("Edit any image")),
        ("choose_image", _("Choose"), _("Select images in choosers")),
    ],
    collection_forms.GroupCollectionManagementPermissionFormSet: [
        ("add_collection", _("Add"), _("Add collections")),
        ("change_collection", _("Edit"), _("Edit collections")),
        ("delete_collection", _("Delete"), _("Delete collections")),
    ],
}

CHOOSER_TEXTS = {
    "choose_one_text": _("Choose"),
    "choose_another_text": _("Choose another"),
    "edit_item_text": _("Edit"),
    "search_tab_label": _("Search"),
    "create_action_label": _("Create"),
}

# Model names shown in the groups' permissions and the locales' pages.
MODEL_NAMES = {
    Locale: (_("locale"), _("locales")),
    SimpleTranslation: (
        pgettext_lazy("model", "translation"),
        pgettext_lazy("model", "translations"),
    ),
}

SITE_COLUMNS = ("port", "site_name", "root_page")

_snippet_breadcrumbs = SnippetViewSet.breadcrumbs_items


def _lazy_breadcrumbs(viewset: SnippetViewSet) -> list[dict[str, Any]]:
    """Wagtail's breadcrumbs of a snippet viewset, their labels translated when shown."""
    with override(None):  # no language: the labels come out as their message ids
        items = _snippet_breadcrumbs.fget(viewset)
    return [{**item, "label": _(str(item["label"]))} for item in items]


def relabel() -> None:
    for form, labels in LABELS.items():
        for name, label in labels.items():
            form.base_fields[name].label = label
    for formset, permission_types in PERMISSION_TYPES.items():
        # The formset's checkboxes read the very list the formset was built with.
        formset.permission_types[:] = permission_types
        formset.form.base_fields["collection"].label = _("Collection")
    for name, text in CHOOSER_TEXTS.items():
        setattr(ChooserViewSet, name, text)
    SnippetViewSet.breadcrumbs_items = property(_lazy_breadcrumbs)  # type: ignore[method-assign,assignment]
    for model, (singular, plural) in MODEL_NAMES.items():
        # Only the names shown: `original_attrs`, which migrations read, stay as they are.
        model._meta.verbose_name = singular
        model._meta.verbose_name_plural = plural
    for column in site_views.IndexView.columns:
        if column.name in SITE_COLUMNS:
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)
