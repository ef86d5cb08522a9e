"""Reads of rooms and messages, all filtered by the one visibility rule."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce

from accord.accounts.models import User
from accord.cases.models import Participant, Process
from accord.cases.permissions import can_withdraw
from accord.cases.selectors import access_case, access_process, departed_side_ids, participations
from accord.cases.vocabulary import ProcessStatus, Role
from accord.core.errors import NotFound
from accord.rooms.models import Attachment, Message, ReadMark, Release, Room, RoomKind
from accord.rooms.visibility import can_post, can_view, in_audience

# The neutrals who run private sessions and carry released items between rooms.
FACILITATORS = frozenset({Role.MEDIATOR, Role.COORDINATOR})


def _key(value: uuid.UUID | str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound from None


def viewer_for(*, user: User, room: Room) -> Participant | None:
    """The user's participation that may see the room, if any."""
    for participant in participations(user=user, case=room.process.case):
        if in_audience(participant, room):
            return participant
    return None


def access_room(*, user: User, room_id: uuid.UUID | str) -> tuple[Room, Participant]:
    """The room and the participation that sees it, or NotFound (missing or not yours alike)."""
    room = Room.objects.select_related("process__case", "side").filter(id=_key(room_id)).first()
    if room is None:
        raise NotFound
    access_case(user=user, case_id=room.process.case_id)
    viewer = viewer_for(user=user, room=room)
    if viewer is None:
        raise NotFound
    return room, viewer


def access_message(*, user: User, message_id: uuid.UUID | str) -> tuple[Message, Participant]:
    message = (
        Message.objects.select_related("room__process__case").filter(id=_key(message_id)).first()
    )
    if message is None:
        raise NotFound
    _room, viewer = access_room(user=user, room_id=message.room_id)
    return message, viewer


def access_attachment(
    *, user: User, attachment_id: uuid.UUID | str
) -> tuple[Attachment, Participant]:
    attachment = (
        Attachment.objects.select_related("message__room__process__case", "blob")
        .filter(id=_key(attachment_id))
        .first()
    )
    if attachment is None:
        raise NotFound
    _room, viewer = access_room(user=user, room_id=attachment.message.room_id)
    return attachment, viewer


def access_release(*, user: User, release_id: uuid.UUID | str) -> tuple[Release, Participant]:
    release = (
        Release.objects.select_related("message__room__process__case", "target", "granted_by")
        .filter(id=_key(release_id))
        .first()
    )
    if release is None:
        raise NotFound
    _room, viewer = access_room(user=user, room_id=release.message.room_id)
    return release, viewer


def room_in_process(*, process_id: uuid.UUID, room_id: uuid.UUID) -> Room | None:
    """A room of this process by id, for naming a release's target. It reveals nothing of the
    room's content; callers already hold access to the process."""
    return Room.objects.filter(id=room_id, process_id=process_id).first()


def rooms_visible_to(*, participant: Participant, process: Process) -> list[Room]:
    """The process's rooms this participant may see, joint first."""
    order = {kind: i for i, kind in enumerate(RoomKind.values)}
    rooms = Room.objects.filter(process=process).select_related("process__case", "side")
    visible = [room for room in rooms if can_view(participant, room)]
    return sorted(visible, key=lambda r: (order[r.kind], r.side.position if r.side else -1))


def rooms_for_user(*, user: User, process: Process) -> list[tuple[Room, Participant]]:
    """Every room of the process any of the user's places may see, with the place that sees it."""
    seen: dict[uuid.UUID, tuple[Room, Participant]] = {}
    for place in participations(user=user, case=process.case):
        for room in rooms_visible_to(participant=place, process=process):
            seen.setdefault(room.id, (room, place))
    return list(seen.values())


def _messages(
    participant: Participant, room: Room, after_seq: int, limit: int, *, shown: bool
) -> list[Message]:
    """The one query behind both message selectors: the same rule, the same rows; `shown`
    only loads more of each row (in the same round trips, or one more per page). Two round
    trips for a page of plain messages (the messages, their files); one more for a page that
    holds a relay, a correction, or in a private session, a message."""
    if not can_view(participant, room):
        return []
    related = ["author__user"]
    prefetch: list[str | Prefetch[Any]] = ["attachments__blob"]
    if shown:
        related.append("author__side")
        if room.kind == RoomKind.CAUCUS:
            # Only a private session's items carry releases.
            prefetch.append(
                Prefetch(
                    "releases",
                    queryset=Release.objects.select_related(
                        "target__side", "granted_by__user", "attachment"
                    ).order_by("created_at"),
                )
            )
    messages = list(
        Message.objects.filter(room=room, seq__gt=after_seq)
        .select_related(*related)
        .prefetch_related(*prefetch)
        .order_by("seq")[:limit]
    )
    # Relays and corrections are rare: loaded only for the messages that are one, in one
    # more query each. Joined to every read they cost PostgreSQL milliseconds of planning
    # (eight joins), and a prefetch that finds nothing still costs the ORM its work; the live
    # rooms read once per event (benchmarks/realtime.py).
    relays = [message for message in messages if message.relay_of_id is not None]
    if relays:
        relay_related = ["granted_by__user", "granted_by__side"] if shown else ["granted_by__user"]
        prefetch_related_objects(
            relays, Prefetch("relay_of", queryset=Release.objects.select_related(*relay_related))
        )
    corrections = [message for message in messages if message.corrects_id is not None]
    if corrections:
        prefetch_related_objects(corrections, "corrects")
    return messages


