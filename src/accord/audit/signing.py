"""Ed25519 signatures over checkpoint statements (the `cryptography` package)."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from accord.audit.chain import canonical_json


def _private_key() -> Ed25519PrivateKey:
    raw: bytes | None = settings.AUDIT_SIGNING_KEY
    if raw is None:
        # Development only: production settings refuse to start without an explicit key.
        raw = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=b"accord-audit", info=b"ed25519"
        ).derive(settings.SECRET_KEY.encode())
    return Ed25519PrivateKey.from_private_bytes(raw)


def current_key_id() -> str:
    return str(settings.AUDIT_KEY_ID)


def public_key_bytes(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def trusted_keys() -> dict[str, Ed25519PublicKey]:
    """The current key and any older ones configured in AUDIT_VERIFY_KEYS."""
    keys = {
        key_id: Ed25519PublicKey.from_public_bytes(raw)
        for key_id, raw in settings.AUDIT_VERIFY_KEYS.items()
    }
    keys[current_key_id()] = _private_key().public_key()
    return keys


def sign_statement(statement: dict[str, Any]) -> str:
    return base64.b64encode(_private_key().sign(canonical_json(statement))).decode()


def signature_is_valid(statement: dict[str, Any], signature: str, key_id: str) -> bool:
    key = trusted_keys().get(key_id)
    if key is None:
        return False
    try:
        key.verify(base64.b64decode(signature, validate=True), canonical_json(statement))
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True


def generate_key() -> tuple[str, str]:
    """A new key pair as base64 (private, public), for `accord audit keygen`."""
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return (
        base64.b64encode(raw_private).decode(),
        base64.b64encode(public_key_bytes(private.public_key())).decode(),
    )
