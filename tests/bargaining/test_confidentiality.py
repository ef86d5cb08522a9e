"""Invariant 4 through every door: no preference, bid, answer or private interest of one side
reaches another through a page, an API response, the audit export or a real-time event; a
stranger (or the case's arbitrator) gets the same 404 as for a missing id."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from accord.accounts.services import api_token_create
from accord.audit.models import AuditEvent
from accord.bargaining import selectors, services
from accord.bargaining.models import Preference
from accord.bargaining.services import PreferenceDraft
from accord.bargaining.views import PARTS
from accord.cases.vocabulary import Role
from accord.realtime import publish
from tests.bargaining.factories import (
    add_dates,
    key,
    make_table,
    opposed_preferences,
    tentative_draft,
)
from tests.cases.factories import appoint
from tests.factories import make_user

pytestmark = pytest.mark.django_db

SECRET_INTEREST = "We secretly fear losing the house to the bank"
SECRET_FIGURE = "432.10"


def browser(participant) -> Client:
    client = Client()
    client.force_login(participant.user)
    return client


def api(participant) -> Client:
    _token, secret = api_token_create(user=participant.user, name="t")
    return Client(headers={"Authorization": f"Bearer {secret}"})


@pytest.fixture
def scene():
    t = make_table(money=True)
    services.preference_set(
        actor=t.a,
        process=t.process,
        draft=PreferenceDraft(
            weights={
                t.issues[0].id: 37,
                t.issues[1].id: 21,
                t.issues[2].id: 29,
                t.issues[3].id: 13,
            },
            scores={o.id: 73 for i in t.issues[:3] for o in i.options.all()},
            range_scores={t.issues[3].id: (17, 83)},
            reservation=41,
            visibility="blind",
        ),
    )
    interest = services.interest_record(
        actor=t.a,
        issue=t.issues[0],
        kind="interest",
        category="fear",
        text=SECRET_INTEREST,
        client_key=key(),
    )
    bidding = services.bidding_propose(
        actor=t.mediator, issue=t.issues[3], payer=t.m.world.sides[0], band_percent="5"
    )
    services.bidding_agree(actor=t.a, bidding=bidding)
    services.bidding_agree(actor=t.b, bidding=bidding)
    services.bid_submit(actor=t.a, bidding=bidding, amount=SECRET_FIGURE)
    return t, interest, bidding


def test_the_other_side_sees_nothing_private_on_the_page_or_the_api(scene):
    t, _interest, _bidding = scene
    url = reverse("bargaining:workspace", kwargs={"process_id": t.process.id})
    own = browser(t.a).get(url).content.decode()
    assert SECRET_INTEREST in own and SECRET_FIGURE in own and 'value="37"' in own
    for viewer in (t.b, t.mediator):
        page = browser(viewer).get(url).content.decode()
        assert SECRET_FIGURE not in page
        for private in ('value="37"', 'value="73"', 'value="41"', 'value="83"'):
            assert private not in page, (viewer.role, private)
    assert SECRET_INTEREST not in browser(t.b).get(url).content.decode()
    # The mediator reads private sessions, so the interest; never the blind preferences.
    assert SECRET_INTEREST in browser(t.mediator).get(url).content.decode()
    body = api(t.b).get(f"/api/v1/processes/{t.process.id}/preferences").json()
    assert body is None
    assert api(t.a).get(f"/api/v1/processes/{t.process.id}/preferences").json()["reservation"] == 41
    assert api(t.mediator).get(f"/api/v1/processes/{t.process.id}/preferences").json() is None


def test_a_stranger_and_the_cases_arbitrator_get_the_same_404_as_a_missing_id(scene):
    t, interest, bidding = scene
    arbitrator = appoint(t.mediator, t.m.world.case, Role.ARBITRATOR)
    stranger = make_user()
    missing = uuid.uuid4()
    pages = [
        ("get", reverse("bargaining:workspace", kwargs={"process_id": t.process.id})),
        ("post", reverse("bargaining:preference_set", kwargs={"process_id": t.process.id})),
        ("post", reverse("bargaining:interest_share", kwargs={"interest_id": interest.id})),
        ("post", reverse("bargaining:bidding_act", kwargs={"bidding_id": bidding.id})),
        ("post", reverse("bargaining:issue_assent", kwargs={"issue_id": t.issues[0].id})),
    ]
    for person in (stranger, arbitrator.user):
        client = browser_for(person)
        # Compared with the same person's page for an id that does not exist (the header
        # carries the person's name).
        nothing = client.get(reverse("bargaining:workspace", kwargs={"process_id": missing}))
        assert nothing.status_code == 404
        for method, url in pages:
            response = getattr(client, method)(url)
            assert response.status_code == 404, (method, url)
            assert response.content == nothing.content
    # The other side cannot open the first side's private interest by id either.
    share = reverse("bargaining:interest_share", kwargs={"interest_id": interest.id})
    assert browser(t.b).post(share).status_code == 404


def browser_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_engine_results_show_each_side_only_its_own_points():
    t = make_table()
    opposed_preferences(t, visibility_a="blind", visibility_b="blind")
    tentative_draft(t)
    run = services.suggestions_request(actor=t.mediator, process=t.process, inline=True)
    for person, other in ((t.a, t.b), (t.b, t.a)):
        body = api(person).get(f"/api/v1/suggestion-runs/{run.id}").json()
        assert body["status"] == "done"
        for package in body["packages"]:
            assert set(package["points"]) == {str(person.side_id)}
            assert str(other.side_id) not in json.dumps(package)
    mediator = api(t.mediator).get(f"/api/v1/suggestion-runs/{run.id}").json()
    assert all(p["points"] == {} for p in mediator["packages"])
    page = browser(t.mediator).get(
        reverse("bargaining:workspace", kwargs={"process_id": t.process.id})
    )
    assert b"points out of 100" not in page.content and b"<svg" not in page.content


def test_audit_payloads_hold_no_preference_or_figure(scene):
    t, _interest, _bidding = scene
    exported = json.dumps([e.payload for e in AuditEvent.objects.filter(case_id=t.m.world.case.id)])
    assert SECRET_FIGURE not in exported
    assert [e.payload for e in AuditEvent.objects.filter(action="bidding.bid")] == [{"round": 1}]
    assert SECRET_INTEREST not in exported
    for event in AuditEvent.objects.filter(action="preference.set"):
        assert event.payload == {"visibility": "blind"}


def test_real_time_events_carry_no_content_and_reach_only_the_side(
    monkeypatch, django_capture_on_commit_callbacks
):
    t = make_table()
    sent = []
    monkeypatch.setattr(publish, "publish_now", lambda group, event: sent.append((group, event)))
    with django_capture_on_commit_callbacks(execute=True):
        opposed_preferences(t)
    a_users = {f"user.{t.a.user_id}"}
    b_users = {f"user.{t.b.user_id}"}
    mediator = f"user.{t.mediator.user_id}"
    # The first time, the mediator hears that each side gave them (the checklist says so);
    # never the other side.
    assert sorted(group for group, _event in sent) == sorted(
        [*a_users, mediator, *b_users, mediator]
    )
    for _group, event in sent:
        assert event == {
            "type": "notify",
            "data": {"kind": "bargaining", "process": str(t.process.id), "topic": "preferences"},
        }
    # A change afterwards is the side's alone: nobody else hears of it, not even when.
    sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        opposed_preferences(t)
    assert sorted(group for group, _event in sent) == sorted([*a_users, *b_users])


def test_bad_preferences_on_the_page_keep_what_was_typed_and_save_nothing():
    t = make_table()
    url = reverse("bargaining:preference_set", kwargs={"process_id": t.process.id})
    data = {
        f"weight_{t.issues[0].id}": "55",
        f"weight_{t.issues[1].id}": "30",
        f"weight_{t.issues[2].id}": "30",
        "reservation": "20",
        "visibility": "blind",
    }
    for issue in t.issues:
        for option in issue.options.all():
            data[f"score_{option.id}"] = "50"
    response = browser(t.a).post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "they add up to 115" in html
    assert 'value="55"' in html
    assert Preference.objects.count() == 0
    # An option with no score, through the API: refused with the option's name.
    body = {
        "weights": [
            {"issue_id": str(i.id), "points": p}
            for i, p in zip(t.issues, (50, 20, 30), strict=True)
        ],
        "scores": [
            {"option_id": str(o.id), "score": 50}
            for i in t.issues
            for o in i.options.all()
            if o.label != "Move"
        ],
    }
    refused = api(t.a).put(
        f"/api/v1/processes/{t.process.id}/preferences", body, content_type="application/json"
    )
    assert refused.status_code == 400
    assert "Move" in refused.json()["detail"]
    assert Preference.objects.count() == 0


def test_a_bid_outside_the_range_on_the_page_is_explained_next_to_the_field(scene):
    t, _interest, bidding = scene
    url = reverse("bargaining:bidding_act", kwargs={"bidding_id": bidding.id})
    response = browser(t.b).post(url, {"step": "bid", "amount": "5000"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "between 0.00 and 1000.00" in html and 'aria-invalid="true"' in html
    assert 'value="5000"' in html


def test_a_sides_best_date_reaches_no_one_else_through_any_door(scene):
    t, _interest, _bidding = scene
    move = add_dates(t.mediator, t.process)
    issues = selectors.agenda_issues(t.process)
    weights = {i.id: 0 for i in issues}
    weights[move.id] = 100
    services.preference_set(
        actor=t.a,
        process=t.process,
        draft=PreferenceDraft(
            weights=weights,
            scores={o.id: 73 for i in issues for o in i.options.all()},
            range_scores={t.issues[3].id: (17, 83)},
            date_prefs={move.id: (dt.date(2027, 4, 23), 47)},
            reservation=41,
            visibility="mediator",  # even so: the mediator's pages show no preference
        ),
    )
    secrets = ("2027-04-23", "April 23", "23/04/2027", 'value="47"', "47 days")
    url = reverse("bargaining:workspace", kwargs={"process_id": t.process.id})
    assert "2027-04-23" in browser(t.a).get(url).content.decode()  # the side sees its own
    for viewer in (t.b, t.mediator):
        page = browser(viewer).get(url).content.decode()
        every_part = (
            browser(viewer)
            .get(url, {"part": list(PARTS)}, headers={"HX-Request": "true"})
            .content.decode()
        )
        for secret in secrets:
            assert secret not in page and secret not in every_part, (viewer.role, secret)
        mine = api(viewer).get(f"/api/v1/processes/{t.process.id}/preferences").json()
        assert mine is None
    exported = json.dumps([e.payload for e in AuditEvent.objects.filter(case_id=t.m.world.case.id)])
    assert "2027-04-23" not in exported
    values = [
        v for e in AuditEvent.objects.filter(case_id=t.m.world.case.id) for v in e.payload.values()
    ]
    assert 47 not in values and "47" not in values
