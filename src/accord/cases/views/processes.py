"""Processes: the guide, proposing one, the consent screens (consent or decline, the
confidentiality terms, negotiation's confidentiality choice, the arbitration agreement),
starting, impasse and ending.

A person may hold two places in a case (med-arb); each page acts with the first place the
rule allows, and otherwise lets the service refuse in the rule's words.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accord.cases import services
from accord.cases.forms import (
    AcknowledgeForm,
    ConfidentialityChoiceForm,
    ConfirmForm,
    EndForm,
    ProposeForm,
    SubmissionForm,
)
from accord.cases.models import Participant, Process
from accord.cases.permissions import (
    can_accept_confidentiality,
    can_choose_confidentiality,
    can_consent,
    can_declare_impasse,
    can_propose_process,
    can_start,
    can_withdraw,
    check_accept_confidentiality,
    check_choose_confidentiality,
    check_consent,
    check_declare_impasse,
    check_propose_process,
)
from accord.cases.rules import rules_for
from accord.cases.selectors import (
    accepted_participant_ids,
    case_overviews,
    consented_side_ids,
    latest_choice_of,
    latest_confidentiality_choices,
    proposed_process,
    sides_of,
)
from accord.cases.services.processes import CONFIDENTIALITY_TERMS_VERSION, start_blockers
from accord.cases.views import _guide
from accord.cases.views._common import (
    acting_in_case,
    case_url,
    choose,
    only_get,
    optional_url,
    places_in_process,
    posted,
    process_url,
    refuse_into,
    replayed,
    submit_once,
    user_of,
)
from accord.cases.views._links import process_links
from accord.cases.vocabulary import Outcome, ProcessStatus, Role
from accord.core.errors import AccordError, Conflict, Forbidden


@require_GET
def guide(request: HttpRequest) -> HttpResponse:
    """Open to anyone, signed in or not: people often choose a process before joining."""
    return render(
        request,
        "cases/guide.html",
        {
            "guides": _guide.guides(),
            "comparison": _guide.comparison(),
            "pointers": _guide.pointers(),
        },
    )


# --- proposing -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest, case_id: uuid.UUID) -> HttpResponse:
    actor = acting_in_case(request, case_id, can=lambda p: can_propose_process(p, p.case))
    if (done := replayed(request)) is not None:
        return done
    check_propose_process(actor, actor.case)
    chosen = request.GET.get("kind")
    form = ProposeForm(posted(request), initial={"kind": chosen} if chosen else None)
    context = {
        "case": actor.case,
        "form": form,
        "guides": _guide.guides(),
        "waiting": proposed_process(actor.case),
    }
    if request.method != "POST":
        return render(request, "cases/propose.html", context)

    def act() -> HttpResponse:
        status = 200
        if form.is_valid():
            data = form.cleaned_data
            try:
                process = services.process_propose(
                    actor=actor,
                    case=actor.case,
                    kind=data["kind"],
                    format=data["format"] or None,
                    compulsory=data["compulsory"],
                    court_ordered=data["court_ordered"],
                    court_reference=data["court_reference"],
                )
            except AccordError as error:
                status = refuse_into(form, error)
            else:
                messages.success(
                    request,
                    _("%(kind)s is proposed. Each side now says whether it agrees.")
                    % {"kind": process.get_kind_display()},
                )
                return redirect("cases:process", process_id=process.id)
        return render(request, "cases/propose.html", context, status=status)

    return submit_once(request, form, act, fallback=case_url(actor.case_id))


# --- the process page ----------------------------------------------------------------------


def _outcomes_for(actor: Participant, process: Process) -> list[Outcome]:
    """The outcomes this person may record here (impasse has its own page)."""
    if not actor.is_current:
        return []
    return [
        outcome
        for outcome, roles in rules_for(process.kind).outcomes.items()
        if actor.role in roles and outcome != Outcome.IMPASSE
    ]


def _first(places: list[Participant], can: Callable[[Participant], bool]) -> Participant | None:
    return next((p for p in places if can(p)), None)


def _process_page(
    request: HttpRequest,
    places: list[Participant],
    process: Process,
    *,
    start_form: ConfirmForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = user_of(request)
    proposed = process.status == ProcessStatus.PROPOSED
    consented = consented_side_ids(process)
    accepted = accepted_participant_ids(process)
    own_sides = {p.side_id for p in places if p.side_id is not None}
    overview = case_overviews(user=user, case=process.case)
    waiting = [i for o in overview for i in o.waiting if i.process and i.process.id == process.id]
    context: dict[str, Any] = {
        "process": process,
        "case": process.case,
        "guide": _guide.guide_for(process.kind),
        "waiting": waiting,
        "blockers": start_blockers(process) if proposed else [],
        "consented": [s.label for s in sides_of(process.case) if s.id in consented],
        "may_consent": bool(own_sides - consented)
        and _first(places, lambda p: can_consent(p, process)) is not None,
        "may_decline": proposed and _first(places, lambda p: can_withdraw(p, process)) is not None,
        "may_choose": _first(places, lambda p: can_choose_confidentiality(p, process)) is not None,
        "may_accept": _first(
            places,
            lambda p: can_accept_confidentiality(p, process) and p.id not in accepted,
        )
        is not None,
        "may_start": _first(places, lambda p: can_start(p, process)) is not None,
        "start_form": start_form or ConfirmForm(),
        "may_impasse": _first(places, lambda p: can_declare_impasse(p, process)) is not None,
        "may_end": process.status == ProcessStatus.ACTIVE
        and any(_outcomes_for(p, process) for p in places),
        "links": process_links(user=user, process=process, places=places),
        "screening": _screening_link(process, places),
    }
    return render(request, "cases/process.html", context, status=status)


def _screening_link(process: Process, places: list[Participant]) -> str:
    """Which way into the safety screening this person has, if the process is screened:
    "answer" for a party, "review" for the facilitating neutral ("" otherwise). The safety
    app's page decides who sees what; this only points the way."""
    rules = rules_for(process.kind)
    open_now = process.status in (ProcessStatus.PROPOSED, ProcessStatus.ACTIVE)
    if not rules.screened or not open_now:
        return ""
    current = [p for p in places if p.is_current]
    # The process's own neutral reads the answers; an arbitrator in the case never does,
    # whatever else they were.
    facilitator = rules.required_neutrals & {Role.MEDIATOR, Role.COORDINATOR}
    facilitates = not any(p.role == Role.ARBITRATOR for p in places)
    if facilitates and any(p.role in facilitator for p in current):
        return "review"
    if any(p.role == Role.PRINCIPAL for p in current):
        return "answer"
    return ""


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def process(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    places, the_process = places_in_process(request, process_id)
    refused = only_get(request)
    return refused or _process_page(request, places, the_process)


@login_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """Start a proposed process; what still stands in the way is shown in plain words."""
    places, the_process = places_in_process(request, process_id)
    if (done := replayed(request)) is not None:
        return done
    if request.method != "POST":
        return redirect("cases:process", process_id=the_process.id)
    actor = choose(places, lambda p: can_start(p, the_process))
    form = ConfirmForm(request.POST)

    def act() -> HttpResponse:
        try:
            services.process_start(actor=actor, process=the_process)
        except AccordError as error:
            status = refuse_into(form, error)
            the_process.refresh_from_db()
            return _process_page(request, places, the_process, start_form=form, status=status)
        messages.success(
            request,
            _("The %(kind)s has started.") % {"kind": the_process.get_kind_display().lower()},
        )
        return redirect("cases:process", process_id=the_process.id)

    return submit_once(request, form, act, fallback=process_url(the_process))


# --- consent screens -----------------------------------------------------------------------


def _consent_form(process: Process, data: Any) -> SubmissionForm:
    """Arbitration binds: its consent is an explicit statement, ticked by the person."""
    if rules_for(process.kind).binding:
        return AcknowledgeForm(
            data,
            statement=_(
                "My side agrees to arbitration, and to be bound by the arbitrator's decision."
            ),
        )
    return ConfirmForm(data)


@login_required
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """A side's answer to a proposed process (for arbitration: the agreement to be bound)."""
    places, the_process = places_in_process(request, process_id)
    if (done := replayed(request)) is not None:
        return done
    actor = choose(places, lambda p: can_consent(p, the_process))
    check_consent(actor, the_process)
    form = _consent_form(the_process, posted(request))
    context = {
        "process": the_process,
        "case": the_process.case,
        "actor": actor,
        "guide": _guide.guide_for(the_process.kind),
        "form": form,
        "already": actor.side_id in consented_side_ids(the_process),
        "proposer": the_process.proposed_by,
        "may_decline": can_withdraw(actor, the_process),
        "agreement_url": optional_url("arbitration:process", process_id=the_process.id),
    }
    if request.method != "POST":
        return render(request, "cases/consent.html", context)

    def act() -> HttpResponse:
        status = 200
        if form.is_valid():
            try:
                services.process_consent(actor=actor, process=the_process)
            except AccordError as error:
                status = refuse_into(form, error)
            else:
                messages.success(
                    request,
                    _("Your side agrees to the %(kind)s.")
                    % {"kind": the_process.get_kind_display().lower()},
                )
                return redirect("cases:process", process_id=the_process.id)
        return render(request, "cases/consent.html", context, status=status)

    return submit_once(request, form, act, fallback=process_url(the_process))


@login_required
@require_http_methods(["GET", "POST"])
def decline(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """A party says no to a proposed process; it is not taken up. No reason is asked."""
    places, the_process = places_in_process(request, process_id)
    if (done := replayed(request)) is not None:
        return done
    actor = choose(places, lambda p: can_withdraw(p, the_process))
    if the_process.status != ProcessStatus.PROPOSED:
        raise Conflict(_("Only a proposed process can be declined."))
    form = ConfirmForm(posted(request))
    context = {"process": the_process, "case": the_process.case, "form": form}
    if request.method != "POST":
        return render(request, "cases/decline.html", context)

    def act() -> HttpResponse:
        try:
            services.process_withdraw(actor=actor, process=the_process)
        except AccordError as error:
            status = refuse_into(form, error)
            return render(request, "cases/decline.html", context, status=status)
        messages.info(
            request,
            _("Your side declined the %(kind)s. It will not start.")
            % {"kind": the_process.get_kind_display().lower()},
        )
        return redirect("cases:case", case_id=the_process.case_id)

    return submit_once(request, form, act, fallback=case_url(the_process.case_id))


@login_required
@require_http_methods(["GET", "POST"])
def confidentiality_choice(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """Negotiation: each side chooses, explicitly, whether it is confidential."""
    places, the_process = places_in_process(request, process_id)
    if (done := replayed(request)) is not None:
        return done
    actor = choose(places, lambda p: can_choose_confidentiality(p, the_process))
    check_choose_confidentiality(actor, the_process)
    side_id = actor.side_id
    choices = latest_confidentiality_choices(the_process)
    sides = sides_of(the_process.case)
    form = ConfidentialityChoiceForm(posted(request))
    context = {
        "process": the_process,
        "case": the_process.case,
        "form": form,
        "current": latest_choice_of(process=the_process, side_id=side_id) if side_id else None,
        "differ": all(s.id in choices for s in sides) and len(set(choices.values())) > 1,
    }
    if request.method != "POST":
        return render(request, "cases/confidentiality_choice.html", context)

    def act() -> HttpResponse:
        status = 200
        if form.is_valid():
            try:
                services.process_choose_confidentiality(
                    actor=actor, process=the_process, confidential=form.cleaned_data["confidential"]
                )
            except AccordError as error:
                status = refuse_into(form, error)
            else:
                messages.success(request, _("Your side's choice is recorded."))
                return redirect("cases:process", process_id=the_process.id)
        return render(request, "cases/confidentiality_choice.html", context, status=status)

    return submit_once(request, form, act, fallback=process_url(the_process))


@login_required
@require_http_methods(["GET", "POST"])
def accept_terms(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """Each participant reads and accepts the confidentiality terms before taking part."""
    places, the_process = places_in_process(request, process_id)
    if (done := replayed(request)) is not None:
        return done
    accepted = accepted_participant_ids(the_process)
    actor = choose(
        places, lambda p: can_accept_confidentiality(p, the_process) and p.id not in accepted
    )
    check_accept_confidentiality(actor, the_process)
    form = AcknowledgeForm(posted(request), statement=_("I accept these terms."))
    context = {
        "process": the_process,
        "case": the_process.case,
        "form": form,
        "guide": _guide.guide_for(the_process.kind),
        "already": actor.id in accepted,
        "terms_template": f"cases/terms/{CONFIDENTIALITY_TERMS_VERSION}.html",
    }
    if request.method != "POST":
        return render(request, "cases/accept_terms.html", context)

    def act() -> HttpResponse:
        status = 200
        if form.is_valid():
            try:
                services.process_accept_confidentiality(actor=actor, process=the_process)
            except AccordError as error:
                status = refuse_into(form, error)
            else:
                messages.success(request, _("Thank you: you accepted the terms."))
                return redirect("cases:process", process_id=the_process.id)
        return render(request, "cases/accept_terms.html", context, status=status)

    return submit_once(request, form, act, fallback=process_url(the_process))


# --- impasse and ending --------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def impasse(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    places, the_process = places_in_process(request, process_id)
    if (done := replayed(request)) is not None:
        return done
    actor = choose(places, lambda p: can_declare_impasse(p, the_process))
    check_declare_impasse(actor, the_process)
    form = ConfirmForm(posted(request))
    context = {"process": the_process, "case": the_process.case, "form": form}
    if request.method != "POST":
        return render(request, "cases/impasse.html", context)

    def act() -> HttpResponse:
        try:
            services.process_declare_impasse(actor=actor, process=the_process)
        except AccordError as error:
            status = refuse_into(form, error)
            return render(request, "cases/impasse.html", context, status=status)
        messages.info(
            request,
            _("The %(kind)s ended at impasse.") % {"kind": the_process.get_kind_display().lower()},
        )
        return redirect("cases:case", case_id=the_process.case_id)

    return submit_once(request, form, act, fallback=case_url(the_process.case_id))


@login_required
@require_http_methods(["GET", "POST"])
def end(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """Record how a process ended, among the outcomes the rules let this role record."""
    places, the_process = places_in_process(request, process_id)
    if (done := replayed(request)) is not None:
        return done
    actor = choose(places, lambda p: bool(_outcomes_for(p, the_process)))
    outcomes = _outcomes_for(actor, the_process)
    if not outcomes:
        raise Forbidden(_("Your role cannot record how this process ended."))
    if the_process.status != ProcessStatus.ACTIVE:
        raise Conflict(_("Only a process under way can end."))
    form = EndForm(posted(request), outcomes=outcomes)
    context = {"process": the_process, "case": the_process.case, "form": form}
    if request.method != "POST":
        return render(request, "cases/end.html", context)

    def act() -> HttpResponse:
        status = 200
        if form.is_valid():
            try:
                services.process_end(
                    actor=actor, process=the_process, outcome=form.cleaned_data["outcome"]
                )
            except AccordError as error:
                status = refuse_into(form, error)
            else:
                messages.success(request, _("The outcome is recorded."))
                return redirect("cases:case", case_id=the_process.case_id)
        return render(request, "cases/end.html", context, status=status)

    return submit_once(request, form, act, fallback=case_url(the_process.case_id))