def messages_visible_to(
    *, participant: Participant, room: Room, after_seq: int = 0, limit: int = 200
) -> list[Message]:
    """Messages after `after_seq`, in order: the catch-up after a reconnect uses the same call."""
    return _messages(participant, room, after_seq, limit, shown=False)


def messages_shown_to(
    *, participant: Participant, room: Room, after_seq: int = 0, limit: int = 200
) -> list[Message]:
    """`messages_visible_to`, with what the room page and the socket show of each message
    loaded up front (authors' sides, relay origins, and in a private session each item's
    releases), so rendering a page costs no query per message. For pages and the socket."""
    return _messages(participant, room, after_seq, limit, shown=True)


def posted_as_shown(message: Message, *, writer: Participant, files: int) -> Message | None:
    """The message `message_post` just returned, loaded as `messages_shown_to` would load it,
    without reading it back: a live post is delivered from the row it wrote (the hot path of
    benchmarks/realtime.py). `writer` is the author's place as the socket holds it, for their
    side; `files` the number of files posted with it. None when the row carries what only a
    read loads (files, a relay, a correction), or when it is not the writer's: then read it.

    The caller decides who may see it: for a socket, the room's audience, vouched for by the
    case's audit chain as for any shared read (rooms/delivery.py).
    """
    if files or message.relay_of_id is not None or message.corrects_id is not None:
        return None
    author = Message._meta.get_field("author")
    if message.author_id != writer.id or not author.is_cached(message):
        return None
    if message.author.side_id != writer.side_id:
        return None
    # message_post read the author with their user; the socket's place holds their side.
    message.author.side = writer.side
    # A new row without files has, in a private session, no release yet either: what the
    # read's prefetches would find (Django's own cache of prefetched rows).
    message._prefetched_objects_cache = {  # type: ignore[attr-defined]
        "attachments": Attachment.objects.none(),
        "releases": Release.objects.none(),
    }
    return message


def releases_visible_to(*, participant: Participant, room: Room) -> list[Release]:
    """Releases of items in a private session, for that side and the mediator."""
    if not can_view(participant, room):
        return []
    return list(
        Release.objects.filter(message__room=room)
        .select_related("target__side", "granted_by__user", "message")
        .order_by("created_at")
    )


def open_releases_for(*, participant: Participant, process: Process) -> list[Release]:
    """What a mediator may relay now, across every private session they can see."""
    return [
        release
        for release in Release.objects.filter(
            message__room__process=process, status=Release.Status.OPEN
        ).select_related("message__room", "target", "granted_by__user")
        if can_view(participant, release) and can_view(participant, release.target)
    ]


def may_release(participant: Participant, room: Room) -> bool:
    """Whether to offer release controls: a party of this private session's side, while the
    process is under way (the rule `release_grant` and `release_revoke` enforce)."""
    return (
        room.kind == RoomKind.CAUCUS
        and participant.role == Role.PRINCIPAL
        and participant.side_id == room.side_id
        and room.process.status == ProcessStatus.ACTIVE
        and can_view(participant, room)
    )


def release_targets(*, room: Room) -> list[Room]:
    """Where an item of this private session may be shared: the joint room, then the other
    sides' private sessions (of sides still taking part), in side order. It names rooms only,
    never their content; for the releasing side's pages."""
    if room.kind != RoomKind.CAUCUS or room.side_id is None:
        return []
    departed = departed_side_ids(room.process)
    candidates = (
        Room.objects.filter(process_id=room.process_id)
        .filter(Q(kind=RoomKind.JOINT) | Q(kind=RoomKind.CAUCUS))
        .exclude(side_id=room.side_id)
        .select_related("side")
    )
    targets = [r for r in candidates if r.side_id is None or r.side_id not in departed]
    return sorted(
        targets, key=lambda r: (r.kind != RoomKind.JOINT, r.side.position if r.side else -1)
    )


@dataclass(frozen=True)
class RoomView:
    """What one viewer may see and do in one room, decided once per page (and per socket,
    again whenever someone's place in the case changes)."""

    room: Room
    viewer: Participant
    can_post: bool
    can_release: bool
    can_leave: bool
    # The process is over (ended or not taken up): rooms stay readable.
    ended: bool
    # This private session's side has left the process (what its mediator then sees).
    side_left: bool
    release_targets: tuple[Room, ...]

    @property
    def is_caucus(self) -> bool:
        return self.room.kind == RoomKind.CAUCUS

    @property
    def is_facilitator(self) -> bool:
        return self.viewer.role in FACILITATORS

    @property
    def state(self) -> tuple[bool, bool, bool, bool, bool]:
        """What the page's state banner and composer depend on, to tell when it changed."""
        return (self.can_post, self.can_release, self.can_leave, self.ended, self.side_left)


