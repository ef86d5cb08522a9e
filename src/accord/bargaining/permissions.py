"""One readable rule per verb of the settlement workspace. `check_<verb>` raises with the
rule's wording; `can_<verb>` answers yes/no for deciding which buttons to show. Services call
the checks first, with rows they have just re-read."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec

from django.utils.translation import gettext as _

from accord.bargaining.models import AgendaIssue, Interest, MediatorsProposal
from accord.bargaining.selectors import (
    SIDE_ACTORS,
    has_facilitator,
    is_facilitator,
    takes_part,
)
from accord.bargaining.vocabulary import AgendaState, IssueStatus, ProposalStatus
from accord.cases.models import Participant, Process
from accord.cases.vocabulary import Format, ProcessStatus, Role
from accord.core.errors import AccordError, Conflict, Forbidden
from accord.rooms.models import RoomKind

P = ParamSpec("P")


def _predicate(check: Callable[P, None]) -> Callable[P, bool]:
    def can(*args: P.args, **kwargs: P.kwargs) -> bool:
        try:
            check(*args, **kwargs)
        except AccordError:
            return False
        return True

    can.__doc__ = check.__doc__
    return can


def _in_process(actor: Participant, process: Process) -> None:
    if not takes_part(actor, process):
        raise Forbidden(_("You do not take part in this process."))
    if process.status != ProcessStatus.ACTIVE:
        raise Conflict(_("This process is not under way."))


def check_side_act(actor: Participant, process: Process) -> None:
    """A party or their advocate acts for their side (preferences, interests, bids, answers)."""
    _in_process(actor, process)
    if actor.role not in SIDE_ACTORS or actor.side_id is None:
        raise Forbidden(_("Only a party or their advocate can do this for their side."))


def check_facilitate(actor: Participant, process: Process) -> None:
    """The mediator (or coordinator) of the process."""
    _in_process(actor, process)
    if not is_facilitator(actor):
        raise Forbidden(_("Only the mediator can do this."))


def check_propose_issue(actor: Participant, process: Process) -> None:
    """Any side, and the mediator, may put an issue forward."""
    _in_process(actor, process)
    if not (is_facilitator(actor) or actor.role in SIDE_ACTORS):
        raise Forbidden(_("Only a party, an advocate or the mediator can suggest an issue."))


def check_settle_agenda(actor: Participant, issue: AgendaIssue) -> None:
    """In mediation the mediator settles the agenda: puts suggestions on it, or leaves them out."""
    check_facilitate(actor, issue.process)
    if issue.state != AgendaState.PROPOSED:
        raise Conflict(_("This issue has already been decided."))


def check_assent(actor: Participant, issue: AgendaIssue) -> None:
    """A side says yes to a term (or takes its yes back) while the issue is not final."""
    check_side_act(actor, issue.process)
    if issue.state != AgendaState.ON_AGENDA:
        raise Conflict(_("This issue is not on the agenda."))
    if issue.status == IssueStatus.AGREED:
        raise Conflict(_("This issue is already agreed."))


def check_answer_proposal(actor: Participant, proposal: MediatorsProposal) -> None:
    check_side_act(actor, proposal.process)
    if proposal.status != ProposalStatus.OPEN:
        raise Conflict(_("This proposal is closed."))


def check_share_joint(actor: Participant, interest: Interest) -> None:
    """Where no mediator carries words between rooms (the item is in the side's own room),
    the side shares its own item with everyone itself: a party of that side, or, in a
    negotiation through advocates, the side's advocate, who speaks for it there."""
    process = interest.issue.process
    check_side_act(actor, process)
    if actor.side_id != interest.side_id:
        raise Forbidden(_("Only the side that wrote it can share it."))
    if interest.message.room.kind != RoomKind.SIDE:
        raise Conflict(
            _("In mediation, let the mediator share it: they carry words between the rooms.")
        )
    if process.format == Format.ADVOCATES and actor.role != Role.ADVOCATE:
        raise Forbidden(
            _("Your advocate speaks for your side in this negotiation: ask them to share it.")
        )
    if process.format != Format.ADVOCATES and actor.role != Role.PRINCIPAL:
        raise Forbidden(_("Only a party of this side can share what the side wrote."))


def agenda_needs_mediator(process: Process) -> bool:
    """Whether side suggestions wait for the mediator (mediation) or go straight on."""
    return has_facilitator(process)


can_side_act = _predicate(check_side_act)
can_facilitate = _predicate(check_facilitate)
can_propose_issue = _predicate(check_propose_issue)
can_settle_agenda = _predicate(check_settle_agenda)
can_assent = _predicate(check_assent)
can_answer_proposal = _predicate(check_answer_proposal)
can_share_joint = _predicate(check_share_joint)
