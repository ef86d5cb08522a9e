"""JSON API of the agreements app (mounted by accord.config.api): agreements, versions, the
diff, comments, signatures (with step-up), authority, the signed PDF, certificates of attempt.

Every route finds its object through an `access_*` selector (NotFound, one body, for missing
and not-yours alike), calls one service or selector, and shapes the answer. Routes never save
a model and never check a permission themselves.
"""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Status

from accord.accounts.auth import api_user
from accord.agreements import services
from accord.agreements.document import diff_lines, diff_summary, render_markdown
from accord.agreements.exports import certificate_pdf, signed_agreement_pdf
from accord.agreements.models import (
    Agreement,
    AgreementVersion,
    AttemptCertificate,
    Comment,
    Signature,
    SigningAuthority,
)
from accord.agreements.schemas import (
    AgreementCreateIn,
    AgreementOut,
    AttendeeOut,
    AuthorityIn,
    AuthorityOut,
    CertificateOut,
    CommentIn,
    CommentOut,
    DiffLineOut,
    DiffOut,
    PersonOut,
    SignatureOut,
    SignedDocumentOut,
    SignIn,
    SigningOut,
    VersionAddIn,
    VersionOut,
    VersionSummaryOut,
)
from accord.agreements.selectors import (
    access_agreement,
    access_agreements_of,
    access_attempt_of,
    access_signed_document,
    access_version,
    agreements_of,
    certificate_of,
    comments_on,
    latest_version,
    previous_version,
    signatures_on,
    signed_documents_for,
    signing_state,
    version_of,
    versions_of,
)
from accord.agreements.services import StepUp
from accord.agreements.vocabulary import (
    AgreementKind,
    AgreementStatus,
    Binding,
    SignatureMethod,
)
from accord.agreements.web import client_address, client_agent, pdf_response
from accord.cases.models import Participant
from accord.cases.vocabulary import Role
from accord.core.errors import InvalidInput, NotFound
from accord.core.schemas import ERRORS

router = Router(tags=["agreements"])


def person_out(participant: Participant) -> PersonOut:
    return PersonOut(
        participant_id=participant.id,
        name=participant.user.display_name if participant.user else "",
        role=Role(participant.role),
        side=participant.side.label if participant.side else None,
    )


def version_out(version: AgreementVersion) -> VersionOut:
    return VersionOut(
        id=version.id,
        agreement_id=version.agreement_id,
        number=version.number,
        binding=Binding(version.binding),
        binding_label=str(Binding(version.binding).label),
        sha256=version.sha256,
        body=version.body,
        html=render_markdown(version.body),
        author=person_out(version.author),
        created_at=version.created_at,
    )


def agreement_out(agreement: Agreement) -> AgreementOut:
    latest = latest_version(agreement)
    state = signing_state(latest)
    signed = [state.signed[p.id].principal for p in state.required if p.id in state.signed]
    return AgreementOut(
        id=agreement.id,
        process_id=agreement.process_id,
        kind=AgreementKind(agreement.kind),
        title=agreement.title,
        status=AgreementStatus(agreement.status),
        latest_version=VersionSummaryOut(
            id=latest.id, number=latest.number, sha256=latest.sha256, created_at=latest.created_at
        ),
        binding=Binding(latest.binding),
        binding_label=str(Binding(latest.binding).label),
        final_version_id=agreement.final_version_id,
        completed_at=agreement.completed_at,
        checkpoint_id=agreement.checkpoint_id,
        signing=SigningOut(
            required=[person_out(p) for p in state.required],
            signed=[person_out(p) for p in signed],
            missing=[person_out(p) for p in state.missing],
            sides_without_party=[s.label for s in state.sides_without_party],
            complete=agreement.final_version_id is not None,
        ),
        created_at=agreement.created_at,
    )


def _comment_out(comment: Comment) -> CommentOut:
    return CommentOut(
        id=comment.id,
        version_id=comment.version_id,
        author=person_out(comment.author),
        body=comment.body,
        created_at=comment.created_at,
    )


