"""Pages of the agreements app: a process's agreements, one agreement with its versions and
comments, the comparison of two versions, the signing ceremony, the signed PDF, the
certificate of attempt, and one's own signed documents.

Thin: parse, find the object through an `access_*` selector (404 for missing and
not-yours alike), call one service, render. A refusal is shown next to its field, with
what the person typed kept in the form.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accord.accounts.models import User
from accord.agreements import services
from accord.agreements.document import diff_lines, diff_summary, grouped, render_markdown
from accord.agreements.exports import certificate_context, certificate_pdf, signed_agreement_pdf
from accord.agreements.forms import (
    AgreementForm,
    AuthorityForm,
    CommentForm,
    ReviseForm,
    SignForm,
)
from accord.agreements.models import Agreement, AgreementVersion
from accord.agreements.permissions import (
    can_comment,
    can_draft,
    can_grant_authority,
    can_issue_certificate,
    can_revise,
    can_sign,
    certificate_applies,
)
from accord.agreements.selectors import (
    SigningState,
    access_agreement,
    access_agreements_of,
    access_attempt_of,
    access_signed_document,
    access_version,
    advocates_of_side,
    agreements_overview,
    authorities_on,
    certificate_of,
    comments_on,
    consent_of,
    latest_version,
    previous_version,
    signed_documents_for,
    signing_state,
    version_of,
    versions_of,
)
from accord.agreements.services import StepUp, step_up_method
from accord.agreements.vocabulary import AgreementKind, AgreementStatus, Binding
from accord.agreements.web import client_address, client_agent, pdf_response, refuse_method
from accord.cases.models import Participant
from accord.cases.vocabulary import Role
from accord.core.errors import AccordError, InvalidInput, NotFound


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # @login_required runs first
        raise NotFound
    return user


def _refuse(form: Any, error: AccordError) -> int:
    """Put a refusal next to the field it names (else above the form); the status to answer
    with is 200 for input to correct and the refusal's own otherwise."""
    if not hasattr(form, "cleaned_data"):
        form.is_valid()
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
    return 200 if isinstance(error, InvalidInput) else error.status_code


def _name(participant: Participant) -> str:
    return participant.user.display_name if participant.user else participant.email


def _status_rows(state: SigningState) -> list[dict[str, Any]]:
    rows = []
    for person in state.required:
        signature = state.signed.get(person.id)
        rows.append(
            {
                "name": _name(person),
                "side": person.side.label if person.side else "",
                "signed_at": signature.signed_at if signature else None,
                "by_advocate": _name(signature.signer)
                if signature and signature.signer_id != person.id
                else "",
            }
        )
    return rows


# --- a process's agreements --------------------------------------------------------------------


