"""Signing and arbitration in a real browser, one browser context per person.

1. Two parties sign an agreement: each signs in, reads the final text and its fingerprint,
   ticks consent and intent, re-enters their password; a missing password is explained next
   to its field; once both have signed, the signed PDF downloads.
2. An arbitrator writes an award that orders more than the agreed cap (refused next to the
   amount), corrects it, signs it with a code from their authenticator app, and a party
   downloads the award as a PDF.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.accounts.test_services import current_code, fresh
from tests.agreements.factories import draft, latest
from tests.arbitration.factories import agree_terms, close_all, make_arbitration
from tests.factories import PASSWORD
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, base_url, user):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("link", name=user.display_name)).to_be_visible()


def signed_in(open_page, base_url, user, **kwargs):
    """A browser context already signed in (for people whose sign-in is not under test)."""
    client = Client()
    client.force_login(user)
    page = open_page(**kwargs)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )
    return page


def test_two_parties_sign_and_download_the_signed_pdf(
    live_server, person, tmp_path, accessible, screenshot
):
    m = make_mediation()
    alex, blair = m.world.principals
    agreement = draft(m.world.mediator, m.process, title="Parenting plan")
    version = latest(agreement)
    url = live_server.url + reverse("agreements:agreement", args=[agreement.id])

    first = person()
    sign_in(first, live_server.url, alex.user)
    first.goto(url)
    expect(first.get_by_role("heading", name="Parenting plan", level=1)).to_be_visible()
    expect(first.get_by_text("Not binding unless the parties make it so")).to_be_visible()
    accessible(first)
    first.get_by_role("link", name="Read and sign version 1").click()
    expect(first.get_by_role("heading", name="Sign “Parenting plan”")).to_be_visible()
    expect(first.locator("code.fingerprint")).to_contain_text(version.sha256[:8])
    consent = first.get_by_label("I agree to sign electronically")
    intent = first.get_by_label(re.compile(r"I have read version 1 \(fingerprint"))
    expect(consent).not_to_be_checked()  # nothing is ticked in advance
    expect(intent).not_to_be_checked()
    accessible(first)
    screenshot(first, "signing-ceremony")
    consent.check()
    intent.check()
    first.get_by_label("Your password").fill(PASSWORD)
    first.get_by_role("button", name="Sign version 1").click()
    expect(first.get_by_text("Signed. The others are asked to sign too.")).to_be_visible()
    expect(first.get_by_text("not signed yet")).to_have_count(1)

    # The second party, on a small phone: a missing password is explained next to its field.
    second = person(viewport={"width": 360, "height": 740})
    sign_in(second, live_server.url, blair.user)
    second.goto(live_server.url + reverse("agreements:sign", args=[version.id]))
    assert second.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    second.get_by_label("I agree to sign electronically").check()
    second.get_by_label(re.compile(r"I have read version 1")).check()
    second.get_by_role("button", name="Sign version 1").click()
    password = second.get_by_label("Your password")
    expect(second.locator("#id_password_error")).to_have_text("Enter your password to sign.")
    expect(password).to_have_attribute("aria-invalid", "true")
    accessible(second)
    # What was ticked stays ticked; only the password is missing.
    expect(second.get_by_label("I agree to sign electronically")).to_be_checked()
    password.fill(PASSWORD)
    second.get_by_role("button", name="Sign version 1").click()
    expect(
        second.get_by_text("Signed. Everyone has now signed: the signed document is ready")
    ).to_be_visible()
    with second.expect_download() as download:
        second.get_by_role("link", name="Download the signed PDF").click()
    saved = tmp_path / "signed.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")

    # The first party finds it complete, and downloads it too.
    first.reload()
    expect(first.get_by_role("heading", name="Signed by everyone")).to_be_visible()
    accessible(first)
    screenshot(first, "agreement-signed")
    with first.expect_download() as download:
        first.get_by_role("link", name="Download the signed PDF").click()
    assert download.value.suggested_filename == f"agreement-{agreement.id}.pdf"


def test_an_arbitrator_issues_an_award_within_the_agreed_scope(
    live_server, person, tmp_path, accessible, screenshot
):
    arb = make_arbitration()
    terms = agree_terms(arb)  # at most 10,000.00 CAD
    close_all(arb)
    questions = [item.question for item in terms.scope.order_by("position")]

    page = signed_in(person, live_server.url, arb.arbitrator.user)
    page.goto(live_server.url + reverse("arbitration:process", args=[arb.process.id]))
    expect(page.get_by_role("heading", name="Arbitration", level=1)).to_be_visible()
    expect(page.get_by_text("Every side has signed it: its terms are in force.")).to_be_visible()
    accessible(page)
    page.get_by_role("link", name="Write the award").click()
    page.get_by_label(f"Decision on question 1: {questions[0]}").fill("Yes: the invoice is due.")
    page.get_by_label(f"Decision on question 2: {questions[1]}").fill("The customer pays.")
    page.get_by_label("Amount ordered for question 1 (optional, CAD)").fill("9000")
    page.get_by_label("Amount ordered for question 2 (optional, CAD)").fill("1500")
    page.get_by_label("Reasons").fill("The goods were delivered on time and accepted.")
    page.get_by_role("button", name="Save the draft and review it").click()
    # 10,500 is more than the parties allowed: refused next to the amount, nothing lost.
    expect(page.locator("#id_amount_1_error")).to_contain_text(
        "The award orders 10,500.00 CAD in total, more than the 10,000.00 CAD"
    )
    expect(page.get_by_label("Reasons")).to_have_value(
        "The goods were delivered on time and accepted."
    )
    accessible(page)
    page.get_by_label("Amount ordered for question 2 (optional, CAD)").fill("1000")
    page.get_by_role("button", name="Save the draft and review it").click()
    expect(page.get_by_role("heading", name="Award — draft 1")).to_be_visible()
    expect(page.get_by_text("A draft: only you can see it.")).to_be_visible()
    accessible(page)
    screenshot(page, "award-review")

    page.get_by_label("I have read this award and I sign and issue it").check()
    device = fresh(TOTPDevice.objects.get(user=arb.arbitrator.user, confirmed=True))
    page.get_by_label("6-digit code from your authenticator app").fill(current_code(device))
    page.get_by_role("button", name="Sign and issue the award").click()
    expect(
        page.get_by_text("The award is signed and issued. The arbitration has ended.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Award", exact=True)).to_be_visible()

    party = signed_in(person, live_server.url, arb.parties[1].user)
    party.goto(live_server.url + reverse("arbitration:process", args=[arb.process.id]))
    party.get_by_role("link", name="Read the award").click()
    expect(party.get_by_text("Binding: an arbitrator's decision")).to_be_visible()
    expect(party.get_by_text("The customer pays.")).to_be_visible()
    accessible(party)
    with party.expect_download() as download:
        party.get_by_role("link", name="Download the award (PDF)").click()
    saved = tmp_path / "award.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
