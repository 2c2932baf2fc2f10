"""WebAuthn registration and authentication (security keys, passkeys) with py_webauthn.

The relying party is the admin's own host: its id is ``NEWSDESK_WEBAUTHN_RP_ID`` or the
request's host name, its origin the request's scheme and host. Each ceremony's challenge is
kept in the session and used once.
"""

from __future__ import annotations

import json
from typing import Any

import webauthn
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.exceptions import InvalidAuthenticationResponse, InvalidRegistrationResponse
from webauthn.helpers.structs import (
    PublicKeyCredentialDescriptor,
    UserVerificationRequirement,
)

from .models import WebAuthnKey

REGISTRATION_CHALLENGE = "accounts.webauthn.registration"
AUTHENTICATION_CHALLENGE = "accounts.webauthn.authentication"


class CeremonyError(ValueError):
    """The browser's answer does not hold (wrong challenge, origin, key or signature)."""


def relying_party(request: HttpRequest) -> tuple[str, str]:
    """(rp id, expected origin)."""
    host = request.get_host()
    rp_id = getattr(settings, "NEWSDESK_WEBAUTHN_RP_ID", "") or host.rsplit(":", 1)[0]
    if host.startswith("["):  # an IPv6 literal is never a valid rp id, but keep it whole
        rp_id = host.split("]")[0] + "]"
    return rp_id, f"{request.scheme}://{host}"


def _descriptors(user: Any) -> list[PublicKeyCredentialDescriptor]:
    return [
        PublicKeyCredentialDescriptor(id=bytes(key.credential_id))
        for key in WebAuthnKey.objects.filter(user=user)
    ]


def registration_options(request: HttpRequest) -> str:
    user = request.user
    rp_id, _origin = relying_party(request)
    options = webauthn.generate_registration_options(
        rp_id=rp_id,
        rp_name=str(getattr(settings, "WAGTAIL_SITE_NAME", "Newsdesk")),
        user_name=user.get_username(),
        user_id=str(user.pk).encode(),
        exclude_credentials=_descriptors(user),
    )
    request.session[REGISTRATION_CHALLENGE] = bytes_to_base64url(options.challenge)
    return webauthn.options_to_json(options)


def register(request: HttpRequest, credential: str, name: str) -> WebAuthnKey:
    challenge = request.session.pop(REGISTRATION_CHALLENGE, None)
    if not challenge:
        raise CeremonyError("no registration was started")
    rp_id, origin = relying_party(request)
    try:
        verified = webauthn.verify_registration_response(
            credential=json.loads(credential),
            expected_challenge=webauthn.base64url_to_bytes(challenge),
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (InvalidRegistrationResponse, ValueError, KeyError, TypeError) as error:
        raise CeremonyError(str(error)) from error
    if WebAuthnKey.objects.filter(credential_id=verified.credential_id).exists():
        raise CeremonyError("this key is already registered")
    owner: Any = request.user
    return WebAuthnKey.objects.create(
        user=owner,
        name=name,
        credential_id=verified.credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
        created_at=timezone.now(),
    )


def authentication_options(request: HttpRequest) -> str:
    rp_id, _origin = relying_party(request)
    options = webauthn.generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=_descriptors(request.user),
        user_verification=UserVerificationRequirement.DISCOURAGED,
    )
    request.session[AUTHENTICATION_CHALLENGE] = bytes_to_base64url(options.challenge)
    return webauthn.options_to_json(options)


def authenticate(request: HttpRequest, credential: str) -> WebAuthnKey:
    challenge = request.session.pop(AUTHENTICATION_CHALLENGE, None)
    if not challenge:
        raise CeremonyError("no authentication was started")
    try:
        answer = json.loads(credential)
        raw_id = webauthn.base64url_to_bytes(answer["rawId"])
    except (ValueError, KeyError, TypeError) as error:
        raise CeremonyError(str(error)) from error
    owner: Any = request.user
    key = WebAuthnKey.objects.filter(user=owner, credential_id=raw_id).first()
    if key is None:
        raise CeremonyError("not a key of this account")
    rp_id, origin = relying_party(request)
    try:
        verified = webauthn.verify_authentication_response(
            credential=answer,
            expected_challenge=webauthn.base64url_to_bytes(challenge),
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=bytes(key.public_key),
            credential_current_sign_count=key.sign_count,
        )
    except (InvalidAuthenticationResponse, ValueError, KeyError, TypeError) as error:
        raise CeremonyError(str(error)) from error
    key.sign_count = verified.new_sign_count
    key.last_used_at = timezone.now()
    key.save(update_fields=["sign_count", "last_used_at"])
    return key
