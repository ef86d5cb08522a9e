"""How agreement services record themselves in the audit chain and tell people's open pages."""

from __future__ import annotations

from typing import Any

from django.db import models

from accord.agreements.selectors import in_agreement_audience
from accord.cases.models import Participant, Process
from accord.cases.services._audit import record as cases_record
from accord.realtime.groups import user_group
from accord.realtime.publish import publish_on_commit


def record(*, actor: Participant, action: str, obj: models.Model, payload: dict[str, Any]) -> None:
    """Append the event for a write, inside the write's transaction. Payloads carry ids and
    content hashes, never the text itself."""
    cases_record(case_id=actor.case_id, actor=actor, action=action, obj=obj, payload=payload)


def notify_audience(process: Process, data: dict[str, str]) -> None:
    """After commit, tell the open pages of everyone who sees the process's agreements that
    something changed. Only ids travel: each page re-reads through the access check."""
    people = Participant.objects.filter(case_id=process.case_id, user__isnull=False)
    user_ids = {p.user_id for p in people if in_agreement_audience(p, process)}
    for user_id in sorted(user_ids, key=str):
        publish_on_commit(user_group(str(user_id)), {"type": "notify", "data": data})
