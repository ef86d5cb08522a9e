"""One readable rule per verb of the safety app. `check_<verb>` raises with the rule's
wording; `can_<verb>` answers yes/no for deciding what a page offers. Services call the
checks first, on fresh rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec

from django.utils.translation import gettext as _

from accord.cases.models import Participant, Process
from accord.cases.vocabulary import ProcessStatus, Role
from accord.core.errors import AccordError, Conflict, Forbidden
from accord.rooms.models import Room
from accord.rooms.visibility import can_post, can_view
from accord.safety.models import ResponseRequest
from accord.safety.selectors import (
    is_facilitator,
    is_screened,
    is_screened_principal,
    is_screening_neutral,
    may_answer_now,
)
from accord.safety.vocabulary import RequestStatus

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


# --- screening -------------------------------------------------------------------------------


def check_answer_screening(actor: Participant, process: Process) -> None:
    """A party answers for themselves, before the start (and may update while it runs)."""
    if not is_screened(process):
        raise Forbidden(_("This process has no screening."))
    if not is_screened_principal(actor, process):
        raise Forbidden(_("Only each party answers the screening questions, for themselves."))
    if not may_answer_now(process):
        raise Conflict(_("This process has ended."))


def check_review_screening(actor: Participant, process: Process) -> None:
    """The process's mediator or coordinator reads every party's answers."""
    if not is_screening_neutral(actor, process):
        raise Forbidden(_("Screening answers are private to each party and the neutral."))


def check_confirm_configuration(actor: Participant, process: Process) -> None:
    """The neutral who reviews the answers confirms how the process runs, until it ends."""
    check_review_screening(actor, process)
    if not may_answer_now(process):
        raise Conflict(_("This process has ended."))


# --- response requests -----------------------------------------------------------------------


def check_ask_response(actor: Participant, room: Room, asked_side_id: object) -> None:
    """A participant who may write in a room of a process under way asks another side that
    also sees the room."""
    if not can_post(actor, room):
        raise Forbidden(_("You can ask for a response only in a room where you can write."))
    if room.process.status != ProcessStatus.ACTIVE:
        raise Conflict(_("Responses can be asked for only while the process is under way."))
    if actor.side_id is not None and actor.side_id == asked_side_id:
        raise Forbidden(_("Ask another side, not your own."))


def check_answer_request(actor: Participant, request: ResponseRequest) -> None:
    """A party or advocate of the asked side answers, while the request is open."""
    if actor.role not in (Role.PRINCIPAL, Role.ADVOCATE) or actor.side_id != request.asked_side_id:
        raise Forbidden(_("Only the side that was asked can answer."))
    if not can_view(actor, request.room):
        raise Forbidden(_("Only the side that was asked can answer."))
    if request.status != RequestStatus.OPEN:
        raise Conflict(_("This request is already closed."))


def check_withdraw_request(actor: Participant, request: ResponseRequest) -> None:
    """Whoever asked may take the request back while it is open."""
    if actor.id != request.asked_by_id:
        raise Forbidden(_("Only whoever asked can withdraw the request."))
    if request.status != RequestStatus.OPEN:
        raise Conflict(_("This request is already closed."))


def sees_request(viewer: Participant, request: ResponseRequest) -> bool:
    """Whoever sees the room sees the request (its topic and date, and "no response yet" or
    "answered"); never whether it was missed."""
    return can_view(viewer, request.room)


def sees_non_responses(viewer: Participant, process: Process) -> bool:
    """Missed deadlines are shown to the process's facilitating neutrals only."""
    return is_facilitator(viewer, process)


# --- balance ---------------------------------------------------------------------------------


def check_view_balance(actor: Participant, process: Process) -> None:
    """The balance meter is the facilitating neutral's own instrument."""
    if not sees_non_responses(actor, process):
        raise Forbidden(_("The balance meter is for the mediator only."))


def check_share_balance(actor: Participant, process: Process) -> None:
    check_view_balance(actor, process)
    if process.status != ProcessStatus.ACTIVE:
        raise Conflict(_("The summary can be shared only while the process is under way."))


can_answer_screening = _predicate(check_answer_screening)
can_review_screening = _predicate(check_review_screening)
can_confirm_configuration = _predicate(check_confirm_configuration)
can_ask_response = _predicate(check_ask_response)
can_answer_request = _predicate(check_answer_request)
can_withdraw_request = _predicate(check_withdraw_request)
can_view_balance = _predicate(check_view_balance)
can_share_balance = _predicate(check_share_balance)
