"""Rooms and what is said in them. Nothing here is edited or deleted in place."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accord.cases.models import Participant, Process, Side
from accord.core.models import BaseModel


class RoomKind(models.TextChoices):
    """A room's kind fixes its audience (see visibility.py)."""

    JOINT = "joint", _("Joint room")  # every active participant of the process
    CAUCUS = "caucus", _("Private session")  # one side + the process's mediators/coordinator
    SIDE = "side", _("Side room")  # one side's members only; never a neutral
    NEUTRALS = "neutrals", _("Neutrals' room")  # the process's neutrals only
    RECORD = "record", _("Record")  # every side + the arbitrator


class Room(BaseModel):
    process = models.ForeignKey(Process, on_delete=models.PROTECT, related_name="rooms")
    kind = models.CharField(max_length=16, choices=RoomKind.choices)
    side = models.ForeignKey(
        Side, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The last message number handed out, so numbers are gapless per room.
    last_seq = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["process", "kind", "side"], name="rooms_room_unique_per_side"
            ),
            models.UniqueConstraint(
                fields=["process", "kind"],
                condition=Q(side__isnull=True),
                name="rooms_room_unique_shared",
            ),
            models.CheckConstraint(
                name="rooms_room_side_iff_kind",
                condition=(Q(kind__in=["caucus", "side"], side__isnull=False))
                | (~Q(kind__in=["caucus", "side"]) & Q(side__isnull=True)),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.side_id or '-'}"


class Blob(models.Model):
    """Stored file content, addressed by its SHA-256 (the same bytes are stored once)."""

    sha256 = models.CharField(max_length=64, primary_key=True)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.sha256


class Release(BaseModel):
    """A principal's permission that one caucus item may be shared, as gist or verbatim."""

    class Mode(models.TextChoices):
        GIST = "gist", _("The gist, in the mediator's words")
        VERBATIM = "verbatim", _("Word for word")

    class Status(models.TextChoices):
        OPEN = "open", _("May be shared")  # the mediator may relay it
        REVOKED = "revoked", _("Withdrawn")  # revoked before use
        USED = "used", _("Shared")  # relayed; can no longer be revoked

    message = models.ForeignKey("Message", on_delete=models.PROTECT, related_name="releases")
    attachment = models.ForeignKey(
        "Attachment", null=True, blank=True, on_delete=models.PROTECT, related_name="releases"
    )
    granted_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    mode = models.CharField(max_length=16, choices=Mode.choices)
    target = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]


class Message(BaseModel):
    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="messages")
    seq = models.PositiveBigIntegerField()
    author = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(blank=True)
    # The client's idempotency key: a resend with the same key returns the first message.
    client_key = models.CharField(max_length=64)
    corrects = models.ForeignKey(
        "Message", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )
    # Set on a relay: the release it uses ("shared with the permission of ...").
    relay_of = models.OneToOneField(
        Release, null=True, blank=True, on_delete=models.PROTECT, related_name="relay"
    )

    class Meta:
        ordering = ["room", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["room", "seq"], name="rooms_message_seq_unique"),
            models.UniqueConstraint(
                fields=["author", "client_key"], name="rooms_message_idempotency"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.room_id}#{self.seq}"


class Attachment(BaseModel):
    message = models.ForeignKey(Message, on_delete=models.PROTECT, related_name="attachments")
    blob = models.ForeignKey(Blob, on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(max_length=200)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.filename
