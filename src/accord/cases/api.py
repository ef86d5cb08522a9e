"""JSON API for cases and processes: /api/v1/cases/… and /api/v1/processes/….

Every route parses its input, finds the case through an `access_*` selector (NotFound, one
fixed body, for a stranger and a missing id alike), calls exactly one service, and shapes the
answer. Routes never save a model and never check a permission: the services do, and the API
root turns their errors into JSON with the rule's wording (403 / 409 / 400).

A person may hold several places in a case (med-arb): `as_role` picks the one to act with;
without it, the first current one is used.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import P, Query, QueryEx, Router, Status

from accord.accounts.auth import api_user
from accord.accounts.models import User
from accord.cases import permissions, selectors, services
from accord.cases.models import (
    Case,
    ConfidentialityAcceptance,
    ConfidentialityChoice,
    Participant,
    Process,
    ProcessConsent,
    Side,
)
from accord.cases.schemas import (
    CaseOpenIn,
    CaseOut,
    CasePageOut,
    CaseSummaryOut,
    ConfidentialityAcceptanceOut,
    ConfidentialityChoiceIn,
    ConfidentialityChoiceOut,
    ConflictDeclarationIn,
    ConflictDeclarationOut,
    InviteIn,
    MedArbConsentOut,
    PageIn,
    ParticipantOut,
    ParticipationOut,
    ProcessConsentOut,
    ProcessEndIn,
    ProcessMoveIn,
    ProcessOut,
    ProcessProposeIn,
    SideAddIn,
    SideOut,
)
from accord.cases.services.processes import start_blockers
from accord.cases.vocabulary import (
    Format,
    Outcome,
    ParticipantStatus,
    ProcessKind,
    ProcessStatus,
    Role,
)
from accord.core.errors import InvalidInput, NotFound
from accord.core.schemas import ERRORS

router = Router(tags=["cases"])

_PROCESSES = ["processes"]
# The places from which a person sees a case (as selectors.participations counts them).
_SEES_CASE = (ParticipantStatus.ACTIVE, ParticipantStatus.PENDING)

AsRole = QueryEx[
    Role | None,
    P(description="Which of my places in the case to act with (default: the first current one)."),
]


# --- helpers: who is asking, and shaping ---------------------------------------------------


def _role(as_role: Role | None) -> str | None:
    return as_role.value if as_role is not None else None


def _acting(request: HttpRequest, case_id: uuid.UUID, as_role: Role | None) -> Participant:
    return selectors.access_participation(
        user=api_user(request), case_id=case_id, role=_role(as_role)
    )


def _acting_on_process(
    request: HttpRequest, process_id: uuid.UUID, as_role: Role | None
) -> tuple[Participant, Process]:
    user = api_user(request)
    process = selectors.access_process(user=user, process_id=process_id)
    actor = selectors.access_participation(user=user, case_id=process.case_id, role=_role(as_role))
    return actor, process


def _side_out(side: Side) -> SideOut:
    return SideOut(id=side.id, label=side.label, position=side.position)


def _participation_out(place: Participant) -> ParticipationOut:
    return ParticipationOut(
        id=place.id,
        role=Role(place.role),
        side_id=place.side_id,
        status=ParticipantStatus(place.status),
    )


def _participant_out(person: Participant, *, show_email: bool) -> ParticipantOut:
    return ParticipantOut(
        id=person.id,
        role=Role(person.role),
        side_id=person.side_id,
        status=ParticipantStatus(person.status),
        name=person.user.display_name if person.user is not None else None,
        email=person.email if show_email else None,
    )


def _process_out(process: Process) -> ProcessOut:
    proposed = process.status == ProcessStatus.PROPOSED
    return ProcessOut(
        id=process.id,
        case_id=process.case_id,
        kind=ProcessKind(process.kind),
        format=Format(process.format),
        status=ProcessStatus(process.status),
        outcome=Outcome(process.outcome) if process.outcome else None,
        binding=process.binding,
        confidential=process.confidential,
        compulsory=process.compulsory,
        court_ordered=process.court_ordered,
        follows_id=process.follows_id,
        created_at=process.created_at,
        started_at=process.started_at,
        ended_at=process.ended_at,
        start_blockers=start_blockers(process) if proposed else [],
    )


def _summary_fields(
    case: Case, sides: Iterable[Side], mine: Iterable[Participant]
) -> dict[str, Any]:
    return {
        "id": case.id,
        "title": case.title,
        "kind": case.kind,
        "jurisdiction": case.jurisdiction,
        "is_practice": case.is_practice,
        "created_at": case.created_at,
        "sides": [_side_out(s) for s in sides],
        "me": [_participation_out(p) for p in mine],
    }


def _case_out(*, case: Case, actor: Participant, user: User) -> CaseOut:
    """The case as `actor` sees it: e-mail addresses only for managers (and one's own)."""
    manager = permissions.is_manager(actor)
    people = selectors.current_participants(case)
    processes = selectors.processes_of(case).select_related("case")
    return CaseOut(
        **_summary_fields(
            case, selectors.sides_of(case), selectors.participations(user=user, case=case)
        ),
        participants=[
            _participant_out(p, show_email=manager or p.user_id == user.id) for p in people
        ],
        processes=[_process_out(p) for p in processes],
    )


def _participants_named(case_id: uuid.UUID, ids: list[uuid.UUID]) -> list[Participant]:
    """The participants of this case with these ids; any other id is refused, not skipped."""
    wanted = set(ids)
    found = list(Participant.objects.filter(case_id=case_id, id__in=wanted))
    if len(found) != len(wanted):
        raise InvalidInput(_("Name only participants of this case."), field="related_to")
    return found


def _participant_of(case_id: uuid.UUID, participant_id: uuid.UUID) -> Participant:
    person = (
        Participant.objects.select_related("case", "user")
        .filter(case_id=case_id, id=participant_id)
        .first()
    )
    if person is None:
        raise NotFound
    return person


# --- cases ---------------------------------------------------------------------------------


@router.get(
    "/cases",
    response={200: CasePageOut, **ERRORS},
    operation_id="case_list",
    summary="List the cases I take part in, newest first.",
)
def list_cases(request: HttpRequest, page: Query[PageIn]) -> CasePageOut:
    user = api_user(request)
    cases = selectors.cases_for(user=user)
    count = cases.count()
    mine = Participant.objects.filter(user=user, status__in=_SEES_CASE).select_related("side")
    rows = cases.prefetch_related(
        Prefetch("sides", queryset=Side.objects.order_by("position")),
        Prefetch("participants", queryset=mine, to_attr="my_places"),
    )[page.offset : page.offset + page.limit]
    items = [
        CaseSummaryOut(**_summary_fields(c, c.sides.all(), getattr(c, "my_places", [])))
        for c in rows
    ]
    return CasePageOut(count=count, items=items)


@router.post(
    "/cases",
    response={201: CaseOut, **ERRORS},
    operation_id="case_open",
    summary="Open a case with its sides; I join it in the role I hold.",
)
def open_case(request: HttpRequest, body: CaseOpenIn) -> Status[CaseOut]:
    user = api_user(request)
    case, opener = services.case_open(
        user=user,
        title=body.title,
        kind=body.kind.value,
        sides=body.sides,
        opener_role=body.opener_role.value,
        opener_side=body.opener_side,
        jurisdiction=body.jurisdiction,
        is_practice=body.is_practice,
    )
    return Status(201, _case_out(case=case, actor=opener, user=user))


@router.get(
    "/cases/{case_id}",
    response={200: CaseOut, **ERRORS},
    operation_id="case_detail",
    summary="One case: sides, current participants, processes and what blocks the next start.",
)
def case_detail(request: HttpRequest, case_id: uuid.UUID, as_role: AsRole = None) -> CaseOut:
    actor = _acting(request, case_id, as_role)
    return _case_out(case=actor.case, actor=actor, user=api_user(request))


@router.post(
    "/cases/{case_id}/sides",
    response={201: SideOut, **ERRORS},
    operation_id="side_add",
    summary="Add a side to the case (its mediator or coordinator).",
)
def add_side(
    request: HttpRequest, case_id: uuid.UUID, body: SideAddIn, as_role: AsRole = None
) -> Status[SideOut]:
    actor = _acting(request, case_id, as_role)
    side = services.side_add(actor=actor, case=actor.case, label=body.label)
    return Status(201, _side_out(side))


@router.post(
    "/cases/{case_id}/participants",
    response={201: ParticipantOut, **ERRORS},
    operation_id="participant_invite",
    summary="Invite someone by e-mail in one role; the link goes by e-mail only.",
)
def invite_participant(
    request: HttpRequest, case_id: uuid.UUID, body: InviteIn, as_role: AsRole = None
) -> Status[ParticipantOut]:
    actor = _acting(request, case_id, as_role)
    side = None
    if body.side_id is not None:
        side = next((s for s in selectors.sides_of(actor.case) if s.id == body.side_id), None)
        if side is None:
            raise InvalidInput(_("This case has no such side."), field="side_id")
    participant, _issued = services.participant_invite(
        actor=actor, case=actor.case, email=body.email, role=body.role.value, side=side
    )
    # The inviter typed the address; the link itself is never part of the answer.
    return Status(201, _participant_out(participant, show_email=True))


@router.post(
    "/cases/{case_id}/participants/{participant_id}/remove",
    response={200: ParticipantOut, **ERRORS},
    operation_id="participant_remove",
    summary="End someone's place in the case; nothing is deleted, their history stays.",
)
def remove_participant(
    request: HttpRequest,
    case_id: uuid.UUID,
    participant_id: uuid.UUID,
    as_role: AsRole = None,
) -> ParticipantOut:
    actor = _acting(request, case_id, as_role)
    person = _participant_of(actor.case_id, participant_id)
    removed = services.participant_remove(actor=actor, participant=person)
    return _participant_out(removed, show_email=permissions.is_manager(actor))


@router.post(
    "/cases/{case_id}/conflict-declaration",
    response={201: ConflictDeclarationOut, **ERRORS},
    operation_id="conflicts_declare",
    summary="As a neutral, declare relationships and financial interests in this case.",
)
def declare_conflicts(
    request: HttpRequest,
    case_id: uuid.UUID,
    body: ConflictDeclarationIn,
    as_role: AsRole = None,
) -> Status[ConflictDeclarationOut]:
    actor = _acting(request, case_id, as_role)
    related = _participants_named(actor.case_id, body.related_to)
    declaration = services.neutral_declare_conflicts(
        actor=actor,
        related_to=related,
        financial_interest=body.financial_interest,
        details=body.details,
    )
    return Status(
        201,
        ConflictDeclarationOut(
            id=declaration.id,
            participant_id=actor.id,
            conflict=declaration.has_conflict,
            appointment_status=ParticipantStatus(declaration.participant.status),
        ),
    )


@router.post(
    "/cases/{case_id}/appointment/take-effect",
    response={200: ParticipationOut, **ERRORS},
    operation_id="appointment_take_effect",
    summary="As a neutral, take up a pending appointment once every condition holds.",
)
def take_effect(
    request: HttpRequest, case_id: uuid.UUID, as_role: AsRole = None
) -> ParticipationOut:
    actor = _acting(request, case_id, as_role)
    return _participation_out(services.neutral_take_effect(actor=actor))


@router.post(
    "/cases/{case_id}/med-arb-consent",
    response={201: MedArbConsentOut, **ERRORS},
    operation_id="med_arb_consent_give",
    summary="As a party, record my side's informed consent that the mediator may arbitrate.",
)
def give_med_arb_consent(
    request: HttpRequest, case_id: uuid.UUID, as_role: AsRole = None
) -> Status[MedArbConsentOut]:
    actor = _acting(request, case_id, as_role)
    consent = services.med_arb_consent_give(actor=actor)
    return Status(
        201,
        MedArbConsentOut(
            id=consent.id,
            side_id=consent.side_id,
            acknowledgement=consent.acknowledgement,
            created_at=consent.created_at,
        ),
    )


# --- processes -----------------------------------------------------------------------------


@router.post(
    "/cases/{case_id}/processes",
    response={201: ProcessOut, **ERRORS},
    operation_id="process_propose",
    summary="Propose the case's next process; a party's own side consents by proposing.",
    tags=_PROCESSES,
)
def propose_process(
    request: HttpRequest, case_id: uuid.UUID, body: ProcessProposeIn, as_role: AsRole = None
) -> Status[ProcessOut]:
    actor = _acting(request, case_id, as_role)
    process = services.process_propose(
        actor=actor,
        case=actor.case,
        kind=body.kind.value,
        format=body.format.value if body.format is not None else None,
        compulsory=body.compulsory,
        court_ordered=body.court_ordered,
        court_reference=body.court_reference,
    )
    return Status(201, _process_out(process))


@router.get(
    "/processes/{process_id}",
    response={200: ProcessOut, **ERRORS},
    operation_id="process_detail",
    summary="One process, with what still blocks its start while it is proposed.",
    tags=_PROCESSES,
)
def process_detail(request: HttpRequest, process_id: uuid.UUID) -> ProcessOut:
    return _process_out(selectors.access_process(user=api_user(request), process_id=process_id))


@router.post(
    "/processes/{process_id}/consent",
    response={201: ProcessConsentOut, **ERRORS},
    operation_id="process_consent",
    summary="Give my side's consent to a proposed process (for arbitration: to be bound).",
    tags=_PROCESSES,
)
def consent_to_process(
    request: HttpRequest, process_id: uuid.UUID, as_role: AsRole = None
) -> Status[ProcessConsentOut]:
    actor, process = _acting_on_process(request, process_id, as_role)
    consent: ProcessConsent = services.process_consent(actor=actor, process=process)
    return Status(
        201,
        ProcessConsentOut(
            id=consent.id,
            process_id=consent.process_id,
            side_id=consent.side_id,
            created_at=consent.created_at,
        ),
    )


@router.post(
    "/processes/{process_id}/confidentiality-choice",
    response={201: ConfidentialityChoiceOut, **ERRORS},
    operation_id="process_choose_confidentiality",
    summary="Negotiation: my side's explicit choice of confidentiality (the latest counts).",
    tags=_PROCESSES,
)
def choose_confidentiality(
    request: HttpRequest,
    process_id: uuid.UUID,
    body: ConfidentialityChoiceIn,
    as_role: AsRole = None,
) -> Status[ConfidentialityChoiceOut]:
    actor, process = _acting_on_process(request, process_id, as_role)
    choice: ConfidentialityChoice = services.process_choose_confidentiality(
        actor=actor, process=process, confidential=body.confidential
    )
    return Status(
        201,
        ConfidentialityChoiceOut(
            id=choice.id,
            process_id=choice.process_id,
            side_id=choice.side_id,
            confidential=choice.confidential,
            created_at=choice.created_at,
        ),
    )


@router.post(
    "/processes/{process_id}/confidentiality-acceptance",
    response={201: ConfidentialityAcceptanceOut, **ERRORS},
    operation_id="process_accept_confidentiality",
    summary="Accept the confidentiality terms of a confidential process (e.g. mediation).",
    tags=_PROCESSES,
)
def accept_confidentiality(
    request: HttpRequest, process_id: uuid.UUID, as_role: AsRole = None
) -> Status[ConfidentialityAcceptanceOut]:
    actor, process = _acting_on_process(request, process_id, as_role)
    acceptance: ConfidentialityAcceptance = services.process_accept_confidentiality(
        actor=actor, process=process
    )
    return Status(
        201,
        ConfidentialityAcceptanceOut(
            id=acceptance.id,
            process_id=acceptance.process_id,
            participant_id=acceptance.participant_id,
            terms_version=acceptance.terms_version,
            created_at=acceptance.created_at,
        ),
    )


@router.post(
    "/processes/{process_id}/start",
    response={200: ProcessOut, **ERRORS},
    operation_id="process_start",
    summary="Start a proposed process once every consent and precondition is in place.",
    tags=_PROCESSES,
)
def start_process(
    request: HttpRequest, process_id: uuid.UUID, as_role: AsRole = None
) -> ProcessOut:
    actor, process = _acting_on_process(request, process_id, as_role)
    return _process_out(services.process_start(actor=actor, process=process))


@router.post(
    "/processes/{process_id}/withdraw",
    response={200: ProcessOut, **ERRORS},
    operation_id="process_withdraw",
    summary="My side leaves (declines, walks away or withdraws) as the rules allow; no reason.",
    tags=_PROCESSES,
)
def withdraw_from_process(
    request: HttpRequest, process_id: uuid.UUID, as_role: AsRole = None
) -> ProcessOut:
    actor, process = _acting_on_process(request, process_id, as_role)
    return _process_out(services.process_withdraw(actor=actor, process=process))


@router.post(
    "/processes/{process_id}/impasse",
    response={200: ProcessOut, **ERRORS},
    operation_id="process_declare_impasse",
    summary="End a process under way at impasse.",
    tags=_PROCESSES,
)
def declare_impasse(
    request: HttpRequest, process_id: uuid.UUID, as_role: AsRole = None
) -> ProcessOut:
    actor, process = _acting_on_process(request, process_id, as_role)
    return _process_out(services.process_declare_impasse(actor=actor, process=process))


@router.post(
    "/processes/{process_id}/end",
    response={200: ProcessOut, **ERRORS},
    operation_id="process_end",
    summary="Record how a process under way ended, by a role the rules allow.",
    tags=_PROCESSES,
)
def end_process(
    request: HttpRequest, process_id: uuid.UUID, body: ProcessEndIn, as_role: AsRole = None
) -> ProcessOut:
    actor, process = _acting_on_process(request, process_id, as_role)
    ended = services.process_end(actor=actor, process=process, outcome=body.outcome.value)
    return _process_out(ended)


@router.post(
    "/processes/{process_id}/move",
    response={201: ProcessOut, **ERRORS},
    operation_id="process_move",
    summary="Move on: end this process at impasse if under way, and propose the next.",
    tags=_PROCESSES,
)
def move_process(
    request: HttpRequest, process_id: uuid.UUID, body: ProcessMoveIn, as_role: AsRole = None
) -> Status[ProcessOut]:
    actor, process = _acting_on_process(request, process_id, as_role)
    following = services.process_move(
        actor=actor,
        process=process,
        kind=body.kind.value,
        format=body.format.value if body.format is not None else None,
        court_ordered=body.court_ordered,
        court_reference=body.court_reference,
    )
    return Status(201, _process_out(following))
