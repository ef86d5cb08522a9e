"""Screening over HTTP, pages and API alike: strangers get the same 404 as a missing id,
everyone but the party and the neutral gets a refusal without content, bad input is shown
next to its field with what was typed, and nothing changes when refused."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from accord.accounts.services import api_token_create
from accord.cases import services as cases
from accord.safety.models import SafetyConfiguration, ScreeningResponse
from tests.factories import make_user
from tests.safety.factories import CALM, answer

pytestmark = pytest.mark.django_db

SECRET = "NOTE-ONLY-FOR-THE-MEDIATOR"
OTHERS = [
    "advocate_a",
    "advocate_b",
    "support_a",
    "arbitrator",
    "coordinator",
    "expert",
    "observer",
]


@pytest.fixture
def mediation(cast):
    a, b = cast["principal_a"], cast["principal_b"]
    process = cases.process_propose(actor=a, case=cast.case, kind="mediation", format="shuttle")
    cases.process_consent(actor=b, process=process)
    answer(b, process, note=SECRET, fear="often")
    return process


def page(user):
    client = Client()
    client.force_login(user)
    return client


def api(user):
    _token, secret = api_token_create(user=user, name="t")
    return Client(headers={"Authorization": f"Bearer {secret}"})


def url(process_id):
    return reverse("safety:screening", kwargs={"process_id": process_id})


def state():
    return ScreeningResponse.objects.count(), SafetyConfiguration.objects.count()


# --- pages -----------------------------------------------------------------------------------


def test_a_stranger_gets_the_same_404_as_a_missing_id(mediation):
    client = page(make_user())
    real = client.get(url(mediation.id))
    missing = client.get(url(uuid.uuid4()))
    assert real.status_code == missing.status_code == 404
    assert real.content == missing.content
    assert client.post(url(mediation.id), {**CALM}).status_code == 404
    assert state() == (1, 0)


def test_the_party_sees_their_questionnaire_not_the_other_sides_answers(cast, mediation):
    response = page(cast["principal_a"].user).get(url(mediation.id))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leave this page quickly" in html and "data-quick-exit" in html
    assert "emergency" in html
    assert "help the mediator set up the mediation" in html
    assert SECRET not in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("who", OTHERS)
def test_everyone_else_in_the_case_is_refused_without_content(cast, mediation, who):
    client = page(cast[who].user)
    response = client.get(url(mediation.id))
    assert response.status_code == 403
    assert SECRET not in response.content.decode()
    assert "private to each party and the neutral" in response.content.decode()
    assert client.post(url(mediation.id), {**CALM}).status_code == 403
    assert state() == (1, 0)


def test_the_mediator_reads_the_summary(cast, mediation):
    response = page(cast["mediator"].user).get(url(mediation.id))
    assert response.status_code == 200
    html = response.content.decode()
    assert SECRET in html
    assert "Often afraid of the other party" in html
    assert "no-store" in response["Cache-Control"]


def test_a_missing_answer_is_shown_next_to_its_question_and_the_note_is_kept(cast, mediation):
    client = page(cast["principal_a"].user)
    data = {k: v for k, v in CALM.items() if k != "threats"}
    response = client.post(url(mediation.id), {**data, "note": "what I typed"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_threats_error"' in html and "Please choose one answer." in html
    assert "what I typed" in html
    assert state() == (1, 0)


def test_answering_by_page_saves_once_per_form(cast, mediation):
    client = page(cast["principal_a"].user)
    form = {**CALM, "support": "yes", "submission": "a" * 32}
    first = client.post(url(mediation.id), form)
    assert first.status_code == 302
    again = client.post(url(mediation.id), form)
    assert again.status_code == 302
    assert state() == (2, 0)
    shown = client.get(url(mediation.id)).content.decode()
    assert "You answered on" in shown


def test_the_neutral_cannot_untick_a_required_measure(cast, mediation):
    answer(cast["principal_a"], mediation)
    client = page(cast["mediator"].user)
    seen = ",".join(sorted(str(r.id) for r in ScreeningResponse.objects.filter(process=mediation)))
    # Required boxes are locked: a forged "off" is ignored and the required value kept.
    response = client.post(url(mediation.id), {"seen": seen, "shuttle_only": ""})
    assert response.status_code == 302
    latest = SafetyConfiguration.objects.get()
    assert (latest.shuttle_only, latest.staggered, latest.rescreen) == (True, True, True)
    stale = client.post(url(mediation.id), {"seen": "", "support": "on"})
    assert stale.status_code == 409
    assert "The answers changed" in stale.content.decode()
    assert SafetyConfiguration.objects.count() == 1


# --- API -------------------------------------------------------------------------------------


API = "/api/v1/processes/{}/screening"


def test_api_strangers_get_the_fixed_404(mediation):
    client = api(make_user())
    for path in (API, API + "/mine"):
        for process_id in (mediation.id, uuid.uuid4()):
            response = client.get(path.format(process_id))
            assert (response.status_code, response.json()) == (404, {"detail": "Not found."})
    response = client.post(
        (API + "/mine").format(mediation.id),
        {"answers": CALM, "client_key": "k"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert state() == (1, 0)


def test_api_party_reads_and_answers_their_own(cast, mediation):
    client = api(cast["principal_a"].user)
    mine = client.get((API + "/mine").format(mediation.id))
    assert mine.status_code == 200
    assert mine.json()["answers"] is None and len(mine.json()["questions"]) == len(CALM)
    assert SECRET not in mine.content.decode()
    bad = client.post(
        (API + "/mine").format(mediation.id),
        {"answers": {**CALM, "fear": "??"}, "client_key": "k1"},
        content_type="application/json",
    )
    assert (bad.status_code, bad.json()["field"]) == (400, "fear")
    assert state() == (1, 0)
    done = client.post(
        (API + "/mine").format(mediation.id),
        {"answers": CALM, "client_key": "k1"},
        content_type="application/json",
    )
    assert done.status_code == 201
    assert client.get((API + "/mine").format(mediation.id)).json()["answers"] == CALM
    assert client.get(API.format(mediation.id)).status_code == 403


@pytest.mark.parametrize("who", OTHERS)
def test_api_everyone_else_is_refused_without_content(cast, mediation, who):
    client = api(cast[who].user)
    for path in (API, API + "/mine"):
        response = client.get(path.format(mediation.id))
        assert response.status_code == 403
        assert SECRET not in response.content.decode()
    posted = client.post(
        (API + "/configuration").format(mediation.id),
        {"shuttle_only": True, "staggered": True, "support": False, "rescreen": True},
        content_type="application/json",
    )
    assert posted.status_code == 403
    assert state() == (1, 0)


def test_api_neutral_summary_and_confirmation(cast, mediation):
    answer(cast["principal_a"], mediation)
    client = api(cast["mediator"].user)
    summary = client.get(API.format(mediation.id)).json()
    assert [p["note"] for p in summary["parties"]] == ["", SECRET]
    assert summary["recommendation"] == {
        "rescreen": "required",
        "shuttle_only": "required",
        "staggered": "required",
    }
    assert summary["configuration"]["screening_complete"] is False
    off = client.post(
        (API + "/configuration").format(mediation.id),
        {
            "shuttle_only": True,
            "staggered": False,
            "support": False,
            "rescreen": True,
            "seen": summary["seen"],
        },
        content_type="application/json",
    )
    assert (off.status_code, off.json()["field"]) == (400, "staggered")
    assert SafetyConfiguration.objects.count() == 0
    ok = client.post(
        (API + "/configuration").format(mediation.id),
        {
            "shuttle_only": True,
            "staggered": True,
            "support": False,
            "rescreen": True,
            "seen": summary["seen"],
        },
        content_type="application/json",
    )
    assert ok.status_code == 201
    assert ok.json()["screening_complete"] is True


# --- the way in, from the process page and the dashboard --------------------------------------


def process_page(user, process) -> str:
    response = page(user).get(reverse("cases:process", kwargs={"process_id": process.id}))
    assert response.status_code == 200
    return response.content.decode()


def test_the_process_page_shows_each_person_their_way_into_screening(cast, mediation):
    assert "Answer the safety questions" in process_page(cast["principal_a"].user, mediation)
    assert "Review the screening" in process_page(cast["mediator"].user, mediation)
    assert "Screening is not complete" in process_page(cast["principal_a"].user, mediation)
    for who in ("advocate_a", "coordinator", "arbitrator"):
        html = process_page(cast[who].user, mediation)
        assert "Answer the safety questions" not in html and "Review the screening" not in html
        assert SECRET not in html


def test_the_dashboard_asks_the_party_who_has_not_answered(cast, mediation):
    a, b = cast["principal_a"], cast["principal_b"]
    dashboard_a = page(a.user).get(reverse("home")).content.decode()
    assert "Answer the private safety questions" in dashboard_a
    assert url(mediation.id) in dashboard_a
    # B answered (the fixture): B is not asked again.
    dashboard_b = page(b.user).get(reverse("home")).content.decode()
    assert "Answer the private safety questions" not in dashboard_b
