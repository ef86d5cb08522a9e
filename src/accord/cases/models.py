"""Cases, sides, participants, processes and the consents a process needs.

Rows are never deleted: a participant who leaves is marked, a process that ends keeps its
history, and every change is also an audit event.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from accord.cases.vocabulary import (
    NEUTRAL_ROLES,
    SIDE_ROLES,
    CaseKind,
    Format,
    Outcome,
    ParticipantStatus,
    ProcessKind,
    ProcessStatus,
    Role,
)
from accord.core.models import BaseModel


class Case(BaseModel):
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=CaseKind.choices)
    jurisdiction = models.CharField(max_length=100, blank=True)
    is_practice = models.BooleanField(default=False)  # a training case; observers allowed
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return self.title


class Side(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="sides")
    label = models.CharField(max_length=80)  # "Applicant", "Union", "Grandparents"
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["case", "label"], name="cases_side_label_unique"),
            models.UniqueConstraint(fields=["case", "position"], name="cases_side_position_unique"),
        ]

    def __str__(self) -> str:
        return self.label


class Participant(BaseModel):
    """One user's one role in one case. Side roles name their side; neutrals have none."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participations",
    )
    email = models.EmailField(max_length=254)  # where the invitation went
    role = models.CharField(max_length=16, choices=Role.choices)
    side = models.ForeignKey(
        Side, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    status = models.CharField(
        max_length=16, choices=ParticipantStatus.choices, default=ParticipantStatus.INVITED
    )
    invited_by = models.ForeignKey(
        "Participant", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    joined_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # Collaborative lawyers withdraw if the matter goes to court: they may not act again here.
    disqualified = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                name="cases_participant_side_iff_side_role",
                condition=(
                    Q(role__in=sorted(SIDE_ROLES), side__isnull=False)
                    | (~Q(role__in=sorted(SIDE_ROLES)) & Q(side__isnull=True))
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.role})"

    @property
    def is_neutral(self) -> bool:
        return self.role in NEUTRAL_ROLES

    @property
    def is_current(self) -> bool:
        """Takes part now (an appointment in effect, for a neutral)."""
        return self.status == ParticipantStatus.ACTIVE


class ConflictDeclaration(BaseModel):
    """A neutral's declaration of relationships and interests, made before taking effect."""

    participant = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="declarations"
    )
    # Participants of this case the neutral has a personal or professional relationship with.
    related_to = models.ManyToManyField(Participant, blank=True, related_name="+")
    financial_interest = models.BooleanField(default=False)
    details = models.TextField(blank=True)  # what the neutral chooses to disclose

    class Meta:
        ordering = ["created_at"]

    @property
    def has_conflict(self) -> bool:
        return self.financial_interest or self.related_to.exists()


class MedArbConsent(BaseModel):
    """A side's recorded, informed consent that its mediator may later arbitrate."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="med_arb_consents")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    given_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    acknowledgement = models.CharField(max_length=64)  # the version of the text acknowledged

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "side"], name="cases_medarb_one_per_side"),
        ]


class Process(BaseModel):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="processes")
    kind = models.CharField(max_length=32, choices=ProcessKind.choices)
    format = models.CharField(max_length=16, choices=Format.choices)
    compulsory = models.BooleanField(default=False)  # e.g. collective bargaining
    court_ordered = models.BooleanField(default=False)  # attendance required; never agreement
    court_reference = models.CharField(max_length=100, blank=True)
    status = models.CharField(
        max_length=16, choices=ProcessStatus.choices, default=ProcessStatus.PROPOSED
    )
    outcome = models.CharField(max_length=24, choices=Outcome.choices, blank=True)
    binding = models.BooleanField(default=False)  # copied from the rules when it ends
    proposed_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    follows = models.ForeignKey(
        "Process", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # Negotiation only: the confidentiality every side chose (null until all chose alike).
    confidential = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(status="active"),
                name="cases_one_active_process",
            ),
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(status="proposed"),
                name="cases_one_proposed_process",
            ),
            models.CheckConstraint(
                name="cases_process_outcome_iff_ended",
                condition=(Q(status="ended") & ~Q(outcome=""))
                | (~Q(status="ended") & Q(outcome="")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} ({self.status})"


class ProcessConsent(BaseModel):
    """A side's consent to take part in a process (for arbitration: to be bound by it)."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="consents")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    given_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["process", "side"], name="cases_consent_one_per_side"),
        ]


class ConfidentialityChoice(BaseModel):
    """Negotiation: a side's explicit choice, made before it starts."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="choices")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    confidential = models.BooleanField()
    given_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        # A side may change its mind before the start: the latest choice counts.
        ordering = ["created_at"]


class ConfidentialityAcceptance(BaseModel):
    """Mediation and the other confidential processes: one participant accepted the terms."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="acceptances")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    terms_version = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["process", "participant"], name="cases_acceptance_once"
            ),
        ]


class SideDeparture(BaseModel):
    """A side left a process (withdrew or walked away); no reason is stored or shown."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="departures")
    side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["process", "side"], name="cases_departure_once"),
        ]
