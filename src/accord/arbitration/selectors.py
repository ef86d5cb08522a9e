"""Reads of an arbitration: its terms, the record's submissions, hearings and the award.

Everything here is seen by the record's audience (every side and the arbitrator; DESIGN.md
§4), through the same rule as the agreements (`agreements.selectors.in_agreement_audience`,
which is `rooms.visibility.in_audience` on the record). An award draft is seen by the
arbitrator alone. Nothing here reads a mediation room, a screening answer or a preference:
the arbitrator's pages are built only from these functions (the firewall, invariant 3).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.agreements.models import Agreement, AgreementVersion
from accord.agreements.selectors import (
    access_agreements_of,
    shared_room_kind,
    signed_by_every_side,
)
from accord.agreements.vocabulary import AgreementKind, AgreementStatus
from accord.arbitration.models import (
    ArbitrationTerms,
    Award,
    Hearing,
    SideDeadline,
    Submission,
    SubmissionFile,
    SubmissionsClosed,
)
from accord.arbitration.vocabulary import AwardStatus
from accord.audit.models import AuditCheckpoint
from accord.cases.models import Case, Participant, Process, Side
from accord.cases.vocabulary import ParticipantStatus, Role
from accord.core.errors import NotFound
from accord.rooms.models import RoomKind


def _key(value: uuid.UUID | str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound from None


def is_arbitration(process: Process) -> bool:
    """A process whose texts live on a record (DESIGN.md §4), i.e. an arbitration."""
    return shared_room_kind(process) == RoomKind.RECORD


def access_arbitration(*, user: User, process_id: uuid.UUID | str) -> tuple[Process, Participant]:
    """The arbitration and the viewer's place on its record, or NotFound (missing, not an
    arbitration, or not yours, alike)."""
    process, viewer = access_agreements_of(user=user, process_id=process_id)
    if not is_arbitration(process):
        raise NotFound
    return process, viewer


def arbitration_agreement(process: Process) -> Agreement | None:
    return (
        Agreement.objects.filter(process=process, kind=AgreementKind.ARBITRATION)
        .select_related("final_version")
        .first()
    )


def terms_of(version: AgreementVersion) -> ArbitrationTerms | None:
    return (
        ArbitrationTerms.objects.filter(version=version)
        .prefetch_related("scope", "deadlines__side")
        .first()
    )


def latest_terms(process: Process) -> ArbitrationTerms | None:
    """The terms of the arbitration agreement's latest version (signed or not)."""
    return (
        ArbitrationTerms.objects.filter(process=process)
        .select_related("version")
        .prefetch_related("scope", "deadlines__side")
        .order_by("-version__number")
        .first()
    )


def terms_in_force(process: Process) -> ArbitrationTerms | None:
    """The terms every side signed, or None while the arbitration agreement is unsigned."""
    agreement = arbitration_agreement(process)
    if agreement is None or agreement.status != AgreementStatus.SIGNED:
        return None
    if agreement.final_version is None:
        return None
    return terms_of(agreement.final_version)


def arbitration_agreement_blockers(process: Process) -> list[str]:
    """Registered with cases as a start check (see `ArbitrationConfig.ready`): an arbitration
    starts, and so binds, only once every side has signed its arbitration agreement (the
    terms: scope, rules, deadlines). A consent click alone never binds a side to an award."""
    if not is_arbitration(process):
        return []
    agreement = arbitration_agreement(process)
    if (
        agreement is not None
        and signed_by_every_side(agreement, process)
        and terms_in_force(process) is not None
    ):
        return []
    return [
        _(
            "Every party must sign the arbitration agreement (the questions, rules and "
            "deadlines) before the arbitration starts: write its terms on the arbitration page "
            "and have every party sign them."
        )
    ]


@dataclass(frozen=True)
class SideState:
    """Whether a side may still file: its deadline and whether it said it is done."""

    side: Side
    due_at: dt.datetime | None
    closed: bool
    now: dt.datetime

    @property
    def passed(self) -> bool:
        return self.due_at is not None and self.now > self.due_at

    @property
    def open(self) -> bool:
        return not self.closed and not self.passed