def _signature_out(signature: Signature) -> SignatureOut:
    return SignatureOut(
        id=signature.id,
        version_id=signature.version_id,
        principal=person_out(signature.principal),
        signer=person_out(signature.signer),
        on_behalf=signature.signer_id != signature.principal_id,
        method=SignatureMethod(signature.method),
        sha256=signature.sha256,
        signed_at=signature.signed_at,
        voided_at=signature.voided_at,
    )


def _authority_out(authority: SigningAuthority) -> AuthorityOut:
    return AuthorityOut(
        id=authority.id,
        version_id=authority.version_id,
        principal_id=authority.principal_id,
        advocate_id=authority.advocate_id,
        created_at=authority.created_at,
        revoked_at=authority.revoked_at,
    )


def certificate_out(certificate: AttemptCertificate) -> CertificateOut:
    facts = certificate.facts
    return CertificateOut(
        id=certificate.id,
        process_id=certificate.process_id,
        kind=facts["kind"],
        court_ordered=facts["court_ordered"],
        reference=facts["reference"],
        took_place=facts["took_place"],
        started=facts["started"],
        ended=facts["ended"],
        result=facts["result"],
        attendees=[AttendeeOut(**a) for a in facts["attendees"]],
        issued_by=facts["issuer"]["name"],
        issued=facts["issued"],
        sha256=certificate.sha256,
    )


def _participant_in_case(viewer: Participant, participant_id: uuid.UUID) -> Participant:
    person = (
        Participant.objects.select_related("case", "side", "user")
        .filter(case_id=viewer.case_id, id=participant_id)
        .first()
    )
    if person is None:
        raise InvalidInput(_("Name a participant of this case."), field="participant")
    return person


# --- agreements ----------------------------------------------------------------------------------


@router.get(
    "/processes/{process_id}/agreements",
    response={200: list[AgreementOut], **ERRORS},
    operation_id="agreement_list",
    summary="The process's agreements, with who has signed the latest version.",
)
def list_agreements(request: HttpRequest, process_id: uuid.UUID) -> list[AgreementOut]:
    process, _viewer = access_agreements_of(user=api_user(request), process_id=process_id)
    return [agreement_out(a) for a in agreements_of(process)]


@router.post(
    "/processes/{process_id}/agreements",
    response={201: AgreementOut, **ERRORS},
    operation_id="agreement_create",
    summary="Start an agreement with its first version (the mediator, a party or an advocate).",
)
def create_agreement(
    request: HttpRequest, process_id: uuid.UUID, body: AgreementCreateIn
) -> Status[AgreementOut]:
    process, viewer = access_agreements_of(user=api_user(request), process_id=process_id)
    agreement = services.agreement_create(
        actor=viewer,
        process=process,
        title=body.title,
        body=body.body,
        client_key=body.client_key,
        contract_intended=body.contract_intended,
    )
    return Status(201, agreement_out(agreement))


@router.get(
    "/agreements/{agreement_id}",
    response={200: AgreementOut, **ERRORS},
    operation_id="agreement_detail",
    summary="One agreement: its status, latest version and signatures.",
)
def agreement_detail(request: HttpRequest, agreement_id: uuid.UUID) -> AgreementOut:
    agreement, _viewer = access_agreement(user=api_user(request), agreement_id=agreement_id)
    return agreement_out(agreement)


@router.get(
    "/agreements/{agreement_id}/versions",
    response={200: list[VersionOut], **ERRORS},
    operation_id="agreement_versions",
    summary="Every version of an agreement, oldest first.",
)
def list_versions(request: HttpRequest, agreement_id: uuid.UUID) -> list[VersionOut]:
    agreement, _viewer = access_agreement(user=api_user(request), agreement_id=agreement_id)
    return [version_out(v) for v in versions_of(agreement).select_related("author__side")]


@router.post(
    "/agreements/{agreement_id}/versions",
    response={200: VersionOut, 201: VersionOut, **ERRORS},
    operation_id="agreement_revise",
    summary="Write the next version (voids earlier signatures); the same text changes nothing.",
)
def add_version(
    request: HttpRequest, agreement_id: uuid.UUID, body: VersionAddIn
) -> Status[VersionOut]:
    agreement, viewer = access_agreement(user=api_user(request), agreement_id=agreement_id)
    before = latest_version(agreement).number
    version = services.agreement_revise(
        actor=viewer,
        agreement=agreement,
        body=body.body,
        based_on=body.based_on,
        contract_intended=body.contract_intended,
    )
    return Status(201 if version.number > before else 200, version_out(version))


