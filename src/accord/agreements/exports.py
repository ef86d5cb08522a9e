"""Printed documents: the signed agreement with its signature certificate page, and the
certificate of attempt. Built with WeasyPrint from templates, for the pages and the API.

Callers have already passed the access check for the object. The PDF loads nothing from
outside (no fonts, images or style sheets by URL), so a drafted link can never make the
server fetch anything.
"""

from __future__ import annotations

import json
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from accord.agreements.document import grouped, render_markdown
from accord.agreements.models import Agreement, AttemptCertificate
from accord.agreements.selectors import checkpoint_of, signatures_on
from accord.agreements.vocabulary import AttemptResult, Binding, SignatureMethod
from accord.audit.services import checkpoint_document
from accord.cases.models import Participant
from accord.cases.vocabulary import ProcessKind, Role


def pdf_from_html(html: str) -> bytes:
    """Lay out and print one HTML document.

    WeasyPrint is imported here, on the first PDF, not with the module: importing it takes
    seconds (it loads fonts and its style sheets), which every app server, command and test
    run would otherwise pay at start-up. This is about start-up time, not an import cycle.
    """
    import weasyprint

    # No protocol is allowed: every URL in the document (an image, a style sheet) is refused
    # with a warning, and printing goes on without it.
    refuse_all = weasyprint.urls.URLFetcher(allowed_protocols=frozenset(), allow_redirects=False)
    document = weasyprint.HTML(string=html, url_fetcher=refuse_all, base_url="about:blank")
    pdf: bytes = document.write_pdf()
    return pdf


def _name(participant: Participant) -> str:
    return participant.user.display_name if participant.user else participant.email


def signed_agreement_context(agreement: Agreement) -> dict[str, Any]:
    """What the signed PDF shows: the final text, then who signed, when, how, the hashes and
    the audit checkpoint."""
    version = agreement.final_version
    if version is None:
        raise ValueError("only an agreement everyone signed is printed")
    rows = []
    for signature in signatures_on(version).filter(voided_at__isnull=True):
        rows.append(
            {
                "party": _name(signature.principal),
                "side": signature.side.label,
                "signer": _name(signature.signer),
                "signer_role": Role(signature.signer.role).label,
                "for_client": signature.signer_id != signature.principal_id,
                "authority_at": signature.authority.created_at if signature.authority else None,
                "signed_at": signature.signed_at,
                "method": SignatureMethod(signature.method).label,
                "ip_address": signature.ip_address or _("not recorded"),
                "user_agent": signature.user_agent or _("not recorded"),
                "consent_at": signature.consent.created_at,
                "consent_text": signature.consent.text_version,
                "intent": signature.intent_statement,
                "sha256": grouped(signature.sha256),
            }
        )
    checkpoint = checkpoint_of(agreement)
    process = agreement.process
    return {
        "agreement": agreement,
        "version": version,
        "kind_label": agreement.get_kind_display(),
        "binding_label": Binding(version.binding).label,
        "process_label": ProcessKind(process.kind).label,
        "body_html": render_markdown(version.body),
        "sha256": version.sha256,
        "sha256_grouped": grouped(version.sha256),
        "signatures": rows,
        "checkpoint": checkpoint,
        "checkpoint_json": (
            json.dumps(checkpoint_document(checkpoint), indent=1, sort_keys=True)
            if checkpoint
            else ""
        ),
        "case_id": process.case_id,
    }


def signed_agreement_pdf(agreement: Agreement) -> bytes:
    html = render_to_string("agreements/pdf/agreement.html", signed_agreement_context(agreement))
    return pdf_from_html(html)


def certificate_context(certificate: AttemptCertificate) -> dict[str, Any]:
    """Only the frozen facts: took place, who attended, how it ended (UMA §7)."""
    facts = certificate.facts
    return {
        "certificate": certificate,
        "facts": facts,
        "kind_label": ProcessKind(facts["kind"]).label,
        "result_label": AttemptResult(facts["result"]).label,
        "attendees": [
            {"name": a["name"], "role": Role(a["role"]).label, "side": a["side"]}
            for a in facts["attendees"]
        ],
        "issuer_role": Role(facts["issuer"]["role"]).label,
        "sha256_grouped": grouped(certificate.sha256),
    }


def certificate_pdf(certificate: AttemptCertificate) -> bytes:
    html = render_to_string("agreements/pdf/certificate.html", certificate_context(certificate))
    return pdf_from_html(html)
