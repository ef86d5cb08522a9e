"""The signing ceremony (the common ground of ESIGN, UETA and PIPEDA s.48):

* consent: each signer records, once per agreement, that they agree to sign electronically,
  having been told they may sign on paper instead;
* intent: the signer is shown the final rendered version and its SHA-256, and ticks an
  unticked statement that they sign that version;
* attribution: the signer re-authenticates (step-up) and the method, time, IP address and
  user agent are recorded;
* integrity: the signature binds the version's hash; a new version voids it.

When the last required party signs, the agreement is complete and an audit checkpoint (a
signed Merkle root over the case's log) is taken; its id is printed on the certificate page.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from accord.agreements.models import (
    Agreement,
    AgreementVersion,
    Signature,
    SigningAuthority,
    SigningConsent,
)
from accord.agreements.permissions import check_grant_authority, check_sign
from accord.agreements.selectors import (
    consent_of,
    latest_version,
    open_authority,
    signing_state,
)
from accord.agreements.services._audit import notify_audience, record
from accord.agreements.services.stepup import StepUp, step_up_verify
from accord.agreements.vocabulary import (
    ESIGN_CONSENT_VERSION,
    INTENT_STATEMENT_VERSION,
    AgreementStatus,
)
from accord.audit.services import checkpoint_create
from accord.cases.models import Participant, Process
from accord.cases.services._audit import case_lock
from accord.core import clock
from accord.core.errors import Conflict, Forbidden, InvalidInput

MAX_USER_AGENT = 300


def _fresh(participant: Participant) -> Participant:
    return Participant.objects.select_related("case", "side", "user").get(id=participant.id)


def _fresh_version(version: AgreementVersion) -> AgreementVersion:
    return AgreementVersion.objects.select_related("agreement__process__case").get(id=version.id)


def _lock(agreement: Agreement) -> None:
    Agreement.objects.select_for_update(of=("self",), no_key=True).filter(id=agreement.id).first()


def _clean_ip(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


@dataclass(frozen=True)
class _Judged:
    actor: Participant
    principal: Participant
    version: AgreementVersion
    authority: SigningAuthority | None
    consent: SigningConsent | None


def _judge(actor: Participant, version: AgreementVersion, principal: Participant | None) -> _Judged:
    """Every rule of signing, on freshly read rows. Raises with the rule's wording."""
    actor = _fresh(actor)
    principal = _fresh(principal) if principal is not None else actor
    version = _fresh_version(version)
    agreement = version.agreement
    check_sign(actor, version, principal, latest_version(agreement).number)
    if Signature.objects.filter(version=version, principal=principal).exists():
        if principal.id == actor.id:
            raise Conflict(_("You have already signed this version."))
        raise Conflict(_("%(name)s has already signed this version.") % {"name": _name(principal)})
    authority = None
    if actor.id != principal.id:
        authority = open_authority(version, principal=principal, advocate=actor)
        if authority is None:
            raise Forbidden(
                _("%(name)s has not recorded that you may sign this version for them.")
                % {"name": _name(principal)}
            )
    return _Judged(actor, principal, version, authority, consent_of(agreement, actor))


def _name(participant: Participant) -> str:
    return participant.user.display_name if participant.user else participant.email


def signature_add(
    *,
    actor: Participant,
    version: AgreementVersion,
    sha256: str,
    consent: bool,
    intent: bool,
    step_up: StepUp,
    principal: Participant | None = None,
    ip_address: str | None = None,
    user_agent: str = "",
) -> Signature:
    """A party signs the version they were shown (or their advocate does, with authority).

    Refused, changing nothing: a version that is not the latest (stale), a hash that is not
    this version's, a second signature, a missing consent or statement of intent, and a
    failed step-up.
    """
    judged = _judge(actor, version, principal)
    if sha256.strip().lower() != judged.version.sha256:
        raise InvalidInput(
            _(
                "The fingerprint you confirmed is not this version's. Reload the page and read "
                "the text again before signing."
            ),
            field="sha256",
        )
    if judged.consent is None and not consent:
        raise InvalidInput(
            _("Agree to sign electronically, or ask for a paper copy to sign instead."),
            field="consent",
        )
    if not intent:
        raise InvalidInput(
            _("Tick the statement to confirm that you are signing this version."), field="intent"
        )
    user = judged.actor.user
    if user is None:  # a current participant always has an account
        raise Forbidden(_("Your place in this case is not in effect yet."))
    method = step_up_verify(user=user, proof=step_up)
    with transaction.atomic():
        # The process row, the agreement, then the case (`case_lock`), in the order the
        # process's own transitions take them: a withdrawal or the removal of the advocate
        # signing that commits meanwhile is seen by the second judgement, or waits for it.
        agreement_row = judged.version.agreement
        Process.objects.select_for_update(of=("self",), no_key=True).filter(
            id=agreement_row.process_id
        ).first()
        _lock(agreement_row)
        case_lock(agreement_row.process.case_id)
        judged = _judge(actor, version, principal)  # again, under the locks
        agreement = judged.version.agreement
        consent_row = judged.consent
        if consent_row is None:
            consent_row = SigningConsent.objects.create(
                agreement=agreement, participant=judged.actor, text_version=ESIGN_CONSENT_VERSION
            )
            record(
                actor=judged.actor,
                action="agreement.esign_consented",
                obj=consent_row,
                payload={"agreement": str(agreement.id), "text": ESIGN_CONSENT_VERSION},
            )
        side_id = judged.principal.side_id
        if side_id is None:  # principals always belong to a side
            raise Forbidden(_("Only a current party of the case can be bound by a signature."))
        signature = Signature.objects.create(
            version=judged.version,
            principal=judged.principal,
            signer=judged.actor,
            side_id=side_id,
            authority=judged.authority,
            consent=consent_row,
            sha256=judged.version.sha256,
            intent_statement=INTENT_STATEMENT_VERSION,
            method=method,
            signed_at=clock.now(),
            ip_address=_clean_ip(ip_address),
            user_agent=user_agent[:MAX_USER_AGENT],
        )
        record(
            actor=judged.actor,
            action="agreement.signed",
            obj=signature,
            payload={
                "version": str(judged.version.id),
                "sha256": judged.version.sha256,
                "principal": str(judged.principal.id),
                "side": str(side_id),
                "method": method,
                "authority": str(judged.authority.id) if judged.authority else None,
            },
        )
        if signing_state(judged.version).complete:
            _complete(judged.actor, agreement, judged.version)
        notify_audience(
            agreement.process, {"kind": "agreement.signature", "agreement": str(agreement.id)}
        )
    return signature


