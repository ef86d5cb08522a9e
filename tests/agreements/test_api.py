"""The agreements API over HTTP with bearer tokens: every route's success path, the
ceremony's refusals in the rules' own words with nothing changed, and the one 404."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.test import Client

from accord.accounts.services import api_token_create
from accord.agreements.models import Agreement, AgreementVersion, Signature
from accord.audit.models import AuditEvent
from accord.cases import services as cases
from accord.cases.vocabulary import Role
from tests.agreements.factories import TEXT, draft, latest, sign
from tests.cases.factories import appoint
from tests.factories import PASSWORD, make_user
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db
API = "/api/v1"
NOT_FOUND = b'{"detail": "Not found."}'


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


class Api:
    def __init__(self, user):
        _token, key = api_token_create(user=user, name="test")
        self.client = Client(
            headers={"Authorization": f"Bearer {key}", "User-Agent": "accord-tests/1"},
            REMOTE_ADDR="192.0.2.10",
        )

    def get(self, path, **query):
        return self.client.get(API + path, query)

    def post(self, path, data=None):
        return self.client.post(API + path, json.dumps(data or {}), content_type="application/json")


@pytest.fixture
def m():
    return make_mediation(advocates=True)


def counts():
    return (
        Agreement.objects.count(),
        AgreementVersion.objects.count(),
        Signature.objects.count(),
        AuditEvent.objects.count(),
    )


def test_draft_revise_compare_comment_and_list(m):
    mediator, a = Api(m.world.mediator.user), Api(m.world.principals[0].user)
    created = mediator.post(
        f"/processes/{m.process.id}/agreements",
        {"title": "Plan", "body": TEXT, "client_key": "c1"},
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["kind"], body["status"], body["binding"]) == (
        "settlement",
        "drafting",
        "not_binding",
    )
    assert body["binding_label"] == "Not binding unless the parties make it so"
    assert [p["name"] for p in body["signing"]["missing"]] == [
        p.user.display_name for p in m.world.principals
    ]
    agreement_id = body["id"]
    v2 = a.post(
        f"/agreements/{agreement_id}/versions",
        {"body": TEXT + "\n\nHolidays alternate.", "based_on": 1, "contract_intended": True},
    )
    assert v2.status_code == 201
    assert (v2.json()["number"], v2.json()["binding"]) == (2, "contract")
    same = a.post(
        f"/agreements/{agreement_id}/versions",
        {"body": TEXT + "\n\nHolidays alternate.", "based_on": 2, "contract_intended": True},
    )
    assert (same.status_code, same.json()["number"]) == (200, 2)
    stale = a.post(f"/agreements/{agreement_id}/versions", {"body": "other", "based_on": 1})
    assert stale.status_code == 409
    assert stale.json()["field"] == "body"
    diff = a.get(f"/versions/{v2.json()['id']}/diff").json()
    assert (diff["from_version"], diff["to_version"], diff["added"], diff["removed"]) == (
        1,
        2,
        2,
        0,
    )
    assert diff["lines"][-1] == {
        "change": "added",
        "old_number": None,
        "new_number": 5,
        "text": "Holidays alternate.",
    }
    detail = a.get(f"/versions/{v2.json()['id']}").json()
    assert "<strong>alternate weekends</strong>" in detail["html"]
    comment = a.post(f"/versions/{v2.json()['id']}/comments", {"body": "Good", "client_key": "k"})
    assert comment.status_code == 201
    listed = mediator.get(f"/versions/{v2.json()['id']}/comments").json()
    assert [c["body"] for c in listed] == ["Good"]
    assert [v["number"] for v in a.get(f"/agreements/{agreement_id}/versions").json()] == [1, 2]
    assert [x["id"] for x in a.get(f"/processes/{m.process.id}/agreements").json()] == [
        agreement_id
    ]


def test_raw_html_in_a_draft_is_shown_as_text(m):
    agreement = draft(
        m.world.mediator, m.process, body="<script>alert(1)</script>\n\n[x](javascript:alert(2))"
    )
    html = Api(m.world.principals[0].user).get(f"/versions/{latest(agreement).id}").json()["html"]
    assert "<script>" not in html and "href" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_signing_ceremony_over_the_api(m):
    a, b = m.world.principals
    version = latest(draft(m.world.mediator, m.process))
    path = f"/versions/{version.id}/signatures"
    before = counts()
    refused = Api(a.user).post(
        path, {"sha256": version.sha256, "intent": True, "consent_to_sign_electronically": True}
    )
    assert (refused.status_code, refused.json()) == (
        400,
        {"detail": "Enter your password to sign.", "field": "password"},
    )
    assert counts() == before
    signed = Api(a.user).post(
        path,
        {
            "sha256": version.sha256,
            "consent_to_sign_electronically": True,
            "intent": True,
            "password": PASSWORD,
        },
    )
    assert signed.status_code == 201
    assert (signed.json()["method"], signed.json()["on_behalf"]) == ("password", False)
    row = Signature.objects.get()
    assert (row.ip_address, row.user_agent) == ("192.0.2.10", "accord-tests/1")
    twice = Api(a.user).post(path, {"sha256": version.sha256, "intent": True, "password": PASSWORD})
    assert (twice.status_code, twice.json()) == (
        409,
        {"detail": "You have already signed this version."},
    )
    sign(b, version)
    listed = Api(a.user).get(path).json()
    assert len(listed) == 2
    detail = Api(a.user).get(f"/agreements/{version.agreement_id}").json()
    assert detail["status"] == "signed" and detail["signing"]["complete"] is True
    pdf = Api(b.user).get(f"/agreements/{version.agreement_id}/pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="agreement.downloaded").count() == 1


def test_an_advocate_signs_with_authority_over_the_api(m):
    a = m.world.principals[0]
    lawyer = m.world.advocates[0]
    version = latest(draft(m.world.mediator, m.process))
    body = {
        "sha256": version.sha256,
        "consent_to_sign_electronically": True,
        "intent": True,
        "password": PASSWORD,
        "on_behalf_of": str(a.id),
    }
    refused = Api(lawyer.user).post(f"/versions/{version.id}/signatures", body)
    assert refused.status_code == 403
    granted = Api(a.user).post(
        f"/versions/{version.id}/authorities", {"advocate_id": str(lawyer.id)}
    )
    assert granted.status_code == 201
    revoked = Api(a.user).post(f"/versions/{version.id}/authorities/{lawyer.id}/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    Api(a.user).post(f"/versions/{version.id}/authorities", {"advocate_id": str(lawyer.id)})
    signed = Api(lawyer.user).post(f"/versions/{version.id}/signatures", body)
    assert signed.status_code == 201
    assert signed.json()["on_behalf"] is True
    assert signed.json()["principal"]["participant_id"] == str(a.id)


def test_a_stale_version_is_refused_over_the_api(m):
    a = m.world.principals[0]
    agreement = draft(m.world.mediator, m.process)
    v1 = latest(agreement)
    Api(a.user).post(f"/agreements/{agreement.id}/versions", {"body": "v2", "based_on": 1})
    before = counts()
    stale = Api(a.user).post(
        f"/versions/{v1.id}/signatures",
        {
            "sha256": v1.sha256,
            "intent": True,
            "consent_to_sign_electronically": True,
            "password": PASSWORD,
        },
    )
    assert (stale.status_code, stale.json()["field"]) == (409, "version")
    assert counts() == before


def test_strangers_and_the_arbitrator_get_the_one_404(m):
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    arbitrator = appoint(m.world.mediator, m.world.case, Role.ARBITRATOR)
    paths = [
        f"/processes/{m.process.id}/agreements",
        f"/agreements/{agreement.id}",
        f"/agreements/{agreement.id}/versions",
        f"/agreements/{agreement.id}/pdf",
        f"/versions/{version.id}",
        f"/versions/{version.id}/diff",
        f"/versions/{version.id}/comments",
        f"/versions/{version.id}/signatures",
        f"/processes/{m.process.id}/certificate",
    ]
    for user in (make_user(), arbitrator.user):
        api = Api(user)
        for path in paths:
            response = api.get(path)
            assert (response.status_code, response.content) == (404, NOT_FOUND), path
    missing = Api(make_user()).get("/agreements/00000000-0000-0000-0000-000000000000")
    assert missing.content == NOT_FOUND


def test_my_signed_agreements_after_withdrawing():
    m = make_mediation(sides=3)
    a, b, c = m.world.principals
    agreement = draft(m.world.mediator, m.process)
    for person in (a, b, c):
        sign(person, latest(agreement))
    cases.process_withdraw(actor=c, process=m.process)
    api = Api(c.user)
    assert api.get(f"/agreements/{agreement.id}").status_code == 404
    mine = api.get("/signed-agreements").json()
    assert [(d["agreement_id"], d["pdf"]) for d in mine] == [
        (str(agreement.id), f"/api/v1/agreements/{agreement.id}/pdf")
    ]
    assert api.get(mine[0]["pdf"].removeprefix(API)).status_code == 200
