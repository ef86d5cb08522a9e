"""Appending to a case's audit chain and taking signed checkpoints. The only writers here."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from django.db import connection, transaction

from accord.audit import chain, signing
from accord.audit.models import AuditCheckpoint, AuditEvent
from accord.audit.selectors import entry_hashes
from accord.core import clock

_NO_ACTOR_ROLE = "system"


def case_chain_lock(case_id: uuid.UUID) -> None:
    """Serialise appends to one case's chain until the surrounding transaction ends.

    Every change to a case records an event in the change's transaction, so this is also the
    case's one lock for writes whose checks read the case's state: taken before the checks, a
    change is either seen by them or waits for the write to commit. Taking it again in the same
    transaction is free of effect.

    PostgreSQL: a transaction-scoped advisory lock keyed by the case. SQLite: the settings open
    every transaction with BEGIN IMMEDIATE, which already holds the database's write lock.
    """
    if connection.vendor == "postgresql":
        key = int.from_bytes(case_id.bytes[:8], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def event_append(
    *,
    case_id: uuid.UUID,
    actor_id: uuid.UUID | None,
    actor_role: str,
    action: str,
    object_type: str,
    object_id: str,
    payload: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the case's chain.

    Called by domain services only, inside the transaction of the write it records, so the
    event and the change commit or roll back together. Raises RuntimeError outside a
    transaction (a programming error), ValueError for a payload that could hold content.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("event_append must run inside the business write's transaction")
    body = dict(payload or {})
    chain.check_payload(body)
    for name, value, limit in (
        ("actor_role", actor_role, 32),
        ("action", action, 64),
        ("object_type", object_type, 64),
        ("object_id", object_id, 64),
    ):
        if not value or len(value) > limit:
            raise ValueError(f"{name} must be 1 to {limit} characters")
    case_chain_lock(case_id)
    last = (
        AuditEvent.objects.filter(case_id=case_id)
        .order_by("-seq")
        .values_list("seq", "entry_hash")
        .first()
    )
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, chain.GENESIS_HASH)
    occurred_at = clock.now()
    record = chain.entry_record(
        case_id=str(case_id),
        seq=seq,
        occurred_at=occurred_at,
        actor_id=str(actor_id) if actor_id else None,
        actor_role=actor_role,
        action=action,
        object_type=object_type,
        object_id=object_id,
        payload=body,
        prev_hash=prev_hash,
    )
    return AuditEvent.objects.create(
        case_id=case_id,
        seq=seq,
        occurred_at=occurred_at,
        actor_id=actor_id,
        actor_role=actor_role,
        action=action,
        object_type=object_type,
        object_id=object_id,
        payload=body,
        prev_hash=prev_hash,
        entry_hash=chain.entry_hash(record),
    )


def checkpoint_statement(checkpoint: AuditCheckpoint) -> dict[str, Any]:
    """The exact fields a checkpoint signature covers."""
    return {
        "v": chain.FORMAT_VERSION,
        "case": str(checkpoint.case_id),
        "tree_size": checkpoint.tree_size,
        "root": checkpoint.root_hash,
        "key_id": checkpoint.key_id,
        "issued_at": chain.format_time(checkpoint.issued_at),
        "reason": checkpoint.reason,
    }


def checkpoint_document(checkpoint: AuditCheckpoint) -> dict[str, Any]:
    """The portable form handed to the parties: the statement plus its signature."""
    return {**checkpoint_statement(checkpoint), "signature": checkpoint.signature}


def checkpoint_create(*, case_id: uuid.UUID, reason: str) -> AuditCheckpoint:
    """Sign the Merkle root over the case's events so far.

    Called at significant moments (an agreement fully signed, a process ended) by domain
    services, and on demand by `accord audit checkpoint`. `reason` is a short label.
    """
    if not reason or len(reason) > 64:
        raise ValueError("reason must be 1 to 64 characters")
    with transaction.atomic():
        case_chain_lock(case_id)
        hashes = entry_hashes(case_id)
        if not hashes:
            raise ValueError(f"case {case_id} has no audit events to checkpoint")
        checkpoint = AuditCheckpoint(
            case_id=case_id,
            tree_size=len(hashes),
            root_hash=chain.merkle_root(hashes),
            key_id=signing.current_key_id(),
            issued_at=clock.now(),
            reason=reason,
        )
        checkpoint.signature = signing.sign_statement(checkpoint_statement(checkpoint))
        checkpoint.save()
    return checkpoint
