"""How case services record themselves in the audit chain."""

from __future__ import annotations

from typing import Any

from django.db import models

from accord.audit.services import case_chain_lock, event_append
from accord.cases.models import Case, Participant
from accord.realtime.groups import user_group
from accord.realtime.publish import publish_on_commit


def record(
    *,
    case: Case | None = None,
    case_id: Any = None,
    actor: Participant | None,
    action: str,
    obj: models.Model,
    payload: dict[str, Any] | None = None,
    actor_user_id: Any = None,
    actor_role: str | None = None,
) -> None:
    """Append the event for a write, inside the write's transaction (every app's services
    record themselves through here). Give the case, or only its id."""
    event_append(
        case_id=case.id if case is not None else case_id,
        actor_id=actor.user_id if actor is not None else actor_user_id,
        actor_role=actor.role if actor is not None else (actor_role or "system"),
        action=action,
        object_type=obj._meta.model_name or type(obj).__name__.lower(),
        object_id=str(obj.pk),
        payload=payload or {},
    )


def case_lock(case_id: Any) -> None:
    """Hold the case still for the rest of the transaction: take the lock that every change to
    the case takes to record itself (PostgreSQL; SQLite transactions already take turns).

    A write whose checks read who may do what takes it before the checks and reads the actor
    after it, so a leaving, a removal or a move that commits meanwhile is either seen by them
    or waits for the write. One order, or PostgreSQL deadlocks: the process row, the other
    rows the write changes (a room, a release, an agreement), this lock, then participant
    rows (docs/development.md)."""
    case_chain_lock(case_id)


def access_changed(case: Case) -> None:
    """Tell every participant's open sockets to re-check what they may see (after commit).

    Live views re-apply the visibility rule and close what the person may no longer see.
    """
    user_ids = set(
        Participant.objects.filter(case=case, user__isnull=False).values_list("user_id", flat=True)
    )
    for user_id in user_ids:
        publish_on_commit(user_group(user_id), {"type": "access.changed", "case": str(case.id)})
