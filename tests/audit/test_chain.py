import datetime as dt
import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accord.audit import chain


def _rfc9162_root(leaves: list[bytes]) -> bytes:
    """RFC 9162 §2.1.1, written recursively exactly as the RFC states it."""
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + leaves[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + _rfc9162_root(leaves[:k]) + _rfc9162_root(leaves[k:])).digest()


@given(st.lists(st.binary(min_size=32, max_size=32), max_size=40))
def test_merkle_root_matches_the_rfc_definition(leaves):
    assert chain.merkle_root([leaf.hex() for leaf in leaves]) == _rfc9162_root(leaves).hex()


def test_canonical_json_is_order_independent_and_compact():
    assert chain.canonical_json({"b": 1, "a": "é"}) == '{"a":"é","b":1}'.encode()
    assert chain.canonical_json({"a": "é", "b": 1}) == chain.canonical_json({"b": 1, "a": "é"})


def test_format_time_is_fixed_width_utc():
    moment = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert chain.format_time(moment) == "2026-01-02T01:04:05.000000Z"
    with pytest.raises(ValueError, match="timezone-aware"):
        chain.format_time(moment.replace(tzinfo=None))


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"amount": 1.5}, "float values are not allowed"),
        ({"text": "x" * 201}, "record content_hash"),
        ({"nested": [{"bad": object()}]}, r"payload.nested\[0\].bad: object"),
        ({"nul": "a\x00b"}, "NUL"),
    ],
)
def test_check_payload_refuses_what_could_leak_or_drift(payload, message):
    with pytest.raises(ValueError, match=message):
        chain.check_payload(payload)


def test_check_payload_accepts_metadata_and_hashes():
    chain.check_payload(
        {"hash": chain.content_hash("secret words"), "count": 3, "ok": True, "ids": ["a", None]}
    )


def test_content_hash_never_contains_the_text():
    digest = chain.content_hash("I am afraid of him")
    assert digest.startswith("sha256:")
    assert "afraid" not in digest
