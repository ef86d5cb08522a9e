"""Pages of the arbitration: the record (terms, deadlines, submissions, hearing, award), the
terms form, a submission and its files, the hearing form, and the award (draft, sign, PDF).

Thin: parse, find the object through an `access_*` selector built on the record's audience
(404 for missing, not-an-arbitration and not-yours alike), call one service, render. Nothing
here reads a mediation room, a screening answer or a preference (DESIGN.md §4, invariant 3).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.agreements.document import grouped, render_markdown
from accord.agreements.permissions import can_draft
from accord.agreements.services import StepUp, step_up_method
from accord.agreements.vocabulary import AgreementKind, AgreementStatus
from accord.agreements.web import client_address, client_agent, pdf_response, refuse_method
from accord.arbitration import services
from accord.arbitration.exports import award_pdf
from accord.arbitration.forms import (
    AwardForm,
    AwardSignForm,
    HearingForm,
    SubmissionForm,
    TermsForm,
)
from accord.arbitration.models import ArbitrationTerms, Award
from accord.arbitration.permissions import (
    can_close,
    can_draft_award,
    can_file,
    can_issue_award,
    can_schedule_hearing,
)
from accord.arbitration.selectors import (
    SideState,
    access_arbitration,
    access_award,
    access_submission,
    access_submission_file,
    arbitration_agreement,
    arbitrators_of,
    current_hearing,
    decisions_of,
    issued_award,
    latest_draft,
    latest_terms,
    side_states,
    submissions_of,
    terms_in_force,
)
from accord.arbitration.services import DecisionInput, TermsInput
from accord.arbitration.vocabulary import AwardStatus
from accord.cases.models import Participant, Process
from accord.cases.permissions import can_manage_case
from accord.cases.services import appointment_blockers
from accord.cases.vocabulary import ParticipantStatus
from accord.core import clock
from accord.core.amounts import amount_input
from accord.core.errors import AccordError, InvalidInput, NotFound
from accord.rooms import storage
from accord.rooms.services import Upload


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # @login_required runs first
        raise NotFound
    return user


def _refuse(form: Any, error: AccordError) -> int:
    if not hasattr(form, "cleaned_data"):
        form.is_valid()
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
    return 200 if isinstance(error, InvalidInput) else error.status_code


def _optional_url(name: str, **kwargs: object) -> str | None:
    """A page of the case app, linked only where it exists."""
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _my_state(states: list[SideState], viewer: Participant) -> SideState | None:
    return next((s for s in states if s.side.id == viewer.side_id), None)


def _appointment(process: Process, viewer: Participant) -> dict[str, Any]:
    """Who arbitrates, and what still stands in the way of an appointment taking effect."""
    rows = []
    for person in arbitrators_of(process.case):
        waiting = None
        if person.status == ParticipantStatus.PENDING:
            waiting = appointment_blockers(person)
        elif person.status == ParticipantStatus.INVITED:
            waiting = _("The invitation has not been accepted yet.")
        rows.append({"person": person, "waiting": waiting})
    case_id = process.case_id
    return {
        "arbitrators": rows,
        "appoint_url": _optional_url("cases:appoint", case_id=case_id)
        if can_manage_case(viewer, process.case)
        else None,
        "med_arb_url": _optional_url("cases:med_arb", case_id=case_id),
    }


@login_required
def record(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """The arbitration at a glance; a side files its submissions here."""
    process, viewer = access_arbitration(user=_user(request), process_id=process_id)
    if (refused := refuse_method(request, "GET", "POST")) is not None:
        return refused
    form = SubmissionForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.submission_file(
                actor=viewer,
                process=process,
                kind=data["kind"],
                title=data["title"],
                body=data["body"],
                client_key=data["client_key"],
                uploads=[Upload(f.name or "file", f.read()) for f in data["attachments"]],
            )
        except AccordError as error:
            if error.field == "files":
                error.field = "attachments"
            status = _refuse(form, error)
        else:
            messages.success(
                request, _("Filed on the record. Everyone in the arbitration can read it.")
            )
            return redirect("arbitration:process", process_id=process.id)
    terms = terms_in_force(process)
    states = side_states(process, terms, clock.now()) if terms else []
    agreement = arbitration_agreement(process)
    draft = latest_draft(process) if can_draft_award(viewer, process, terms) else None
    context = {
        "process": process,
        "case": process.case,
        "viewer": viewer,
        "agreement": agreement,
        "agreement_signed": agreement is not None and agreement.status == AgreementStatus.SIGNED,
        "latest_terms": latest_terms(process),
        "terms": terms,
        "states": states,
        "hearing": current_hearing(process),
        "submissions": list(submissions_of(process)),
        "award": issued_award(process),
        "draft": draft,
        "form": form,
        "may_file": can_file(viewer, process, terms, _my_state(states, viewer)),
        "may_close": can_close(viewer, process, terms, _my_state(states, viewer)),
        "may_schedule": can_schedule_hearing(viewer, process, terms),
        "may_draft_award": can_draft_award(viewer, process, terms),
        "may_draft_terms": can_draft(viewer, process, AgreementKind.ARBITRATION)
        and (agreement is None or agreement.status != AgreementStatus.SIGNED),
        **_appointment(process, viewer),
    }
    return render(request, "arbitration/record.html", context, status=status)


def _terms_initial(terms: ArbitrationTerms | None, process: Process) -> dict[str, Any]:
    if terms is None:
        return {"award_days": 30}
    initial: dict[str, Any] = {
        "scope": "\n".join(s.question for s in terms.scope.order_by("position")),
        "rules": terms.rules,
        "award_days": terms.award_days,
        "max_amount": amount_input(terms.max_amount),
        "currency": terms.currency,
        "other_terms": terms.other_terms,
        "based_on": terms.version.number,
    }
    for deadline in terms.deadlines.select_related("side"):
        initial[f"deadline_{deadline.side.position}"] = deadline.due_at
    return initial


@login_required
def terms(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """Write the arbitration agreement from its terms: scope, rules, deadlines."""
    process, viewer = access_arbitration(user=_user(request), process_id=process_id)
    if (refused := refuse_method(request, "GET", "POST")) is not None:
        return refused
    sides = list(process.case.sides.order_by("position"))
    latest = latest_terms(process)
    form = TermsForm(
        request.POST if request.method == "POST" else None,
        initial=_terms_initial(latest, process),
        sides=sides,
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = services.terms_draft(
                actor=viewer,
                process=process,
                terms=TermsInput(
                    scope=form.questions(),
                    rules=data["rules"],
                    deadlines={s.id: data[f"deadline_{s.position}"] for s in sides},
                    award_days=data["award_days"],
                    max_amount=data["max_amount"],
                    currency=data["currency"],
                    other_terms=data["other_terms"],
                ),
                based_on=data["based_on"],
            )
        except AccordError as error:
            status = _refuse(form, error)
        else:
            messages.success(
                request,
                _("Version %(n)d of the arbitration agreement is saved. Every party now signs it.")
                % {"n": saved.version.number},
            )
            return redirect("agreements:agreement", agreement_id=saved.version.agreement_id)
    return render(
        request,
        "arbitration/terms.html",
        {
            "process": process,
            "case": process.case,
            "form": form,
            "latest": latest,
            "may_draft_terms": can_draft(viewer, process, AgreementKind.ARBITRATION),
        },
        status=status,
    )


@login_required
def submission(request: HttpRequest, submission_id: uuid.UUID) -> HttpResponse:
    found, _viewer = access_submission(user=_user(request), submission_id=submission_id)
    if (refused := refuse_method(request, "GET")) is not None:
        return refused
    return render(
        request,
        "arbitration/submission.html",
        {
            "submission": found,
            "process": found.process,
            "case": found.process.case,
            "html": render_markdown(found.body),
            "files": list(found.files.all()),
        },
    )


@login_required
def submission_file(
    request: HttpRequest, submission_id: uuid.UUID, file_id: uuid.UUID
) -> HttpResponseBase:
    """Served only through the access check; every download is an audit event."""
    item, viewer = access_submission_file(
        user=_user(request), submission_id=submission_id, file_id=file_id
    )
    if (refused := refuse_method(request, "GET")) is not None:
        return refused
    services.submission_file_open(actor=viewer, item=item)
    response = FileResponse(
        storage.blob_path(item.sha256).open("rb"),
        as_attachment=True,
        filename=item.filename,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def close(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """A side says it has nothing more to file."""
    process, viewer = access_arbitration(user=_user(request), process_id=process_id)
    if (refused := refuse_method(request, "POST")) is not None:
        return refused
    try:
        services.submissions_close(actor=viewer, process=process)
    except AccordError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Noted: your side has nothing more to submit."))
    return redirect("arbitration:process", process_id=process.id)


@login_required
def hearing(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """The arbitrator schedules (or moves) the hearing."""
    process, viewer = access_arbitration(user=_user(request), process_id=process_id)
    if (refused := refuse_method(request, "GET", "POST")) is not None:
        return refused
    form = HearingForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.hearing_schedule(
                actor=viewer,
                process=process,
                starts_at=data["starts_at"],
                place=data["place"],
                link=data["link"],
                details=data["details"],
            )
        except AccordError as error:
            status = _refuse(form, error)
        else:
            messages.success(request, _("The hearing is scheduled; everyone sees it here."))
            return redirect("arbitration:process", process_id=process.id)
    return render(
        request,
        "arbitration/hearing.html",
        {
            "process": process,
            "case": process.case,
            "form": form,
            "current": current_hearing(process),
            "may_schedule": can_schedule_hearing(viewer, process, terms_in_force(process)),
        },
        status=status,
    )


# --- the award ------------------------------------------------------------------------------


def _award_initial(draft: Award | None) -> dict[str, Any]:
    if draft is None:
        return {}
    initial: dict[str, Any] = {"reasons": draft.reasons}
    for d in draft.decisions.select_related("scope_item"):
        initial[f"decision_{d.scope_item.position}"] = d.decision
        initial[f"amount_{d.scope_item.position}"] = amount_input(d.amount)
    return initial


@login_required
def award_draft(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """The arbitrator writes the award: reasons and one decision per agreed question."""
    process, viewer = access_arbitration(user=_user(request), process_id=process_id)
    if (refused := refuse_method(request, "GET", "POST")) is not None:
        return refused
    terms = terms_in_force(process)
    if terms is None or not can_draft_award(viewer, process, terms):
        return render(
            request,
            "arbitration/award_form.html",
            {"process": process, "case": process.case, "form": None},
            status=200,
        )
    scope = list(terms.scope.order_by("position"))
    form = AwardForm(
        request.POST if request.method == "POST" else None,
        initial=_award_initial(latest_draft(process)),
        scope=scope,
        currency=terms.currency,
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            draft = services.award_draft(
                actor=viewer,
                process=process,
                reasons=data["reasons"],
                decisions=[
                    DecisionInput(
                        scope_item_id=item.id,
                        decision=data[f"decision_{item.position}"],
                        amount=data[f"amount_{item.position}"],
                    )
                    for item in scope
                ],
            )
        except AccordError as error:
            status = _refuse(form, error)
        else:
            return redirect("arbitration:award", award_id=draft.id)
    return render(
        request,
        "arbitration/award_form.html",
        {
            "process": process,
            "case": process.case,
            "form": form,
            "terms": terms,
            "pairs": [
                (form[f"decision_{item.position}"], form[f"amount_{item.position}"])
                for item in scope
            ],
        },
        status=status,
    )


@login_required
def award(request: HttpRequest, award_id: uuid.UUID) -> HttpResponse:
    """An issued award for everyone on the record; for the arbitrator, the draft to review,
    with its fingerprint, and the form that signs and issues it."""
    found, viewer = access_award(user=_user(request), award_id=award_id)
    if (refused := refuse_method(request, "GET", "POST")) is not None:
        return refused
    process = found.process
    draft = found.status == AwardStatus.DRAFT
    method = step_up_method(_user(request)) if draft else None
    form = AwardSignForm(
        request.POST if request.method == "POST" else None,
        initial={"sha256": found.sha256},
        method=method,
    )
    status = 200
    if request.method == "POST" and draft and form.is_valid():
        data = form.cleaned_data
        try:
            services.award_issue(
                actor=viewer,
                award=found,
                sha256=data["sha256"],
                intent=bool(data.get("intent")),
                step_up=StepUp(password=data.get("password", ""), code=data.get("code", "")),
                ip_address=client_address(request),
                user_agent=client_agent(request),
            )
        except AccordError as error:
            status = _refuse(form, error)
        else:
            messages.success(
                request, _("The award is signed and issued. The arbitration has ended.")
            )
            return redirect("arbitration:award", award_id=found.id)
    terms = terms_in_force(process)
    states = side_states(process, terms, clock.now()) if terms else []
    latest = latest_draft(process)
    return render(
        request,
        "arbitration/award.html",
        {
            "award": found,
            "process": process,
            "case": process.case,
            "html": render_markdown(found.reasons),
            "decisions": decisions_of(found),
            "currency": found.terms.currency,
            "hash": grouped(found.sha256),
            "draft": draft,
            "replaced": draft and (latest is None or latest.id != found.id),
            "form": form,
            "method": method,
            "may_issue": draft and can_issue_award(viewer, process, terms, states),
            "open_sides": [s.side.label for s in states if s.open],
        },
        status=status,
    )


@login_required
def award_download(request: HttpRequest, award_id: uuid.UUID) -> HttpResponse:
    found, viewer = access_award(user=_user(request), award_id=award_id)
    if (refused := refuse_method(request, "GET")) is not None:
        return refused
    if found.status != AwardStatus.ISSUED:
        raise NotFound
    services.award_open(actor=viewer, award=found)
    return pdf_response(award_pdf(found), f"award-{found.id}.pdf")
