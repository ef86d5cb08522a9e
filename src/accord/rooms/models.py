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
    # Moderation (issue 8), each change an audit event: the mediator may hold messages the
    # tone coach flags for review, and may pause the joint room ("move to private sessions").
    hold_flagged = models.BooleanField(default=False)
    paused_at = models.DateTimeField(null=True, blank=True)

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


class Mute(BaseModel):
    """The mediator keeps one participant from writing in a room until a time (or lifts it)."""

    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="mutes")
    participant = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    muted_by = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    until = models.DateTimeField()
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["room", "participant"], name="rooms_mute_lookup")]


class HeldMessage(BaseModel):
    """A post the tone coach flagged in a room that holds such posts: its writer chose to send
    it anyway, and it waits for the mediator. Approved, it becomes a message of the room (with
    the next number); declined, it stays here, seen by its writer and the mediators only."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the mediator")
        APPROVED = "approved", _("Posted after review")
        DECLINED = "declined", _("Not posted")

    room = models.ForeignKey(Room, on_delete=models.PROTECT, related_name="held")
    author = models.ForeignKey(Participant, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    client_key = models.CharField(max_length=64)
    # The tone coach's reason codes (accord.safety.tone.REASONS), shown to the mediator.
    reasons = models.JSONField(default=list)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        Participant, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    message = models.OneToOneField(
        Message, null=True, blank=True, on_delete=models.PROTECT, related_name="held_as"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["author", "client_key"], name="rooms_held_idempotency")
        ]

    def __str__(self) -> str:
        return f"held:{self.room_id}:{self.status}"


class ReadMark(BaseModel):
    """How far a person has read a room: the highest message number they were shown.

    Per person, not per place: someone with two places in a case reads a room once. It only
    moves forward, and it is not a change to the case, so it is not an audit event. Unread
    counts are computed from it over the rooms the person may see (selectors.unread_counts).
    """

    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="+")
    seq = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "room"], name="rooms_readmark_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.room_id}:{self.seq}"