@router.get(
    "/versions/{version_id}",
    response={200: VersionOut, **ERRORS},
    operation_id="agreement_version_detail",
    summary="One version: its Markdown, the sanitised HTML and its SHA-256.",
)
def version_detail(request: HttpRequest, version_id: uuid.UUID) -> VersionOut:
    version, _viewer = access_version(user=api_user(request), version_id=version_id)
    return version_out(version)


@router.get(
    "/versions/{version_id}/diff",
    response={200: DiffOut, **ERRORS},
    operation_id="agreement_version_diff",
    summary="What changed from another version (default: the previous one) to this one.",
)
def version_diff(
    request: HttpRequest, version_id: uuid.UUID, against: uuid.UUID | None = None
) -> DiffOut:
    version, _viewer = access_version(user=api_user(request), version_id=version_id)
    other = (
        version_of(version.agreement, against) if against is not None else previous_version(version)
    )
    if other is None:
        raise InvalidInput(
            _("Choose another version of this agreement to compare with."), field="against"
        )
    lines = diff_lines(other.body, version.body)
    added, removed = diff_summary(lines)
    return DiffOut(
        from_version=other.number,
        to_version=version.number,
        added=added,
        removed=removed,
        lines=[DiffLineOut(**line.__dict__) for line in lines],
    )


@router.get(
    "/versions/{version_id}/comments",
    response={200: list[CommentOut], **ERRORS},
    operation_id="agreement_comment_list",
    summary="Comments on one version, oldest first.",
)
def list_comments(request: HttpRequest, version_id: uuid.UUID) -> list[CommentOut]:
    version, _viewer = access_version(user=api_user(request), version_id=version_id)
    return [_comment_out(c) for c in comments_on(version)]


@router.post(
    "/versions/{version_id}/comments",
    response={201: CommentOut, **ERRORS},
    operation_id="agreement_comment_add",
    summary="Comment on a version; a resend with the same client_key returns the first.",
)
def add_comment(request: HttpRequest, version_id: uuid.UUID, body: CommentIn) -> Status[CommentOut]:
    version, viewer = access_version(user=api_user(request), version_id=version_id)
    comment = services.comment_add(
        actor=viewer, version=version, body=body.body, client_key=body.client_key
    )
    return Status(201, _comment_out(comment))


@router.get(
    "/versions/{version_id}/signatures",
    response={200: list[SignatureOut], **ERRORS},
    operation_id="agreement_signature_list",
    summary="Signatures given on one version (voided ones show when).",
)
def list_signatures(request: HttpRequest, version_id: uuid.UUID) -> list[SignatureOut]:
    version, _viewer = access_version(user=api_user(request), version_id=version_id)
    return [_signature_out(s) for s in signatures_on(version)]


@router.post(
    "/versions/{version_id}/signatures",
    response={201: SignatureOut, **ERRORS},
    operation_id="agreement_sign",
    summary="Sign the latest version: its hash, consent, intent and step-up (password or code).",
)
def sign_version(request: HttpRequest, version_id: uuid.UUID, body: SignIn) -> Status[SignatureOut]:
    version, viewer = access_version(user=api_user(request), version_id=version_id)
    principal = _participant_in_case(viewer, body.on_behalf_of) if body.on_behalf_of else None
    signature = services.signature_add(
        actor=viewer,
        version=version,
        sha256=body.sha256,
        consent=body.consent_to_sign_electronically,
        intent=body.intent,
        step_up=StepUp(password=body.password, code=body.code),
        principal=principal,
        ip_address=client_address(request),
        user_agent=client_agent(request),
    )
    return Status(201, _signature_out(signature))


