"""Reads of rooms and messages, all filtered by the one visibility rule."""

from __future__ import annotations

import uuid

from accord.accounts.models import User
from accord.cases.models import Participant, Process
from accord.cases.selectors import access_case, participations
from accord.core.errors import NotFound
from accord.rooms.models import Attachment, Message, Release, Room, RoomKind
from accord.rooms.visibility import can_view, in_audience


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


def messages_visible_to(
    *, participant: Participant, room: Room, after_seq: int = 0, limit: int = 200
) -> list[Message]:
    """Messages after `after_seq`, in order: the catch-up after a reconnect uses the same call."""
    if not can_view(participant, room):
        return []
    return list(
        Message.objects.filter(room=room, seq__gt=after_seq)
        .select_related("author__user", "relay_of__granted_by__user", "corrects")
        .prefetch_related("attachments__blob")
        .order_by("seq")[:limit]
    )


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
