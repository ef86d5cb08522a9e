"""The one visibility rule. Every read path (pages, API, WebSocket, exports, search,
notifications) asks `can_view`; selectors filter with the same room audience.

Audiences are computed from the participants' current state on every read, so adding,
removing or a side leaving changes who sees what at once.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet, Value

from accord.cases.models import Participant
from accord.cases.rules import rules_for
from accord.cases.selectors import departed_side_ids, standing_in
from accord.cases.vocabulary import SIDE_ROLES, ParticipantStatus, ProcessStatus, Role
from accord.core import clock
from accord.rooms.models import Attachment, Message, Mute, Release, Room, RoomKind

_FACILITATORS = frozenset({Role.MEDIATOR, Role.COORDINATOR})
_DECIDERS = frozenset({Role.ARBITRATOR})
_NEVER_POST = frozenset({Role.OBSERVER})


def _in_process(participant: Participant, room: Room) -> bool:
    """Takes part in the room's process now: active, a role of the process, side still in,
    the confidentiality terms accepted where the process has them (someone who joins a
    running mediation sees nothing until they accept), and for a facilitator, not also an
    arbitrator in the case (the firewall, DESIGN.md §4 invariant 3, whichever place came
    first). One query at most (`standing_in`)."""
    process = room.process
    if participant.case_id != process.case_id or participant.status != ParticipantStatus.ACTIVE:
        return False
    if participant.role not in rules_for(process.kind).participant_roles:
        return False
    standing = standing_in(participant, process)
    if standing.side_departed or standing.terms_missing:
        return False
    return not (participant.role in _FACILITATORS and standing.arbitrating)


def in_audience(participant: Participant, room: Room) -> bool:
    """Whether the participant is in the room's audience (DESIGN.md §4)."""
    if not _in_process(participant, room):
        return False
    role = participant.role
    if room.kind == RoomKind.JOINT:
        return True
    if room.kind == RoomKind.CAUCUS:
        return participant.side_id == room.side_id or role in _FACILITATORS
    if room.kind == RoomKind.SIDE:
        return role in SIDE_ROLES and participant.side_id == room.side_id
    if room.kind == RoomKind.NEUTRALS:
        return role in _FACILITATORS | _DECIDERS
    # RECORD: every side and the arbitrator.
    return role in SIDE_ROLES | _DECIDERS


def can_view(participant: Participant, item: Room | Message | Attachment | Release) -> bool:
    """The one rule: may this participant see this room or item?"""
    if isinstance(item, Room):
        return in_audience(participant, item)
    if isinstance(item, Message):
        return in_audience(participant, item.room)
    if isinstance(item, Attachment):
        return in_audience(participant, item.message.room)
    # A release is seen in the granting side's private session: that side and the mediator.
    return in_audience(participant, item.message.room)


def can_post(participant: Participant, room: Room, *, muted: bool | None = None) -> bool:
    """Audience members may write while the process is under way; observers never do.

    In "through advocates" negotiation the principals read the joint room and their
    advocates speak for them. `muted` is whether they are muted in this room, when the
    caller read it with their row (`muted_now`, as message_post does under the room's
    lock); else it is read here.
    """
    if not in_audience(participant, room) or participant.role in _NEVER_POST:
        return False
    if room.process.status != ProcessStatus.ACTIVE:
        return False
    if room.side_id is not None and room.side_id in departed_side_ids(room.process):
        # The side left: its private session stays readable to the mediator, but is closed.
        return False
    if (
        room.kind == RoomKind.JOINT
        and room.process.format == "advocates"
        and participant.role == Role.PRINCIPAL
    ):
        return False
    if participant.role in _FACILITATORS:
        return True
    # Moderation: the mediator paused the room (moved to private sessions) or muted them.
    if room.paused_at is not None:
        return False
    return not (is_muted(participant, room) if muted is None else muted)


def _mutes(room: Room) -> QuerySet[Mute]:
    return Mute.objects.filter(room=room, lifted_at__isnull=True, until__gt=clock.now())


def is_muted(participant: Participant, room: Room) -> bool:
    """Mutes apply to the joint room only (a side's private session is never silenced)."""
    if room.kind != RoomKind.JOINT:
        return False
    return _mutes(room).filter(participant=participant).exists()


def muted_now(room: Room) -> Exists | Value:
    """`is_muted` as an expression over participants (`Participant.objects.annotate`)."""
    if room.kind != RoomKind.JOINT:
        return Value(False)
    return Exists(_mutes(room).filter(participant=OuterRef("pk")))
