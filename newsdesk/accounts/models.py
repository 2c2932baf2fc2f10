"""The security log and the WebAuthn keys editors sign in with."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    """A security event was about to be changed or deleted."""


class SecurityEventQuerySet(models.QuerySet["SecurityEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("security events are never changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("security events are never deleted")


class SecurityEvent(models.Model):
    """One line of the security log: appended, never changed or deleted by the application
    (decision 0030). Written by :func:`newsdesk.accounts.security_log.record`."""

    at = models.DateTimeField(_("time"), db_index=True)
    event = models.CharField(_("event"), max_length=64, db_index=True)
    # The account's name as it was (or as it was typed, for a failed sign-in): a deleted
    # or renamed account does not rewrite its history.
    username = models.CharField(_("account"), max_length=254, blank=True, db_index=True)
    user_id_at_event = models.BigIntegerField(null=True, blank=True)
    client_address = models.CharField(_("client address"), max_length=64, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = SecurityEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        # Only "view": no role can be given the right to change or delete it.
        default_permissions = ("view",)
        verbose_name = _("security event")
        verbose_name_plural = _("security log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.event} {self.username}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("security events are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("security events are never deleted")


class WebAuthnKey(models.Model):
    """A security key or passkey registered by an editor (WebAuthn, Level 2)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="webauthn_keys"
    )
    name = models.CharField(_("name"), max_length=64)
    credential_id = models.BinaryField(unique=True)
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(_("added"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("security key")
        verbose_name_plural = _("security keys")

    def __str__(self) -> str:
        return self.name
