"""Pure hashing: canonical JSON, the entry hash chain, and RFC 9162 Merkle tree heads.

No Django here, so the same code can verify an exported log anywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

GENESIS_HASH = "0" * 64
FORMAT_VERSION = 1


def canonical_json(value: Mapping[str, Any]) -> bytes:
    """Serialise deterministically: sorted keys, no spaces, UTF-8 (RFC 8785 for our value set).

    Payloads are restricted to strings, integers, booleans, null, lists and objects (see
    `check_payload`), the subset where this simple form and RFC 8785 agree.
    """
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def format_time(moment: dt.datetime) -> str:
    """A fixed-width UTC timestamp with microseconds, so the text hashed never varies."""
    if moment.tzinfo is None:
        raise ValueError("audit timestamps must be timezone-aware")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_record(
    *,
    case_id: str,
    seq: int,
    occurred_at: dt.datetime,
    actor_id: str | None,
    actor_role: str,
    action: str,
    object_type: str,
    object_id: str,
    payload: Mapping[str, Any],
    prev_hash: str,
) -> dict[str, Any]:
    """The exact fields an entry hash covers."""
    return {
        "v": FORMAT_VERSION,
        "case": case_id,
        "seq": seq,
        "at": format_time(occurred_at),
        "actor": actor_id,
        "role": actor_role,
        "action": action,
        "object_type": object_type,
        "object_id": object_id,
        "payload": dict(payload),
        "prev_hash": prev_hash,
    }


def entry_hash(record: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the record's canonical JSON; the record includes the previous hash."""
    return hashlib.sha256(canonical_json(record)).hexdigest()


def content_hash(text: str | bytes) -> str:
    """SHA-256 of confidential content, so an event can prove what was said without saying it."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return "sha256:" + hashlib.sha256(data).hexdigest()


MAX_PAYLOAD_STRING = 200


def check_payload(value: Any, path: str = "payload") -> None:
    """Refuse payload values that could not be hashed stably or that look like content.

    Floats are refused (their text form varies between databases); long strings are refused
    because an audit payload holds metadata and content hashes, never the confidential text.
    """
    if value is None or isinstance(value, bool | int):
        return
    if isinstance(value, str):
        if len(value) > MAX_PAYLOAD_STRING:
            raise ValueError(
                f"{path}: strings are limited to {MAX_PAYLOAD_STRING} characters; "
                "record content_hash(text) instead of the text"
            )
        if "\x00" in value:
            raise ValueError(f"{path}: NUL characters are not allowed")
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            check_payload(item, f"{path}[{index}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(f"{path}: keys must be strings")
            check_payload(item, f"{path}.{key}")
        return
    raise ValueError(f"{path}: {type(value).__name__} values are not allowed in audit payloads")


# --- RFC 9162 §2.1.1 Merkle Tree Hash ------------------------------------------------------


def _leaf(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def _node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def merkle_root(entry_hashes: Sequence[str]) -> str:
    """The Merkle Tree Hash of the entries' hashes (each leaf is the 32 raw bytes of one hash).

    Computed bottom-up level by level, which yields exactly RFC 9162's recursive split at the
    largest power of two below n: an odd node at the end of a level is carried up unchanged.
    O(n) hashes.
    """
    if not entry_hashes:
        return hashlib.sha256(b"").hexdigest()
    level = [_leaf(bytes.fromhex(h)) for h in entry_hashes]
    while len(level) > 1:
        paired = [_node(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0].hex()
