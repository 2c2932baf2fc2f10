"""Editorial permissions that belong to no content model.

Django permissions hang off a content type, so the all-sections permission needs a model to
carry it. Like Wagtail's own ``SimpleTranslation`` it is a concrete, always-empty table:
``remove_stale_contenttypes`` and ``dumpdata`` treat it as an ordinary model.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

ALL_SECTIONS_PERMISSION = "editorial.edit_all_sections"


class EditorialPermission(models.Model):
    class Meta:
        default_permissions = ()
        permissions = [
            ("edit_all_sections", _("Can work on articles in every section")),
        ]
        verbose_name = _("editorial permission")
        verbose_name_plural = _("editorial permissions")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
