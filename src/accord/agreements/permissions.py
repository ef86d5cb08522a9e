"""One readable rule per verb about agreements. `check_<verb>` raises with the rule's wording;
`can_<verb>` answers yes/no for deciding which buttons to show. Services call the checks.

Callers pass participants and rows they have just re-read; the checks never query for
fresher copies themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec

from django.utils.translation import gettext as _

from accord.agreements.models import Agreement, AgreementVersion
from accord.agreements.selectors import in_agreement_audience, shared_room_kind
from accord.agreements.vocabulary import AgreementKind, AgreementStatus
from accord.cases.models import Participant, Process
from accord.cases.rules import rules_for
from accord.cases.vocabulary import NEUTRAL_ROLES, CaseKind, ProcessStatus, Role
from accord.core.errors import AccordError, Conflict, Forbidden, InvalidInput
from accord.rooms.models import RoomKind

P = ParamSpec("P")

_FACILITATORS = frozenset({Role.MEDIATOR, Role.COORDINATOR})


def _predicate(check: Callable[P, None]) -> Callable[P, bool]:
    def can(*args: P.args, **kwargs: P.kwargs) -> bool:
        try:
            check(*args, **kwargs)
        except AccordError:
            return False
        return True

    can.__doc__ = check.__doc__
    return can


def _require_audience(actor: Participant, process: Process) -> None:
    if not actor.is_current:
        raise Forbidden(_("Your place in this case is not in effect yet."))
    if not in_agreement_audience(actor, process):
        raise Forbidden(_("You do not take part in this process's agreements."))


def _open_statuses(kind: str) -> tuple[str, ...]:
    """While a process may still get texts: an arbitration agreement is settled before or
    after the arbitration starts; a settlement only while its process is under way."""
    if kind == AgreementKind.ARBITRATION:
        return (ProcessStatus.PROPOSED, ProcessStatus.ACTIVE)
    return (ProcessStatus.ACTIVE,)


def drafter_roles(process: Process, kind: str) -> frozenset[str]:
    """Who may write: those the rules let put terms on the table; for an arbitration
    agreement, also the arbitrator (who often drafts the terms of reference)."""
    roles = set(rules_for(process.kind).proposes_terms)
    if kind == AgreementKind.ARBITRATION:
        roles.add(Role.ARBITRATOR)
    return frozenset(roles)


def check_draft(actor: Participant, process: Process, kind: str) -> None:
    """Start or revise a text: the mediator or a party or advocate, as the rules allow."""
    _require_audience(actor, process)
    if kind == AgreementKind.ARBITRATION and shared_room_kind(process) != RoomKind.RECORD:
        raise InvalidInput(_("Only an arbitration has an arbitration agreement."), field="kind")
    if actor.role not in drafter_roles(process, kind):
        raise Forbidden(_("Your role cannot draft the text of this process's agreements."))
    if process.status not in _open_statuses(kind):
        if process.status == ProcessStatus.PROPOSED:
            raise Conflict(_("This process has not started yet: agreements come once it has."))
        raise Conflict(_("This process has ended: its agreements can no longer change."))


def check_revise(actor: Participant, agreement: Agreement) -> None:
    """Write a new version of an agreement that is still being drafted."""
    check_draft(actor, agreement.process, agreement.kind)
    if agreement.status == AgreementStatus.SIGNED:
        raise Conflict(
            _(
                "Everyone has signed this agreement, so it can no longer change. "
                "To change something, start a new agreement."
            )
        )


def check_comment(actor: Participant, version: AgreementVersion) -> None:
    """Everyone who sees the text may remark on it while it is being drafted; observers
    never speak."""
    agreement = version.agreement
    _require_audience(actor, agreement.process)
    if actor.role == Role.OBSERVER:
        raise Forbidden(_("Observers follow the case but do not comment."))
    if agreement.status == AgreementStatus.SIGNED:
        raise Conflict(_("Everyone has signed this agreement: comments are closed."))
    if agreement.process.status not in _open_statuses(agreement.kind):
        raise Conflict(_("This process has ended: its agreements can no longer change."))


def check_sign(
    actor: Participant, version: AgreementVersion, principal: Participant, latest_number: int
) -> None:
    """A party signs for themselves; an advocate signs for a party of their side only with
    that party's recorded authority (checked by the service, which holds the authority)."""
    agreement = version.agreement
    _require_audience(actor, agreement.process)
    if agreement.status == AgreementStatus.SIGNED:
        raise Conflict(_("Everyone has already signed this agreement."))
    if version.number != latest_number:
        raise Conflict(
            _(
                "This is not the latest version: version %(n)d replaced it. Read the latest "
                "version before signing."
            )
            % {"n": latest_number},
            field="version",
        )
    if agreement.process.status not in _open_statuses(agreement.kind):
        raise Conflict(_("This process has ended: its agreements can no longer be signed."))
    if actor.role in NEUTRAL_ROLES or actor.role not in (Role.PRINCIPAL, Role.ADVOCATE):
        raise Forbidden(_("Only the parties sign an agreement (an advocate may, with authority)."))
    if principal.role != Role.PRINCIPAL or not principal.is_current:
        raise Forbidden(_("Only a current party of the case can be bound by a signature."))
    if not in_agreement_audience(principal, agreement.process):
        raise Forbidden(_("This party's side has left the process."))
    if actor.id != principal.id and (
        actor.role != Role.ADVOCATE or actor.side_id != principal.side_id
    ):
        raise Forbidden(_("You can sign only for yourself, or as an advocate for your client."))


