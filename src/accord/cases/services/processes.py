"""The life of a process: propose, consent, confidentiality, start, leave, impasse, end, move.

Every rule comes from rules.py through permissions.py; nothing here branches on a kind.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from accord.cases.checks import registered_end_blockers, registered_start_blockers
from accord.cases.models import (
    Case,
    ConfidentialityAcceptance,
    ConfidentialityChoice,
    Participant,
    Process,
    ProcessConsent,
    SideDeparture,
)
from accord.cases.permissions import (
    check_accept_confidentiality,
    check_choose_confidentiality,
    check_consent,
    check_declare_impasse,
    check_end,
    check_propose_process,
    check_start,
    check_withdraw,
)
from accord.cases.rules import RULES, rules_for
from accord.cases.selectors import (
    accepted_participant_ids,
    active_process,
    consented_side_ids,
    current_participants,
    has_mediated,
    last_process,
    latest_confidentiality_choices,
    med_arb_consented_side_ids,
    proposed_process,
    remaining_sides,
    sides_of,
)
from accord.cases.services._audit import access_changed, case_lock, record
from accord.cases.vocabulary import (
    Leaving,
    Outcome,
    ParticipantStatus,
    ProcessKind,
    ProcessStatus,
    Role,
)
from accord.core import clock
from accord.core.errors import Conflict, Forbidden, InvalidInput

CONFIDENTIALITY_TERMS_VERSION = "confidentiality-terms-v1"


def _locked(process: Process) -> Process:
    """Re-read the process under a row lock so two racing transitions cannot both apply,
    then take the case's lock (`case_lock`), so the checks never judge a stale copy: a
    removal that commits meanwhile (an advocate consenting for a client who just dismissed
    them) is seen by them, or waits for this write."""
    locked = (
        Process.objects.select_for_update(of=("self",), no_key=True)
        .select_related("case")
        .get(id=process.id)
    )
    case_lock(locked.case_id)
    return locked


def _fresh(actor: Participant) -> Participant:
    return Participant.objects.select_related("case", "side", "user").get(id=actor.id)


def process_propose(
    *,
    actor: Participant,
    case: Case,
    kind: str,
    format: str | None = None,  # the domain's word
    compulsory: bool = False,
    court_ordered: bool = False,
    court_reference: str = "",
    follows: Process | None = None,
) -> Process:
    """Propose the next process. The proposer's own side consents by proposing it.

    Parties, advocates and the case's mediator or coordinator may propose.
    """
    actor = _fresh(actor)
    check_propose_process(actor, case)
    if kind not in ProcessKind.values:
        raise InvalidInput(_("Unknown process."), field="kind")
    rules = rules_for(kind)
    chosen_format = format or rules.formats[0]
    if chosen_format not in rules.formats:
        allowed = ", ".join(str(f.label) for f in rules.formats)
        raise InvalidInput(
            _("%(kind)s takes one of these formats: %(formats)s.")
            % {"kind": rules.kind.label, "formats": allowed},
            field="format",
        )
    if compulsory and not rules.may_be_compulsory:
        raise InvalidInput(
            _("%(kind)s is always voluntary; it cannot be compulsory.")
            % {"kind": rules.kind.label},
            field="compulsory",
        )
    if court_ordered and not rules.may_be_court_ordered:
        raise InvalidInput(
            _("%(kind)s cannot be court-ordered here.") % {"kind": rules.kind.label},
            field="court_ordered",
        )
    reference = court_reference.strip()
    if court_ordered and not reference:
        raise InvalidInput(_("Give the court's reference."), field="court_reference")
    if len(reference) > 100:
        raise InvalidInput(_("Keep the reference under 100 characters."), field="court_reference")
    with transaction.atomic():
        Case.objects.select_for_update(of=("self",), no_key=True).filter(id=case.id).first()
        case_lock(case.id)
        actor = _fresh(actor)
        check_propose_process(actor, case)  # again, as they stand under the case's lock
        if proposed_process(case) is not None:
            raise Conflict(_("Another process is already proposed: answer it first."))
        current = follows or active_process(case) or last_process(case)
        process = Process.objects.create(
            case=case,
            kind=kind,
            format=chosen_format,
            compulsory=compulsory,
            court_ordered=court_ordered,
            court_reference=reference if court_ordered else "",
            proposed_by=actor,
            follows=current,
        )
        record(
            case=case,
            actor=actor,
            action="process.proposed",
            obj=process,
            payload={
                "kind": kind,
                "format": chosen_format,
                "compulsory": compulsory,
                "court_ordered": court_ordered,
                "follows": str(current.id) if current else None,
            },
        )
        if actor.role == Role.PRINCIPAL and actor.side_id is not None:
            _consent(actor, process)
        if rules.neutral_decides:
            _disqualify_before_contest(case, actor)
    return process


def _side_id(actor: Participant) -> uuid.UUID:
    """The acting member's side; the permission checks already refused anyone without one."""
    if actor.side_id is None:
        raise Forbidden(_("Only a member of a side can do this."))
    return actor.side_id


