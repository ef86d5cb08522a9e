"""Pages of the safety app: screening (a party's questionnaire, or the neutral's summary),
response requests, and the mediator's balance meter.

Every page finds its process through `access_process` first, so a stranger gets the same
404 as for a missing id; someone in the case who may not see a page gets a clear refusal.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accord.accounts.models import User
from accord.cases.models import Participant, Process
from accord.cases.selectors import access_process, departed_side_ids, participations, sides_of
from accord.cases.vocabulary import ProcessKind, ProcessStatus, Role
from accord.core import clock
from accord.core.errors import AccordError, Forbidden, InvalidInput, NotFound
from accord.rooms.selectors import rooms_visible_to
from accord.rooms.visibility import can_post
from accord.safety import services
from accord.safety.forms import (
    FIELD_OF,
    AnswerForm,
    AskForm,
    ConfigurationForm,
    ConfirmForm,
    ScreeningForm,
)
from accord.safety.permissions import (
    can_answer_request,
    can_answer_screening,
    can_share_balance,
    can_withdraw_request,
)
from accord.safety.selectors import (
    MESSAGE_ALLOWANCE,
    SESSION_GAP,
    access_request,
    balance_for,
    is_facilitator,
    is_screened,
    is_screened_principal,
    is_screening_neutral,
    joint_room,
    missed_requests,
    own_response,
    requests_seen_by,
    screening_summary,
    takes_part,
)
from accord.safety.services import ConfigurationChoice
from accord.safety.vocabulary import Level, Measure

# Where "Leave this page quickly" goes: an everyday site, so the screen shows nothing telling.
QUICK_EXIT_URL = getattr(settings, "SAFETY_QUICK_EXIT_URL", "https://www.google.com/")


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise NotFound
    return user


def _places(request: HttpRequest, process_id: uuid.UUID) -> tuple[Process, list[Participant]]:
    """The process (NotFound for a stranger and a missing id alike) and the user's places."""
    user = _user(request)
    process = access_process(user=user, process_id=process_id)
    places = participations(user=user, case=process.case)
    for place in places:
        place.case = process.case
    return process, places


def neutral_word(process: Process) -> str:
    """ "mediator" or "parenting coordinator", as the party reads it in a sentence."""
    if process.kind == ProcessKind.PARENTING_COORDINATION:
        return str(Role.COORDINATOR.label).lower()
    return str(Role.MEDIATOR.label).lower()


def _refuse_into(form: Any, error: AccordError) -> int:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
    return 200 if isinstance(error, InvalidInput) else error.status_code


# --- screening -------------------------------------------------------------------------------