def check_grant_authority(
    actor: Participant, version: AgreementVersion, advocate: Participant
) -> None:
    """A party lets one of their side's advocates sign this version for them."""
    agreement = version.agreement
    _require_audience(actor, agreement.process)
    if actor.role != Role.PRINCIPAL:
        raise Forbidden(_("Only a party can let an advocate sign for them."))
    if (
        advocate.role != Role.ADVOCATE
        or advocate.side_id != actor.side_id
        or not advocate.is_current
        or advocate.case_id != actor.case_id
    ):
        raise InvalidInput(_("Choose a current advocate of your own side."), field="advocate")
    if agreement.status == AgreementStatus.SIGNED:
        raise Conflict(_("Everyone has already signed this agreement."))
    if agreement.process.status not in _open_statuses(agreement.kind):
        raise Conflict(_("This process has ended: its agreements can no longer be signed."))


def check_issue_certificate(actor: Participant, process: Process) -> None:
    """The process's mediator (or coordinator) reports that it was attempted (UMA §7)."""
    if not actor.is_current or actor.case_id != process.case_id:
        raise Forbidden(_("Your place in this case is not in effect yet."))
    rules = rules_for(process.kind)
    if actor.role not in _FACILITATORS or actor.role not in rules.participant_roles:
        raise Forbidden(_("Only the process's mediator can issue a certificate of attempt."))
    if not certificate_applies(process):
        raise Forbidden(
            _(
                "A certificate of attempt is for court-ordered processes and family Early "
                "Dispute Resolution only."
            )
        )
    if process.status not in (ProcessStatus.ENDED, ProcessStatus.CANCELLED):
        raise Conflict(_("A certificate of attempt is issued once the process is over."))


def certificate_applies(process: Process) -> bool:
    """Court-ordered processes, and the family Early Dispute Resolution processes (those a
    court may order: mediation, collaborative law, parenting coordination) in family cases."""
    rules = rules_for(process.kind)
    if not rules.may_be_court_ordered:
        return False
    return process.court_ordered or process.case.kind == CaseKind.FAMILY


can_draft = _predicate(check_draft)
can_revise = _predicate(check_revise)
can_comment = _predicate(check_comment)
can_sign = _predicate(check_sign)
can_grant_authority = _predicate(check_grant_authority)
can_issue_certificate = _predicate(check_issue_certificate)