def _consent(actor: Participant, process: Process) -> ProcessConsent:
    consent = ProcessConsent.objects.create(
        process=process, side_id=_side_id(actor), given_by=actor
    )
    record(
        case=process.case,
        actor=actor,
        action="process.consented",
        obj=consent,
        payload={"process": str(process.id), "side": str(actor.side_id)},
    )
    return consent


def process_consent(*, actor: Participant, process: Process) -> ProcessConsent:
    """A party or advocate gives their side's consent to a proposed process."""
    with transaction.atomic():
        process, actor = _locked(process), _fresh(actor)
        check_consent(actor, process)
        if actor.side_id in consented_side_ids(process):
            raise Conflict(_("Your side has already consented."))
        return _consent(actor, process)


def process_choose_confidentiality(
    *, actor: Participant, process: Process, confidential: bool
) -> ConfidentialityChoice:
    """Negotiation: a side's explicit choice; the latest choice of each side counts."""
    with transaction.atomic():
        process, actor = _locked(process), _fresh(actor)
        check_choose_confidentiality(actor, process)
        choice = ConfidentialityChoice.objects.create(
            process=process, side_id=_side_id(actor), confidential=confidential, given_by=actor
        )
        record(
            case=process.case,
            actor=actor,
            action="process.confidentiality_chosen",
            obj=choice,
            payload={"process": str(process.id), "confidential": confidential},
        )
    return choice


def process_accept_confidentiality(
    *, actor: Participant, process: Process
) -> ConfidentialityAcceptance:
    """A participant accepts the confidentiality terms (mediation and other confidential kinds)."""
    with transaction.atomic():
        process, actor = _locked(process), _fresh(actor)
        check_accept_confidentiality(actor, process)
        if actor.id in accepted_participant_ids(process):
            raise Conflict(_("You have already accepted these terms."))
        acceptance = ConfidentialityAcceptance.objects.create(
            process=process, participant=actor, terms_version=CONFIDENTIALITY_TERMS_VERSION
        )
        record(
            case=process.case,
            actor=actor,
            action="process.confidentiality_accepted",
            obj=acceptance,
            payload={"process": str(process.id), "terms": CONFIDENTIALITY_TERMS_VERSION},
        )
    return acceptance


def start_blockers(process: Process) -> list[str]:
    """Everything that still stands between a proposed process and its start, in words."""
    rules = rules_for(process.kind)
    case = process.case
    blockers: list[str] = []
    if active_process(case) is not None:
        blockers.append(_("Another process is under way: it must end first."))
    sides = sides_of(case)
    consented = consented_side_ids(process)
    missing = [side.label for side in sides if side.id not in consented]
    if missing:
        blockers.append(
            _("Every side must consent; still waiting for: %(sides)s.")
            % {"sides": ", ".join(missing)}
        )
    people = list(current_participants(case))
    for role in sorted(rules.required_neutrals):
        if not any(p.role == role for p in people):
            blockers.append(
                _("The %(role)s must be appointed and in effect.")
                % {"role": str(Role(role).label).lower()}
            )
    if rules.confidentiality_chosen_by_sides:
        choices = latest_confidentiality_choices(process)
        unchosen = [side.label for side in sides if side.id not in choices]
        if unchosen:
            blockers.append(
                _(
                    "Every side must choose confidentiality explicitly; still waiting for: "
                    "%(sides)s."
                )
                % {"sides": ", ".join(unchosen)}
            )
        elif len(set(choices.values())) > 1:
            blockers.append(
                _("The sides chose differently about confidentiality: agree on one choice.")
            )
    if rules.confidentiality_terms_accepted_by_all:
        accepted = accepted_participant_ids(process)
        pending = [p for p in people if p.role in rules.participant_roles and p.id not in accepted]
        if pending:
            blockers.append(
                _("Everyone must accept the confidentiality terms; %(n)d still to accept.")
                % {"n": len(pending)}
            )
    if rules.kind == ProcessKind.ARBITRATION:
        for arbitrator in (p for p in people if p.role == Role.ARBITRATOR):
            if has_mediated(case=case, user_id=arbitrator.user_id):
                consented_med_arb = med_arb_consented_side_ids(case)
                if any(side.id not in consented_med_arb for side in sides):
                    blockers.append(
                        _(
                            "The arbitrator mediated this case: every side must consent to "
                            "med-arb first."
                        )
                    )
    blockers.extend(registered_start_blockers(process))
    return blockers


