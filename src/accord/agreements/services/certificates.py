"""Certificates of attempt for court-ordered processes and family Early Dispute Resolution.

Under the Uniform Mediation Act §7 a mediator may tell a court only whether the mediation
took place, who attended, and whether it settled. The certificate is built from exactly
those facts, read from the process's status rows, and from nothing that anyone wrote: no
case title, no message, no draft, no agreement text, no screening answer. The facts are
frozen when it is issued, with their SHA-256.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accord.agreements.document import sha256_of
from accord.agreements.models import AttemptCertificate
from accord.agreements.permissions import check_issue_certificate
from accord.agreements.services._audit import record
from accord.agreements.vocabulary import AttemptResult
from accord.cases.models import ConfidentialityAcceptance, Participant, Process
from accord.cases.vocabulary import Outcome
from accord.core import clock
from accord.core.errors import Conflict

FACTS_VERSION = 1
_RESULTS = {
    Outcome.AGREEMENT: AttemptResult.SETTLED,
    Outcome.PARTIAL_AGREEMENT: AttemptResult.SETTLED_IN_PART,
    Outcome.IMPASSE: AttemptResult.NOT_SETTLED,
    Outcome.TERMINATED: AttemptResult.NOT_SETTLED,
    Outcome.DETERMINATION: AttemptResult.NOT_SETTLED,
    Outcome.WITHDRAWN: AttemptResult.WITHDRAWN,
    Outcome.WALKED_AWAY: AttemptResult.WITHDRAWN,
}


def _name(participant: Participant) -> str:
    return participant.user.display_name if participant.user else ""


def attempt_facts(process: Process, issuer: Participant) -> dict[str, Any]:
    """The only facts a certificate holds. Whoever attended accepted the process's
    confidentiality terms, which everyone does before its first meeting."""
    took_place = process.started_at is not None
    result = (
        _RESULTS.get(Outcome(process.outcome), AttemptResult.NOT_SETTLED)
        if took_place and process.outcome
        else AttemptResult.DID_NOT_TAKE_PLACE
    )
    attendees = []
    if took_place:
        # Neutrals first, then each side in order (the same order on every database).
        acceptances = sorted(
            ConfidentialityAcceptance.objects.filter(process=process).select_related(
                "participant__user", "participant__side"
            ),
            key=lambda a: (
                a.participant.side.position if a.participant.side else -1,
                a.created_at,
            ),
        )
        attendees = [
            {
                "name": _name(a.participant),
                "role": a.participant.role,
                "side": a.participant.side.label if a.participant.side else None,
            }
            for a in acceptances
        ]
    return {
        "v": FACTS_VERSION,
        "certificate_of": "attempt",
        "process": str(process.id),
        "kind": process.kind,
        "court_ordered": process.court_ordered,
        "reference": process.court_reference,
        "took_place": took_place,
        "started": process.started_at.date().isoformat() if process.started_at else None,
        "ended": process.ended_at.date().isoformat() if process.ended_at else None,
        "result": result.value,
        "attendees": attendees,
        "issuer": {"name": _name(issuer), "role": issuer.role},
        "issued": clock.now().date().isoformat(),
    }


def attempt_certificate_issue(*, actor: Participant, process: Process) -> AttemptCertificate:
    """The process's mediator (or coordinator) issues the certificate, once it is over.

    One per process: asking again is refused and changes nothing.
    """
    with transaction.atomic():
        process = (
            Process.objects.select_for_update(of=("self",), no_key=True)
            .select_related("case")
            .get(id=process.id)
        )
        actor = Participant.objects.select_related("case", "side", "user").get(id=actor.id)
        check_issue_certificate(actor, process)
        if AttemptCertificate.objects.filter(process=process).exists():
            raise Conflict(_("A certificate of attempt was already issued for this process."))
        facts = attempt_facts(process, actor)
        certificate = AttemptCertificate.objects.create(
            process=process, issued_by=actor, facts=facts, sha256=sha256_of(facts)
        )
        record(
            actor=actor,
            action="certificate.issued",
            obj=certificate,
            payload={"process": str(process.id), "sha256": certificate.sha256},
        )
    return certificate