@login_required
def process_agreements(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """The agreements of a process, and a form to start one."""
    process, viewer = access_agreements_of(user=_user(request), process_id=process_id)
    if (refused := refuse_method(request, "GET", "POST")) is not None:
        return refused
    form = AgreementForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_create(
                actor=viewer,
                process=process,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                client_key=form.cleaned_data["client_key"],
                contract_intended=form.cleaned_data["contract_intended"],
            )
        except AccordError as error:
            status = _refuse(form, error)
        else:
            messages.success(request, _("The agreement is started: version 1 is saved."))
            return redirect("agreements:agreement", agreement_id=agreement.id)
    rows = [
        {
            "agreement": row.agreement,
            "latest": row.latest,
            "label": Binding(row.latest.binding).label,
            "signed": row.signed,
            "required": row.required,
        }
        for row in agreements_overview(process)
    ]
    return render(
        request,
        "agreements/process.html",
        {
            "process": process,
            "case": process.case,
            "viewer": viewer,
            "rows": rows,
            "form": form,
            "may_draft": can_draft(viewer, process, AgreementKind.SETTLEMENT),
            "certificate_applies": certificate_applies(process),
        },
        status=status,
    )


# --- one agreement -------------------------------------------------------------------------------


def _agreement_context(
    agreement: Agreement, viewer: Participant, *, comment_form: CommentForm | None = None
) -> dict[str, Any]:
    latest = latest_version(agreement)
    state = signing_state(latest)
    process = agreement.process
    advocates = advocates_of_side(process.case_id, viewer.side_id)
    mine = [a for a in authorities_on(latest) if a.principal_id == viewer.id]
    clients = _clients(viewer, latest)
    may_sign = can_sign(viewer, latest, viewer, latest.number) or bool(clients)
    if viewer.id in state.signed:
        may_sign = bool(clients)
    return {
        "agreement": agreement,
        "process": process,
        "case": process.case,
        "viewer": viewer,
        "version": latest,
        "html": render_markdown(latest.body),
        "label": Binding(latest.binding).label,
        "hash": grouped(latest.sha256),
        "rows": _status_rows(state),
        "sides_without_party": state.sides_without_party,
        "versions": list(versions_of(agreement)),
        "comments": list(comments_on(latest)),
        "comment_form": comment_form or CommentForm(),
        "may_comment": can_comment(viewer, latest),
        "may_revise": can_revise(viewer, agreement) and agreement.kind == AgreementKind.SETTLEMENT,
        "may_sign": may_sign,
        "signed": agreement.status == AgreementStatus.SIGNED,
        "authority_form": AuthorityForm(advocates=[(str(a.id), _name(a)) for a in advocates])
        if advocates and can_grant_authority(viewer, latest, advocates[0])
        else None,
        "my_authorities": mine,
        "is_arbitration": agreement.kind == AgreementKind.ARBITRATION,
    }


def _clients(viewer: Participant, version: AgreementVersion) -> list[Participant]:
    """Parties who let this advocate sign this version for them and have not signed yet."""
    if viewer.role != Role.ADVOCATE:
        return []
    state = signing_state(version)
    return [
        a.principal
        for a in authorities_on(version)
        if a.advocate_id == viewer.id
        and a.revoked_at is None
        and a.principal_id not in state.signed
        and can_sign(viewer, version, a.principal, version.number)
    ]


@login_required
def agreement(request: HttpRequest, agreement_id: uuid.UUID) -> HttpResponse:
    """The latest version, who has signed it, its versions and comments."""
    found, viewer = access_agreement(user=_user(request), agreement_id=agreement_id)
    if (refused := refuse_method(request, "GET")) is not None:
        return refused
    return render(request, "agreements/agreement.html", _agreement_context(found, viewer))


@login_required
def version(request: HttpRequest, version_id: uuid.UUID) -> HttpResponse:
    """One version as it was written, and its comments (posting a comment lands here)."""
    found, viewer = access_version(user=_user(request), version_id=version_id)
    if (refused := refuse_method(request, "GET", "POST")) is not None:
        return refused
    form = CommentForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_add(
                actor=viewer,
                version=found,
                body=form.cleaned_data["body"],
                client_key=form.cleaned_data["client_key"],
            )
        except AccordError as error:
            status = _refuse(form, error)
        else:
            messages.success(request, _("Your comment is posted."))
            return redirect("agreements:version", version_id=found.id)
    agreement_row = found.agreement
    latest = latest_version(agreement_row)
    return render(
        request,
        "agreements/version.html",
        {
            "agreement": agreement_row,
            "process": agreement_row.process,
            "case": agreement_row.process.case,
            "version": found,
            "latest": latest,
            "previous": previous_version(found),
            "html": render_markdown(found.body),
            "label": Binding(found.binding).label,
            "hash": grouped(found.sha256),
            "comments": list(comments_on(found)),
            "comment_form": form if request.method == "POST" else CommentForm(),
            "may_comment": can_comment(viewer, found),
        },
        status=status,
    )


@login_required
def diff(request: HttpRequest, version_id: uuid.UUID) -> HttpResponse:
    """What changed between two versions, line by line, said in words (not colour alone)."""
    found, _viewer = access_version(user=_user(request), version_id=version_id)
    if (refused := refuse_method(request, "GET")) is not None:
        return refused
    against = request.GET.get("against")
    other = version_of(found.agreement, against) if against else previous_version(found)
    lines = diff_lines(other.body, found.body) if other is not None else []
    added, removed = diff_summary(lines)
    return render(
        request,
        "agreements/diff.html",
        {
            "agreement": found.agreement,
            "process": found.agreement.process,
            "case": found.agreement.process.case,
            "version": found,
            "other": other,
            "lines": lines,
            "added": added,
            "removed": removed,
            "versions": [v for v in versions_of(found.agreement) if v.id != found.id],
        },
    )


@login_required
def revise(request: HttpRequest, agreement_id: uuid.UUID) -> HttpResponse:
    """Write the next version, starting from the latest text."""
    found, viewer = access_agreement(user=_user(request), agreement_id=agreement_id)
    if (refused := refuse_method(request, "GET", "POST")) is not None:
        return refused
    latest = latest_version(found)
    if request.method == "POST":
        form = ReviseForm(request.POST)
    else:
        form = ReviseForm(
            initial={
                "body": latest.body,
                "based_on": latest.number,
                "contract_intended": latest.binding == Binding.CONTRACT,
            }
        )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.agreement_revise(
                actor=viewer,
                agreement=found,
                body=form.cleaned_data["body"],
                based_on=form.cleaned_data["based_on"],
                contract_intended=form.cleaned_data["contract_intended"],
            )
        except AccordError as error:
            status = _refuse(form, error)
            # Keep their text; base the next save on the version they now know about.
            data = request.POST.copy()
            data["based_on"] = str(latest_version(found).number)
            form = _with_errors(ReviseForm(data), form)
        else:
            if saved.number == latest.number:
                messages.info(request, _("Nothing changed: the text is the same as before."))
            else:
                messages.success(
                    request,
                    _("Version %(n)d is saved. Earlier signatures no longer count.")
                    % {"n": saved.number},
                )
            return redirect("agreements:agreement", agreement_id=found.id)
    return render(
        request,
        "agreements/revise.html",
        {
            "agreement": found,
            "process": found.process,
            "case": found.process.case,
            "latest": latest_version(found),
            "form": form,
            "may_revise": can_revise(viewer, found),
        },
        status=status,
    )


def _with_errors(fresh: ReviseForm, old: ReviseForm) -> ReviseForm:
    fresh.is_valid()
    for field, errors in old.errors.items():
        for error in errors:
            fresh.add_error(field if field != "__all__" else None, error)
    return fresh


# --- the ceremony ------------------------------------------------------------------------------


@login_required
def sign(request: HttpRequest, version_id: uuid.UUID) -> HttpResponse:
    """The signing ceremony: the final text and its SHA-256, consent, intent and step-up."""
    found, viewer = access_version(user=_user(request), version_id=version_id)
    if (refused := refuse_method(request, "GET", "POST")) is not None:
        return refused
    user = _user(request)
    agreement_row = found.agreement
    clients = _clients(viewer, found)
    method = step_up_method(user)
    form = SignForm(
        request.POST if request.method == "POST" else None,
        initial={"sha256": found.sha256},
        method=method,
        needs_consent=consent_of(agreement_row, viewer) is None,
        number=found.number,
        short_hash=found.sha256[:8],
        clients=[(str(c.id), _name(c)) for c in clients],
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        principal = next((c for c in clients if str(c.id) == data.get("principal")), None)
        try:
            services.signature_add(
                actor=viewer,
                version=found,
                sha256=data["sha256"],
                consent=bool(data.get("consent")),
                intent=bool(data.get("intent")),
                step_up=StepUp(password=data.get("password", ""), code=data.get("code", "")),
                principal=principal,
                ip_address=client_address(request),
                user_agent=client_agent(request),
            )
        except AccordError as error:
            status = _refuse(form, error)
        else:
            agreement_row.refresh_from_db()
            if agreement_row.status == AgreementStatus.SIGNED:
                messages.success(
                    request,
                    _("Signed. Everyone has now signed: the signed document is ready to download."),
                )
            else:
                messages.success(request, _("Signed. The others are asked to sign too."))
            return redirect("agreements:agreement", agreement_id=agreement_row.id)
    latest = latest_version(agreement_row)
    return render(
        request,
        "agreements/sign.html",
        {
            "agreement": agreement_row,
            "process": agreement_row.process,
            "case": agreement_row.process.case,
            "version": found,
            "latest": latest,
            "stale": latest.id != found.id,
            "html": render_markdown(found.body),
            "label": Binding(found.binding).label,
            "hash": grouped(found.sha256),
            "form": form,
            "method": method,
            "may_sign": can_sign(viewer, found, viewer, latest.number) or bool(clients),
        },
        status=status,
    )


@login_required
def authority_grant(request: HttpRequest, version_id: uuid.UUID) -> HttpResponse:
    """A party lets one of their side's advocates sign this version for them."""
    found, viewer = access_version(user=_user(request), version_id=version_id)
    if (refused := refuse_method(request, "POST")) is not None:
        return refused
    advocates = advocates_of_side(found.agreement.process.case_id, viewer.side_id)
    form = AuthorityForm(request.POST, advocates=[(str(a.id), _name(a)) for a in advocates])
    if not form.is_valid():
        messages.error(request, _("Choose one of your side's advocates."))
        return redirect("agreements:agreement", agreement_id=found.agreement_id)
    advocate = next(a for a in advocates if str(a.id) == form.cleaned_data["advocate"])
    try:
        services.signing_authority_grant(actor=viewer, version=found, advocate=advocate)
    except AccordError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(name)s may now sign version %(n)d for you.")
            % {"name": _name(advocate), "n": found.number},
        )
    return redirect("agreements:agreement", agreement_id=found.agreement_id)


@login_required
def authority_revoke(
    request: HttpRequest, version_id: uuid.UUID, participant_id: uuid.UUID
) -> HttpResponse:
    """The party takes the permission back, until it has been used."""
    found, viewer = access_version(user=_user(request), version_id=version_id)
    if (refused := refuse_method(request, "POST")) is not None:
        return refused
    advocate = next(
        (
            a
            for a in advocates_of_side(found.agreement.process.case_id, viewer.side_id)
            if a.id == participant_id
        ),
        None,
    )
    if advocate is None:
        raise NotFound
    try:
        services.signing_authority_revoke(actor=viewer, version=found, advocate=advocate)
    except AccordError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Taken back: your advocate can no longer sign for you."))
    return redirect("agreements:agreement", agreement_id=found.agreement_id)


# --- documents ---------------------------------------------------------------------------------


@login_required
def signed_pdf(request: HttpRequest, agreement_id: uuid.UUID) -> HttpResponse:
    """The signed agreement, for its audience and for every signatory even after they left."""
    found, viewer = access_signed_document(user=_user(request), agreement_id=agreement_id)
    if (refused := refuse_method(request, "GET")) is not None:
        return refused
    services.signed_document_open(actor=viewer, agreement=found)
    return pdf_response(signed_agreement_pdf(found), f"agreement-{found.id}.pdf")


@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    """Every agreement I signed (or was signed for) that everyone signed: kept for me."""
    return render(
        request,
        "agreements/mine.html",
        {"documents": signed_documents_for(user=_user(request))},
    )


@login_required
def certificate(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """The certificate of attempt (UMA §7): shown to the process's people; issued by its
    mediator once the process is over."""
    process, viewer = access_attempt_of(user=_user(request), process_id=process_id)
    if (refused := refuse_method(request, "GET", "POST")) is not None:
        return refused
    status = 200
    error_message = ""
    if request.method == "POST" and certificate_of(process) is not None:
        # A second click, or someone else was quicker: it exists once, and nothing changes.
        messages.info(request, _("The certificate of attempt was already issued."))
        return redirect("agreements:certificate", process_id=process.id)
    if request.method == "POST":
        try:
            services.attempt_certificate_issue(actor=viewer, process=process)
        except AccordError as error:
            error_message, status = error.message, error.status_code
        else:
            messages.success(request, _("The certificate of attempt is issued."))
            return redirect("agreements:certificate", process_id=process.id)
    issued = certificate_of(process)
    return render(
        request,
        "agreements/certificate.html",
        {
            "process": process,
            "case": process.case,
            "certificate": issued,
            "facts": certificate_context(issued) if issued else None,
            "applies": certificate_applies(process),
            "may_issue": issued is None and can_issue_certificate(viewer, process),
            "error": error_message,
        },
        status=status,
    )


@login_required
def certificate_download(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, _viewer = access_attempt_of(user=_user(request), process_id=process_id)
    if (refused := refuse_method(request, "GET")) is not None:
        return refused
    issued = certificate_of(process)
    if issued is None:
        raise NotFound
    return pdf_response(certificate_pdf(issued), f"certificate-{process.id}.pdf")
