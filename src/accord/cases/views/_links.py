"""Where a process's pages are: its rooms (the rooms app decides who sees which, through
its selectors), the mediator's shuttle view, leaving, and the pages of apps that may not
have them yet (agreements, bargaining, arbitration), linked only when they exist."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from django.urls import reverse

from accord.accounts.models import User
from accord.cases.models import Participant, Process
from accord.cases.permissions import can_withdraw
from accord.cases.views._common import optional_url
from accord.cases.vocabulary import ProcessKind, ProcessStatus, Role
from accord.rooms.models import Room
from accord.rooms.selectors import rooms_for_user, unread_counts
from accord.rooms.services import rooms_ensure


@dataclass(frozen=True)
class Link:
    name: str
    url: str
    unread: int = 0  # messages the viewer has not been shown yet (rooms)


@dataclass(frozen=True)
class ProcessLinks:
    rooms: list[Link] = field(default_factory=list)
    room_ids: list[uuid.UUID] = field(default_factory=list)  # for the documents list
    shuttle: str | None = None
    leave: str | None = None
    agreements: str | None = None
    bargaining: str | None = None
    arbitration: str | None = None

    @property
    def any(self) -> bool:
        return bool(
            self.rooms
            or self.shuttle
            or self.leave
            or self.agreements
            or self.bargaining
            or self.arbitration
        )


def room_name(room: Room) -> str:
    name = str(room.get_kind_display())
    return f"{name} — {room.side.label}" if room.side is not None else name


def process_links(*, user: User, process: Process, places: list[Participant]) -> ProcessLinks:
    """The links the viewer may follow for one process. Rooms come from the rooms app's
    selector (the one visibility rule); the other pages check access again themselves."""
    if process.status == ProcessStatus.PROPOSED and process.kind == ProcessKind.ARBITRATION:
        # Its arbitration agreement is written and signed before it starts (the start waits
        # for every party's signature): the one place to do that.
        return ProcessLinks(arbitration=optional_url("arbitration:process", process_id=process.id))
    if process.status in (ProcessStatus.PROPOSED, ProcessStatus.CANCELLED):
        return ProcessLinks()
    active = process.status == ProcessStatus.ACTIVE
    if active:
        rooms_ensure(process=process)  # idempotent: the rooms follow from kind and format
    seen = rooms_for_user(user=user, process=process)
    visible = [room for room, _place in seen]
    unread = unread_counts(user=user, rooms=seen)
    rooms = [
        Link(
            room_name(room),
            reverse("rooms:room", kwargs={"room_id": room.id}),
            unread.get(room.id, 0),
        )
        for room in visible
    ]
    mediating = any(p.role == Role.MEDIATOR and p.is_current for p in places)
    leaving = active and any(can_withdraw(p, process) for p in places)
    return ProcessLinks(
        rooms=rooms,
        room_ids=[room.id for room in visible],
        shuttle=optional_url("rooms:shuttle", process_id=process.id)
        if active and mediating
        else None,
        leave=optional_url("rooms:leave", process_id=process.id) if leaving else None,
        agreements=optional_url("agreements:process", process_id=process.id),
        bargaining=optional_url("bargaining:workspace", process_id=process.id) if active else None,
        arbitration=optional_url("arbitration:process", process_id=process.id)
        if process.kind == ProcessKind.ARBITRATION
        else None,
    )
