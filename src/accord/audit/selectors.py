"""Reads of the audit log. Callers decide who may see a case's log; these only read."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet

from accord.audit.models import AuditCheckpoint, AuditEvent


def entry_hashes(case_id: uuid.UUID, limit: int | None = None) -> list[str]:
    """The case's entry hashes in sequence order (the Merkle tree's leaves)."""
    hashes = AuditEvent.objects.filter(case_id=case_id).order_by("seq")
    if limit is not None:
        hashes = hashes.filter(seq__lte=limit)
    return list(hashes.values_list("entry_hash", flat=True))


def events_for_case(case_id: uuid.UUID) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(case_id=case_id).order_by("seq")


def checkpoints_for_case(case_id: uuid.UUID) -> QuerySet[AuditCheckpoint]:
    return AuditCheckpoint.objects.filter(case_id=case_id).order_by("tree_size", "id")


def audited_case_ids() -> list[uuid.UUID]:
    return list(AuditEvent.objects.values_list("case_id", flat=True).distinct().order_by("case_id"))
