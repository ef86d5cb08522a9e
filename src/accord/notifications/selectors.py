"""What waits unread for a person across their cases: for the dashboard and the e-mail digest.

Every count comes from the rooms app's one visibility rule (`can_view`) and its one counting
query (`unread_counts`), so a number never hints at a room the person may not open.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable

from django.db.models import Max

from accord.accounts.models import User
from accord.cases.models import Participant
from accord.cases.selectors import CaseOverview
from accord.notifications.models import DigestSent
from accord.rooms.models import Message, ReadMark, Room
from accord.rooms.selectors import unread_counts
from accord.rooms.visibility import can_view


def visible_rooms(*, overviews: Iterable[CaseOverview]) -> list[tuple[Room, Participant]]:
    """The rooms of each case's process under way that one of the person's own places may
    see, with that place. One query for the rooms of every case."""
    places = {o.active.id: o.places for o in overviews if o.active is not None}
    if not places:
        return []
    seen: list[tuple[Room, Participant]] = []
    for room in Room.objects.filter(process_id__in=places).select_related("process", "side"):
        place = next((p for p in places[room.process_id] if can_view(p, room)), None)
        if place is not None:
            seen.append((room, place))
    return seen


def unread_by_case(*, user: User, overviews: Iterable[CaseOverview]) -> dict[uuid.UUID, int]:
    """How many messages wait unread in each case's process under way (cases with none are
    left out). Two queries for a neutral, however many cases."""
    seen = visible_rooms(overviews=overviews)
    unread = unread_counts(user=user, rooms=seen)
    totals: Counter[uuid.UUID] = Counter()
    for room, _place in seen:
        totals[room.process.case_id] += unread.get(room.id, 0)
    return {case_id: n for case_id, n in totals.items() if n}


def last_digest(user: User) -> DigestSent | None:
    return DigestSent.objects.filter(user=user).order_by("-sent_at").first()


def unread_since(*, user: User, room_ids: Iterable[uuid.UUID], since: dt.datetime) -> bool:
    """Whether any of these rooms holds a message from someone else, written after `since`,
    that the person has not been shown: what makes a new digest worth sending."""
    newest = (
        Message.objects.filter(room_id__in=list(room_ids), created_at__gt=since)
        .exclude(author__user_id=user.id)
        .values("room_id")
        .annotate(top=Max("seq"))
    )
    tops = {row["room_id"]: row["top"] for row in newest}
    if not tops:
        return False
    marks = dict(ReadMark.objects.filter(user=user, room_id__in=tops).values_list("room_id", "seq"))
    return any(top > marks.get(room_id, 0) for room_id, top in tops.items())
