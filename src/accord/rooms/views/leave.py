"""Leaving a mediation: two clicks after a calm confirmation; the others are told only
that it ended."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accord.cases.models import Participant
from accord.cases.permissions import can_withdraw, check_withdraw
from accord.cases.rules import rules_for
from accord.cases.selectors import (
    access_process,
    departed_side_ids,
    participations,
    remaining_sides,
)
from accord.cases.services import process_withdraw
from accord.cases.vocabulary import Leaving, Role
from accord.core.errors import AccordError, NotFound
from accord.rooms.views._common import (
    case_url,
    refused_method,
    status_of,
    user_of,
    uuid_or_none,
)


def _leaver(places: list[Participant]) -> Participant:
    """The place to leave with: a party's own, else any place on a side, else any."""
    for wanted in (
        lambda p: p.role == Role.PRINCIPAL,
        lambda p: p.side_id is not None,
        lambda p: True,
    ):
        for place in places:
            if wanted(place):
                return place
    raise NotFound


@login_required
def leave(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """ "Leave now": a calm confirmation, then `process_withdraw`. Two clicks from any room.

    Sending the confirmation twice leaves once: the second finds the side already gone.
    """
    user = user_of(request)
    process = access_process(user=user, process_id=process_id)
    place = _leaver(participations(user=user, case=process.case))
    if wrong_method := refused_method(request, "GET", "POST"):
        return wrong_method
    back = uuid_or_none(request.POST.get("room") or request.GET.get("room"))
    left = place.side_id is not None and place.side_id in departed_side_ids(process)
    error = ""
    status = 200
    if request.method == "POST":
        if left:
            return redirect("rooms:leave", process_id=process.id)
        try:
            process_withdraw(actor=place, process=process)
        except AccordError as refused:
            error, status = str(refused.message), status_of(refused)
            process.refresh_from_db()
        else:
            return redirect("rooms:leave", process_id=process.id)
    rules = rules_for(process.kind)
    reason = ""
    if not left:
        try:
            check_withdraw(place, process)
        except AccordError as refused:
            reason = str(refused.message)
    context = {
        "process": process,
        "case": process.case,
        "left": left,
        "can_leave": not left and can_withdraw(place, process),
        "reason": reason,
        "error": error,
        "mediation": rules.leaving_rule(compulsory=process.compulsory) == Leaving.ANY_TIME,
        "leaving_rule": Leaving(rules.leaving_rule(compulsory=process.compulsory)).label,
        "ends_it": len(remaining_sides(process)) <= 2,
        "back_room": back,
        "case_url": case_url(process),
    }
    return render(request, "rooms/leave.html", context, status=status)
