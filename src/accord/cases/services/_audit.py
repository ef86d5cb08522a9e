"""How case services record themselves in the audit chain."""

from __future__ import annotations

from typing import Any

from django.db import models

from accord.audit.services import event_append
from accord.cases.models import Case, Participant


def record(
    *,
    case: Case,
    actor: Participant | None,
    action: str,
    obj: models.Model,
    payload: dict[str, Any] | None = None,
    actor_user_id: Any = None,
    actor_role: str | None = None,
) -> None:
    """Append the event for a write, inside the write's transaction."""
    event_append(
        case_id=case.id,
        actor_id=actor.user_id if actor is not None else actor_user_id,
        actor_role=actor.role if actor is not None else (actor_role or "system"),
        action=action,
        object_type=obj._meta.model_name or type(obj).__name__.lower(),
        object_id=str(obj.pk),
        payload=payload or {},
    )
