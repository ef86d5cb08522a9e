"""Reads of cases and processes. Each says who may call it; none checks permission itself
except the `access_*` functions, which are the gate every view and API route goes through."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet

from accord.accounts.models import User
from accord.cases.models import (
    Case,
    ConfidentialityAcceptance,
    ConfidentialityChoice,
    MedArbConsent,
    Participant,
    Process,
    ProcessConsent,
    Side,
    SideDeparture,
)
from accord.cases.vocabulary import ParticipantStatus, ProcessStatus, Role
from accord.core.errors import NotFound

# A participant in one of these states may open the case's pages.
_SEES_CASE = (ParticipantStatus.ACTIVE, ParticipantStatus.PENDING)


def participations(*, user: User, case: Case) -> list[Participant]:
    """The user's current roles in the case (usually one; a med-arb neutral may hold two)."""
    return list(
        Participant.objects.filter(case=case, user=user, status__in=_SEES_CASE).select_related(
            "side"
        )
    )


def access_case(*, user: User, case_id: uuid.UUID | str) -> Case:
    """The case, or NotFound for a missing case and for a user who is not in it alike."""
    try:
        key = uuid.UUID(str(case_id))
    except ValueError:
        raise NotFound from None
    if not getattr(user, "is_authenticated", False):
        raise NotFound
    case = Case.objects.filter(
        id=key, participants__user=user, participants__status__in=_SEES_CASE
    ).first()
    if case is None:
        raise NotFound
    return case


def access_participation(
    *, user: User, case_id: uuid.UUID | str, role: str | None = None
) -> Participant:
    """The user's participation to act with, or NotFound (never revealing the case exists).

    With several roles in a case and no `role`, the first current one is used.
    """
    case = access_case(user=user, case_id=case_id)
    mine = participations(user=user, case=case)
    if role is not None:
        mine = [p for p in mine if p.role == role]
    if not mine:
        raise NotFound
    return mine[0]


def access_process(*, user: User, process_id: uuid.UUID | str) -> Process:
    try:
        key = uuid.UUID(str(process_id))
    except ValueError:
        raise NotFound from None
    process = Process.objects.select_related("case").filter(id=key).first()
    if process is None:
        raise NotFound
    access_case(user=user, case_id=process.case_id)
    return process


def cases_for(*, user: User) -> QuerySet[Case]:
    """The cases the user takes part in, newest first. For the user's own dashboard."""
    return (
        Case.objects.filter(participants__user=user, participants__status__in=_SEES_CASE)
        .distinct()
        .order_by("-created_at")
    )


def sides_of(case: Case) -> list[Side]:
    return list(case.sides.order_by("position"))


def current_participants(case: Case) -> QuerySet[Participant]:
    return Participant.objects.filter(case=case, status=ParticipantStatus.ACTIVE).select_related(
        "user", "side"
    )


def active_process(case: Case) -> Process | None:
    return Process.objects.filter(case=case, status=ProcessStatus.ACTIVE).first()


def proposed_process(case: Case) -> Process | None:
    return Process.objects.filter(case=case, status=ProcessStatus.PROPOSED).first()


def last_process(case: Case) -> Process | None:
    """The most recent process that ended or is under way (what a new proposal follows)."""
    return (
        Process.objects.filter(case=case, status__in=[ProcessStatus.ACTIVE, ProcessStatus.ENDED])
        .order_by("-created_at")
        .first()
    )


def processes_of(case: Case) -> QuerySet[Process]:
    return Process.objects.filter(case=case).order_by("created_at")


def consented_side_ids(process: Process) -> set[uuid.UUID]:
    return set(ProcessConsent.objects.filter(process=process).values_list("side_id", flat=True))


def departed_side_ids(process: Process) -> set[uuid.UUID]:
    return set(SideDeparture.objects.filter(process=process).values_list("side_id", flat=True))


def remaining_sides(process: Process) -> list[Side]:
    departed = departed_side_ids(process)
    return [side for side in sides_of(process.case) if side.id not in departed]


def latest_confidentiality_choices(process: Process) -> dict[uuid.UUID, bool]:
    """Each side's latest choice (a side may change its mind before the start)."""
    choices: dict[uuid.UUID, bool] = {}
    for side_id, confidential in (
        ConfidentialityChoice.objects.filter(process=process)
        .order_by("created_at")
        .values_list("side_id", "confidential")
    ):
        choices[side_id] = confidential
    return choices


def accepted_participant_ids(process: Process) -> set[uuid.UUID]:
    return set(
        ConfidentialityAcceptance.objects.filter(process=process).values_list(
            "participant_id", flat=True
        )
    )


def med_arb_consented_side_ids(case: Case) -> set[uuid.UUID]:
    return set(MedArbConsent.objects.filter(case=case).values_list("side_id", flat=True))


def has_mediated(*, case: Case, user_id: uuid.UUID | None) -> bool:
    """Whether this person ever held the mediator role in the case (any status)."""
    if user_id is None:
        return False
    return (
        Participant.objects.filter(case=case, user_id=user_id, role=Role.MEDIATOR)
        .exclude(status=ParticipantStatus.INVITED)
        .exists()
    )