def process_start(*, actor: Participant, process: Process) -> Process:
    """Start a proposed process once every consent and precondition is in place."""
    with transaction.atomic():
        process, actor = _locked(process), _fresh(actor)
        check_start(actor, process)
        blockers = start_blockers(process)
        if blockers:
            raise Forbidden(" ".join(blockers))
        rules = rules_for(process.kind)
        if rules.confidentiality_chosen_by_sides:
            process.confidential = next(iter(latest_confidentiality_choices(process).values()))
        if rules.neutral_decides:
            _disqualify_before_contest(process.case, actor)
        process.status = ProcessStatus.ACTIVE
        process.started_at = clock.now()
        process.save(update_fields=["status", "started_at", "confidential"])
        record(
            case=process.case,
            actor=actor,
            action="process.started",
            obj=process,
            payload={"kind": process.kind, "confidential": process.confidential},
        )
    return process


# Outcomes that rest on a text the sides signed (the agreements app checks the signatures).
_AGREED = frozenset({Outcome.AGREEMENT, Outcome.PARTIAL_AGREEMENT})


def _finish(process: Process, actor: Participant, outcome: Outcome, action: str) -> Process:
    """End the process with this outcome (the caller holds the row lock and checked the
    actor). Every registered end check is asked first: an "agreement" nobody signed is
    refused here, whichever path records it, and nothing is written."""
    blockers = registered_end_blockers(process, outcome)
    if blockers:
        raise Conflict(blockers[0])
    rules = rules_for(process.kind)
    process.status = ProcessStatus.ENDED
    process.outcome = outcome
    # Binding only where the rules say this outcome binds: a signed award, or a settlement
    # every side signed and the arbitrator recorded (a consent award). The end checks and
    # check_end have already refused either one without its signatures.
    process.binding = rules.binding and outcome in rules.binding_outcomes
    process.ended_at = clock.now()
    process.save(update_fields=["status", "outcome", "binding", "ended_at"])
    access_changed(process.case)
    record(
        case=process.case,
        actor=actor,
        action=action,
        obj=process,
        payload={"outcome": outcome, "binding": process.binding},
    )
    if rules.leaving == Leaving.END_WITH_DISQUALIFICATION and outcome not in _AGREED:
        # Ended without agreement (terminated, withdrawn, impasse, or moved on to another
        # process): the clause applies whichever way it ended.
        _disqualify_collaborative_lawyers(process.case, actor)
    return process


def _disqualify_before_contest(case: Case, actor: Participant) -> None:
    """A process where a neutral decides (arbitration) is contested: the lawyers of an ended
    collaborative process of this case may not follow the matter there, even after an
    agreement (a partial one leaves issues to contest). Applied when it is proposed (before
    a lawyer could consent for a side) and again at its start (for a collaborative process
    that ended in the meantime). A lawyer who joined only afterwards is not concerned."""
    disqualifying = [
        kind for kind, r in RULES.items() if r.leaving == Leaving.END_WITH_DISQUALIFICATION
    ]
    last_end = (
        Process.objects.filter(case=case, kind__in=disqualifying, status=ProcessStatus.ENDED)
        .order_by("-ended_at")
        .values_list("ended_at", flat=True)
        .first()
    )
    if last_end is not None:
        _disqualify_collaborative_lawyers(case, actor, joined_by=last_end)


