"""An arbitration in a real browser: nothing binds before every party signed its agreement.

The sides consented to arbitrate and the arbitrator wrote the terms. The arbitrator sees the
start held back until every party signed the arbitration agreement; each party reads the
terms from the arbitration page and signs them in the ceremony (one on a small phone); then
the arbitrator starts the arbitration and its terms are in force.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from accord.cases.models import Process
from tests.arbitration.factories import draft_terms, make_arbitration
from tests.e2e.test_agreements import sign_in, signed_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

HELD = "Every party must sign the arbitration agreement"


def sign_terms_in_browser(page, base_url, arb) -> None:
    page.goto(base_url + reverse("arbitration:process", args=[arb.process.id]))
    expect(
        page.get_by_text(
            "Not signed by every side yet: the arbitration starts, and binds anyone, only "
            "once every party has signed it."
        )
    ).to_be_visible()
    page.get_by_role("link", name="Read and sign it").click()
    page.get_by_role("link", name="Read and sign version 1").click()
    page.get_by_label("I agree to sign electronically").check()
    page.get_by_label(re.compile(r"I have read version 1 \(fingerprint")).check()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Sign version 1").click()


def test_the_arbitration_starts_only_once_every_party_signed_its_terms(
    live_server, person, accessible, screenshot
):
    arb = make_arbitration()
    draft_terms(arb)
    base = live_server.url
    process_url = base + reverse("cases:process", kwargs={"process_id": arb.process.id})

    arbitrator = signed_in(person, base, arb.arbitrator.user)
    arbitrator.goto(process_url)
    expect(arbitrator.get_by_text(HELD)).to_be_visible()
    accessible(arbitrator)

    first = person()
    sign_in(first, base, arb.parties[0].user)
    sign_terms_in_browser(first, base, arb)
    expect(first.get_by_text("Signed. The others are asked to sign too.")).to_be_visible()
    arbitrator.reload()
    expect(arbitrator.get_by_text(HELD)).to_be_visible()  # one side is not enough

    second = signed_in(person, base, arb.parties[1].user, viewport={"width": 360, "height": 740})
    sign_terms_in_browser(second, base, arb)
    expect(second.get_by_text("Everyone has now signed")).to_be_visible()
    assert second.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    accessible(second)

    arbitrator.reload()
    expect(arbitrator.get_by_text(HELD)).to_have_count(0)
    expect(arbitrator.get_by_text("Everything is ready.")).to_be_visible()
    screenshot(arbitrator, "arbitration-ready-to-start")
    arbitrator.get_by_role("button", name="Start the arbitration").click()
    expect(arbitrator.get_by_text(re.compile(r"Under way since"))).to_be_visible()
    assert Process.objects.get(id=arb.process.id).status == "active"
    arbitrator.goto(base + reverse("arbitration:process", args=[arb.process.id]))
    in_force = arbitrator.get_by_text("Every side has signed it: its terms are in force.")
    expect(in_force).to_be_visible()
    accessible(arbitrator)
