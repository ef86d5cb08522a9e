"""Agreements, their versions and comments, the signing records, and certificates of attempt.

Nothing is edited or deleted in place: a change is a new version, a voided signature keeps its
row with the time it was voided, and every write is also an audit event.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from accord.agreements.vocabulary import (
    AgreementKind,
    AgreementStatus,
    Binding,
    SignatureMethod,
)
from accord.cases.models import Participant, Process, Side
from accord.core.models import BaseModel


class Agreement(BaseModel):
    """One text the parties of a process work on and sign, in numbered versions."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="agreements")
    kind = models.CharField(max_length=16, choices=AgreementKind.choices)
    title = models.CharField(max_length=200)
    created_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=16, choices=AgreementStatus.choices, default=AgreementStatus.DRAFTING
    )
    # Set once, when the last required signature arrives.
    final_version = models.OneToOneField(
        "AgreementVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    # The audit checkpoint (accord.audit AuditCheckpoint id) taken at completion.
    checkpoint_id = models.BigIntegerField(null=True, blank=True)
    # The creator's idempotency key: a double submit returns the first agreement.
    client_key = models.CharField(max_length=64)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "client_key"], name="agreements_agreement_idempotency"
            ),
            # One arbitration agreement per arbitration: the one that sets its terms.
            models.UniqueConstraint(
                fields=["process"],
                condition=Q(kind="arbitration"),
                name="agreements_one_arbitration_agreement",
            ),
            models.CheckConstraint(
                name="agreements_final_iff_signed",
                condition=(Q(status="signed") & Q(final_version__isnull=False))
                | (Q(status="drafting") & Q(final_version__isnull=True)),
            ),
        ]

    def __str__(self) -> str:
        return self.title


class AgreementVersion(BaseModel):
    """One complete text of an agreement. Its SHA-256 is what a signature binds."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    body = models.TextField()  # Markdown, sanitised whenever it is shown or printed
    binding = models.CharField(max_length=16, choices=Binding.choices)
    author = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    # SHA-256 (hex) of the canonical document (see accord.agreements.document).
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"], name="agreements_version_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement_id} v{self.number}"


class Comment(BaseModel):
    """A remark on one version, seen by everyone who sees the agreement."""

    version = models.ForeignKey(AgreementVersion, on_delete=models.PROTECT, related_name="comments")
    author = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    # The client's idempotency key: a resend with the same key returns the first comment.
    client_key = models.CharField(max_length=64)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_key"], name="agreements_comment_idempotency"
            ),
        ]


class SigningConsent(BaseModel):
    """A participant's recorded consent to sign this agreement electronically.

    The text they accepted says that they may sign on paper instead (ESIGN §101(c), UETA §5).
    """

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="consents")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    text_version = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "participant"], name="agreements_consent_once"
            ),
        ]


class SigningAuthority(BaseModel):
    """A party's recorded permission that their advocate signs one version for them.

    Bound to a version (and so to its hash): a new version needs a new permission.
    """

    version = models.ForeignKey(
        AgreementVersion, on_delete=models.PROTECT, related_name="authorities"
    )
    principal = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    advocate = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "principal", "advocate"],
                condition=Q(revoked_at__isnull=True),
                name="agreements_authority_open_once",
            ),
        ]


class Signature(BaseModel):
    """One party's signature on one version, with everything that attributes it.

    `signer` clicked; `principal` is the party bound (the same person, or the client an
    advocate signed for under `authority`). A new version voids it (`voided_at`).
    """

    version = models.ForeignKey(
        AgreementVersion, on_delete=models.PROTECT, related_name="signatures"
    )
    principal = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    signer = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    authority = models.OneToOneField(
        SigningAuthority, null=True, blank=True, on_delete=models.PROTECT, related_name="used_by"
    )
    consent = models.ForeignKey(SigningConsent, on_delete=models.PROTECT, related_name="+")
    sha256 = models.CharField(max_length=64)  # the hash the signer was shown and signed
    intent_statement = models.CharField(max_length=64)  # which statement of intent was shown
    method = models.CharField(max_length=16, choices=SignatureMethod.choices)
    signed_at = models.DateTimeField()
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    voided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "principal"], name="agreements_signature_once_per_party"
            ),
        ]


class AttemptCertificate(BaseModel):
    """That a court-ordered (or Early Dispute Resolution) process took place (UMA §7).

    It holds only what the law allows a mediator to report: whether it took place, who
    attended, and how it ended. The facts are frozen when it is issued.
    """

    process = models.OneToOneField(
        Process, on_delete=models.PROTECT, related_name="attempt_certificate"
    )
    issued_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    # {"reference", "kind", "started", "ended", "result", "attendees": [{"name", "role",
    # "side"}], "issuer"}: see accord.agreements.services.certificates.
    facts = models.JSONField()
    sha256 = models.CharField(max_length=64)


__all__ = [
    "Agreement",
    "AgreementVersion",
    "AttemptCertificate",
    "Comment",
    "Signature",
    "SignatureMethod",
    "SigningAuthority",
    "SigningConsent",
]