def _disqualify_collaborative_lawyers(
    case: Case, actor: Participant, *, joined_by: dt.datetime | None = None
) -> None:
    """Collaborative law's disqualification clause: the lawyers withdraw for good.

    `joined_by`: only the lawyers who had joined by then (those of the collaborative
    process); without it, every lawyer in effect now (the process is ending as we speak)."""
    lawyers = Participant.objects.filter(
        case=case, role=Role.ADVOCATE, status=ParticipantStatus.ACTIVE
    )
    if joined_by is not None:
        lawyers = lawyers.filter(joined_at__lte=joined_by)
    changed = False
    for lawyer in lawyers.select_for_update(of=("self",), no_key=True):
        lawyer.status = ParticipantStatus.REMOVED
        lawyer.disqualified = True
        lawyer.ended_at = clock.now()
        lawyer.save(update_fields=["status", "disqualified", "ended_at"])
        record(
            case=case,
            actor=actor,
            action="participant.disqualified",
            obj=lawyer,
            payload={"reason": "collaborative_law_ended"},
        )
        changed = True
    if changed:
        access_changed(case)


_ENDING_BY_LEAVING = {
    Leaving.WALK_AWAY: Outcome.WALKED_AWAY,
    Leaving.ANY_TIME: Outcome.WITHDRAWN,
    Leaving.END_WITH_DISQUALIFICATION: Outcome.TERMINATED,
}


def process_withdraw(*, actor: Participant, process: Process) -> Process:
    """A side leaves: declines a proposal, walks away, or withdraws, as the rules allow.

    No reason is asked for or stored. When fewer than two sides remain, the process ends.
    In mediation this is never refused, court-ordered or not.
    """
    with transaction.atomic():
        process, actor = _locked(process), _fresh(actor)
        check_withdraw(actor, process)
        departure = SideDeparture.objects.create(process=process, side_id=_side_id(actor), by=actor)
        access_changed(process.case)
        record(
            case=process.case,
            actor=actor,
            action="process.side_left",
            obj=departure,
            payload={"process": str(process.id), "side": str(actor.side_id)},
        )
        if process.status == ProcessStatus.PROPOSED:
            process.status = ProcessStatus.CANCELLED
            process.ended_at = clock.now()
            process.save(update_fields=["status", "ended_at"])
            record(case=process.case, actor=actor, action="process.declined", obj=process)
            return process
        if len(remaining_sides(process)) < 2:
            leaving = rules_for(process.kind).leaving_rule(compulsory=process.compulsory)
            _finish(process, actor, _ENDING_BY_LEAVING[leaving], "process.ended")
    return process


def process_declare_impasse(*, actor: Participant, process: Process) -> Process:
    """End a process at impasse (the only way out of compulsory negotiation)."""
    with transaction.atomic():
        process, actor = _locked(process), _fresh(actor)
        check_declare_impasse(actor, process)
        return _finish(process, actor, Outcome.IMPASSE, "process.impasse")


def process_end(
    *, actor: Participant, process: Process, outcome: str, award_signed: bool = False
) -> Process:
    """Record how a process ended, by a role the rules allow for that outcome. An award ends
    an arbitration only from the award service, once the arbitrator signed it."""
    with transaction.atomic():
        process, actor = _locked(process), _fresh(actor)
        check_end(actor, process, outcome, award_signed=award_signed)
        return _finish(process, actor, Outcome(outcome), "process.ended")


def process_move(
    *,
    actor: Participant,
    process: Process,
    kind: str,
    format: str | None = None,  # the domain's word
    court_ordered: bool = False,
    court_reference: str = "",
) -> Process:
    """Move on: end the current process at impasse (if still under way) and propose the next.

    The next process needs every side's consent like any other; arbitration starts only then.
    """
    with transaction.atomic():
        process = _locked(process)
        if (
            process.status == ProcessStatus.ACTIVE
            and rules_for(process.kind).leaving == Leaving.END_WITH_DISQUALIFICATION
            and _fresh(actor).role == Role.ADVOCATE
        ):
            # Ending it without agreement disqualifies every lawyer of it, this one too, who
            # could then not propose what comes next: a party moves on instead.
            raise Forbidden(
                _(
                    "Moving on ends the collaborative process without agreement, and its "
                    "lawyers then withdraw: a party moves the case on."
                )
            )
        if process.status == ProcessStatus.ACTIVE:
            process = process_declare_impasse(actor=actor, process=process)
        elif process.status == ProcessStatus.PROPOSED:
            raise Conflict(_("This process has not started: decline it or consent to it."))
        return process_propose(
            actor=actor,
            case=process.case,
            kind=kind,
            format=format,
            court_ordered=court_ordered,
            court_reference=court_reference,
            follows=process,
        )
