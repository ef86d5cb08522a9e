"""Drafting: starting an agreement, writing new versions, commenting.

A new version never edits an old one; it voids every signature given on earlier versions,
because a signature binds one exact text (its hash).
"""

from __future__ import annotations

import re

from django.db import transaction
from django.utils.translation import gettext as _

from accord.agreements.document import document_fields, sha256_of
from accord.agreements.models import Agreement, AgreementVersion, Comment, Signature
from accord.agreements.permissions import check_comment, check_draft, check_revise
from accord.agreements.selectors import latest_version
from accord.agreements.services._audit import notify_audience, record
from accord.agreements.vocabulary import AgreementKind, Binding
from accord.audit.chain import content_hash
from accord.cases.models import Participant, Process
from accord.core import clock
from accord.core.errors import Conflict, InvalidInput

MAX_TITLE = 200
MAX_BODY = 50_000
MAX_COMMENT = 5_000
_KEY = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def _fresh(actor: Participant) -> Participant:
    return Participant.objects.select_related("case", "side", "user").get(id=actor.id)


def _locked_process(process: Process) -> Process:
    return (
        Process.objects.select_for_update(of=("self",), no_key=True)
        .select_related("case")
        .get(id=process.id)
    )


def _locked_agreement(agreement: Agreement) -> Agreement:
    """Re-read under a row lock: a racing version, signature or completion queues here."""
    return (
        Agreement.objects.select_for_update(of=("self",), no_key=True)
        .select_related("process__case")
        .get(id=agreement.id)
    )


def clean_key(client_key: str) -> str:
    if not _KEY.match(client_key or ""):
        raise InvalidInput(_("A request needs a client key (1 to 64 letters, digits, -_.:)."))
    return client_key


def clean_title(title: str) -> str:
    text = " ".join(title.split())
    if not text or len(text) > MAX_TITLE:
        raise InvalidInput(_("Give the agreement a title of 1 to 200 characters."), field="title")
    return text


def clean_body(body: str) -> str:
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\x00" in text:
        raise InvalidInput(_("The text contains a character that cannot be stored."), field="body")
    if not text:
        raise InvalidInput(_("Write the text of the agreement."), field="body")
    if len(text) > MAX_BODY:
        raise InvalidInput(
            _("Keep the text under %(n)s characters.") % {"n": f"{MAX_BODY:,}"}, field="body"
        )
    return text


def binding_for(kind: str, *, contract_intended: bool) -> Binding:
    """The label a text carries: an arbitration agreement binds; a settlement does not unless
    the parties write that they mean it as a contract."""
    if kind == AgreementKind.ARBITRATION:
        return Binding.ARBITRATION
    return Binding.CONTRACT if contract_intended else Binding.NOT_BINDING


def _write_version(
    *, actor: Participant, agreement: Agreement, body: str, binding: Binding
) -> AgreementVersion:
    """Add the next version (inside the caller's transaction, the agreement row locked)."""
    previous = AgreementVersion.objects.filter(agreement=agreement).order_by("-number").first()
    number = previous.number + 1 if previous else 1
    process = agreement.process
    digest = sha256_of(
        document_fields(
            case_id=str(process.case_id),
            process_id=str(process.id),
            agreement_id=str(agreement.id),
            kind=agreement.kind,
            title=agreement.title,
            number=number,
            binding=binding,
            body=body,
        )
    )
    version = AgreementVersion.objects.create(
        agreement=agreement, number=number, body=body, binding=binding, author=actor, sha256=digest
    )
    record(
        actor=actor,
        action="agreement.version_added",
        obj=version,
        payload={
            "agreement": str(agreement.id),
            "number": number,
            "sha256": digest,
            "binding": binding,
        },
    )
    now = clock.now()
    for signature in Signature.objects.filter(
        version__agreement=agreement, voided_at__isnull=True
    ).exclude(version=version):
        signature.voided_at = now
        signature.save(update_fields=["voided_at"])
        record(
            actor=actor,
            action="agreement.signature_voided",
            obj=signature,
            payload={"version": str(signature.version_id), "replaced_by": str(version.id)},
        )
    notify_audience(
        process,
        {"kind": "agreement.version", "agreement": str(agreement.id), "number": str(number)},
    )
    return version


def _start(
    *,
    actor: Participant,
    process: Process,
    kind: AgreementKind,
    title: str,
    body: str,
    binding: Binding,
    client_key: str,
) -> Agreement:
    key = clean_key(client_key)
    with transaction.atomic():
        process, actor = _locked_process(process), _fresh(actor)
        check_draft(actor, process, kind)
        existing = Agreement.objects.filter(created_by=actor, client_key=key).first()
        if existing is not None:
            if existing.process_id != process.id or existing.kind != kind:
                raise Conflict(_("This client key was already used for another agreement."))
            return existing
        clean = clean_title(title)
        text = clean_body(body)
        agreement = Agreement.objects.create(
            process=process, kind=kind, title=clean, created_by=actor, client_key=key
        )
        record(
            actor=actor,
            action="agreement.started",
            obj=agreement,
            payload={
                "process": str(process.id),
                "kind": kind,
                "title": content_hash(clean),
            },
        )
        _write_version(actor=actor, agreement=agreement, body=text, binding=binding)
    return agreement


