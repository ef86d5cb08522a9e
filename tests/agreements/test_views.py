"""The agreement pages: each works for the people it is for, keeps what was typed when it
refuses, explains the refusal next to the field, and is the same 404 for everyone else."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accord.agreements.models import Agreement, AgreementVersion, Comment, Signature
from accord.audit.models import AuditEvent
from accord.cases import services as cases
from accord.cases.vocabulary import Role
from tests.agreements.factories import TEXT, draft, latest, sign
from tests.cases.factories import appoint
from tests.factories import PASSWORD, make_user
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def browser(user) -> Client:
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (pages)")
    client.force_login(user)
    return client


@pytest.fixture
def m():
    return make_mediation(advocates=True)


def text(response) -> str:
    return response.content.decode()


def test_start_an_agreement_and_bad_input_keeps_the_text(m):
    page = browser(m.world.mediator.user)
    url = reverse("agreements:process", kwargs={"process_id": m.process.id})
    shown = page.get(url)
    assert shown.status_code == 200
    assert "Start an agreement" in text(shown)
    refused = page.post(url, {"title": " ", "body": "My careful words", "client_key": "k1"})
    assert refused.status_code == 200
    body = text(refused)
    assert "My careful words" in body
    assert re.search(r'id="id_title_error">\s*<p class="field-error">', body)
    assert 'aria-invalid="true"' in body
    assert not Agreement.objects.exists()
    created = page.post(url, {"title": "Plan", "body": TEXT, "client_key": "k2"})
    agreement = Agreement.objects.get()
    assert created.status_code == 302
    assert created["Location"] == reverse(
        "agreements:agreement", kwargs={"agreement_id": agreement.id}
    )
    again = page.post(url, {"title": "Plan", "body": TEXT, "client_key": "k2"})
    assert again.status_code == 302 and Agreement.objects.count() == 1


def test_the_agreement_page_shows_label_hash_and_who_signed(m):
    a, b = m.world.principals
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    sign(a, version)
    body = text(browser(b.user).get(reverse("agreements:agreement", args=[agreement.id])))
    assert "Not binding unless the parties make it so" in body
    assert version.sha256[:8] in body
    assert "<strong>alternate weekends</strong>" in body
    assert "signed " in body and "not signed yet" in body
    assert reverse("agreements:sign", args=[version.id]) in body


def test_comment_on_a_version(m):
    a = m.world.principals[0]
    version = latest(draft(m.world.mediator, m.process))
    page = browser(a.user)
    url = reverse("agreements:version", args=[version.id])
    refused = page.post(url, {"body": "", "client_key": "c"})
    assert refused.status_code == 200 and "This field is required." in text(refused)
    posted = page.post(url, {"body": "Could we add holidays?", "client_key": "c"})
    assert posted.status_code == 302
    assert "Could we add holidays?" in text(page.get(url))
    assert Comment.objects.count() == 1


def test_revise_and_compare(m):
    a, b = m.world.principals
    agreement = draft(m.world.mediator, m.process)
    url = reverse("agreements:revise", args=[agreement.id])
    form = text(browser(a.user).get(url))
    assert "alternate weekends" in form  # the latest text to start from
    saved = browser(a.user).post(url, {"body": TEXT + "\nHolidays alternate.", "based_on": 1})
    assert saved.status_code == 302
    v2 = latest(agreement)
    stale = browser(b.user).post(url, {"body": "B's own words", "based_on": 1})
    assert stale.status_code == 409
    assert "B&#x27;s own words" in text(stale)
    assert "Version 2 was saved while you were writing." in text(stale)
    assert AgreementVersion.objects.count() == 2
    diff = text(browser(b.user).get(reverse("agreements:diff", args=[v2.id])))
    assert "Changes from version 1 to version 2" in diff
    assert "+ Added" in diff and "Holidays alternate." in diff


def test_the_ceremony_page_and_signing(m):
    a, b = m.world.principals
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    page = browser(a.user)
    url = reverse("agreements:sign", args=[version.id])
    shown = text(page.get(url))
    assert version.sha256[:8] in shown
    assert "I agree to sign electronically" in shown
    assert "ask the mediator for a printed copy" in shown
    assert "checked" not in shown  # nothing is ticked in advance
    assert 'type="password"' in shown
    refused = page.post(url, {"sha256": version.sha256, "consent": "on", "intent": "on"})
    assert refused.status_code == 200
    assert re.search(
        r'id="id_password_error">\s*<p class="field-error">Enter your password', text(refused)
    )
    assert not Signature.objects.exists()
    done = page.post(
        url, {"sha256": version.sha256, "consent": "on", "intent": "on", "password": PASSWORD}
    )
    assert done.status_code == 302
    signature = Signature.objects.get()
    assert (signature.user_agent, signature.ip_address) == ("Mozilla/5.0 (pages)", "127.0.0.1")
    twice = page.post(
        url, {"sha256": version.sha256, "consent": "on", "intent": "on", "password": PASSWORD}
    )
    assert twice.status_code == 409
    assert "You have already signed this version." in text(twice)
    sign(b, version)
    pdf = page.get(reverse("agreements:pdf", args=[agreement.id]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf["Content-Disposition"]


def test_a_stale_version_page_says_so(m):
    a = m.world.principals[0]
    agreement = draft(m.world.mediator, m.process)
    v1 = latest(agreement)
    browser(a.user).post(
        reverse("agreements:revise", args=[agreement.id]), {"body": "new", "based_on": 1}
    )
    shown = text(browser(a.user).get(reverse("agreements:sign", args=[v1.id])))
    assert "This is not the latest version: version 2 replaced it." in shown
    assert 'type="password"' not in shown


def test_authority_from_the_page(m):
    a = m.world.principals[0]
    lawyer = m.world.advocates[0]
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    page = browser(a.user)
    assert "Let your advocate sign for you" in text(
        page.get(reverse("agreements:agreement", args=[agreement.id]))
    )
    page.post(reverse("agreements:authority", args=[version.id]), {"advocate": str(lawyer.id)})
    shown = text(browser(lawyer.user).get(reverse("agreements:sign", args=[version.id])))
    assert "You are signing for" in shown and a.user.display_name in shown
    page.post(reverse("agreements:authority_revoke", args=[version.id, lawyer.id]))
    shown = text(browser(lawyer.user).get(reverse("agreements:sign", args=[version.id])))
    assert "There is nothing for you to sign here." in shown


def test_my_signed_documents_after_withdrawing():
    m = make_mediation(sides=3)
    a, b, c = m.world.principals
    agreement = draft(m.world.mediator, m.process)
    for person in (a, b, c):
        sign(person, latest(agreement))
    cases.process_withdraw(actor=c, process=m.process)
    page = browser(c.user)
    assert page.get(reverse("agreements:agreement", args=[agreement.id])).status_code == 404
    mine = text(page.get(reverse("agreements:mine")))
    assert reverse("agreements:pdf", args=[agreement.id]) in mine
    assert page.get(reverse("agreements:pdf", args=[agreement.id])).status_code == 200


def test_every_page_is_the_same_404_for_strangers_and_the_arbitrator(m):
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    arbitrator = appoint(m.world.mediator, m.world.case, Role.ARBITRATOR)
    urls = [
        reverse("agreements:process", args=[m.process.id]),
        reverse("agreements:certificate", args=[m.process.id]),
        reverse("agreements:certificate_pdf", args=[m.process.id]),
        reverse("agreements:agreement", args=[agreement.id]),
        reverse("agreements:revise", args=[agreement.id]),
        reverse("agreements:pdf", args=[agreement.id]),
        reverse("agreements:version", args=[version.id]),
        reverse("agreements:diff", args=[version.id]),
        reverse("agreements:sign", args=[version.id]),
    ]
    before = AuditEvent.objects.count()
    for user in (make_user(), arbitrator.user):
        page = browser(user)
        # The 404 page names the signed-in person: compare with this person's own 404.
        missing = page.get(
            reverse("agreements:agreement", args=["00000000-0000-0000-0000-000000000000"])
        )
        assert missing.status_code == 404
        for url in urls:
            response = page.get(url)
            assert (response.status_code, response.content) == (404, missing.content), url
        for url in (
            reverse("agreements:authority", args=[version.id]),
            reverse("agreements:sign", args=[version.id]),
        ):
            assert page.post(url, {}).content == missing.content
    assert AuditEvent.objects.count() == before


def test_the_certificate_page():
    m = make_mediation()
    page = browser(m.world.mediator.user)
    url = reverse("agreements:certificate", args=[m.process.id])
    early = page.post(url)
    assert early.status_code == 409
    assert "issued once the process is over" in text(early)
    cases.process_declare_impasse(actor=m.world.mediator, process=m.process)
    assert page.post(url).status_code == 302
    shown = text(browser(m.world.principals[0].user).get(url))
    assert "Not settled" in shown and "Download the certificate" in shown
    pdf = browser(m.world.principals[1].user).get(
        reverse("agreements:certificate_pdf", args=[m.process.id])
    )
    assert pdf.content.startswith(b"%PDF")
    events = AuditEvent.objects.count()
    again = page.post(url, follow=True)  # a second click
    assert "The certificate of attempt was already issued." in text(again)
    assert AuditEvent.objects.count() == events


def test_the_list_of_agreements_costs_the_same_queries_for_one_or_many(
    m, django_assert_max_num_queries
):
    page = browser(m.world.principals[0].user)
    url = reverse("agreements:process", args=[m.process.id])
    draft(m.world.mediator, m.process, title="First")
    page.get(url)  # warm the session and the templates
    with django_assert_max_num_queries(30) as one:
        page.get(url)
    for n in range(5):
        agreement = draft(m.world.mediator, m.process, title=f"More {n}")
        sign(m.world.principals[1], latest(agreement))
    with django_assert_max_num_queries(len(one.captured_queries)) as many:
        shown = page.get(url)
    assert "1 of 2 parties signed" in text(shown)
    assert len(many.captured_queries) == len(one.captured_queries)
