"""The arbitration pages: terms, filing (with files), the hearing, the award from draft to
signed PDF; refusals next to their fields with what was typed kept."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accord.agreements.selectors import latest_version
from accord.arbitration.models import ArbitrationTerms, Award, Hearing, Submission
from accord.arbitration.selectors import arbitration_agreement, latest_terms
from accord.core import clock
from tests.arbitration.factories import agree_terms, close_all, make_arbitration, totp
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def arb():
    return make_arbitration()


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response) -> str:
    return response.content.decode()


def when(days: int) -> str:
    return (clock.now() + dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def test_writing_the_terms_then_signing_them(arb):
    a, b = arb.parties
    page = browser(a.user)
    url = reverse("arbitration:terms", args=[arb.process.id])
    assert "Deadline for Applicant&#x27;s submissions and evidence (UTC)" in text(page.get(url))
    data = {
        "scope": "Is the invoice payable?\nWho pays the repair?",
        "rules": "Written procedure.",
        "deadline_0": when(5),
        "deadline_1": when(-1),  # already past: refused next to the deadlines
        "award_days": "30",
        "max_amount": "5000",
        "currency": "CAD",
    }
    refused = page.post(url, data)
    assert refused.status_code == 200
    assert "Is the invoice payable?" in text(refused)
    assert "The deadline for Respondent is already past: choose a later one." in text(refused)
    assert not ArbitrationTerms.objects.exists()
    saved = page.post(url, {**data, "deadline_1": when(6)})
    assert saved.status_code == 302
    agreement = arbitration_agreement(arb.process)
    assert saved["Location"] == reverse("agreements:agreement", args=[agreement.id])
    shown = text(browser(b.user).get(saved["Location"]))
    assert "Binding: the sides agree to be bound by the award" in shown
    assert "Is the invoice payable?" in shown
    record = text(page.get(reverse("arbitration:process", args=[arb.process.id])))
    assert "Not signed by every side yet" in record


def terms_typed_in(arb, language: str, typed: str):
    """A party whose pages are in `language`, the terms page, and terms capping the award at
    the amount as they `typed` it."""
    a = arb.parties[0]
    a.user.preferred_language = language
    a.user.save(update_fields=["preferred_language"])
    data = {
        "scope": "Is the invoice payable?",
        "rules": "Written procedure.",
        "deadline_0": when(5),
        "deadline_1": when(6),
        "award_days": "30",
        "max_amount": typed,
        "currency": "CAD",
    }
    return browser(a.user), reverse("arbitration:terms", args=[arb.process.id]), data


@pytest.mark.parametrize(
    ("language", "typed", "saved"),
    [
        ("fr", "2 500,50", Decimal("2500.50")),
        ("fr", "2500,5", Decimal("2500.50")),
        ("fr", "2500.50", Decimal("2500.50")),  # a point on a Canadian keyboard
        ("en", "2,500.50", Decimal("2500.50")),
        ("en", "2500", Decimal("2500.00")),
    ],
)
def test_amounts_are_read_the_way_the_persons_language_writes_them(arb, language, typed, saved):
    page, url, data = terms_typed_in(arb, language, typed)
    assert page.post(url, data).status_code == 302
    assert latest_terms(arb.process).max_amount == saved


@pytest.mark.parametrize(
    ("language", "typed", "example"),
    [
        ("fr", "2,500.50", "2500,50"),  # English grouping on a French page: refused, not guessed
        ("en", "2500,50", "2500.50"),  # a decimal comma on an English page
        ("en", "two thousand", "2500.50"),
    ],
)
def test_an_amount_that_does_not_fit_the_language_is_refused_next_to_its_field(
    arb, language, typed, example
):
    page, url, data = terms_typed_in(arb, language, typed)
    refused = page.post(url, data)
    assert refused.status_code == 200
    assert re.search(
        rf'id="id_max_amount_error">\s*<p class="field-error">[^<]*{example}', text(refused)
    )
    assert f'value="{typed}"' in text(refused)  # what they typed is kept
    assert not ArbitrationTerms.objects.exists()


def test_filing_on_the_record_with_a_file(arb):
    agree_terms(arb)
    a = arb.parties[0]
    page = browser(a.user)
    url = reverse("arbitration:process", args=[arb.process.id])
    shown = text(page.get(url))
    assert "File for your side" in shown and 'enctype="multipart/form-data"' in shown
    refused = page.post(
        url,
        {
            "kind": "evidence",
            "title": "Bad file",
            "client_key": "k0",
            "attachments": [SimpleUploadedFile("x.exe", b"MZ\x00\x00")],
        },
    )
    assert refused.status_code == 200
    assert re.search(
        r'id="id_attachments_error">\s*<p class="field-error">x.exe is not a PDF', text(refused)
    )
    filed = page.post(
        url,
        {
            "kind": "evidence",
            "title": "Invoice",
            "body": "Attached.",
            "client_key": "k1",
            "attachments": [SimpleUploadedFile("invoice.pdf", b"%PDF-1.4\n%%EOF\n")],
        },
    )
    assert filed.status_code == 302
    submission = Submission.objects.get()
    item = submission.files.get()
    other = browser(arb.parties[1].user)
    assert "Invoice" in text(other.get(url))
    detail = text(other.get(reverse("arbitration:submission", args=[submission.id])))
    assert "invoice.pdf" in detail
    download = other.get(reverse("arbitration:file", args=[submission.id, item.id]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4\n%%EOF\n"
    closed = page.post(reverse("arbitration:close", args=[arb.process.id]), follow=True)
    assert "Noted: your side has nothing more to submit." in text(closed)
    assert "has nothing more to submit" in text(other.get(url))


def test_late_filing_is_refused_with_the_deadline_in_words(arb, monkeypatch):
    agree_terms(arb, days=1)
    moment = clock.now() + dt.timedelta(days=2)
    monkeypatch.setattr(clock, "now", lambda: moment)
    page = browser(arb.parties[0].user)
    url = reverse("arbitration:process", args=[arb.process.id])
    shown = text(page.get(url))
    assert "File for your side" not in shown and "deadline passed" in shown
    refused = page.post(url, {"kind": "statement", "title": "Late", "body": "x", "client_key": "z"})
    assert refused.status_code == 409
    assert "The deadline for Applicant&#x27;s submissions was" in text(refused)
    assert not Submission.objects.exists()


def test_scheduling_a_hearing(arb):
    agree_terms(arb)
    page = browser(arb.arbitrator.user)
    url = reverse("arbitration:hearing", args=[arb.process.id])
    refused = page.post(url, {"starts_at": when(3), "link": "ftp://x"})
    assert "starting with https://" in text(refused)
    assert page.post(url, {"starts_at": when(3), "place": "Room 4"}).status_code == 302
    assert Hearing.objects.get().place == "Room 4"
    assert "Room 4" in text(
        browser(arb.parties[0].user).get(reverse("arbitration:process", args=[arb.process.id]))
    )
    assert (
        browser(arb.parties[0].user).post(url, {"starts_at": when(3), "place": "X"}).status_code
        == 403
    )


def test_the_award_from_draft_to_signed_pdf(arb):
    terms = agree_terms(arb)
    close_all(arb)
    page = browser(arb.arbitrator.user)
    url = reverse("arbitration:award_draft", args=[arb.process.id])
    items = list(terms.scope.order_by("position"))
    data = {
        "reasons": "Because the invoice was due.",
        "decision_1": "Yes, payable.",
        "amount_1": "9000",
        "decision_2": "The customer pays.",
        "amount_2": "2000",
    }
    over = page.post(url, data)
    assert over.status_code == 200
    assert re.search(
        r'id="id_amount_1_error">\s*<p class="field-error">The award orders 11,000.00 CAD in total',
        text(over),
    )
    assert "Because the invoice was due." in text(over)
    assert not Award.objects.exists()
    saved = page.post(url, {**data, "amount_1": "8000"})
    award = Award.objects.get()
    assert saved["Location"] == reverse("arbitration:award", args=[award.id])
    review = text(page.get(saved["Location"]))
    assert award.sha256[:8] in review and items[0].question in review
    # A party does not see the draft at all.
    assert browser(arb.parties[0].user).get(saved["Location"]).status_code == 404
    refused = page.post(
        saved["Location"], {"sha256": award.sha256, "intent": "on", "code": "000000"}
    )
    assert refused.status_code == 200 and re.search(r'id="id_code_error"', text(refused))
    signed = page.post(
        saved["Location"],
        {"sha256": award.sha256, "intent": "on", "code": totp(arb.arbitrator).code},
    )
    assert signed.status_code == 302
    arb.process.refresh_from_db()
    assert (arb.process.outcome, arb.process.binding) == ("award", True)
    party = browser(arb.parties[1].user)
    shown = text(party.get(saved["Location"]))
    assert "Binding: an arbitrator's decision" in shown
    pdf = party.get(reverse("arbitration:award_pdf", args=[award.id]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_strangers_get_the_same_404_everywhere(arb):
    agree_terms(arb)
    version = latest_version(arbitration_agreement(arb.process))
    page = browser(make_user())
    missing = page.get(
        reverse("arbitration:process", args=["00000000-0000-0000-0000-000000000000"])
    )
    for url in (
        reverse("arbitration:process", args=[arb.process.id]),
        reverse("arbitration:terms", args=[arb.process.id]),
        reverse("arbitration:hearing", args=[arb.process.id]),
        reverse("arbitration:award_draft", args=[arb.process.id]),
        reverse("arbitration:close", args=[arb.process.id]),
        reverse("agreements:sign", args=[version.id]),
    ):
        for method in ("get", "post"):
            response = getattr(page, method)(url)
            assert (response.status_code, response.content) == (404, missing.content), url
