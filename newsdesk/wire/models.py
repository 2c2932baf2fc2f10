"""Wire partners (who may send us copy, into which edition, and whether it goes out unread)
and the wire items they sent: the ninjs ``uri`` and version each article came from."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from newsdesk.editions import EDITIONS


class Partner(models.Model):
    """A news agency or partner outlet that sends ninjs documents.

    The token is shown once, when it is issued; only its SHA-256 is kept. It is a random
    256-bit secret, so a fast digest is enough: nothing can be guessed from it offline.
    ``token_id`` is the token's public first part, which finds the partner without
    comparing secrets in the database (``tokens.authenticate``)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    edition = models.CharField(
        _("edition"), max_length=2, choices=[(code, code) for code in EDITIONS]
    )
    section = models.ForeignKey(
        "sections.Section",
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Where this partner's items are filed. It must be of the same edition."),
    )
    trusted = models.BooleanField(
        _("trusted"),
        default=False,
        help_text=_(
            "A trusted partner's items are published at once; the others wait as drafts in "
            "the wire queue for an editor."
        ),
    )
    token_id = models.CharField(_("token id"), max_length=16, blank=True, editable=False)
    token_hash = models.CharField(_("token hash"), max_length=64, blank=True, editable=False)
    token_issued_at = models.DateTimeField(
        _("token issued at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("wire partner")
        verbose_name_plural = _("wire partners")
        constraints = [
            models.UniqueConstraint(
                fields=["token_id"], condition=~models.Q(token_id=""), name="wire_partner_token"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def has_token(self) -> bool:
        return bool(self.token_hash)


class WireItem(models.Model):
    """One news object of a partner (its ninjs ``uri``) and the article it became.

    Every version of the object updates the same article: this row holds the newest
    version taken, so a repeat is recognised and an older version refused. A withdrawal of
    an object never seen is kept too (``article`` empty), so that an older version arriving
    after it cannot publish what the partner cancelled."""

    QUEUED = "queued"
    PUBLISHED = "published"
    SCHEDULED = "scheduled"
    WITHDRAWN = "withdrawn"
    STATES = [
        (QUEUED, _("In the queue")),
        (PUBLISHED, _("Published")),
        (SCHEDULED, _("Scheduled (embargo)")),
        (WITHDRAWN, _("Withdrawn")),
    ]

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="items"
    )
    uri = models.CharField(_("ninjs uri"), max_length=500)
    version = models.CharField(_("ninjs version"), max_length=100, blank=True)
    version_created = models.DateTimeField(_("version created"), null=True, blank=True)
    first_created = models.DateTimeField(_("first created"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=STATES)
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    received_at = models.DateTimeField(_("received at"))

    class Meta:
        verbose_name = _("wire item")
        verbose_name_plural = _("wire items")
        constraints = [
            models.UniqueConstraint(fields=["partner", "uri"], name="wire_item_per_partner"),
        ]
        indexes = [models.Index(fields=["state", "-received_at"], name="wire_queue")]

    def __str__(self) -> str:
        return f"{self.uri} ({self.version})" if self.version else self.uri


class WireImage(models.Model):
    """An image made from a file a partner sent, found again by the file's SHA-256: the
    same bytes in a repeat, a new version or another story are the same image, not a copy.
    Deleting the image in the admin deletes this row; the next file makes a new one."""

    # A partner's record of its files goes with it; the images stay in the library.
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="images"
    )
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("wire image")
        verbose_name_plural = _("wire images")
        constraints = [
            models.UniqueConstraint(fields=["partner", "sha256"], name="wire_image_per_partner"),
        ]

    def __str__(self) -> str:
        return self.sha256
