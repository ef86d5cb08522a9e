"""The arbitration's terms (beside its signed arbitration agreement), the record's
submissions, hearings, and the award. Nothing is edited or deleted in place."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from accord.agreements.models import AgreementVersion
from accord.arbitration.vocabulary import AwardStatus, SubmissionKind
from accord.cases.models import Participant, Process, Side
from accord.core.models import BaseModel
from accord.rooms.models import Room


class ArbitrationTerms(BaseModel):
    """The structured terms of one version of the arbitration agreement: what the arbitrator
    may decide (scope), under which rules, by when. The version's text is composed from them,
    so the signatures on the version bind these terms too."""

    version = models.OneToOneField(
        AgreementVersion, on_delete=models.PROTECT, related_name="arbitration_terms"
    )
    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    rules = models.TextField()  # the procedure and the law that applies, in words
    award_days = (
        models.PositiveSmallIntegerField()
    )  # the award is due this long after the deadlines
    # The most the award may order in money, all decisions together (none: no cap).
    max_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    other_terms = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]


class ScopeItem(BaseModel):
    """One question the sides submit to the arbitrator. The award decides these and only these."""

    terms = models.ForeignKey(ArbitrationTerms, on_delete=models.PROTECT, related_name="scope")
    position = models.PositiveSmallIntegerField()
    question = models.CharField(max_length=500)

    class Meta:
        ordering = ["terms", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["terms", "position"], name="arbitration_scope_position_unique"
            ),
        ]


class SideDeadline(BaseModel):
    """The last moment a side may file submissions and evidence."""

    terms = models.ForeignKey(ArbitrationTerms, on_delete=models.PROTECT, related_name="deadlines")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    due_at = models.DateTimeField()

    class Meta:
        ordering = ["terms", "side__position"]
        constraints = [
            models.UniqueConstraint(fields=["terms", "side"], name="arbitration_deadline_per_side"),
        ]


class Submission(BaseModel):
    """A statement, reply or evidence a side filed on the record."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="submissions")
    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="+")  # the record
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16, choices=SubmissionKind.choices)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)  # Markdown, sanitised when shown
    # The client's idempotency key: a resend with the same key returns the first submission.
    client_key = models.CharField(max_length=64)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_key"], name="arbitration_submission_idempotency"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class SubmissionFile(BaseModel):
    """A file filed with a submission, stored by its SHA-256 (accord.rooms.storage)."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="files")
    sha256 = models.CharField(max_length=64)
    filename = models.CharField(max_length=200)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)

    class Meta:
        ordering = ["created_at"]


class SubmissionsClosed(BaseModel):
    """A side said it has nothing more to file (so the award need not wait for its deadline)."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["process", "side"], name="arbitration_closed_once"),
        ]


class Hearing(BaseModel):
    """An optional hearing the arbitrator scheduled; a new one replaces the previous one."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="hearings")
    starts_at = models.DateTimeField()
    place = models.CharField(max_length=200, blank=True)
    link = models.URLField(max_length=300, blank=True)
    details = models.TextField(blank=True)
    scheduled_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    replaces = models.OneToOneField(
        "Hearing", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by"
    )

    class Meta:
        ordering = ["created_at"]


class Award(BaseModel):
    """The arbitrator's decision with reasons, drafted privately, then signed and issued.

    The signature fields are set once, when it is issued; a new draft replaces an earlier one.
    """

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="awards")
    terms = models.ForeignKey(ArbitrationTerms, on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField()  # the draft's number in this arbitration
    author = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    reasons = models.TextField()  # Markdown, sanitised when shown or printed
    sha256 = models.CharField(max_length=64)  # of the canonical award (see services.awards)
    status = models.CharField(max_length=16, choices=AwardStatus.choices, default=AwardStatus.DRAFT)
    issued_at = models.DateTimeField(null=True, blank=True)
    method = models.CharField(max_length=16, blank=True)  # agreements SignatureMethod
    intent_statement = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    checkpoint_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["process", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "number"], name="arbitration_award_number_unique"
            ),
            models.UniqueConstraint(
                fields=["process"],
                condition=Q(status="issued"),
                name="arbitration_one_issued_award",
            ),
            models.CheckConstraint(
                name="arbitration_award_issued_iff_signed",
                condition=(Q(status="issued") & Q(issued_at__isnull=False) & ~Q(method=""))
                | (~Q(status="issued") & Q(issued_at__isnull=True)),
            ),
        ]


class AwardDecision(BaseModel):
    """The award's answer to one question of the agreed scope."""

    award = models.ForeignKey(Award, on_delete=models.PROTECT, related_name="decisions")
    scope_item = models.ForeignKey(ScopeItem, on_delete=models.PROTECT, related_name="+")
    decision = models.TextField()
    amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["award", "scope_item__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["award", "scope_item"], name="arbitration_decision_per_question"
            ),
        ]
