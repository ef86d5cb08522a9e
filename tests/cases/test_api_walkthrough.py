"""Two whole cases played through the HTTP API only, one bearer token per person.

Outside the API there is only what a person does outside Accord's JSON API: create an account by
using the invitation link from their e-mail, and turn on two-factor in their authenticator app.
Each walk ends by verifying the case's audit chain.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid

import pytest
from django.core import mail
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.accounts import services as accounts
from accord.accounts.models import User
from accord.audit.verify import verify_case
from accord.core import clock
from tests.accounts.test_services import current_code, fresh
from tests.factories import PASSWORD, make_user
from tests.safety.factories import CALM

pytestmark = pytest.mark.django_db

API = "/api/v1"
LINK = re.compile(r"/link/([^/\s]+)/")


class Person:
    """Someone with their own token and client (CSRF enforced, as for a real browser)."""

    def __init__(self, user: User) -> None:
        self.user = user
        _token, key = accounts.api_token_create(user=user, name="walkthrough")
        self._client = Client(enforce_csrf_checks=True)
        self._headers = {"Authorization": f"Bearer {key}"}

    def get(self, path: str):
        response = self._client.get(API + path, headers=self._headers)
        assert response.status_code == 200, response.content
        return response.json()

    def post(self, path: str, data=None, *, expect: int = 200):
        if data is None:
            response = self._client.post(API + path, headers=self._headers)
        else:
            response = self._client.post(
                API + path, json.dumps(data), content_type="application/json", headers=self._headers
            )
        assert response.status_code == expect, response.content
        return response.json()


def screen_by_api(process_id: str, parties: list[Person], neutral: Person) -> None:
    """Each party answers the safety questions privately; the mediator reads the summary
    and confirms how the mediation runs (what a mediation needs before it starts)."""
    for n, party in enumerate(parties):
        party.post(
            f"/processes/{process_id}/screening/mine",
            {"answers": CALM, "client_key": f"walk-{process_id}-{n}"},
            expect=201,
        )
    summary = neutral.get(f"/processes/{process_id}/screening")
    assert summary["configuration"]["screening_complete"] is False
    confirmed = neutral.post(
        f"/processes/{process_id}/screening/configuration",
        {
            "shuttle_only": False,
            "staggered": False,
            "support": False,
            "rescreen": False,
            "seen": summary["seen"],
        },
        expect=201,
    )
    assert confirmed["screening_complete"] is True


def turn_on_two_factor(user: User) -> TOTPDevice:
    """What the person does in their authenticator app and on the set-up page."""
    device = accounts.totp_begin(user=user)
    accounts.totp_confirm(user=user, token=current_code(device))
    return device


def sign_by_api(person: Person, version_id: str, *, password: str = "", code: str = "") -> None:
    """The signing ceremony: read the version and its hash, consent, intent, step-up."""
    version = person.get(f"/versions/{version_id}")
    signed = person.post(
        f"/versions/{version_id}/signatures",
        {
            "sha256": version["sha256"],
            "consent_to_sign_electronically": True,
            "intent": True,
            "password": password,
            "code": code,
        },
        expect=201,
    )
    assert signed["sha256"] == version["sha256"]


def invite(capture, inviter: Person, case_id: str, *, name: str, email: str, role: str, side=None):
    """Invite through the API, then the invitee uses the link from their e-mail."""
    body = {"email": email, "role": role}
    if side is not None:
        body["side_id"] = side
    with capture(execute=True):  # the e-mail leaves when the invitation commits
        invited = inviter.post(f"/cases/{case_id}/participants", body, expect=201)
    assert (invited["email"], invited["role"], invited["status"]) == (email, role, "invited")
    assert set(invited) == {"id", "role", "side_id", "status", "name", "email"}  # no link
    message = mail.outbox[-1]
    assert message.to == [email]
    token = LINK.search(message.body).group(1)
    _link, user = accounts.magic_link_consume(token=token, display_name=name)
    return Person(user), invited["id"]


def test_walk_1_negotiation_fails_then_a_party_withdraws_from_mediation(
    django_capture_on_commit_callbacks,
):
    capture = django_capture_on_commit_callbacks
    mediator_user = make_user(name="Morgan Mediator")
    turn_on_two_factor(mediator_user)
    mediator = Person(mediator_user)

    # The mediator opens the case; their place takes effect once they declare no conflicts.
    case = mediator.post(
        "/cases",
        {
            "title": "Parenting plan",
            "kind": "family",
            "sides": ["Applicant", "Respondent"],
            "opener_role": "mediator",
        },
        expect=201,
    )
    case_id = case["id"]
    applicant, respondent = (side["id"] for side in case["sides"])
    assert [(p["role"], p["status"]) for p in case["me"]] == [("mediator", "pending")]
    declared = mediator.post(
        f"/cases/{case_id}/conflict-declaration",
        {"related_to": [], "financial_interest": False},
        expect=201,
    )
    assert (declared["conflict"], declared["appointment_status"]) == (False, "active")

    alex, _ = invite(
        capture, mediator, case_id, name="Alex", email="alex@example.org",
        role="principal", side=applicant,
    )  # fmt: skip
    blair, _ = invite(
        capture, mediator, case_id, name="Blair", email="blair@example.org",
        role="principal", side=respondent,
    )  # fmt: skip
    seen_by_alex = alex.get(f"/cases/{case_id}")
    assert [(p["role"], p["name"], p["email"]) for p in seen_by_alex["participants"]] == [
        ("mediator", "Morgan Mediator", None),
        ("principal", "Alex", "alex@example.org"),
        ("principal", "Blair", None),
    ]
    assert [c["id"] for c in blair.get("/cases")["items"]] == [case_id]

    # Negotiation: Alex proposes (and so consents for the Applicant), Blair consents, both
    # sides choose confidentiality explicitly, Alex starts it.
    negotiation = alex.post(f"/cases/{case_id}/processes", {"kind": "negotiation"}, expect=201)
    n_id = negotiation["id"]
    assert negotiation["start_blockers"] == [
        "Every side must consent; still waiting for: Respondent.",
        "Every side must choose confidentiality explicitly; still waiting for: "
        "Applicant, Respondent.",
    ]
    blair.post(f"/processes/{n_id}/consent", expect=201)
    alex.post(f"/processes/{n_id}/confidentiality-choice", {"confidential": True}, expect=201)
    blair.post(f"/processes/{n_id}/confidentiality-choice", {"confidential": True}, expect=201)
    assert alex.get(f"/processes/{n_id}")["start_blockers"] == []
    started = alex.post(f"/processes/{n_id}/start")
    assert (started["status"], started["confidential"]) == ("active", True)

    # It fails: Blair walks away.
    walked = blair.post(f"/processes/{n_id}/withdraw")
    assert (walked["status"], walked["outcome"], walked["binding"]) == (
        "ended",
        "walked_away",
        False,
    )

    # Move to mediation; Alex's move is the Applicant's consent, Blair gives the Respondent's.
    mediation = alex.post(
        f"/processes/{n_id}/move", {"kind": "mediation", "format": "joint"}, expect=201
    )
    m_id = mediation["id"]
    assert (mediation["kind"], mediation["status"], mediation["follows_id"]) == (
        "mediation",
        "proposed",
        n_id,
    )
    blair.post(f"/processes/{m_id}/consent", expect=201)
    early = mediator.post(f"/processes/{m_id}/start", expect=403)
    assert early == {
        "detail": "Everyone must accept the confidentiality terms; 3 still to accept. "
        "Screening is not complete: each party answers the private safety questions and the "
        "neutral confirms how the process will run."
    }
    for person in (mediator, alex, blair):
        accepted = person.post(f"/processes/{m_id}/confidentiality-acceptance", expect=201)
        assert accepted["terms_version"] == "confidentiality-terms-v1"
    screen_by_api(m_id, [alex, blair], mediator)
    assert mediator.get(f"/processes/{m_id}")["start_blockers"] == []
    assert mediator.post(f"/processes/{m_id}/start")["status"] == "active"

    # Alex withdraws: always possible in mediation, no reason asked; it ends, non-binding.
    withdrawn = alex.post(f"/processes/{m_id}/withdraw")
    assert (withdrawn["status"], withdrawn["outcome"], withdrawn["binding"]) == (
        "ended",
        "withdrawn",
        False,
    )

    final = mediator.get(f"/cases/{case_id}")
    assert [(p["kind"], p["status"], p["outcome"], p["binding"]) for p in final["processes"]] == [
        ("negotiation", "ended", "walked_away", False),
        ("mediation", "ended", "withdrawn", False),
    ]
    report = verify_case(uuid.UUID(case_id))
    assert report.ok, report.problems
    assert report.events > 0


def test_walk_2_mediation_impasse_then_binding_arbitration(django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    alex = Person(make_user(name="Alex", email="alex@example.org"))

    # Alex, a party, opens the case and invites the other party and a mediator.
    case = alex.post(
        "/cases",
        {
            "title": "Unpaid invoices",
            "kind": "commercial",
            "sides": ["Supplier", "Customer"],
            "opener_role": "principal",
            "opener_side": "Supplier",
        },
        expect=201,
    )
    case_id = case["id"]
    supplier, customer = (side["id"] for side in case["sides"])
    blair, _ = invite(
        capture, alex, case_id, name="Blair", email="blair@example.org",
        role="principal", side=customer,
    )  # fmt: skip
    mediator, _ = invite(
        capture, alex, case_id, name="Morgan Mediator", email="morgan@example.org",
        role="mediator",
    )  # fmt: skip
    turn_on_two_factor(mediator.user)
    declared = mediator.post(
        f"/cases/{case_id}/conflict-declaration",
        {"related_to": [], "financial_interest": False},
        expect=201,
    )
    assert declared["appointment_status"] == "active"

    # Mediation, run to impasse.
    mediation = alex.post(
        f"/cases/{case_id}/processes", {"kind": "mediation", "format": "hybrid"}, expect=201
    )
    m_id = mediation["id"]
    blair.post(f"/processes/{m_id}/consent", expect=201)
    for person in (alex, blair, mediator):
        person.post(f"/processes/{m_id}/confidentiality-acceptance", expect=201)
    screen_by_api(m_id, [alex, blair], mediator)
    assert mediator.post(f"/processes/{m_id}/start")["status"] == "active"
    impasse = mediator.post(f"/processes/{m_id}/impasse")
    assert (impasse["status"], impasse["outcome"], impasse["binding"]) == (
        "ended",
        "impasse",
        False,
    )

    # Arbitration is proposed; Alex's proposal is the Supplier's consent to be bound.
    arbitration = alex.post(f"/cases/{case_id}/processes", {"kind": "arbitration"}, expect=201)
    a_id = arbitration["id"]
    assert (arbitration["format"], arbitration["status"]) == ("record", "proposed")
    not_signed = (
        "Every party must sign the arbitration agreement (the questions, rules and deadlines) "
        "before the arbitration starts: write its terms on the arbitration page and have every "
        "party sign them."
    )
    assert arbitration["start_blockers"] == [
        "Every side must consent; still waiting for: Customer.",
        "The arbitrator must be appointed and in effect.",
        not_signed,
    ]

    # A different person is appointed arbitrator: conflicts declared, then two-factor, then
    # the appointment takes effect.
    arbitrator, arbitrator_id = invite(
        capture, mediator, case_id, name="Avery Arbitrator", email="avery@example.org",
        role="arbitrator",
    )  # fmt: skip
    declared = arbitrator.post(
        f"/cases/{case_id}/conflict-declaration",
        {"related_to": [], "financial_interest": False, "details": "No ties to either side."},
        expect=201,
    )
    assert (declared["conflict"], declared["appointment_status"]) == (False, "pending")
    refused = arbitrator.post(f"/cases/{case_id}/appointment/take-effect", expect=403)
    assert refused == {
        "detail": "Turn on two-factor authentication: a neutral's appointment needs it."
    }
    turn_on_two_factor(arbitrator.user)
    in_effect = arbitrator.post(f"/cases/{case_id}/appointment/take-effect")
    assert in_effect == {
        "id": arbitrator_id,
        "role": "arbitrator",
        "side_id": None,
        "status": "active",
    }

    # Not before both sides consent: the refusal names who is missing, and changes nothing.
    too_early = arbitrator.post(f"/processes/{a_id}/start", expect=403)
    assert too_early == {
        "detail": "Every side must consent; still waiting for: Customer. " + not_signed
    }
    assert arbitrator.get(f"/processes/{a_id}")["status"] == "proposed"

    consent = blair.post(f"/processes/{a_id}/consent", expect=201)
    assert consent["side_id"] == customer
    # Consent is not yet the arbitration agreement: the sides must sign its terms (what the
    # arbitrator decides, under which rules, by when) before anything binds them.
    assert blair.get(f"/processes/{a_id}")["start_blockers"] == [not_signed]
    assert arbitrator.post(f"/processes/{a_id}/start", expect=403) == {"detail": not_signed}
    due = (clock.now() + dt.timedelta(days=14)).isoformat()
    terms = arbitrator.post(
        f"/processes/{a_id}/arbitration/terms",
        {
            "scope": ["Are the invoices of March and April payable?"],
            "rules": "Written submissions; the law of Ontario applies.",
            "deadlines": [{"side_id": side, "due_at": due} for side in (supplier, customer)],
            "award_days": 30,
        },
        expect=201,
    )
    sign_by_api(alex, terms["version_id"], password=PASSWORD)
    assert arbitrator.post(f"/processes/{a_id}/start", expect=403) == {"detail": not_signed}
    blair_device = turn_on_two_factor(blair.user)
    sign_by_api(blair, terms["version_id"], code=current_code(fresh(blair_device)))
    assert blair.get(f"/processes/{a_id}")["start_blockers"] == []
    started = arbitrator.post(f"/processes/{a_id}/start")
    assert (started["kind"], started["status"]) == ("arbitration", "active")

    # Once started, an arbitration binds: no side can withdraw.
    for party in (alex, blair):
        refused = party.post(f"/processes/{a_id}/withdraw", expect=403)
        assert refused == {
            "detail": "An arbitration binds every side that agreed to it: no side can withdraw "
            "once it has started."
        }
    assert alex.get(f"/processes/{a_id}")["status"] == "active"

    # An award is made by signing it, with reasons, on the arbitration side (tests/arbitration);
    # a bare "end with an award" is refused. The parties settle: a consent award.
    refused = arbitrator.post(f"/processes/{a_id}/end", {"outcome": "award"}, expect=403)
    assert refused == {
        "detail": "An award is recorded by signing it, with its reasons, on the arbitration page."
    }
    # Nor may the arbitrator record a settlement nobody signed.
    unsigned = arbitrator.post(f"/processes/{a_id}/end", {"outcome": "agreement"}, expect=409)
    assert unsigned == {
        "detail": "An agreement is recorded only once every side has signed it. Write it on the "
        "agreements page and have every party sign it first."
    }
    assert arbitrator.get(f"/processes/{a_id}")["status"] == "active"
    settlement = alex.post(
        f"/processes/{a_id}/agreements",
        {
            "title": "Settlement",
            "body": "The Customer pays both invoices by 30 June.",
            "client_key": "walk-settlement",
        },
        expect=201,
    )
    version_id = settlement["latest_version"]["id"]
    sign_by_api(alex, version_id, password=PASSWORD)
    sign_by_api(blair, version_id, code=current_code(fresh(blair_device)))
    settled = arbitrator.post(f"/processes/{a_id}/end", {"outcome": "agreement"})
    assert (settled["status"], settled["outcome"], settled["binding"]) == (
        "ended",
        "agreement",
        True,
    )

    final = alex.get(f"/cases/{case_id}")
    assert [(p["kind"], p["outcome"], p["binding"]) for p in final["processes"]] == [
        ("mediation", "impasse", False),
        ("arbitration", "agreement", True),
    ]
    assert supplier in {s["id"] for s in final["sides"]}
    report = verify_case(uuid.UUID(case_id))
    assert report.ok, report.problems
    assert report.events > 0
