"""Reads of agreements, versions, comments and signatures, all behind one audience rule.

Who sees an agreement: the audience of the process's shared room (DESIGN.md §4): the joint
room's audience in negotiation and mediation (drafts are written "in the joint context",
even in a shuttle-only mediation that has no joint room), the record's audience in
arbitration. The rule is `rooms.visibility.in_audience` itself, asked about that room kind,
so agreements can never drift from what the rooms show.

One narrow exception (`access_signed_document`): whoever signed an agreement that everyone
signed keeps the right to download it, also after the process closed, after their side
withdrew, or after they left the case. It opens that document and nothing else.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.agreements.models import (
    Agreement,
    AgreementVersion,
    AttemptCertificate,
    Comment,
    Signature,
    SigningAuthority,
    SigningConsent,
)
from accord.agreements.vocabulary import AgreementKind, AgreementStatus
from accord.audit.models import AuditCheckpoint
from accord.cases.models import Participant, Process, Side
from accord.cases.rules import rules_for
from accord.cases.selectors import access_process, departed_side_ids, participations
from accord.cases.vocabulary import Outcome, ParticipantStatus, Role
from accord.core.errors import NotFound
from accord.rooms.models import Room, RoomKind
from accord.rooms.plan import planned_rooms
from accord.rooms.visibility import in_audience


def _key(value: uuid.UUID | str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound from None


def shared_room_kind(process: Process) -> RoomKind:
    """The room whose audience works on the process's texts: the record where there is one
    (arbitration), otherwise the joint room."""
    if (RoomKind.RECORD, False) in planned_rooms(process):
        return RoomKind.RECORD
    return RoomKind.JOINT


def in_agreement_audience(participant: Participant, process: Process) -> bool:
    """The one rule for agreements: the audience of the process's shared room, computed by
    the rooms' own rule on that room kind (the room need not exist: shuttle-only mediation)."""
    return in_audience(participant, Room(process=process, kind=shared_room_kind(process)))


def viewer_for(*, user: User, process: Process) -> Participant | None:
    """The user's place in the case that sees the process's agreements, if any."""
    for place in participations(user=user, case=process.case):
        if in_agreement_audience(place, process):
            return place
    return None


def access_agreements_of(*, user: User, process_id: uuid.UUID | str) -> tuple[Process, Participant]:
    """The process and the viewer's place, or NotFound (missing and not-yours alike)."""
    process = access_process(user=user, process_id=process_id)
    viewer = viewer_for(user=user, process=process)
    if viewer is None:
        raise NotFound
    return process, viewer


def access_agreement(*, user: User, agreement_id: uuid.UUID | str) -> tuple[Agreement, Participant]:
    agreement = (
        Agreement.objects.select_related("process__case", "created_by__user")
        .filter(id=_key(agreement_id))
        .first()
    )
    if agreement is None:
        raise NotFound
    _process, viewer = access_agreements_of(user=user, process_id=agreement.process_id)
    return agreement, viewer


def access_version(
    *, user: User, version_id: uuid.UUID | str
) -> tuple[AgreementVersion, Participant]:
    version = (
        AgreementVersion.objects.select_related(
            "agreement__process__case", "author__user", "author__side"
        )
        .filter(id=_key(version_id))
        .first()
    )
    if version is None:
        raise NotFound
    _process, viewer = access_agreements_of(user=user, process_id=version.agreement.process_id)
    return version, viewer


def _signatory_place(user: User, agreement: Agreement) -> Participant | None:
    """The user's place (in any state) that signed, or was signed for, the final version."""
    if agreement.final_version_id is None:
        return None
    signature = (
        Signature.objects.filter(version_id=agreement.final_version_id, voided_at__isnull=True)
        .filter(Q(signer__user=user) | Q(principal__user=user))
        .select_related("signer", "principal")
        .first()
    )
    if signature is None:
        return None
    return signature.principal if signature.principal.user_id == user.pk else signature.signer


def access_signed_document(
    *, user: User, agreement_id: uuid.UUID | str
) -> tuple[Agreement, Participant]:
    """An agreement everyone signed, for its audience and for every signatory whatever has
    happened since (closed, withdrawn, removed). NotFound otherwise, including for a draft."""
    if not getattr(user, "is_authenticated", False):
        raise NotFound
    agreement = (
        Agreement.objects.select_related("process__case", "final_version")
        .filter(id=_key(agreement_id), status=AgreementStatus.SIGNED)
        .first()
    )
    if agreement is None:
        raise NotFound
    viewer = viewer_for(user=user, process=agreement.process)
    if viewer is None:
        viewer = _signatory_place(user, agreement)
    if viewer is None:
        raise NotFound
    return agreement, viewer


