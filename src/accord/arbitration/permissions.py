"""One readable rule per verb of an arbitration. `check_<verb>` raises with the rule's wording;
`can_<verb>` answers yes/no for deciding which buttons to show. Services call the checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ParamSpec

from django.utils import formats
from django.utils.translation import gettext as _

from accord.agreements.selectors import in_agreement_audience
from accord.arbitration.models import ArbitrationTerms
from accord.arbitration.selectors import SideState
from accord.cases.models import Participant, Process
from accord.cases.vocabulary import ProcessStatus, Role
from accord.core.errors import AccordError, Conflict, Forbidden

P = ParamSpec("P")

_FILERS = frozenset({Role.PRINCIPAL, Role.ADVOCATE})


def _predicate(check: Callable[P, None]) -> Callable[P, bool]:
    def can(*args: P.args, **kwargs: P.kwargs) -> bool:
        try:
            check(*args, **kwargs)
        except AccordError:
            return False
        return True

    can.__doc__ = check.__doc__
    return can


def when(moment: dt.datetime) -> str:
    """A deadline in words, in the reader's language, always in UTC (said so)."""
    return formats.date_format(moment, "DATETIME_FORMAT") + " UTC"


def _on_record(actor: Participant, process: Process) -> None:
    if not actor.is_current:
        raise Forbidden(_("Your place in this case is not in effect yet."))
    if not in_agreement_audience(actor, process):
        raise Forbidden(_("You do not take part in this arbitration."))


def _under_way(process: Process, terms: ArbitrationTerms | None) -> None:
    if process.status != ProcessStatus.ACTIVE:
        if process.status == ProcessStatus.PROPOSED:
            raise Conflict(_("The arbitration has not started yet."))
        raise Conflict(_("This arbitration has ended."))
    if terms is None:
        raise Conflict(_("This step opens once every side has signed the arbitration agreement."))


def check_file(
    actor: Participant, process: Process, terms: ArbitrationTerms | None, state: SideState | None
) -> None:
    """A party or advocate files for their side, until their side's deadline."""
    _on_record(actor, process)
    if actor.role not in _FILERS:
        raise Forbidden(_("Only a party or their advocate files submissions for a side."))
    _under_way(process, terms)
    if state is None or state.due_at is None:
        raise Conflict(_("The arbitration agreement sets no deadline for your side."))
    if state.closed:
        raise Conflict(_("Your side said it has nothing more to submit."))
    if state.passed:
        raise Conflict(
            _(
                "The deadline for %(side)s's submissions was %(when)s, so this cannot be filed. "
                "A deadline changes only if every side signs a revised arbitration agreement."
            )
            % {"side": state.side.label, "when": when(state.due_at)},
            field="deadline",
        )


def check_close(
    actor: Participant, process: Process, terms: ArbitrationTerms | None, state: SideState | None
) -> None:
    """A party or advocate says their side has nothing more to file."""
    _on_record(actor, process)
    if actor.role not in _FILERS:
        raise Forbidden(_("Only a party or their advocate speaks for a side here."))
    _under_way(process, terms)
    if state is None:
        raise Conflict(_("The arbitration agreement sets no deadline for your side."))
    if state.closed:
        raise Conflict(_("Your side already said it has nothing more to submit."))


def check_schedule_hearing(
    actor: Participant, process: Process, terms: ArbitrationTerms | None
) -> None:
    """The arbitrator schedules (or reschedules) the optional hearing."""
    _on_record(actor, process)
    if actor.role != Role.ARBITRATOR:
        raise Forbidden(_("Only the arbitrator schedules a hearing."))
    _under_way(process, terms)


def check_draft_award(actor: Participant, process: Process, terms: ArbitrationTerms | None) -> None:
    """Only the arbitrator writes the award, once the terms are in force."""
    _on_record(actor, process)
    if actor.role != Role.ARBITRATOR:
        raise Forbidden(_("Only the arbitrator decides and writes the award."))
    _under_way(process, terms)


def check_issue_award(
    actor: Participant,
    process: Process,
    terms: ArbitrationTerms | None,
    states: list[SideState],
) -> None:
    """The arbitrator signs the award once no side can still file: each side's deadline has
    passed, or the side said it has nothing more to submit (every side is heard)."""
    check_draft_award(actor, process, terms)
    still_open = [s for s in states if s.open]
    if still_open:
        raise Conflict(
            _(
                "Every side must have its say first: %(sides)s can still file until the "
                "deadline, or until they say they have nothing more to submit."
            )
            % {"sides": ", ".join(s.side.label for s in still_open)}
        )


can_file = _predicate(check_file)
can_close = _predicate(check_close)
can_schedule_hearing = _predicate(check_schedule_hearing)
can_draft_award = _predicate(check_draft_award)
can_issue_award = _predicate(check_issue_award)
