"""WebAuthn at the ceremony level: a software authenticator (a P-256 key made in the test)
registers and signs the server's challenges as a browser's security key would."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from newsdesk.accounts.models import SecurityEvent, WebAuthnKey

from .conftest import password_sign_in

RP_ID = "testserver"
ORIGIN = "http://testserver"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class SoftwareKey:
    """A security key with one credential: no attestation, user presence only."""

    def __init__(self) -> None:
        self.private = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(32)
        self.count = 0

    def _cose(self) -> bytes:
        numbers = self.private.public_key().public_numbers()
        return cbor2.dumps(
            {
                1: 2,
                3: -7,
                -1: 1,
                -2: numbers.x.to_bytes(32, "big"),
                -3: numbers.y.to_bytes(32, "big"),
            }
        )

    @staticmethod
    def _client_data(kind: str, options: dict, origin: str) -> bytes:
        return json.dumps(
            {
                "type": kind,
                "challenge": options["challenge"],
                "origin": origin,
                "crossOrigin": False,
            }
        ).encode()

    def create(self, options: dict, *, origin: str = ORIGIN) -> str:
        rp_hash = hashlib.sha256(options["rp"]["id"].encode()).digest()
        attested = bytes(16) + struct.pack(">H", len(self.credential_id)) + self.credential_id
        auth_data = rp_hash + bytes([0x41]) + struct.pack(">I", 0) + attested + self._cose()
        attestation = cbor2.dumps({"fmt": "none", "attStmt": {}, "authData": auth_data})
        return json.dumps(
            {
                "id": b64url(self.credential_id),
                "rawId": b64url(self.credential_id),
                "type": "public-key",
                "response": {
                    "clientDataJSON": b64url(self._client_data("webauthn.create", options, origin)),
                    "attestationObject": b64url(attestation),
                },
                "clientExtensionResults": {},
            }
        )

    def get(self, options: dict, *, origin: str = ORIGIN) -> str:
        self.count += 1
        rp_hash = hashlib.sha256(options["rpId"].encode()).digest()
        auth_data = rp_hash + bytes([0x01]) + struct.pack(">I", self.count)
        client_data = self._client_data("webauthn.get", options, origin)
        signature = self.private.sign(
            auth_data + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256())
        )
        return json.dumps(
            {
                "id": b64url(self.credential_id),
                "rawId": b64url(self.credential_id),
                "type": "public-key",
                "response": {
                    "authenticatorData": b64url(auth_data),
                    "clientDataJSON": b64url(client_data),
                    "signature": b64url(signature),
                    "userHandle": None,
                },
                "clientExtensionResults": {},
            }
        )


def _register(client, key: SoftwareKey, name: str = "Desk key"):
    options = client.get("/admin/two-factor/keys/add/?format=json").json()
    assert options["rp"]["id"] == RP_ID
    return client.post(
        "/admin/two-factor/keys/add/",
        {"name": name, "credential": key.create(options), "next": "/admin/"},
    )


def test_an_editor_enrols_a_security_key_and_signs_in_with_it(client, editor):
    key = SoftwareKey()
    password_sign_in(client, "editor")
    registered = _register(client, key)
    assert registered.status_code == 200
    assert len(registered.context["codes"]) == 10
    stored = WebAuthnKey.objects.get(user=editor)
    assert bytes(stored.credential_id) == key.credential_id
    assert client.get("/admin/").status_code == 200
    client.logout()

    password_sign_in(client, "editor")
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")
    options = client.get("/admin/two-factor/keys/sign-in/").json()
    assert [c["id"] for c in options["allowCredentials"]] == [b64url(key.credential_id)]
    answer = client.post(
        "/admin/two-factor/keys/sign-in/", {"credential": key.get(options), "next": "/admin/"}
    )
    assert answer["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    stored.refresh_from_db()
    assert stored.sign_count == 1
    assert SecurityEvent.objects.filter(
        event="two_factor_verified", details__method="webauthn"
    ).exists()


def test_another_key_a_replay_or_another_origin_is_refused(client, editor):
    key = SoftwareKey()
    password_sign_in(client, "editor")
    _register(client, key)
    client.logout()
    password_sign_in(client, "editor")

    impostor = SoftwareKey()
    impostor.credential_id = key.credential_id
    options = client.get("/admin/two-factor/keys/sign-in/").json()
    refused = client.post("/admin/two-factor/keys/sign-in/", {"credential": impostor.get(options)})
    assert refused["Location"].startswith("/admin/two-factor/verify/")
    assert client.get("/admin/").status_code == 302

    options = client.get("/admin/two-factor/keys/sign-in/").json()
    phished = key.get(options, origin="https://newsdesk-login.example")
    assert client.post("/admin/two-factor/keys/sign-in/", {"credential": phished})[
        "Location"
    ].startswith("/admin/two-factor/verify/")

    options = client.get("/admin/two-factor/keys/sign-in/").json()
    good = key.get(options)
    assert (
        client.post("/admin/two-factor/keys/sign-in/", {"credential": good})["Location"]
        == "/admin/"
    )
    client.post("/admin/logout/")
    password_sign_in(client, "editor")
    # The same answer again: its challenge was used once and is gone.
    replay = client.post("/admin/two-factor/keys/sign-in/", {"credential": good})
    assert replay["Location"].startswith("/admin/two-factor/verify/")
    assert client.get("/admin/").status_code == 302


def test_a_malformed_answer_is_refused_with_a_message(client, editor):
    password_sign_in(client, "editor")
    client.get("/admin/two-factor/keys/add/?format=json")
    response = client.post(
        "/admin/two-factor/keys/add/", {"name": "Key", "credential": "{not json"}
    )
    assert response.status_code == 200
    assert "could not be registered" in str(response.context["form"].non_field_errors())
    assert not WebAuthnKey.objects.exists()
    assert client.get("/admin/").status_code == 302
