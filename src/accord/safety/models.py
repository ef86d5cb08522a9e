"""Screening answers and the configuration a neutral confirms; response requests, their
reminders and the non-response records only the mediator sees.

Rows are never edited in place where they are a record: a party who answers again adds a
new response (the latest counts), a neutral who confirms again adds a new configuration.
"""

from __future__ import annotations

from django.db import models

from accord.cases.models import Participant, Process, Side
from accord.core.models import BaseModel
from accord.rooms.models import Message, Room
from accord.safety.vocabulary import RequestStatus


class ScreeningResponse(BaseModel):
    """One principal's answers for one process. Seen by that principal and the process's
    facilitating neutrals only (DESIGN.md §4 invariants 3 and 5); never in an export."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    questionnaire = models.CharField(max_length=32)  # vocabulary.QUESTIONNAIRE_VERSION
    answers = models.JSONField()  # question key -> answer value
    note = models.TextField(blank=True)  # anything else the party wants the neutral to know
    # A random secret mixed into the audit hash: the answers take few values, so a bare hash
    # in the audit log could be reversed by trying them all.
    salt = models.CharField(max_length=32)
    # The form's idempotency key: the same form sent twice is recorded once.
    client_key = models.CharField(max_length=64)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "client_key"], name="safety_screening_idempotency"
            ),
        ]


class SafetyConfiguration(BaseModel):
    """A neutral's confirmed configuration for a process, based on a given set of answers."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    confirmed_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    shuttle_only = models.BooleanField()
    staggered = models.BooleanField()
    support = models.BooleanField()
    rescreen = models.BooleanField()
    # The sorted ids of the responses it was based on; a newer answer makes it out of date.
    based_on = models.JSONField()

    class Meta:
        ordering = ["created_at"]


class ResponseRequest(BaseModel):
    """A participant asks another side for a response by a date, in a room of the process."""

    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="+")
    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="+")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    topic = models.CharField(max_length=200)
    asked_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    asked_side = models.ForeignKey(Side, on_delete=models.PROTECT, related_name="+")
    due_at = models.DateTimeField()
    status = models.CharField(
        max_length=16, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answer = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    client_key = models.CharField(max_length=64)

    class Meta:
        ordering = ["due_at", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["asked_by", "client_key"], name="safety_request_idempotency"
            ),
        ]


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", "due soon"  # the day before, to the asked side
    OVERDUE = "overdue", "overdue"  # once the date passed, to the mediator


class ReminderSent(BaseModel):
    """One reminder e-mail sent to one person: the unique row makes sending idempotent."""

    request = models.ForeignKey(ResponseRequest, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16, choices=ReminderKind.choices)
    recipient = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind", "recipient"], name="safety_reminder_once"
            ),
        ]


class NonResponse(BaseModel):
    """A deadline passed without an answer. Seen by the mediator only: stonewalling is made
    visible to the neutral, never shown to the other side as an accusation."""

    request = models.OneToOneField(
        ResponseRequest, on_delete=models.PROTECT, related_name="non_response"
    )
    # Set if the side answered after the date (the record stays; history is not rewritten).
    answered_late_at = models.DateTimeField(null=True, blank=True)
