"""The audit tables. Both are append-only: database triggers refuse UPDATE and DELETE."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """One entry of a case's hash chain.

    `case_id` is a plain UUID, not a foreign key: the audit app imports no domain app, and an
    event must outlive any change to the rows it describes. The payload holds metadata and
    content hashes only, never confidential text.
    """

    case_id = models.UUIDField(db_index=True)
    seq = models.PositiveBigIntegerField()
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_role = models.CharField(max_length=32)
    action = models.CharField(max_length=64)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    payload = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case_id", "seq"], name="audit_event_case_seq_unique"),
            models.CheckConstraint(condition=models.Q(seq__gte=1), name="audit_event_seq_positive"),
        ]
        ordering = ["case_id", "seq"]

    def __str__(self) -> str:
        return f"{self.case_id}#{self.seq} {self.action}"


class AuditCheckpoint(models.Model):
    """A signed statement of the Merkle root over a case's first `tree_size` events.

    Copies go to the parties (with signed agreements, in e-mails): a truncated tail can only
    be detected against a checkpoint held outside the database.
    """

    case_id = models.UUIDField(db_index=True)
    tree_size = models.PositiveBigIntegerField()
    root_hash = models.CharField(max_length=64)
    key_id = models.CharField(max_length=64)
    issued_at = models.DateTimeField()
    reason = models.CharField(max_length=64)
    signature = models.CharField(max_length=128)

    class Meta:
        ordering = ["case_id", "tree_size", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}@{self.tree_size}"