def closed_side_ids(process: Process) -> set[uuid.UUID]:
    return set(SubmissionsClosed.objects.filter(process=process).values_list("side_id", flat=True))


def side_states(process: Process, terms: ArbitrationTerms, now: dt.datetime) -> list[SideState]:
    """Every side's filing state under the terms in force, in side order."""
    due = {d.side_id: d.due_at for d in SideDeadline.objects.filter(terms=terms)}
    closed = closed_side_ids(process)
    return [
        SideState(side, due.get(side.id), side.id in closed, now)
        for side in process.case.sides.order_by("position")
    ]


def deadline_for(terms: ArbitrationTerms, side_id: uuid.UUID | None) -> SideDeadline | None:
    if side_id is None:
        return None
    return SideDeadline.objects.filter(terms=terms, side_id=side_id).select_related("side").first()


def submissions_of(process: Process) -> QuerySet[Submission]:
    """The record's submissions, oldest first. Callers hold access to the arbitration."""
    return (
        Submission.objects.filter(process=process)
        .select_related("author__user", "side")
        .prefetch_related("files")
    )


def access_submission(
    *, user: User, submission_id: uuid.UUID | str
) -> tuple[Submission, Participant]:
    submission = (
        Submission.objects.select_related("process__case", "author__user", "side")
        .prefetch_related("files")
        .filter(id=_key(submission_id))
        .first()
    )
    if submission is None:
        raise NotFound
    _process, viewer = access_arbitration(user=user, process_id=submission.process_id)
    return submission, viewer


def access_submission_file(
    *, user: User, submission_id: uuid.UUID | str, file_id: uuid.UUID | str
) -> tuple[SubmissionFile, Participant]:
    submission, viewer = access_submission(user=user, submission_id=submission_id)
    item = SubmissionFile.objects.filter(submission=submission, id=_key(file_id)).first()
    if item is None:
        raise NotFound
    return item, viewer


def current_hearing(process: Process) -> Hearing | None:
    """The hearing in effect: the latest one, which replaced any earlier."""
    return Hearing.objects.filter(process=process).order_by("-created_at").first()


def issued_award(process: Process) -> Award | None:
    return Award.objects.filter(process=process, status=AwardStatus.ISSUED).first()


def latest_draft(process: Process) -> Award | None:
    return (
        Award.objects.filter(process=process, status=AwardStatus.DRAFT).order_by("-number").first()
    )


def access_award(*, user: User, award_id: uuid.UUID | str) -> tuple[Award, Participant]:
    """An issued award for the record's audience; a draft for its arbitrator alone."""
    award = (
        Award.objects.select_related("process__case", "terms__version", "author__user")
        .filter(id=_key(award_id))
        .first()
    )
    if award is None:
        raise NotFound
    _process, viewer = access_arbitration(user=user, process_id=award.process_id)
    if award.status != AwardStatus.ISSUED and viewer.role != Role.ARBITRATOR:
        raise NotFound
    return award, viewer


def decisions_of(award: Award) -> list[tuple[str, str, Decimal | None]]:
    """(question, decision, amount) in the scope's order."""
    return [
        (d.scope_item.question, d.decision, d.amount)
        for d in award.decisions.select_related("scope_item").order_by("scope_item__position")
    ]


def checkpoint_by_id(checkpoint_id: int | None) -> AuditCheckpoint | None:
    if checkpoint_id is None:
        return None
    return AuditCheckpoint.objects.filter(id=checkpoint_id).first()


def arbitrators_of(case: Case) -> list[Participant]:
    """Everyone appointed (or being appointed) as arbitrator in the case, newest first."""
    return list(
        Participant.objects.filter(
            case=case,
            role=Role.ARBITRATOR,
            status__in=[
                ParticipantStatus.INVITED,
                ParticipantStatus.PENDING,
                ParticipantStatus.ACTIVE,
            ],
        )
        .select_related("user")
        .order_by("-created_at")
    )
