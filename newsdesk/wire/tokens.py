"""Partners' bearer tokens: issued once, kept as a digest, compared in constant time.

A token reads ``<id>.<secret>``: the id (public, 12 characters) finds the partner by an
indexed lookup, the secret (256 random bits) is checked against its SHA-256 with
``hmac.compare_digest``. An unknown id is compared against a dummy digest all the same,
so the answer takes as long whether the id exists or not.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from .models import Partner

SCHEME = "Bearer"
_DUMMY = hashlib.sha256(b"no such partner").hexdigest()


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(partner: Partner) -> str:
    """A new token for ``partner``, replacing any earlier one. Returned once, never stored."""
    token_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        partner.token_id = token_id
        partner.token_hash = _digest(secret)
        partner.token_issued_at = timezone.now()
        partner.save(update_fields=["token_id", "token_hash", "token_issued_at"])
    return f"{token_id}.{secret}"


def revoke(partner: Partner) -> None:
    partner.token_id = ""
    partner.token_hash = ""
    partner.token_issued_at = None
    partner.save(update_fields=["token_id", "token_hash", "token_issued_at"])


def from_header(value: str) -> str:
    """The token of an ``Authorization: Bearer <token>`` header, or ``""``."""
    scheme, _space, token = value.strip().partition(" ")
    return token.strip() if scheme.lower() == SCHEME.lower() else ""


def authenticate(token: str) -> Partner | None:
    """The partner holding ``token``, or None."""
    token_id, _dot, secret = token.partition(".")
    partner = (
        Partner.objects.select_related("section").filter(token_id=token_id).first()
        if token_id and secret
        else None
    )
    expected = partner.token_hash if partner is not None and partner.token_hash else _DUMMY
    if hmac.compare_digest(_digest(secret), expected) and partner is not None:
        return partner
    return None
