"""Labels Wagtail leaves unmarked for translation, marked.

Django names a form field without a label after its attribute ("link_text" becomes "Link
text"), in English whatever the editor's language. The link choosers of the rich-text
editor are such forms.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import choosers

LABELS = {
    choosers.ExternalLinkChooserForm: {"link_text": _("Link text")},
    choosers.AnchorLinkChooserForm: {"link_text": _("Link text")},
    choosers.EmailLinkChooserForm: {
        "email_address": _("Email address"),
        "link_text": _("Link text"),
        "subject": _("Subject"),
        "body": _("Message"),
    },
    choosers.PhoneLinkChooserForm: {"phone_number": _("Phone number"), "link_text": _("Link text")},
}


def relabel() -> None:
    for form, labels in LABELS.items():
        for name, label in labels.items():
            form.base_fields[name].label = label
