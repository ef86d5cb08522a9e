"""Search and export: two more read paths over rooms, built on the same selectors as the
pages, the API and the socket (visibility.can_view decides; nothing here decides again).

Both answer only from the rooms the person may see now, in every process of the case; a
case they are not in is NotFound, like everywhere else.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.cases.models import Case, Participant, Process
from accord.cases.selectors import access_case, processes_of
from accord.core.errors import InvalidInput
from accord.rooms.models import Message, Room
from accord.rooms.selectors import messages_visible_to, rooms_for_user

MIN_QUERY = 2
MAX_QUERY = 200
MAX_HITS = 100


@dataclass(frozen=True)
class RoomRecord:
    """One room as the person sees it, with every message they may read there."""

    process: Process
    room: Room
    viewer: Participant
    messages: list[Message]


def search_messages(
    *, user: User, process: Process, query: str, limit: int = MAX_HITS
) -> list[tuple[Room, Message]]:
    """Messages of the process's rooms that the user may see and that contain every word of
    the query (case-insensitive), newest first."""
    words = query.split()
    text = " ".join(words)
    if len(text) < MIN_QUERY or len(text) > MAX_QUERY:
        raise InvalidInput(
            _("Search for %(min)d to %(max)d characters.") % {"min": MIN_QUERY, "max": MAX_QUERY},
            field="q",
        )
    rooms = {room.id: room for room, _place in rooms_for_user(user=user, process=process)}
    if not rooms:
        return []
    condition = Q()
    for word in words:
        condition &= Q(body__icontains=word)
    hits = (
        Message.objects.filter(condition, room_id__in=list(rooms))
        .select_related("author__user", "relay_of__granted_by__user", "corrects")
        .prefetch_related("attachments__blob")
        .order_by("-created_at")[: max(1, min(limit, MAX_HITS))]
    )
    return [(rooms[message.room_id], message) for message in hits]


def case_record(*, user: User, case_id: uuid.UUID | str) -> tuple[Case, list[RoomRecord]]:
    """Everything the user may read in the case's rooms, process by process, for an export."""
    case = access_case(user=user, case_id=case_id)
    records: list[RoomRecord] = []
    for process in processes_of(case):
        for room, viewer in rooms_for_user(user=user, process=process):
            messages: list[Message] = []
            after = 0
            while True:
                page = messages_visible_to(participant=viewer, room=room, after_seq=after)
                messages += page
                if len(page) < 200:
                    break
                after = page[-1].seq
            records.append(RoomRecord(process, room, viewer, messages))
    return case, records
