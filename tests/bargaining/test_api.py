"""The bargaining API: same services, same rules, the same 404 for strangers as for a
missing id, and refusals in the rule's words with nothing changed."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import pytest
from django.test import Client

from accord.accounts.services import api_token_create
from accord.bargaining import services
from accord.bargaining.models import ProposalAnswer
from accord.config.api import api as root
from accord.core import clock
from tests.bargaining.factories import key, make_table
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    _token, secret = api_token_create(user=user, name="t")
    return Client(headers={"Authorization": f"Bearer {secret}"})


@pytest.fixture
def scene():
    t = make_table(money=True)
    bidding = services.bidding_propose(
        actor=t.mediator, issue=t.issues[3], payer=t.m.world.sides[0], band_percent="5"
    )
    proposal = services.proposal_put(
        actor=t.mediator,
        process=t.process,
        terms=[(t.issues[2], t.option(2, "Stay"), None)],
        deadline=clock.now() + dt.timedelta(hours=1),
        client_key=key(),
    )
    ids = {
        "process_id": t.process.id,
        "issue_id": t.issues[0].id,
        "bidding_id": bidding.id,
        "proposal_id": proposal.id,
        "run_id": uuid.uuid4(),
    }
    return t, ids


def bargaining_operations():
    for path, operations in root.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            if "bargaining" in operation.get("tags", []):
                yield method, path


def test_every_bargaining_operation_hides_the_case_from_a_stranger(scene):
    _t, ids = scene
    stranger = client_for(make_user())
    anonymous = Client()
    checked = 0
    for method, path in bargaining_operations():
        url = path
        for name in re.findall(r"{(\w+)}", path):
            url = url.replace("{" + name + "}", str(ids[name]))
        response = getattr(stranger, method)(url, {}, content_type="application/json")
        assert response.status_code in (404, 422), (method, path)
        if response.status_code == 404:
            assert response.json() == {"detail": "Not found."}
        assert (
            getattr(anonymous, method)(url, {}, content_type="application/json").status_code == 401
        )
        checked += 1
    assert checked == 11


def test_the_agenda_through_the_api(scene):
    t, ids = scene
    a = client_for(t.a.user)
    added = a.post(
        f"/api/v1/processes/{t.process.id}/agenda",
        {
            "title": "Pets",
            "kind": "options",
            "options": ["Dog stays", "Dog goes"],
            "client_key": "p1",
        },
        content_type="application/json",
    )
    assert added.status_code == 201 and added.json()["state"] == "proposed"
    seen_by_b = client_for(t.b.user).get(f"/api/v1/processes/{t.process.id}/agenda").json()
    assert "Pets" not in [i["title"] for i in seen_by_b]
    option = t.option(0, "Alternate")
    for person in (t.a, t.b):
        answer = client_for(person.user).post(
            f"/api/v1/issues/{ids['issue_id']}/assent",
            {"option_id": str(option.id)},
            content_type="application/json",
        )
        assert answer.status_code == 200
    assert answer.json()["status"] == "tentative" and answer.json()["term"] == "Alternate"
    terms = a.get(f"/api/v1/processes/{t.process.id}/terms").json()
    assert [x["text"] for x in terms] == ["Alternate"]


def test_a_late_answer_is_refused_through_the_api(scene, monkeypatch):
    t, ids = scene
    later = clock.now() + dt.timedelta(hours=2)
    monkeypatch.setattr(clock, "now", lambda: later)
    response = client_for(t.a.user).post(
        f"/api/v1/proposals/{ids['proposal_id']}/answer",
        {"accept": True},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The deadline for answers has passed; your answer was not recorded.",
        "field": "accept",
    }
    assert ProposalAnswer.objects.count() == 0
