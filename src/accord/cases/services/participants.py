"""Inviting, joining, appointing neutrals (with their conflict checks) and removing people."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accord.accounts.models import MagicLink, MagicLinkPurpose, User, normalize_email
from accord.accounts.selectors import user_has_strong_auth
from accord.accounts.services import IssuedLink, magic_link_issue, magic_link_send
from accord.audit.chain import content_hash
from accord.cases.models import Case, ConflictDeclaration, MedArbConsent, Participant, Side
from accord.cases.permissions import (
    check_declare_conflicts,
    check_invite,
    check_med_arb_consent,
    check_remove,
)
from accord.cases.selectors import (
    FACILITATOR_ROLES,
    has_mediated,
    med_arb_consented_side_ids,
    sides_of,
)
from accord.cases.services._audit import access_changed, case_lock, record
from accord.cases.vocabulary import NEUTRAL_ROLES, SIDE_ROLES, ParticipantStatus, Role
from accord.core import clock
from accord.core.errors import Conflict, Forbidden, InvalidInput, NotFound

MED_ARB_TEXT_VERSION = "med-arb-consent-v1"
_OPEN = (ParticipantStatus.INVITED, ParticipantStatus.PENDING, ParticipantStatus.ACTIVE)


def _conflict_with_a_side(case: Case, user_id: Any, role: str) -> str | None:
    """Why this person cannot take `role`, given their other places in the case."""
    others = Participant.objects.filter(case=case, user_id=user_id, status__in=_OPEN)
    if role in NEUTRAL_ROLES and others.filter(role__in=sorted(SIDE_ROLES)).exists():
        return _("A member of a side cannot be a neutral in the same case.")
    if role in SIDE_ROLES and others.filter(role__in=sorted(NEUTRAL_ROLES)).exists():
        return _("A neutral of this case cannot also belong to a side.")
    if role in SIDE_ROLES and others.filter(role__in=sorted(SIDE_ROLES)).exists():
        return _("This person already belongs to a side of this case.")
    if role in FACILITATOR_ROLES and others.filter(role=Role.ARBITRATOR).exists():
        # The firewall (DESIGN.md §4 invariant 3) in the other direction: an arbitrator
        # never hears a caucus or reads screening answers, whichever place came first.
        return _(
            "This person is an arbitrator in this case, so they cannot also mediate or "
            "coordinate it."
        )
    return None


def _locked(participant: Participant) -> Participant:
    """Re-read under a row lock: racing calls queue, and checks never judge a stale copy.

    The case's lock (`case_lock`) is taken first, as every write in a case takes it before
    any participant row (ending collaborative law records itself, then locks the lawyers);
    the row lock leaves the key alone (FOR NO KEY UPDATE): a post holding the case's lock
    writes rows pointing at this person and must not wait for it."""
    case_lock(participant.case_id)
    return (
        Participant.objects.select_for_update(of=("self",), no_key=True)
        .select_related("case", "side", "user")
        .get(id=participant.id)
    )


def participant_invite(
    *,
    actor: Participant,
    case: Case,
    email: str,
    role: str,
    side: Side | None = None,
    send_email: bool = True,
) -> tuple[Participant, IssuedLink]:
    """Invite someone by a single-use e-mail link, in one role (and side, for side roles).

    Managers invite anyone; a party may bring their own advocate or support person.
    Appointing a neutral is inviting one: the appointment takes effect later.
    `send_email=False` is for callers that hand the link over themselves (the demo loader).
    """
    if role not in Role.values:
        raise InvalidInput(_("Unknown role."), field="role")
    with transaction.atomic():
        # Judged under the case's lock: two parties appointing the first mediator at once
        # appoint one, and a double submit invites once.
        case_lock(case.id)
        actor = Participant.objects.select_related("case", "side", "user").get(id=actor.id)
        return _invite(actor, case, email, role, side, send_email)


def _invite(
    actor: Participant,
    case: Case,
    email: str,
    role: str,
    side: Side | None,
    send_email: bool,
) -> tuple[Participant, IssuedLink]:
    """`participant_invite`'s checks and write, under the case's lock."""
    check_invite(actor, case, role, side.id if side else None)
    if role in SIDE_ROLES and (side is None or side.case_id != case.id):
        raise InvalidInput(_("Say which side this person is on."), field="side")
    if role not in SIDE_ROLES and side is not None:
        raise InvalidInput(_("Neutrals and observers belong to no side."), field="side")
    if role == Role.OBSERVER and not case.is_practice:
        raise Forbidden(_("Observers are allowed only in training cases."))
    address = normalize_email(email)
    if "@" not in address or len(address) > 254:
        raise InvalidInput(_("Enter a valid e-mail address."), field="email")
    existing = Participant.objects.filter(case=case, email=address, role=role, status__in=_OPEN)
    if existing.exists():
        raise Conflict(_("This person already has this role in the case."), field="email")
    if (
        role == Role.ADVOCATE
        and Participant.objects.filter(
            case=case, email=address, role=Role.ADVOCATE, disqualified=True
        ).exists()
    ):
        raise Forbidden(
            _("This lawyer withdrew when collaborative law ended and cannot act again here.")
        )
    user = User.objects.filter(email=address).first()
    if user is not None:
        reason = _conflict_with_a_side(case, user.id, role)
        if reason:
            raise Forbidden(reason)
    participant = Participant.objects.create(
        case=case,
        email=address,
        role=role,
        side=side,
        status=ParticipantStatus.INVITED,
        invited_by=actor,
    )
    issued = magic_link_issue(
        purpose=MagicLinkPurpose.INVITATION,
        email=address,
        created_by=actor.user,
        next_url=f"/cases/{case.id}/",
        payload={"kind": "case", "participant": str(participant.id)},
    )
    record(
        case=case,
        actor=actor,
        action="participant.invited",
        obj=participant,
        payload={
            "role": role,
            "side": str(side.id) if side else None,
            "email": content_hash(address),
        },
    )
    if send_email:
        transaction.on_commit(
            lambda: magic_link_send(
                issued=issued,
                subject=_("You are invited to a case on Accord"),
                intro=_("%(name)s invited you to take part in a case on Accord as %(role)s.")
                % {
                    "name": actor.user.display_name if actor.user else "",
                    "role": Role(role).label,
                },
            )
        )
    return participant, issued


def invitation_accept(*, link: MagicLink, user: User) -> Participant:
    """The invited person used their link (accounts calls this through the registry).

    Runs inside the link's transaction: if joining is refused, the link stays unused.
    """
    participant_id = link.payload.get("participant")
    # The case's lock before the person's row, in the order every write in a case takes them.
    case_id = (
        Participant.objects.filter(id=participant_id).values_list("case_id", flat=True).first()
    )
    if case_id is not None:
        case_lock(case_id)
    participant = (
        Participant.objects.select_for_update(of=("self",), no_key=True)
        .select_related("case")
        .filter(id=participant_id)
        .first()
    )
    if participant is None or participant.status != ParticipantStatus.INVITED:
        raise NotFound(_("This invitation is no longer open."))
    reason = _conflict_with_a_side(participant.case, user.id, participant.role)
    if reason:
        raise Forbidden(reason)
    participant.user = user
    participant.joined_at = clock.now()
    neutral = participant.role in NEUTRAL_ROLES
    participant.status = ParticipantStatus.PENDING if neutral else ParticipantStatus.ACTIVE
    participant.save(update_fields=["user", "joined_at", "status"])
    record(
        case=participant.case,
        actor=participant,
        action="participant.joined",
        obj=participant,
        payload={
            "role": participant.role,
            "side": str(participant.side_id) if participant.side_id else None,
        },
    )
    return participant


def neutral_declare_conflicts(
    *,
    actor: Participant,
    related_to: list[Participant],
    financial_interest: bool,
    details: str = "",
) -> ConflictDeclaration:
    """A neutral declares relationships with named participants and any financial interest.

    A declared conflict means the neutral cannot be appointed: the place is marked declined.
    Without one, the appointment takes effect at once if the neutral has two-factor.
    """
    check_declare_conflicts(actor)
    if any(p.case_id != actor.case_id for p in related_to):
        raise InvalidInput(_("Name only participants of this case."), field="related_to")
    if len(details) > 2000:
        raise InvalidInput(_("Keep the details under 2,000 characters."), field="details")
    with transaction.atomic():
        # Re-read under a lock and judge again: of two racing submissions, the second sees
        # what the first did (the appointment in effect, or declined).
        actor = _locked(actor)
        check_declare_conflicts(actor)
        if _repeats_latest(actor, related_to, financial_interest, details.strip()):
            raise Conflict(_("You have already made this declaration."))
        declaration = ConflictDeclaration.objects.create(
            participant=actor, financial_interest=financial_interest, details=details.strip()
        )
        declaration.related_to.set(related_to)
        conflicted = financial_interest or bool(related_to)
        record(
            case=actor.case,
            actor=actor,
            action="neutral.declared",
            obj=declaration,
            payload={
                "conflict": conflicted,
                "relationships": len(related_to),
                "financial_interest": financial_interest,
                "details": content_hash(details) if details else None,
            },
        )
        if conflicted:
            actor.status = ParticipantStatus.DECLINED
            actor.ended_at = clock.now()
            actor.save(update_fields=["status", "ended_at"])
            record(
                case=actor.case,
                actor=actor,
                action="neutral.not_appointed",
                obj=actor,
                payload={"reason": "declared_conflict"},
            )
        elif actor.status == ParticipantStatus.PENDING and _appointment_ready(actor) is None:
            _take_effect(actor)
    return declaration


def _repeats_latest(
    neutral: Participant, related_to: list[Participant], financial_interest: bool, details: str
) -> bool:
    """Whether this declaration says exactly what the neutral's latest one said (a double
    submission: recording it again would tell nobody anything new)."""
    latest = neutral.declarations.order_by("-created_at").first()
    if latest is None:
        return False
    named = set(latest.related_to.values_list("id", flat=True))
    return (
        latest.financial_interest == financial_interest
        and latest.details == details
        and named == {p.id for p in related_to}
    )


def _appointment_ready(neutral: Participant) -> str | None:
    """Why the appointment cannot take effect yet, or None when it can."""
    declaration = neutral.declarations.order_by("-created_at").first()
    if declaration is None:
        return _("Declare any conflicts of interest first.")
    if declaration.has_conflict:
        return _("A neutral with a declared conflict cannot be appointed.")
    reason = _conflict_with_a_side(neutral.case, neutral.user_id, neutral.role)
    if reason:
        return reason
    if neutral.user is None or not user_has_strong_auth(neutral.user):
        return _("Turn on two-factor authentication: a neutral's appointment needs it.")
    if neutral.role == Role.ARBITRATOR and has_mediated(case=neutral.case, user_id=neutral.user_id):
        consented = med_arb_consented_side_ids(neutral.case)
        if any(side.id not in consented for side in sides_of(neutral.case)):
            return _(
                "This person mediated or coordinated in this case: every side must first "
                "record informed consent to med-arb."
            )
    return None


def appointment_blockers(neutral: Participant) -> str | None:
    """Why a pending appointment cannot take effect yet, in words (None when it can).

    Read-only; for pages that show a neutral's appointment (e.g. the arbitration page).
    """
    return _appointment_ready(neutral)


def _take_effect(neutral: Participant) -> None:
    if neutral.role == Role.ARBITRATOR and neutral.user_id is not None:
        # The firewall: a mediator who becomes the arbitrator (med-arb, with every side's
        # consent) stops being the mediator, so the arbitrator never sees mediation rooms.
        for earlier in Participant.objects.filter(
            case=neutral.case,
            user_id=neutral.user_id,
            role__in=[Role.MEDIATOR, Role.COORDINATOR],
            status__in=_OPEN,
        ):
            earlier.status = ParticipantStatus.REMOVED
            earlier.ended_at = clock.now()
            earlier.save(update_fields=["status", "ended_at"])
            record(
                case=neutral.case,
                actor=neutral,
                action="participant.role_ended",
                obj=earlier,
                payload={"role": earlier.role, "reason": "became_arbitrator"},
            )
        access_changed(neutral.case)
    neutral.status = ParticipantStatus.ACTIVE
    neutral.save(update_fields=["status"])
    record(
        case=neutral.case,
        actor=neutral,
        action="neutral.appointed",
        obj=neutral,
        payload={"role": neutral.role},
    )


def neutral_take_effect(*, actor: Participant) -> Participant:
    """The neutral takes up a pending appointment once every condition holds."""
    with transaction.atomic():
        actor = _locked(actor)
        if actor.role not in NEUTRAL_ROLES:
            raise Forbidden(_("Only a neutral has an appointment to take up."))
        if actor.status != ParticipantStatus.PENDING:
            raise Conflict(_("This appointment is not pending."))
        reason = _appointment_ready(actor)
        if reason:
            raise Forbidden(reason)
        _take_effect(actor)
    return actor


def med_arb_consent_give(*, actor: Participant) -> MedArbConsent:
    """A party records their side's informed consent that the mediator may later arbitrate."""
    with transaction.atomic():
        actor = _locked(actor)
        check_med_arb_consent(actor)
        side = actor.side
        if side is None:
            raise Forbidden(_("Only a party can consent to med-arb for their side."))
        # Lock the side so two parties of one side cannot both consent at once.
        Side.objects.select_for_update(of=("self",), no_key=True).filter(id=side.id).first()
        if MedArbConsent.objects.filter(case=actor.case, side=side).exists():
            raise Conflict(_("Your side has already consented to med-arb."))
        consent = MedArbConsent.objects.create(
            case=actor.case,
            side=side,
            given_by=actor,
            acknowledgement=MED_ARB_TEXT_VERSION,
        )
        record(
            case=actor.case,
            actor=actor,
            action="med_arb.consented",
            obj=consent,
            payload={"side": str(side.id)},
        )
    return consent


def participant_remove(*, actor: Participant, participant: Participant) -> Participant:
    """A manager removes someone from the case; their history stays."""
    with transaction.atomic():
        actor, participant = _locked(actor), _locked(participant)
        check_remove(actor, participant)
        if participant.status not in _OPEN:
            raise Conflict(_("This person is no longer in the case."))
        participant.status = ParticipantStatus.REMOVED
        participant.ended_at = clock.now()
        participant.save(update_fields=["status", "ended_at"])
        access_changed(participant.case)
        record(
            case=participant.case,
            actor=actor,
            action="participant.removed",
            obj=participant,
            payload={"role": participant.role},
        )
    return participant
