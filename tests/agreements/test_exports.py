"""The printed documents, read back from WeasyPrint's own layout: the signed agreement ends
with a certificate page naming who signed, when, how, the hashes and the checkpoint; the
award ends with the arbitrator's. Nothing is fetched from outside while printing."""

from __future__ import annotations

import socket

import pytest
import weasyprint
from django.core.cache import cache
from django.template.loader import render_to_string

from accord.agreements.document import grouped
from accord.agreements.exports import pdf_from_html, signed_agreement_context
from accord.agreements.services import signing_authority_grant
from accord.arbitration import services as arbitration
from accord.arbitration.exports import award_context
from accord.audit.models import AuditCheckpoint
from tests.agreements.factories import draft, latest, sign
from tests.arbitration.factories import (
    agree_terms,
    close_all,
    decisions_for,
    make_arbitration,
    totp,
)
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def page_texts(html: str) -> list[str]:
    """The words WeasyPrint laid out on each page."""
    document = weasyprint.HTML(string=html, base_url="about:blank").render()
    texts = []
    for page in document.pages:
        parts: list[str] = []

        def walk(box, parts=parts):
            text = getattr(box, "text", None)
            if isinstance(text, str):
                parts.append(text)
            for child in getattr(box, "children", []):
                walk(child)

        walk(page._page_box)
        texts.append(" ".join(" ".join(parts).split()))
    return texts


def test_the_signed_agreement_ends_with_its_signature_certificate():
    m = make_mediation(advocates=True)
    a, b = m.world.principals
    lawyer = m.world.advocates[0]
    agreement = draft(m.world.mediator, m.process, title="Parenting plan")
    version = latest(agreement)
    signing_authority_grant(actor=a, version=version, advocate=lawyer)
    sign(lawyer, version, principal=a)
    sign(b, version, ip_address="198.51.100.9", user_agent="Firefox/140")
    agreement.refresh_from_db()
    checkpoint = AuditCheckpoint.objects.get(id=agreement.checkpoint_id)
    pages = page_texts(
        render_to_string("agreements/pdf/agreement.html", signed_agreement_context(agreement))
    )
    first = pages[0]
    assert "Parenting plan" in first and "Not binding unless the parties make it so" in first
    assert "alternate weekends" in first
    # The certificate starts on a page of its own, after the text, and runs to the end.
    start = next(i for i, text in enumerate(pages) if "Signature certificate" in text)
    assert start >= 1 and "alternate weekends" not in " ".join(pages[start:])
    certificate = " ".join(pages[start:])
    for expected in (
        a.user.display_name,
        b.user.display_name,
        lawyer.user.display_name,
        "for their client, with the client's authority recorded at",
        "Password re-entered",
        "198.51.100.9",
        "Firefox/140",
        "203.0.113.7",
        "esign-consent-v1",
        "sign-intent-v1",
        checkpoint.root_hash[:20],
        str(checkpoint.tree_size),
    ):
        assert expected in certificate, expected
    assert grouped(version.sha256) in certificate


def test_printing_fetches_nothing_from_outside(monkeypatch, caplog):
    connections = []
    monkeypatch.setattr(
        socket, "create_connection", lambda *a, **k: connections.append(a) or pytest.fail("net")
    )
    pdf = pdf_from_html(
        '<p>x</p><img src="https://tracker.example/p.png">'
        '<link rel="stylesheet" href="http://evil.example/s.css">'
        '<img src="file:///etc/passwd">'
    )
    assert pdf.startswith(b"%PDF")
    assert connections == []
    refused = [r.getMessage() for r in caplog.records if "disallowed protocol" in r.getMessage()]
    assert len(refused) == 3


def test_the_award_ends_with_the_arbitrators_certificate():
    arb = make_arbitration()
    terms = agree_terms(arb)
    close_all(arb)
    award = arbitration.award_draft(
        actor=arb.arbitrator,
        process=arb.process,
        reasons="The goods were **delivered**.",
        decisions=decisions_for(terms, {1: "2500"}),
    )
    issued = arbitration.award_issue(
        actor=arb.arbitrator,
        award=award,
        sha256=award.sha256,
        intent=True,
        step_up=totp(arb.arbitrator),
    )
    pages = page_texts(render_to_string("arbitration/pdf/award.html", award_context(issued)))
    assert "Binding: an arbitrator's decision" in pages[0]
    assert "2,500.00 CAD" in pages[0] and "delivered" in pages[0]
    certificate = " ".join(pages[1:])
    assert "Signature certificate" in certificate
    assert arb.arbitrator.user.display_name in certificate
    assert "Code from an authenticator app" in certificate
    assert grouped(terms.version.sha256)[:17] in certificate
