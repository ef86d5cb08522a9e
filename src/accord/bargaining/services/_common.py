"""What every bargaining service shares: audit, notifications after commit, locking, keys."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import F
from django.utils.translation import gettext as _

from accord.bargaining.models import WorkspaceChange
from accord.bargaining.selectors import (
    AUDIENCE_ALL,
    AUDIENCE_FACILITATORS,
    audiences_of,
    side_audience,
    takes_part,
)
from accord.cases.models import Participant, Process
from accord.cases.services._audit import case_lock, record
from accord.cases.vocabulary import ParticipantStatus
from accord.core.errors import Forbidden, InvalidInput
from accord.realtime.groups import user_group
from accord.realtime.publish import publish_on_commit

_KEY = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def audit(
    actor: Participant, action: str, obj: models.Model, payload: dict[str, Any] | None = None
) -> None:
    """Append the event inside the write's transaction. Payloads hold ids and states only:
    never a preference, a bid, a valuation or an answer, not even hashed."""
    record(case=actor.case, actor=actor, action=action, obj=obj, payload=payload or {})


def audit_system(
    process: Process, action: str, obj: models.Model, payload: dict[str, Any] | None = None
) -> None:
    """An event no person caused (a deadline passed)."""
    record(
        case=process.case,
        actor=None,
        action=action,
        obj=obj,
        payload=payload or {},
        actor_role="system",
    )


def fresh(actor: Participant) -> Participant:
    """Judge by the current state of the participant, never a copy the caller held on to."""
    return Participant.objects.select_related("case", "side", "user").get(id=actor.id)


def process_row_locked(process: Process) -> Process:
    """Lock the process row: bargaining writes of one process are serialised on it."""
    return (
        Process.objects.select_for_update(of=("self",), no_key=True)
        .select_related("case")
        .get(id=process.id)
    )


def locked_process(process: Process) -> Process:
    """Lock the process row, then the case (`case_lock`): a removal or a leaving that
    commits meanwhile is seen by the checks that follow, or waits for this write.

    A write that then posts (`message_post`, `release_grant`) locks the process row only
    (`process_row_locked`): those lock their own rows before the case, and taking the case
    first would cross a post that holds the room and waits for the case."""
    locked = process_row_locked(process)
    case_lock(locked.case_id)
    return locked


def side_of(actor: Participant) -> uuid.UUID:
    """The acting side's id; the permission checks have already required one."""
    if actor.side_id is None:
        raise Forbidden(_("Only a party or their advocate can do this for their side."))
    return actor.side_id


def check_key(client_key: str) -> str:
    if not _KEY.match(client_key or ""):
        raise InvalidInput(_("The form is missing its submission key; reload the page."))
    return client_key


def _bump(process: Process, audience: str, topic: str) -> None:
    """One more change of `topic` for `audience`. The caller holds the process's lock, so
    the first change of a pair creates its row without racing another writer."""
    counter = WorkspaceChange.objects.filter(process=process, audience=audience, topic=topic)
    if not counter.update(count=F("count") + 1):
        WorkspaceChange.objects.create(process=process, audience=audience, topic=topic, count=1)


def notify(
    process: Process,
    topic: str,
    *,
    sides: Iterable[uuid.UUID | None] | None = None,
    facilitators: bool = True,
) -> None:
    """Tell the people concerned that something of `topic` changed: `sides=None` is everybody
    taking part; otherwise those sides' members, and the facilitators unless told not to.

    Call it only for an audience that can see the change: a side's private move is told to
    that side alone, so neither the counts nor the timing of events tell the other side
    anything. Two channels carry it, neither with content: the per-audience counts (in this
    transaction: the source of truth the page polls) and, after commit, a "look again" event
    to each person's socket. Either way the page then fetches its parts through the normal,
    access-checked views."""
    if sides is None:
        audiences = {AUDIENCE_ALL}
    else:
        audiences = {side_audience(s) for s in sides if s is not None}
        if facilitators:
            audiences.add(AUDIENCE_FACILITATORS)
    for audience in sorted(audiences):
        _bump(process, audience, topic)
    people = Participant.objects.filter(
        case_id=process.case_id, status=ParticipantStatus.ACTIVE, user__isnull=False
    ).order_by("id")
    user_ids = {
        person.user_id
        for person in people
        if audiences_of(person) & audiences and takes_part(person, process)
    }
    for user_id in sorted((u for u in user_ids if u is not None), key=str):
        publish_on_commit(
            user_group(user_id),
            {
                "type": "notify",
                "data": {"kind": "bargaining", "process": str(process.id), "topic": topic},
            },
        )
