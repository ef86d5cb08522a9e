"""One readable rule per verb. `check_<verb>` raises with the rule's wording; `can_<verb>`
answers yes/no for deciding which buttons to show. Services call the checks first.

The messages name the rule, because a refused party deserves to know why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec

from django.utils.translation import gettext as _

from accord.cases.models import Case, Participant, Process
from accord.cases.rules import rules_for
from accord.cases.selectors import (
    departed_side_ids,
    has_managing_neutral,
    side_has_principal,
)
from accord.cases.vocabulary import (
    NEUTRAL_ROLES,
    SIDE_ROLES,
    Leaving,
    Outcome,
    ParticipantStatus,
    ProcessStatus,
    Role,
)
from accord.core.errors import AccordError, Conflict, Forbidden

P = ParamSpec("P")

# The neutrals who run a case: its sides, its people, its other neutrals.
_MANAGING_NEUTRALS = frozenset({Role.MEDIATOR, Role.COORDINATOR})
# Who acts for a side in setting up a case: its party, or the advocate who opened it for them.
_SPEAKS_FOR_SIDE = frozenset({Role.PRINCIPAL, Role.ADVOCATE})


def _predicate(check: Callable[P, None]) -> Callable[P, bool]:
    def can(*args: P.args, **kwargs: P.kwargs) -> bool:
        try:
            check(*args, **kwargs)
        except AccordError:
            return False
        return True

    can.__doc__ = check.__doc__
    return can


def _outcome_label(outcome: str) -> str:
    return str(Outcome(outcome).label) if outcome in Outcome.values else outcome


def _require_current(actor: Participant) -> None:
    if not actor.is_current:
        raise Forbidden(_("Your place in this case is not in effect yet."))


def is_manager(actor: Participant) -> bool:
    """The case's current mediators and coordinators run it: they add sides, invite and
    appoint anyone and remove people. Opening a case gives a party no power over the other
    sides (see `check_invite` and `check_remove` for what every party may do)."""
    return actor.is_current and actor.role in _MANAGING_NEUTRALS


def check_manage_case(actor: Participant, case: Case) -> None:
    """Powers over the whole case: other sides, neutrals, removals."""
    _require_current(actor)
    if actor.case_id != case.id or not is_manager(actor):
        raise Forbidden(_("Only the case's mediator or coordinator can do this."))


def check_invite(actor: Participant, case: Case, role: str, side_id: object | None) -> None:
    """Managers invite anyone. Any party may bring an advocate or a support person for
    their own side; and while no mediator or coordinator runs the case, a party sets it up:
    they invite the party of a side that has none yet, and appoint its first mediator or
    coordinator, who then runs the rest."""
    _require_current(actor)
    if actor.case_id == case.id and is_manager(actor):
        return
    if actor.case_id != case.id or actor.role not in _SPEAKS_FOR_SIDE or actor.side_id is None:
        raise Forbidden(_("Only a party or the case's mediator or coordinator can invite people."))
    if role in (Role.ADVOCATE, Role.SUPPORT):
        if side_id == actor.side_id:
            return
        raise Forbidden(
            _("A party may invite an advocate or a support person for their own side only.")
        )
    if role == Role.PRINCIPAL:
        if has_managing_neutral(case, in_effect=True):
            raise Forbidden(_("The case's mediator or coordinator invites the other parties."))
        # A party's own side has its party; an advocate who opened the case for a client
        # invites that client to their own side.
        if side_id is None or side_has_principal(str(side_id)):
            raise Forbidden(
                _("This side already has a party: only the case's mediator can add another.")
            )
        return
    if role in _MANAGING_NEUTRALS:
        if has_managing_neutral(case, in_effect=False):
            raise Forbidden(
                _(
                    "This case already has a mediator or coordinator, or an invitation to "
                    "one: they appoint any other neutral."
                )
            )
        return
    raise Forbidden(_("Only the case's mediator or coordinator can appoint this neutral."))


def check_propose_process(actor: Participant, case: Case) -> None:
    """The parties, their advocates and the case's mediator or coordinator may propose."""
    _require_current(actor)
    if actor.role not in {Role.PRINCIPAL, Role.ADVOCATE, *_MANAGING_NEUTRALS}:
        raise Forbidden(_("Only a party, an advocate or the mediator can propose a process."))