@router.post(
    "/versions/{version_id}/authorities",
    response={201: AuthorityOut, **ERRORS},
    operation_id="agreement_authority_grant",
    summary="As a party, let one of my side's advocates sign this version for me.",
)
def grant_authority(
    request: HttpRequest, version_id: uuid.UUID, body: AuthorityIn
) -> Status[AuthorityOut]:
    version, viewer = access_version(user=api_user(request), version_id=version_id)
    advocate = _participant_in_case(viewer, body.advocate_id)
    authority = services.signing_authority_grant(actor=viewer, version=version, advocate=advocate)
    return Status(201, _authority_out(authority))


@router.post(
    "/versions/{version_id}/authorities/{participant_id}/revoke",
    response={200: AuthorityOut, **ERRORS},
    operation_id="agreement_authority_revoke",
    summary="Take back my advocate's permission to sign, until they have used it.",
)
def revoke_authority(
    request: HttpRequest, version_id: uuid.UUID, participant_id: uuid.UUID
) -> AuthorityOut:
    version, viewer = access_version(user=api_user(request), version_id=version_id)
    advocate = _participant_in_case(viewer, participant_id)
    authority = services.signing_authority_revoke(actor=viewer, version=version, advocate=advocate)
    return _authority_out(authority)


@router.get(
    "/agreements/{agreement_id}/pdf",
    response={200: None, **ERRORS},
    operation_id="agreement_pdf",
    url_name="agreement_pdf",
    summary="The signed agreement as PDF, ending with its signature certificate page.",
)
def agreement_pdf(request: HttpRequest, agreement_id: uuid.UUID) -> HttpResponse:
    """For everyone who sees the agreement, and for every signatory even after they left."""
    agreement, viewer = access_signed_document(user=api_user(request), agreement_id=agreement_id)
    services.signed_document_open(actor=viewer, agreement=agreement)
    return pdf_response(signed_agreement_pdf(agreement), f"agreement-{agreement.id}.pdf")


@router.get(
    "/signed-agreements",
    response={200: list[SignedDocumentOut], **ERRORS},
    operation_id="agreement_signed_list",
    summary="Every agreement I signed that everyone signed, newest first, with its PDF.",
)
def my_signed_agreements(request: HttpRequest) -> list[SignedDocumentOut]:
    return [
        SignedDocumentOut(
            agreement_id=agreement.id,
            title=agreement.title,
            kind=AgreementKind(agreement.kind),
            completed_at=agreement.completed_at,
            signed_at=signature.signed_at,
            pdf=reverse("api:agreement_pdf", kwargs={"agreement_id": agreement.id}),
        )
        for agreement, signature in signed_documents_for(user=api_user(request))
    ]


# --- certificates of attempt ----------------------------------------------------------------------


@router.get(
    "/processes/{process_id}/certificate",
    response={200: CertificateOut, **ERRORS},
    operation_id="attempt_certificate_detail",
    summary="The certificate of attempt: took place, who attended, how it ended. Nothing else.",
)
def certificate_detail(request: HttpRequest, process_id: uuid.UUID) -> CertificateOut:
    process, _viewer = access_attempt_of(user=api_user(request), process_id=process_id)
    certificate = certificate_of(process)
    if certificate is None:
        raise NotFound
    return certificate_out(certificate)


@router.post(
    "/processes/{process_id}/certificate",
    response={201: CertificateOut, **ERRORS},
    operation_id="attempt_certificate_issue",
    summary="As the mediator, issue the certificate of attempt of a court-ordered process.",
)
def issue_certificate(request: HttpRequest, process_id: uuid.UUID) -> Status[CertificateOut]:
    process, viewer = access_attempt_of(user=api_user(request), process_id=process_id)
    certificate = services.attempt_certificate_issue(actor=viewer, process=process)
    return Status(201, certificate_out(certificate))


@router.get(
    "/processes/{process_id}/certificate/pdf",
    response={200: None, **ERRORS},
    operation_id="attempt_certificate_pdf",
    summary="The certificate of attempt as PDF.",
)
def certificate_download(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    process, _viewer = access_attempt_of(user=api_user(request), process_id=process_id)
    certificate = certificate_of(process)
    if certificate is None:
        raise NotFound
    return pdf_response(certificate_pdf(certificate), f"certificate-{process.id}.pdf")
