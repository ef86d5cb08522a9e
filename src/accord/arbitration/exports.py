"""The award as a printed document: the decision with its reasons, then a certificate page
with the arbitrator's signature, the hashes and the audit checkpoint. Callers have passed the
access check (an issued award, for the record's audience)."""

from __future__ import annotations

import json
from typing import Any

from django.template.loader import render_to_string

from accord.agreements.document import grouped, render_markdown
from accord.agreements.exports import pdf_from_html
from accord.agreements.vocabulary import Binding, SignatureMethod
from accord.arbitration.models import Award
from accord.arbitration.selectors import checkpoint_by_id, decisions_of
from accord.arbitration.services.terms import money
from accord.audit.services import checkpoint_document


def award_context(award: Award) -> dict[str, Any]:
    terms = award.terms
    checkpoint = checkpoint_by_id(award.checkpoint_id)
    arbitrator = award.author
    return {
        "award": award,
        "binding_label": Binding.AWARD.label,
        "reasons_html": render_markdown(award.reasons),
        "decisions": [
            {
                "question": question,
                "decision": decision,
                "amount": money(amount, terms.currency) if amount is not None else "",
            }
            for question, decision, amount in decisions_of(award)
        ],
        "arbitrator": arbitrator.user.display_name if arbitrator.user else arbitrator.email,
        "method": SignatureMethod(award.method).label if award.method else "",
        "sha256_grouped": grouped(award.sha256),
        "terms_sha256": grouped(terms.version.sha256),
        "terms_version": terms.version.number,
        "case_id": award.process.case_id,
        "checkpoint": checkpoint,
        "checkpoint_json": (
            json.dumps(checkpoint_document(checkpoint), indent=1, sort_keys=True)
            if checkpoint
            else ""
        ),
    }


def award_pdf(award: Award) -> bytes:
    return pdf_from_html(render_to_string("arbitration/pdf/award.html", award_context(award)))
