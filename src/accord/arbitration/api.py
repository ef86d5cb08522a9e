"""JSON API of the arbitration app (mounted by accord.config.api): the terms, the record's
submissions and files, the hearing, and the award.

Every route finds its object through an `access_*` selector built on the record's audience
(NotFound, one body, for missing, not-an-arbitration and not-yours alike), calls one
service or selector, and shapes the answer. None of them reads anything of a mediation.
"""

from __future__ import annotations

import uuid

from django.http import FileResponse, HttpRequest, HttpResponse
from ninja import File, Form, Router, Status, UploadedFile

from accord.accounts.auth import api_user
from accord.agreements.api import person_out
from accord.agreements.document import render_markdown
from accord.agreements.services import StepUp
from accord.agreements.vocabulary import AgreementStatus
from accord.agreements.web import client_address, client_agent, pdf_response
from accord.arbitration import services
from accord.arbitration.exports import award_pdf
from accord.arbitration.models import ArbitrationTerms, Award, Hearing, Submission
from accord.arbitration.schemas import (
    ArbitrationOut,
    AwardIn,
    AwardOut,
    AwardSignIn,
    DeadlineOut,
    DecisionOut,
    FileOut,
    HearingIn,
    HearingOut,
    ScopeItemOut,
    SubmissionIn,
    SubmissionOut,
    TermsIn,
    TermsOut,
)
from accord.arbitration.selectors import (
    SideState,
    access_arbitration,
    access_award,
    access_submission,
    access_submission_file,
    arbitration_agreement,
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
from accord.arbitration.vocabulary import AwardStatus, SubmissionKind
from accord.cases.models import Process
from accord.cases.vocabulary import Role
from accord.core import clock
from accord.core.errors import NotFound
from accord.core.schemas import ERRORS
from accord.rooms import storage
from accord.rooms.services import Upload

router = Router(tags=["arbitration"])


def terms_out(terms: ArbitrationTerms, process: Process) -> TermsOut:
    states = side_states(process, terms, clock.now())
    return TermsOut(
        id=terms.id,
        version_id=terms.version_id,
        version_number=terms.version.number,
        sha256=terms.version.sha256,
        scope=[
            ScopeItemOut(id=s.id, position=s.position, question=s.question)
            for s in terms.scope.order_by("position")
        ],
        rules=terms.rules,
        award_days=terms.award_days,
        max_amount=terms.max_amount,
        currency=terms.currency,
        other_terms=terms.other_terms,
        deadlines=[_deadline_out(s) for s in states],
    )


def _deadline_out(state: SideState) -> DeadlineOut:
    return DeadlineOut(
        side_id=state.side.id,
        side=state.side.label,
        due_at=state.due_at,
        closed=state.closed,
        passed=state.passed,
        open=state.open,
    )


def _hearing_out(hearing: Hearing) -> HearingOut:
    return HearingOut(
        id=hearing.id,
        starts_at=hearing.starts_at,
        place=hearing.place,
        link=hearing.link,
        details=hearing.details,
    )


def submission_out(submission: Submission) -> SubmissionOut:
    return SubmissionOut(
        id=submission.id,
        process_id=submission.process_id,
        side_id=submission.side_id,
        side=submission.side.label,
        author=person_out(submission.author),
        kind=SubmissionKind(submission.kind),
        title=submission.title,
        body=submission.body,
        html=render_markdown(submission.body),
        files=[
            FileOut(
                id=f.id,
                filename=f.filename,
                content_type=f.content_type,
                size=f.size,
                sha256=f.sha256,
            )
            for f in submission.files.all()
        ],
        created_at=submission.created_at,
    )


def award_out(award: Award) -> AwardOut:
    return AwardOut(
        id=award.id,
        process_id=award.process_id,
        number=award.number,
        status=AwardStatus(award.status),
        reasons=award.reasons,
        html=render_markdown(award.reasons),
        decisions=[
            DecisionOut(question=q, decision=d, amount=a) for q, d, a in decisions_of(award)
        ],
        currency=award.terms.currency,
        sha256=award.sha256,
        terms_sha256=award.terms.version.sha256,
        issued_at=award.issued_at,
        method=award.method,
    )


# --- overview and terms ---------------------------------------------------------------------


@router.get(
    "/processes/{process_id}/arbitration",
    response={200: ArbitrationOut, **ERRORS},
    operation_id="arbitration_detail",
    summary="The arbitration: its agreement and terms, deadlines, hearing and award.",
)
def arbitration_detail(request: HttpRequest, process_id: uuid.UUID) -> ArbitrationOut:
    process, viewer = access_arbitration(user=api_user(request), process_id=process_id)
    agreement = arbitration_agreement(process)
    in_force = terms_in_force(process)
    latest = latest_terms(process)
    hearing = current_hearing(process)
    award = issued_award(process)
    draft = latest_draft(process) if viewer.role == Role.ARBITRATOR else None
    return ArbitrationOut(
        process_id=process.id,
        status=process.status,
        agreement_id=agreement.id if agreement else None,
        agreement_status=AgreementStatus(agreement.status) if agreement else None,
        terms_in_force=terms_out(in_force, process) if in_force else None,
        latest_terms=terms_out(latest, process) if latest else None,
        hearing=_hearing_out(hearing) if hearing else None,
        award=award_out(award) if award else None,
        my_draft=award_out(draft) if draft else None,
    )


@router.post(
    "/processes/{process_id}/arbitration/terms",
    response={201: TermsOut, **ERRORS},
    operation_id="arbitration_terms_draft",
    summary="Write the arbitration agreement's next version from its terms (scope, rules, "
    "deadlines).",
)
def draft_terms(request: HttpRequest, process_id: uuid.UUID, body: TermsIn) -> Status[TermsOut]:
    process, viewer = access_arbitration(user=api_user(request), process_id=process_id)
    terms = services.terms_draft(
        actor=viewer,
        process=process,
        terms=TermsInput(
            scope=body.scope,
            rules=body.rules,
            deadlines={d.side_id: d.due_at for d in body.deadlines},
            award_days=body.award_days,
            max_amount=body.max_amount,
            currency=body.currency,
            other_terms=body.other_terms,
        ),
        based_on=body.based_on,
    )
    return Status(201, terms_out(terms, process))


# --- the record ----------------------------------------------------------------------------


@router.get(
    "/processes/{process_id}/submissions",
    response={200: list[SubmissionOut], **ERRORS},
    operation_id="arbitration_submission_list",
    summary="The record's submissions, oldest first.",
)
def list_submissions(request: HttpRequest, process_id: uuid.UUID) -> list[SubmissionOut]:
    process, _viewer = access_arbitration(user=api_user(request), process_id=process_id)
    return [submission_out(s) for s in submissions_of(process)]


@router.post(
    "/processes/{process_id}/submissions",
    response={201: SubmissionOut, **ERRORS},
    operation_id="arbitration_submission_file",
    summary="File a statement, reply or evidence for my side, before my side's deadline.",
)
def file_submission(
    request: HttpRequest, process_id: uuid.UUID, body: SubmissionIn
) -> Status[SubmissionOut]:
    process, viewer = access_arbitration(user=api_user(request), process_id=process_id)
    submission = services.submission_file(
        actor=viewer,
        process=process,
        kind=body.kind.value,
        title=body.title,
        body=body.body,
        client_key=body.client_key,
    )
    return Status(201, submission_out(submission))


@router.post(
    "/processes/{process_id}/submissions/with-files",
    response={201: SubmissionOut, **ERRORS},
    operation_id="arbitration_submission_file_with_files",
    summary="File a submission with evidence files (PDF, PNG, JPEG or text; 5 of 10 MB).",
)
def file_submission_with_files(
    request: HttpRequest,
    process_id: uuid.UUID,
    kind: Form[SubmissionKind],
    title: Form[str],
    client_key: Form[str],
    files: File[list[UploadedFile]],
    body: Form[str] = "",
) -> Status[SubmissionOut]:
    process, viewer = access_arbitration(user=api_user(request), process_id=process_id)
    uploads = [Upload(f.name or "file", f.read()) for f in files]
    submission = services.submission_file(
        actor=viewer,
        process=process,
        kind=kind.value,
        title=title,
        body=body,
        client_key=client_key,
        uploads=uploads,
    )
    return Status(201, submission_out(submission))


@router.get(
    "/submissions/{submission_id}",
    response={200: SubmissionOut, **ERRORS},
    operation_id="arbitration_submission_detail",
    summary="One submission on the record.",
)
def submission_detail(request: HttpRequest, submission_id: uuid.UUID) -> SubmissionOut:
    submission, _viewer = access_submission(user=api_user(request), submission_id=submission_id)
    return submission_out(submission)


@router.get(
    "/submissions/{submission_id}/files/{file_id}",
    response={200: None, **ERRORS},
    operation_id="arbitration_submission_file_download",
    summary="Download a file filed on the record.",
)
def download_file(
    request: HttpRequest, submission_id: uuid.UUID, file_id: uuid.UUID
) -> FileResponse:
    item, viewer = access_submission_file(
        user=api_user(request), submission_id=submission_id, file_id=file_id
    )
    services.submission_file_open(actor=viewer, item=item)
    response = FileResponse(
        storage.blob_path(item.sha256).open("rb"),
        as_attachment=True,
        filename=item.filename,
        content_type=item.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@router.post(
    "/processes/{process_id}/submissions/close",
    response={201: DeadlineOut, **ERRORS},
    operation_id="arbitration_submissions_close",
    summary="Say my side has nothing more to file (the award need not wait for the deadline).",
)
def close_submissions(request: HttpRequest, process_id: uuid.UUID) -> Status[DeadlineOut]:
    process, viewer = access_arbitration(user=api_user(request), process_id=process_id)
    closed = services.submissions_close(actor=viewer, process=process)
    terms = terms_in_force(process)
    states = side_states(process, terms, clock.now()) if terms is not None else []
    state = next((s for s in states if s.side.id == closed.side_id), None)
    if state is None:  # the service refused to close without terms in force
        raise NotFound
    return Status(201, _deadline_out(state))


@router.post(
    "/processes/{process_id}/hearings",
    response={201: HearingOut, **ERRORS},
    operation_id="arbitration_hearing_schedule",
    summary="As the arbitrator, schedule the hearing (a new one replaces the previous).",
)
def schedule_hearing(
    request: HttpRequest, process_id: uuid.UUID, body: HearingIn
) -> Status[HearingOut]:
    process, viewer = access_arbitration(user=api_user(request), process_id=process_id)
    hearing = services.hearing_schedule(
        actor=viewer,
        process=process,
        starts_at=body.starts_at,
        place=body.place,
        link=body.link,
        details=body.details,
    )
    return Status(201, _hearing_out(hearing))


# --- the award -----------------------------------------------------------------------------


@router.post(
    "/processes/{process_id}/awards",
    response={201: AwardOut, **ERRORS},
    operation_id="arbitration_award_draft",
    summary="As the arbitrator, draft the award: reasons and one decision per agreed question.",
)
def draft_award(request: HttpRequest, process_id: uuid.UUID, body: AwardIn) -> Status[AwardOut]:
    process, viewer = access_arbitration(user=api_user(request), process_id=process_id)
    award = services.award_draft(
        actor=viewer,
        process=process,
        reasons=body.reasons,
        decisions=[
            DecisionInput(scope_item_id=d.scope_item_id, decision=d.decision, amount=d.amount)
            for d in body.decisions
        ],
    )
    return Status(201, award_out(award))


@router.get(
    "/awards/{award_id}",
    response={200: AwardOut, **ERRORS},
    operation_id="arbitration_award_detail",
    summary="An issued award (a draft: its arbitrator only).",
)
def award_detail(request: HttpRequest, award_id: uuid.UUID) -> AwardOut:
    award, _viewer = access_award(user=api_user(request), award_id=award_id)
    return award_out(award)


@router.post(
    "/awards/{award_id}/sign",
    response={200: AwardOut, **ERRORS},
    operation_id="arbitration_award_sign",
    summary="As the arbitrator, sign and issue the latest draft (hash, intent, step-up).",
)
def sign_award(request: HttpRequest, award_id: uuid.UUID, body: AwardSignIn) -> AwardOut:
    award, viewer = access_award(user=api_user(request), award_id=award_id)
    issued = services.award_issue(
        actor=viewer,
        award=award,
        sha256=body.sha256,
        intent=body.intent,
        step_up=StepUp(password=body.password, code=body.code),
        ip_address=client_address(request),
        user_agent=client_agent(request),
    )
    return award_out(issued)


@router.get(
    "/awards/{award_id}/pdf",
    response={200: None, **ERRORS},
    operation_id="arbitration_award_pdf",
    summary="The issued award as PDF, ending with the arbitrator's signature certificate.",
)
def award_download(request: HttpRequest, award_id: uuid.UUID) -> HttpResponse:
    award, viewer = access_award(user=api_user(request), award_id=award_id)
    if award.status != AwardStatus.ISSUED:
        raise NotFound
    services.award_open(actor=viewer, award=award)
    return pdf_response(award_pdf(award), f"award-{award.id}.pdf")