def signed_documents_for(*, user: User) -> list[tuple[Agreement, Signature]]:
    """Every agreement the user signed (or was signed for) that everyone signed, newest first.
    For the user's own "my signed documents" page."""
    signatures = (
        Signature.objects.filter(
            voided_at__isnull=True,
            version__agreement__status=AgreementStatus.SIGNED,
            version__agreement__final_version=F("version"),
        )
        .filter(Q(signer__user=user) | Q(principal__user=user))
        .select_related("version__agreement__process__case", "principal__user", "signer__user")
        .order_by("-signed_at")
    )
    seen: dict[uuid.UUID, tuple[Agreement, Signature]] = {}
    for signature in signatures:
        agreement = signature.version.agreement
        seen.setdefault(agreement.id, (agreement, signature))
    return list(seen.values())


# --- lists ------------------------------------------------------------------------------------


def agreements_of(process: Process) -> QuerySet[Agreement]:
    """The process's agreements, oldest first. Callers hold access to the process."""
    return Agreement.objects.filter(process=process).select_related("created_by__user")


def versions_of(agreement: Agreement) -> QuerySet[AgreementVersion]:
    return AgreementVersion.objects.filter(agreement=agreement).select_related("author__user")


def latest_version(agreement: Agreement) -> AgreementVersion:
    version = (
        AgreementVersion.objects.filter(agreement=agreement)
        .select_related("author__user", "agreement__process__case")
        .order_by("-number")
        .first()
    )
    if version is None:  # every agreement is created with its first version
        raise NotFound
    return version


def previous_version(version: AgreementVersion) -> AgreementVersion | None:
    return (
        AgreementVersion.objects.filter(
            agreement_id=version.agreement_id, number__lt=version.number
        )
        .order_by("-number")
        .first()
    )


def version_of(agreement: Agreement, version_id: uuid.UUID | str) -> AgreementVersion | None:
    """Another version of the same agreement (to compare with), or None."""
    return AgreementVersion.objects.filter(agreement=agreement, id=_key(version_id)).first()


def comments_on(version: AgreementVersion) -> QuerySet[Comment]:
    return Comment.objects.filter(version=version).select_related("author__user", "author__side")


def signatures_on(version: AgreementVersion) -> QuerySet[Signature]:
    return Signature.objects.filter(version=version).select_related(
        "principal__user", "signer__user", "side", "authority", "consent"
    )


def consent_of(agreement: Agreement, participant: Participant) -> SigningConsent | None:
    return SigningConsent.objects.filter(agreement=agreement, participant=participant).first()


def open_authority(
    version: AgreementVersion, *, principal: Participant, advocate: Participant
) -> SigningAuthority | None:
    return SigningAuthority.objects.filter(
        version=version, principal=principal, advocate=advocate, revoked_at__isnull=True
    ).first()


def authorities_on(version: AgreementVersion) -> QuerySet[SigningAuthority]:
    return SigningAuthority.objects.filter(version=version).select_related(
        "principal__user", "advocate__user"
    )


def advocates_of_side(case_id: uuid.UUID, side_id: uuid.UUID | None) -> list[Participant]:
    """The side's current advocates (a party may let one of them sign for them)."""
    if side_id is None:
        return []
    return list(
        Participant.objects.filter(
            case_id=case_id, side_id=side_id, role=Role.ADVOCATE, status=ParticipantStatus.ACTIVE
        ).select_related("user")
    )


def checkpoint_of(agreement: Agreement) -> AuditCheckpoint | None:
    """The audit checkpoint taken when everyone had signed."""
    if agreement.checkpoint_id is None:
        return None
    return AuditCheckpoint.objects.filter(id=agreement.checkpoint_id).first()


def certificate_of(process: Process) -> AttemptCertificate | None:
    return AttemptCertificate.objects.filter(process=process).first()


def access_attempt_of(*, user: User, process_id: uuid.UUID | str) -> tuple[Process, Participant]:
    """A process whose certificate of attempt the user may see or issue: they take part in the
    case in a role of that process (a side that withdrew included: the certificate holds no
    confidential content, and a party needs it for court). An arbitrator is no role of a
    mediation, so the firewall holds here too."""
    process = access_process(user=user, process_id=process_id)
    roles = rules_for(process.kind).participant_roles
    for place in participations(user=user, case=process.case):
        if place.is_current and place.role in roles:
            return process, place
    raise NotFound