def _side_member(actor: Participant, roles: frozenset[str], process: Process) -> None:
    _require_current(actor)
    if actor.role not in roles or actor.side_id is None:
        raise Forbidden(_("Only a party or their advocate can do this for their side."))
    if actor.side_id in departed_side_ids(process):
        raise Forbidden(_("Your side has left this process."))


def check_consent(actor: Participant, process: Process) -> None:
    """A party (or their advocate) gives their side's consent to a proposed process."""
    _side_member(actor, frozenset({Role.PRINCIPAL, Role.ADVOCATE}), process)
    if process.status != ProcessStatus.PROPOSED:
        raise Conflict(_("Consent is given before a process starts."))


def check_choose_confidentiality(actor: Participant, process: Process) -> None:
    """Negotiation: each side chooses confidentiality explicitly before it starts."""
    rules = rules_for(process.kind)
    if not rules.confidentiality_chosen_by_sides:
        raise Forbidden(
            _("This process's confidentiality is set by its rules, not chosen by the sides.")
        )
    _side_member(actor, frozenset({Role.PRINCIPAL, Role.ADVOCATE}), process)
    if process.status != ProcessStatus.PROPOSED:
        raise Conflict(_("Confidentiality is chosen before the negotiation starts."))


def check_accept_confidentiality(actor: Participant, process: Process) -> None:
    """Each participant accepts the confidentiality terms of a confidential process."""
    _require_current(actor)
    rules = rules_for(process.kind)
    if not rules.confidentiality_terms_accepted_by_all:
        raise Forbidden(_("This process has no confidentiality terms to accept."))
    if actor.role not in rules.participant_roles:
        raise Forbidden(_("Your role does not take part in this process."))
    if process.status not in (ProcessStatus.PROPOSED, ProcessStatus.ACTIVE):
        raise Conflict(_("This process has ended."))


def check_start(actor: Participant, process: Process) -> None:
    """Who may open a process: its neutral, or with none, a party or advocate."""
    _require_current(actor)
    rules = rules_for(process.kind)
    if actor.role not in rules.started_by:
        names = ", ".join(sorted(str(Role(r).label) for r in rules.started_by))
        raise Forbidden(_("Only the %(roles)s can start this process.") % {"roles": names})
    if process.status != ProcessStatus.PROPOSED:
        raise Conflict(_("Only a proposed process can start."))


def check_withdraw(actor: Participant, process: Process) -> None:
    """Leaving, per the process's rules (see rules.py: leaving, may_leave)."""
    rules = rules_for(process.kind)
    _side_member(actor, frozenset({Role.PRINCIPAL, Role.ADVOCATE}), process)
    if process.status in (ProcessStatus.ENDED, ProcessStatus.CANCELLED):
        raise Conflict(_("This process has already ended."))
    leaving = rules.leaving_rule(compulsory=process.compulsory)
    if leaving == Leaving.IMPASSE_ONLY:
        raise Forbidden(
            _("In compulsory negotiation a side cannot withdraw; declare impasse instead.")
        )
    if process.status == ProcessStatus.PROPOSED:
        # Nobody can be made to take part in a process they have not joined.
        if actor.role != Role.PRINCIPAL:
            raise Forbidden(_("Only a party can decline a proposed process for their side."))
        return
    if leaving == Leaving.BOUND:
        raise Forbidden(
            _(
                "An arbitration binds every side that agreed to it: no side can withdraw once it "
                "has started."
            )
        )
    if leaving == Leaving.PER_APPOINTMENT:
        raise Forbidden(
            _("Parenting coordination ends as the appointment says: ask the coordinator.")
        )
    if actor.role not in rules.may_leave:
        raise Forbidden(_("Only a party can withdraw from this process."))