def agreement_create(
    *,
    actor: Participant,
    process: Process,
    title: str,
    body: str,
    client_key: str,
    contract_intended: bool = False,
) -> Agreement:
    """Start a settlement agreement with its first version, in the process's joint context.

    The mediator, or a party or advocate, as the process's rules allow (proposes_terms).
    A resend with the same client key returns the first agreement.
    """
    kind = AgreementKind.SETTLEMENT
    return _start(
        actor=actor,
        process=process,
        kind=kind,
        title=title,
        body=body,
        binding=binding_for(kind, contract_intended=contract_intended),
        client_key=client_key,
    )


def agreement_revise(
    *,
    actor: Participant,
    agreement: Agreement,
    body: str,
    based_on: int,
    contract_intended: bool = False,
) -> AgreementVersion:
    """Write the next version of a settlement still being drafted; earlier signatures are void.

    `based_on` is the version the writer started from: if someone saved a newer one in the
    meantime the save is refused (the writer's text is kept by the page). Saving the same
    text again changes nothing and returns the latest version.
    """
    if agreement.kind == AgreementKind.ARBITRATION:
        raise InvalidInput(
            _("The arbitration agreement is changed through its terms, on the arbitration page.")
        )
    with transaction.atomic():
        agreement, actor = _locked_agreement(agreement), _fresh(actor)
        check_revise(actor, agreement)
        text = clean_body(body)
        binding = binding_for(agreement.kind, contract_intended=contract_intended)
        latest = latest_version(agreement)
        if text == latest.body and binding == latest.binding:
            return latest
        if based_on != latest.number:
            raise Conflict(
                _(
                    "Version %(n)d was saved while you were writing. Your text is kept below: "
                    "compare it with version %(n)d, then save again."
                )
                % {"n": latest.number},
                field="body",
            )
        return _write_version(actor=actor, agreement=agreement, body=text, binding=binding)


def arbitration_agreement_write(
    *, actor: Participant, process: Process, title: str, body: str, based_on: int | None
) -> AgreementVersion:
    """Start or revise the arbitration's one arbitration agreement.

    Called only by accord.arbitration, which composes `body` from the structured terms
    (scope, rules, deadlines) and stores them beside the version in the same transaction.
    `based_on` None starts it; a number revises it (refused if someone saved a newer one).
    """
    kind = AgreementKind.ARBITRATION
    binding = binding_for(kind, contract_intended=False)
    with transaction.atomic():
        process, actor = _locked_process(process), _fresh(actor)
        check_draft(actor, process, kind)
        text = clean_body(body)
        agreement = (
            Agreement.objects.select_for_update(of=("self",), no_key=True)
            .select_related("process__case")
            .filter(process=process, kind=kind)
            .first()
        )
        if agreement is None:
            if based_on is not None:
                raise Conflict(_("This arbitration has no agreement yet: start it first."))
            clean = clean_title(title)
            agreement = Agreement.objects.create(
                process=process,
                kind=kind,
                title=clean,
                created_by=actor,
                client_key=f"arbitration:{process.id}",
            )
            record(
                actor=actor,
                action="agreement.started",
                obj=agreement,
                payload={"process": str(process.id), "kind": kind, "title": content_hash(clean)},
            )
            return _write_version(actor=actor, agreement=agreement, body=text, binding=binding)
        check_revise(actor, agreement)
        latest = latest_version(agreement)
        if based_on != latest.number:
            raise Conflict(
                _(
                    "Version %(n)d of the arbitration agreement was saved while you were "
                    "writing. Your terms are kept below: compare, then save again."
                )
                % {"n": latest.number},
                field="body",
            )
        return _write_version(actor=actor, agreement=agreement, body=text, binding=binding)


def comment_add(
    *, actor: Participant, version: AgreementVersion, body: str, client_key: str
) -> Comment:
    """Remark on a version. Everyone who sees the agreement, except observers, while it is
    being drafted. A resend with the same client key returns the first comment."""
    key = clean_key(client_key)
    text = body.strip()
    existing = Comment.objects.filter(author_id=actor.id, client_key=key).first()
    if existing is not None:
        if existing.version_id != version.id or existing.body != text:
            raise Conflict(_("This client key was already used for another comment."))
        return existing
    with transaction.atomic():
        agreement, actor = _locked_agreement(version.agreement), _fresh(actor)
        version = AgreementVersion.objects.select_related("agreement__process__case").get(
            id=version.id
        )
        check_comment(actor, version)
        if not text:
            raise InvalidInput(_("Write your comment."), field="body")
        if len(text) > MAX_COMMENT:
            raise InvalidInput(
                _("Keep a comment under %(n)s characters.") % {"n": f"{MAX_COMMENT:,}"},
                field="body",
            )
        if "\x00" in text:
            raise InvalidInput(
                _("The text contains a character that cannot be stored."), field="body"
            )
        comment = Comment.objects.create(version=version, author=actor, body=text, client_key=key)
        record(
            actor=actor,
            action="agreement.commented",
            obj=comment,
            payload={"version": str(version.id), "body": content_hash(text)},
        )
        notify_audience(
            agreement.process,
            {"kind": "agreement.comment", "agreement": str(agreement.id)},
        )
    return comment