def _complete(actor: Participant, agreement: Agreement, version: AgreementVersion) -> None:
    agreement.status = AgreementStatus.SIGNED
    agreement.final_version = version
    agreement.completed_at = clock.now()
    agreement.save(update_fields=["status", "final_version", "completed_at"])
    record(
        actor=actor,
        action="agreement.completed",
        obj=agreement,
        payload={"version": str(version.id), "sha256": version.sha256},
    )
    # The checkpoint covers every event so far, the completion included: a copy printed on the
    # signed document lets anyone later detect a log altered or cut after this moment.
    checkpoint = checkpoint_create(case_id=agreement.process.case_id, reason="agreement signed")
    agreement.checkpoint_id = checkpoint.id
    agreement.save(update_fields=["checkpoint_id"])


def signing_authority_grant(
    *, actor: Participant, version: AgreementVersion, advocate: Participant
) -> SigningAuthority:
    """A party records that one of their side's advocates may sign this version for them.

    Granting it again while it is open changes nothing and returns the open one.
    """
    with transaction.atomic():
        version = _fresh_version(version)
        _lock(version.agreement)
        actor, advocate = _fresh(actor), _fresh(advocate)
        check_grant_authority(actor, version, advocate)
        latest = latest_version(version.agreement)
        if latest.number != version.number:
            raise Conflict(
                _("Version %(n)d replaced this one: give authority for the latest version.")
                % {"n": latest.number},
                field="version",
            )
        existing = open_authority(version, principal=actor, advocate=advocate)
        if existing is not None:
            return existing
        authority = SigningAuthority.objects.create(
            version=version, principal=actor, advocate=advocate
        )
        record(
            actor=actor,
            action="agreement.authority_granted",
            obj=authority,
            payload={
                "version": str(version.id),
                "sha256": version.sha256,
                "advocate": str(advocate.id),
            },
        )
    return authority


def signing_authority_revoke(
    *, actor: Participant, version: AgreementVersion, advocate: Participant
) -> SigningAuthority:
    """The party takes the permission back, as long as the advocate has not used it."""
    with transaction.atomic():
        version = _fresh_version(version)
        _lock(version.agreement)
        actor = _fresh(actor)
        authority = (
            SigningAuthority.objects.select_for_update(of=("self",), no_key=True)
            .filter(
                version=version, principal=actor, advocate_id=advocate.id, revoked_at__isnull=True
            )
            .first()
        )
        if authority is None:
            raise Conflict(_("There is no open permission to take back."))
        if Signature.objects.filter(authority=authority).exists():
            raise Conflict(_("Your advocate has already signed with this permission."))
        authority.revoked_at = clock.now()
        authority.save(update_fields=["revoked_at"])
        record(
            actor=actor,
            action="agreement.authority_revoked",
            obj=authority,
            payload={"version": str(version.id), "advocate": str(advocate.id)},
        )
    return authority


def signed_document_open(*, actor: Participant, agreement: Agreement) -> Agreement:
    """Record that a signed agreement was downloaded (every download is an audit event).

    Callers found the agreement through `access_signed_document`, which also lets every
    signatory in after they left; nothing else is opened here.
    """
    if agreement.status != AgreementStatus.SIGNED:
        raise Conflict(_("This agreement is not signed by everyone yet."))
    with transaction.atomic():
        record(
            actor=actor,
            action="agreement.downloaded",
            obj=agreement,
            payload={"version": str(agreement.final_version_id)},
        )
    return agreement