def room_view(*, viewer: Participant, room: Room) -> RoomView:
    """The viewer's view of a room they may see (the caller got both from `access_room`)."""
    process = room.process
    releasing = may_release(viewer, room)
    return RoomView(
        room=room,
        viewer=viewer,
        can_post=can_post(viewer, room),
        can_release=releasing,
        can_leave=can_withdraw(viewer, process),
        ended=process.status in (ProcessStatus.ENDED, ProcessStatus.CANCELLED),
        side_left=room.side_id is not None and room.side_id in departed_side_ids(process),
        release_targets=tuple(release_targets(room=room)) if releasing else (),
    )


@dataclass(frozen=True)
class Shuttle:
    """The mediator's shuttle view of one process: every private session side by side, the
    joint room (absent in shuttle-only format) and the neutrals' private notes."""

    process: Process
    viewer: Participant
    caucuses: list[Room]
    joint: Room | None
    notes: Room | None


def access_shuttle(*, user: User, process_id: uuid.UUID | str) -> Shuttle:
    """The shuttle view for a facilitator of the process who sees its private sessions, or
    NotFound for everyone else and for processes without private sessions alike."""
    process = access_process(user=user, process_id=process_id)
    for place in participations(user=user, case=process.case):
        if place.role not in FACILITATORS:
            continue
        rooms = rooms_visible_to(participant=place, process=process)
        caucuses = [r for r in rooms if r.kind == RoomKind.CAUCUS]
        if caucuses:
            return Shuttle(
                process=process,
                viewer=place,
                caucuses=caucuses,
                joint=next((r for r in rooms if r.kind == RoomKind.JOINT), None),
                notes=next((r for r in rooms if r.kind == RoomKind.NEUTRALS), None),
            )
    raise NotFound


def _releases_shown() -> Any:
    return Release.objects.select_related(
        "message__room__process__case",
        "message__room__side",
        "message__author__user",
        "message__author__side",
        "target__process",
        "target__side",
        "granted_by__user",
        "granted_by__side",
        "attachment__blob",
    ).prefetch_related("message__attachments__blob")


def pending_releases(*, viewer: Participant, process: Process) -> list[Release]:
    """What a facilitator may relay now: open releases whose item and target room they can
    see, oldest first, loaded for the shuttle view. The same rule as `open_releases_for`."""
    if viewer.role not in FACILITATORS:
        return []
    releases = _releases_shown().filter(message__room__process=process, status=Release.Status.OPEN)
    return [
        release
        for release in releases.order_by("created_at")
        if can_view(viewer, release) and can_view(viewer, release.target)
    ]


def release_for_card(*, user: User, release_id: uuid.UUID | str) -> tuple[Release, Participant]:
    """A release as the shuttle view shows it, for a facilitator who sees its private
    session; NotFound for anyone else, and for a missing release, alike."""
    _release, viewer = access_release(user=user, release_id=release_id)
    if viewer.role not in FACILITATORS:
        raise NotFound
    release = _releases_shown().get(id=_release.id)
    return release, viewer


def relay_by_key(*, actor: Participant, release: Release, client_key: str) -> Message | None:
    """The relay this facilitator already made of this release with this key (a resent form)."""
    return Message.objects.filter(author=actor, client_key=client_key, relay_of=release).first()


def open_release_like(
    *, message: Message, mode: str, target: Room, attachment: Attachment | None
) -> Release | None:
    """An open release identical to the one asked for (a form sent twice)."""
    return Release.objects.filter(
        message=message,
        mode=mode,
        target=target,
        attachment=attachment,
        status=Release.Status.OPEN,
    ).first()


# --- what is new for a person ----------------------------------------------------------------


def unread_counts(*, user: User, rooms: list[tuple[Room, Participant]]) -> dict[uuid.UUID, int]:
    """How many messages each room holds that the user has not been shown, not counting
    their own. `rooms` are the rooms with the place that sees each, as `rooms_for_user` gives
    them: a room is counted only if that place may still see it (the one rule, asked here
    too), so a count never hints at a room the person may not open. One query.
    """
    ids = [room.id for room, place in rooms if can_view(place, room)]
    if not ids:
        return {}
    mark = ReadMark.objects.filter(user=user, room=OuterRef("room_id")).values("seq")[:1]
    counted = (
        Message.objects.filter(room_id__in=ids)
        .exclude(author__user_id=user.id)
        .annotate(read_to=Coalesce(Subquery(mark), Value(0)))
        .filter(seq__gt=F("read_to"))
        .values("room_id")
        .annotate(n=Count("id"))
    )
    return {row["room_id"]: row["n"] for row in counted}