# --- who must sign -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SigningState:
    """Who must sign a version, who has, and which sides cannot sign yet."""

    required: list[Participant]
    signed: dict[uuid.UUID, Signature]  # principal id -> their valid signature on the version
    sides_without_party: list[Side]

    @property
    def missing(self) -> list[Participant]:
        return [p for p in self.required if p.id not in self.signed]

    @property
    def complete(self) -> bool:
        return bool(self.required) and not self.missing and not self.sides_without_party


def required_principals(process: Process) -> tuple[list[Participant], list[Side]]:
    """Every current party of every side still in the process, and the sides that have none.

    A side with no party in the case cannot sign: its advocate may only sign for a party.
    """
    departed = departed_side_ids(process)
    sides = [s for s in process.case.sides.order_by("position") if s.id not in departed]
    principals = list(
        Participant.objects.filter(
            case=process.case,
            role=Role.PRINCIPAL,
            status=ParticipantStatus.ACTIVE,
            side_id__in=[s.id for s in sides],
        )
        .select_related("user", "side")
        .order_by("side__position", "created_at")
    )
    with_party = {p.side_id for p in principals}
    return principals, [s for s in sides if s.id not in with_party]


@dataclass(frozen=True)
class AgreementRow:
    """One line of a process's list of agreements."""

    agreement: Agreement
    latest: AgreementVersion
    signed: int  # required parties who signed the latest version
    required: int


def agreements_overview(process: Process) -> list[AgreementRow]:
    """The process's agreements with their latest version and how many required parties
    signed it, in a fixed number of queries however many agreements there are."""
    agreements = list(agreements_of(process))
    latest: dict[uuid.UUID, AgreementVersion] = {}
    for version in AgreementVersion.objects.filter(agreement__in=agreements).order_by("number"):
        latest[version.agreement_id] = version
    required, _sides = required_principals(process)
    required_ids = {p.id for p in required}
    signed: dict[uuid.UUID, set[uuid.UUID]] = {}
    for version_id, principal_id in Signature.objects.filter(
        version__in=list(latest.values()), voided_at__isnull=True
    ).values_list("version_id", "principal_id"):
        signed.setdefault(version_id, set()).add(principal_id)
    return [
        AgreementRow(
            agreement=a,
            latest=latest[a.id],
            signed=len(signed.get(latest[a.id].id, set()) & required_ids),
            required=len(required),
        )
        for a in agreements
        if a.id in latest
    ]


def signing_state(version: AgreementVersion) -> SigningState:
    required, sides_without_party = required_principals(version.agreement.process)
    signed = {s.principal_id: s for s in signatures_on(version) if s.voided_at is None}
    return SigningState(required, signed, sides_without_party)


# --- what an outcome or a start rests on ------------------------------------------------------


def signed_by_every_side(agreement: Agreement, process: Process) -> bool:
    """Everyone signed it (its final version), and every side still in the process is
    bound by a valid signature on that version. A side that left needs none; a party who
    joined a side after completion does not undo it (their side is bound already)."""
    if agreement.status != AgreementStatus.SIGNED or agreement.final_version_id is None:
        return False
    departed = departed_side_ids(process)
    remaining = {s.id for s in process.case.sides.all() if s.id not in departed}
    signed_sides = set(
        Signature.objects.filter(
            version_id=agreement.final_version_id, voided_at__isnull=True
        ).values_list("side_id", flat=True)
    )
    return bool(remaining) and remaining <= signed_sides


def settlement_end_blockers(process: Process, outcome: str) -> list[str]:
    """Registered with cases as an end check (see `AgreementsConfig.ready`): "agreement" and
    "partial agreement" are recorded only once the process has a settlement every remaining
    side signed. Whoever records the outcome (a party, the mediator, the arbitrator) only
    states what the signatures already say; nobody settles for the others."""
    if outcome not in (Outcome.AGREEMENT, Outcome.PARTIAL_AGREEMENT):
        return []
    settlements = Agreement.objects.filter(
        process=process, kind=AgreementKind.SETTLEMENT, status=AgreementStatus.SIGNED
    )
    if any(signed_by_every_side(agreement, process) for agreement in settlements):
        return []
    if outcome == Outcome.PARTIAL_AGREEMENT:
        return [
            _(
                "A partial agreement is recorded only once every side has signed a text of "
                "what they agreed. Write it on the agreements page and have every party "
                "sign it first."
            )
        ]
    return [
        _(
            "An agreement is recorded only once every side has signed it. Write it on the "
            "agreements page and have every party sign it first."
        )
    ]