@login_required
@never_cache  # answers must not linger in a shared device's browser cache
def screening(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, places = _places(request, process_id)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    neutral = next((p for p in places if is_screening_neutral(p, process)), None)
    if neutral is not None:
        return _summary_page(request, neutral, process)
    party = next((p for p in places if is_screened_principal(p, process)), None)
    if party is not None:
        return _questionnaire_page(request, party, process)
    if not is_screened(process):
        raise Forbidden(_("This process has no screening."))
    raise Forbidden(_("Screening answers are private to each party and the neutral."))


def _questionnaire_page(request: HttpRequest, party: Participant, process: Process) -> HttpResponse:
    current = own_response(participant=party, process=process)
    status = 200
    if request.method == "POST":
        form = ScreeningForm(request.POST)
        if form.is_valid():
            try:
                services.screening_answer(
                    actor=party,
                    process=process,
                    answers=form.answers(),
                    note=form.cleaned_data["note"],
                    client_key=form.cleaned_data["submission"] or form.submission_key(),
                )
            except AccordError as error:
                status = _refuse_into(form, error)
            else:
                messages.success(
                    request,
                    _("Thank you. Your answers are saved; only you and the mediator can see them."),
                )
                return redirect("safety:screening", process_id=process.id)
    else:
        initial: dict[str, Any] = {}
        if current is not None:
            initial = {**current.answers, "note": current.note}
        form = ScreeningForm(initial=initial)
    return render(
        request,
        "safety/questionnaire.html",
        {
            "process": process,
            "party": party,
            "form": form,
            "current": current,
            "can_answer": can_answer_screening(party, process),
            "neutral_word": neutral_word(process),
            "quick_exit_url": QUICK_EXIT_URL,
        },
        status=status,
    )


def _summary_page(request: HttpRequest, neutral: Participant, process: Process) -> HttpResponse:
    summary = screening_summary(viewer=neutral, process=process)
    if summary is None:  # is_screening_neutral held a moment ago
        raise Forbidden(_("Screening answers are private to each party and the neutral."))
    current = None
    if summary.confirmation is not None:
        c = summary.confirmation
        current = ConfigurationChoice(c.shuttle_only, c.staggered, c.support, c.rescreen)
    status = 200
    if request.method == "POST":
        form = ConfigurationForm(
            request.POST, recommendation=summary.recommendation, current=current
        )
        if form.is_valid():
            try:
                services.configuration_confirm(
                    actor=neutral, process=process, choice=form.choice(), seen=form.seen_ids()
                )
            except AccordError as error:
                status = _refuse_into(form, error)
            else:
                messages.success(request, _("The configuration is confirmed."))
                return redirect("safety:screening", process_id=process.id)
    else:
        form = ConfigurationForm(
            initial={"seen": ",".join(summary.based_on)},
            recommendation=summary.recommendation,
            current=current,
        )
    measures = [
        (measure, summary.recommendation.level(measure), getattr(summary.configuration, attr))
        for measure, attr in (
            (Measure.SHUTTLE_ONLY, "shuttle_only"),
            (Measure.STAGGERED, "staggered"),
            (Measure.SUPPORT, "support_required"),
            (Measure.RESCREEN, "rescreen"),
        )
    ]
    return render(
        request,
        "safety/summary.html",
        {
            "process": process,
            "summary": summary,
            "form": form,
            "measures": measures,
            "levels": Level,
            "field_of": FIELD_OF,
            "answered": sum(1 for p in summary.parties if p.response is not None),
        },
        status=status,
    )


def screening_url(process: Process) -> str:
    return reverse("safety:screening", kwargs={"process_id": process.id})


# --- response requests -----------------------------------------------------------------------


def _deadline_place(process: Process, places: list[Participant]) -> Participant:
    """The place that sees the most: a facilitator first, else the first place in the process."""
    for place in places:
        if is_facilitator(place, process):
            return place
    for place in places:
        if takes_part(place, process):
            return place
    raise Forbidden(_("You do not take part in this process."))


def _deadlines_context(
    place: Participant, process: Process, ask_form: AskForm | None
) -> dict[str, Any]:
    requests = requests_seen_by(viewer=place, process=process)
    rows = [
        {
            "request": r,
            "can_answer": can_answer_request(place, r),
            "can_withdraw": can_withdraw_request(place, r),
            "answer_form": AnswerForm(prefix=f"a{r.id.hex[:8]}"),
            "withdraw_form": ConfirmForm(prefix=f"w{r.id.hex[:8]}"),
        }
        for r in requests
    ]
    return {
        "process": process,
        "place": place,
        "rows": rows,
        "ask_form": ask_form,
        "missed": missed_requests(viewer=place, process=process),
        "is_facilitator": is_facilitator(place, process),
    }


def _ask_form(place: Participant, process: Process, data: Any = None) -> AskForm | None:
    rooms = [r for r in rooms_visible_to(participant=place, process=process) if can_post(place, r)]
    departed = departed_side_ids(process)
    sides = [s for s in sides_of(process.case) if s.id != place.side_id and s.id not in departed]
    if not rooms or not sides or process.status != ProcessStatus.ACTIVE:
        return None
    return AskForm(data, rooms=rooms, sides=sides)


@login_required
def deadlines(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, places = _places(request, process_id)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    place = _deadline_place(process, places)
    status = 200
    if request.method == "POST":
        form = _ask_form(place, process, request.POST)
        if form is None:
            raise Forbidden(_("Responses can be asked for only while the process is under way."))
        if form.is_valid():
            try:
                services.request_ask(
                    actor=place,
                    room=form.chosen_room(),
                    side=form.chosen_side(),
                    topic=form.cleaned_data["topic"],
                    due_at=form.cleaned_data["due_at"],
                    client_key=form.cleaned_data["submission"] or form.submission_key() or "-",
                )
            except AccordError as error:
                status = _refuse_into(form, error)
            else:
                messages.success(request, _("Your request was sent."))
                return redirect("safety:deadlines", process_id=process.id)
    else:
        form = _ask_form(place, process)
    return render(
        request, "safety/deadlines.html", _deadlines_context(place, process, form), status=status
    )


@login_required
def deadline_answer(request: HttpRequest, deadline_id: uuid.UUID) -> HttpResponse:
    response_request, place = access_request(user=_user(request), request_id=deadline_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = AnswerForm(request.POST, prefix=f"a{response_request.id.hex[:8]}")
    process = response_request.process
    if form.is_valid():
        try:
            services.request_answer(
                actor=place,
                request=response_request,
                body=form.cleaned_data["body"],
                client_key=form.cleaned_data["submission"] or form.submission_key() or "-",
            )
        except AccordError as error:
            status = _refuse_into(form, error)
        else:
            messages.success(request, _("Your response was posted."))
            return redirect("safety:deadlines", process_id=process.id)
    else:
        status = 200
    context = _deadlines_context(place, process, _ask_form(place, process))
    for row in context["rows"]:
        if row["request"].id == response_request.id:
            row["answer_form"] = form
    return render(request, "safety/deadlines.html", context, status=status)


@login_required
def deadline_withdraw(request: HttpRequest, deadline_id: uuid.UUID) -> HttpResponse:
    response_request, place = access_request(user=_user(request), request_id=deadline_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.request_withdraw(actor=place, request=response_request)
    messages.success(request, _("Your request was withdrawn."))
    return redirect("safety:deadlines", process_id=response_request.process_id)


# --- balance ---------------------------------------------------------------------------------


def _facilitator(process: Process, places: list[Participant]) -> Participant:
    for place in places:
        if is_facilitator(place, process):
            return place
    raise Forbidden(_("The balance meter is for the mediator only."))


@login_required
def balance(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """The meter; an htmx poll gets only the figures (the same partial)."""
    process, places = _places(request, process_id)
    place = _facilitator(process, places)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    meter = balance_for(viewer=place, process=process)
    context = {
        "process": process,
        "balance": meter,
        "share_form": ConfirmForm(),
        "can_share": can_share_balance(place, process)
        and joint_room(viewer=place, process=process) is not None,
        "gap_minutes": int(SESSION_GAP.total_seconds() // 60),
        "allowance_minutes": int(MESSAGE_ALLOWANCE.total_seconds() // 60),
        "computed_at": clock.now(),
    }
    if request.headers.get("HX-Request") == "true":
        return render(request, "safety/_balance_figures.html", context)
    return render(request, "safety/balance.html", context)


@login_required
def balance_share(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, places = _places(request, process_id)
    place = _facilitator(process, places)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = ConfirmForm(request.POST)
    form.is_valid()
    key = form.submission_key() or uuid.uuid4().hex
    services.balance_share(actor=place, process=process, client_key=f"balance-{key}")
    messages.success(request, _("The summary was shared in the joint room."))
    return redirect("safety:balance", process_id=process.id)
