"""The arbitration API over HTTP: terms, filing with files, the deadline, the hearing, and
the award held to the agreed scope, each refusal in the rule's words with nothing changed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accord.accounts.services import api_token_create
from accord.agreements.models import AgreementVersion
from accord.arbitration.models import Award, Submission
from accord.audit.models import AuditEvent
from accord.core import clock
from tests.agreements.factories import sign
from tests.arbitration.factories import (
    agree_terms,
    close_all,
    decisions_for,
    make_arbitration,
    totp,
)
from tests.factories import make_user

pytestmark = pytest.mark.django_db
API = "/api/v1"
NOT_FOUND = b'{"detail": "Not found."}'


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


class Api:
    def __init__(self, user):
        _token, key = api_token_create(user=user, name="t")
        self.client = Client(headers={"Authorization": f"Bearer {key}"})

    def get(self, path):
        return self.client.get(API + path)

    def post(self, path, data=None, **kwargs):
        if "multipart" in kwargs:
            return self.client.post(API + path, kwargs["multipart"])
        return self.client.post(API + path, json.dumps(data or {}), content_type="application/json")


@pytest.fixture
def arb():
    return make_arbitration()


def test_terms_then_signatures_put_them_in_force(arb):
    a, b = arb.parties
    due = (clock.now() + dt.timedelta(days=4)).isoformat()
    body = {
        "scope": ["Who owns the fence?"],
        "rules": "Written procedure.",
        "deadlines": [{"side_id": str(s.id), "due_at": due} for s in arb.world.sides],
        "award_days": 21,
        "max_amount": "100.50",
        "currency": "eur",
    }
    created = Api(arb.arbitrator.user).post(f"/processes/{arb.process.id}/arbitration/terms", body)
    assert created.status_code == 201
    terms = created.json()
    assert (terms["version_number"], terms["currency"], terms["max_amount"]) == (1, "EUR", "100.50")
    assert [d["open"] for d in terms["deadlines"]] == [True, True]
    overview = Api(a.user).get(f"/processes/{arb.process.id}/arbitration").json()
    assert (overview["agreement_status"], overview["terms_in_force"]) == ("drafting", None)
    version = AgreementVersion.objects.get(id=terms["version_id"])
    for party in (a, b):
        sign(party, version)
    overview = Api(b.user).get(f"/processes/{arb.process.id}/arbitration").json()
    assert overview["agreement_status"] == "signed"
    assert overview["terms_in_force"]["scope"][0]["question"] == "Who owns the fence?"
    assert overview["my_draft"] is None


def test_filing_with_files_and_after_the_deadline(arb, monkeypatch):
    agree_terms(arb, days=1)
    a = Api(arb.parties[0].user)
    filed = a.post(
        f"/processes/{arb.process.id}/submissions/with-files",
        multipart={
            "kind": "evidence",
            "title": "Photos",
            "client_key": "f1",
            "files": [SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\nrest")],
        },
    )
    assert filed.status_code == 201
    item = filed.json()["files"][0]
    assert (item["filename"], item["content_type"]) == ("photo.png", "image/png")
    listed = Api(arb.parties[1].user).get(f"/processes/{arb.process.id}/submissions").json()
    assert [s["title"] for s in listed] == ["Photos"]
    download = Api(arb.arbitrator.user).get(f"/submissions/{filed.json()['id']}/files/{item['id']}")
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")
    moment = clock.now() + dt.timedelta(days=2)
    monkeypatch.setattr(clock, "now", lambda: moment)
    before = (Submission.objects.count(), AuditEvent.objects.count())
    late = a.post(
        f"/processes/{arb.process.id}/submissions",
        {"kind": "statement", "title": "Late", "body": "x", "client_key": "f2"},
    )
    assert late.status_code == 409
    assert late.json()["field"] == "deadline"
    assert late.json()["detail"].startswith("The deadline for Applicant's submissions was ")
    assert (Submission.objects.count(), AuditEvent.objects.count()) == before


def test_an_award_outside_the_scope_is_refused_over_the_api(arb):
    terms = agree_terms(arb)
    close_all(arb)
    arbitrator = Api(arb.arbitrator.user)
    decisions = [
        {"scope_item_id": str(d.scope_item_id), "decision": d.decision}
        for d in decisions_for(terms)
    ]
    before = (Award.objects.count(), AuditEvent.objects.count())
    outside = arbitrator.post(
        f"/processes/{arb.process.id}/awards",
        {
            "reasons": "R.",
            "decisions": [*decisions, {"scope_item_id": str(arb.process.id), "decision": "More."}],
        },
    )
    assert outside.status_code == 400
    assert outside.json() == {
        "detail": "The award decides only the questions the sides submitted in the arbitration "
        "agreement: a decision on anything else is outside the agreed scope.",
        "field": "decisions",
    }
    assert (Award.objects.count(), AuditEvent.objects.count()) == before
    drafted = arbitrator.post(
        f"/processes/{arb.process.id}/awards", {"reasons": "R.", "decisions": decisions}
    )
    assert drafted.status_code == 201
    award = drafted.json()
    assert Api(arb.parties[0].user).get(f"/awards/{award['id']}").content == NOT_FOUND
    unsigned = arbitrator.post(
        f"/awards/{award['id']}/sign", {"sha256": award["sha256"], "intent": True}
    )
    assert unsigned.status_code == 400 and unsigned.json()["field"] == "code"
    signed = arbitrator.post(
        f"/awards/{award['id']}/sign",
        {"sha256": award["sha256"], "intent": True, "code": totp(arb.arbitrator).code},
    )
    assert signed.status_code == 200 and signed.json()["status"] == "issued"
    pdf = Api(arb.parties[0].user).get(f"/awards/{award['id']}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_hearing_and_closing_over_the_api(arb):
    agree_terms(arb)
    when = (clock.now() + dt.timedelta(days=2)).isoformat()
    hearing = Api(arb.arbitrator.user).post(
        f"/processes/{arb.process.id}/hearings",
        {"starts_at": when, "link": "https://meet.example/a"},
    )
    assert hearing.status_code == 201
    closed = Api(arb.parties[0].user).post(f"/processes/{arb.process.id}/submissions/close")
    assert closed.status_code == 201 and closed.json()["closed"] is True
    again = Api(arb.parties[0].user).post(f"/processes/{arb.process.id}/submissions/close")
    assert again.status_code == 409


def test_a_stranger_and_a_missing_id_get_the_same_404(arb):
    agree_terms(arb)
    stranger = Api(make_user())
    for path in (
        f"/processes/{arb.process.id}/arbitration",
        f"/processes/{arb.process.id}/submissions",
        "/processes/00000000-0000-0000-0000-000000000000/arbitration",
    ):
        response = stranger.get(path)
        assert (response.status_code, response.content) == (404, NOT_FOUND)