def check_declare_impasse(actor: Participant, process: Process) -> None:
    _require_current(actor)
    rules = rules_for(process.kind)
    if process.status != ProcessStatus.ACTIVE:
        raise Conflict(_("Impasse can be declared only while a process is under way."))
    if actor.role not in rules.declares_impasse:
        raise Forbidden(_("Your role cannot declare impasse in this process."))
    if actor.side_id is not None and actor.side_id in departed_side_ids(process):
        raise Forbidden(_("Your side has left this process."))


def check_end(
    actor: Participant, process: Process, outcome: str, *, award_signed: bool = False
) -> None:
    """Record an outcome: only the outcomes the rules allow, by the roles they name. An award
    only by signing it, with its reasons (the arbitration app says `award_signed`)."""
    _require_current(actor)
    rules = rules_for(process.kind)
    if process.status != ProcessStatus.ACTIVE:
        raise Conflict(_("Only a process under way can end."))
    try:
        allowed = rules.outcomes[Outcome(outcome)]
    except (KeyError, ValueError):
        raise Forbidden(
            _("%(outcome)s is not a possible outcome of %(kind)s.")
            % {"outcome": _outcome_label(outcome), "kind": process.get_kind_display()}
        ) from None
    if actor.role not in allowed:
        if not allowed:
            raise Forbidden(_("This outcome is recorded only when a side leaves."))
        if actor.role == Role.MEDIATOR:
            raise Forbidden(_("A mediator never decides: only the parties can settle this."))
        raise Forbidden(_("Your role cannot record this outcome."))
    if actor.side_id is not None and actor.side_id in departed_side_ids(process):
        raise Forbidden(_("Your side has left this process."))
    if outcome == Outcome.AWARD and not award_signed:
        raise Forbidden(
            _("An award is recorded by signing it, with its reasons, on the arbitration page.")
        )


def check_declare_conflicts(actor: Participant) -> None:
    if actor.role not in NEUTRAL_ROLES:
        raise Forbidden(_("Only a neutral declares conflicts of interest."))
    if actor.status not in (ParticipantStatus.PENDING, ParticipantStatus.ACTIVE):
        raise Conflict(_("This appointment is not open."))


def check_med_arb_consent(actor: Participant) -> None:
    _require_current(actor)
    if actor.role != Role.PRINCIPAL or actor.side_id is None:
        raise Forbidden(_("Only a party can consent to med-arb for their side."))


def check_remove(actor: Participant, participant: Participant) -> None:
    """Managers remove anyone else. A party removes only their own side's advocate or
    support person, and may take back an invitation or appointment they sent while it has
    not taken effect (a mistyped address, a mediator who never answers)."""
    _require_current(actor)
    if participant.case_id != actor.case_id:
        raise Forbidden(_("This person is not in this case."))
    if participant.id == actor.id:
        raise Forbidden(_("You cannot remove yourself; withdraw instead."))
    if is_manager(actor):
        return
    if actor.role in _SPEAKS_FOR_SIDE and actor.side_id is not None:
        helper = participant.role in (Role.ADVOCATE, Role.SUPPORT)
        if actor.role == Role.PRINCIPAL and helper and participant.side_id == actor.side_id:
            return
        not_in_effect = participant.status in (
            ParticipantStatus.INVITED,
            ParticipantStatus.PENDING,
        )
        if not_in_effect and participant.invited_by_id == actor.id:
            return
    raise Forbidden(
        _(
            "A party may remove only their own side's advocate or support person, or an "
            "invitation they sent that has not been taken up. Ask the mediator for anything "
            "else."
        )
    )


def side_role(role: str) -> bool:
    return role in SIDE_ROLES


can_manage_case = _predicate(check_manage_case)
can_invite = _predicate(check_invite)
can_propose_process = _predicate(check_propose_process)
can_consent = _predicate(check_consent)
can_choose_confidentiality = _predicate(check_choose_confidentiality)
can_accept_confidentiality = _predicate(check_accept_confidentiality)
can_start = _predicate(check_start)
can_withdraw = _predicate(check_withdraw)
can_declare_impasse = _predicate(check_declare_impasse)
can_end = _predicate(check_end)
can_declare_conflicts = _predicate(check_declare_conflicts)
can_med_arb_consent = _predicate(check_med_arb_consent)
can_remove = _predicate(check_remove)
