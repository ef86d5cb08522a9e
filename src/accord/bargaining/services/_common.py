"""What every bargaining service shares: audit, notifications after commit, locking, keys."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from accord.bargaining.selectors import FACILITATORS, SIDE_READERS
from accord.cases.models import Participant, Process
from accord.cases.services._audit import record
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


def locked_process(process: Process) -> Process:
    """Lock the process row: bargaining writes of one process are serialised on it."""
    return Process.objects.select_for_update(of=("self",)).select_related("case").get(id=process.id)


def side_of(actor: Participant) -> uuid.UUID:
    """The acting side's id; the permission checks have already required one."""
    if actor.side_id is None:
        raise Forbidden(_("Only a party or their advocate can do this for their side."))
    return actor.side_id


def check_key(client_key: str) -> str:
    if not _KEY.match(client_key or ""):
        raise InvalidInput(_("The form is missing its submission key; reload the page."))
    return client_key


def notify(
    process: Process,
    topic: str,
    *,
    sides: Iterable[uuid.UUID | None] | None = None,
    facilitators: bool = True,
) -> None:
    """Tell the people concerned that something changed (after commit), with no content:
    their pages fetch what they may see. `sides=None` means everybody in the process."""
    wanted = None if sides is None else {s for s in sides if s is not None}
    people = Participant.objects.filter(
        case_id=process.case_id, status=ParticipantStatus.ACTIVE, user__isnull=False
    )
    user_ids = set()
    for person in people:
        if person.role in FACILITATORS:
            if facilitators:
                user_ids.add(person.user_id)
        elif wanted is None or (person.role in SIDE_READERS and person.side_id in wanted):
            user_ids.add(person.user_id)
    for user_id in sorted((u for u in user_ids if u is not None), key=str):
        publish_on_commit(
            user_group(user_id),
            {
                "type": "notify",
                "data": {"kind": "bargaining", "process": str(process.id), "topic": topic},
            },
        )
