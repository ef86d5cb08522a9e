"""The cases API (/api/v1/): authentication, privacy of a case's existence, every route's
success path, the rules' refusals in their own words, and bad input that never becomes a 500.

Data is set up through the services, as people would create it; every call under test goes
through HTTP. On a refusal we check the body and that nothing changed.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.test import Client

from accord.accounts import services as accounts
from accord.accounts.models import User
from accord.audit.models import AuditEvent
from accord.cases import services
from accord.cases.models import (
    Case,
    ConfidentialityAcceptance,
    ConfidentialityChoice,
    ConflictDeclaration,
    MedArbConsent,
    Participant,
    Process,
    ProcessConsent,
    Side,
    SideDeparture,
)
from accord.cases.vocabulary import ParticipantStatus, Role
from tests.agreements.factories import draft, latest, sign
from tests.cases.factories import join, with_two_factor
from tests.factories import make_user
from tests.safety.factories import screen

pytestmark = pytest.mark.django_db

API = "/api/v1"
NOT_FOUND = b'{"detail": "Not found."}'


# --- set-up through the services ------------------------------------------------------------
# join / with_two_factor come from tests.cases.factories.


@dataclass
class World:
    case: Case
    applicant: Side
    respondent: Side
    mediator: Participant
    party_a: Participant
    party_b: Participant


def make_world(title: str = "Parenting plan") -> World:
    """A case opened by a mediator in effect (two-factor on, no conflicts), one party a side."""
    mediator_user = with_two_factor(make_user(name="Mediator"))
    case, mediator = services.case_open(
        user=mediator_user,
        title=title,
        kind="family",
        sides=["Applicant", "Respondent"],
        opener_role=Role.MEDIATOR,
    )
    services.neutral_declare_conflicts(actor=mediator, related_to=[], financial_interest=False)
    mediator.refresh_from_db()
    applicant, respondent = case.sides.order_by("position")
    party_a = join(mediator, case, Role.PRINCIPAL, applicant, user=make_user(name="Alex"))
    party_b = join(mediator, case, Role.PRINCIPAL, respondent, user=make_user(name="Blair"))
    return World(case, applicant, respondent, mediator, party_a, party_b)


@pytest.fixture
def world() -> World:
    return make_world()


class Api:
    """One person's HTTP client with a bearer token (CSRF enforced, as for a real browser)."""

    def __init__(self, user: User) -> None:
        self.user = user
        _token, key = accounts.api_token_create(user=user, name="tests")
        self.client = Client(enforce_csrf_checks=True)
        self.headers = {"Authorization": f"Bearer {key}"}

    def get(self, path: str, **query):
        return self.client.get(API + path, query, headers=self.headers)

    def post(self, path: str, data=None, **query):
        url = API + path + (f"?{urlencode(query)}" if query else "")
        if data is None:
            return self.client.post(url, headers=self.headers)
        return self.client.post(
            url, json.dumps(data), content_type="application/json", headers=self.headers
        )


def api(participant_or_user) -> Api:
    user = getattr(participant_or_user, "user", participant_or_user)
    return Api(user)


def snapshot(case: Case) -> dict:
    """Everything a route could change about a case (and the case count)."""
    return {
        "cases": Case.objects.count(),
        "events": AuditEvent.objects.filter(case_id=case.id).count(),
        "sides": list(Side.objects.filter(case=case).values_list("id", "label")),
        "participants": list(
            Participant.objects.filter(case=case)
            .order_by("id")
            .values_list("id", "user_id", "role", "side_id", "status", "disqualified")
        ),
        "processes": list(
            Process.objects.filter(case=case)
            .order_by("id")
            .values_list("id", "kind", "status", "outcome", "binding", "confidential")
        ),
        "consents": ProcessConsent.objects.filter(process__case=case).count(),
        "choices": ConfidentialityChoice.objects.filter(process__case=case).count(),
        "acceptances": ConfidentialityAcceptance.objects.filter(process__case=case).count(),
        "departures": SideDeparture.objects.filter(process__case=case).count(),
        "declarations": ConflictDeclaration.objects.filter(participant__case=case).count(),
        "med_arb": MedArbConsent.objects.filter(case=case).count(),
    }


def error(response) -> tuple[int, dict]:
    return response.status_code, response.json()


def propose_negotiation(world: World, *, compulsory: bool = False) -> Process:
    return services.process_propose(
        actor=world.party_a, case=world.case, kind="negotiation", compulsory=compulsory
    )


def active_negotiation(world: World, *, compulsory: bool = False) -> Process:
    process = propose_negotiation(world, compulsory=compulsory)
    services.process_consent(actor=world.party_b, process=process)
    for party in (world.party_a, world.party_b):
        services.process_choose_confidentiality(actor=party, process=process, confidential=True)
    return services.process_start(actor=world.party_a, process=process)


# What the safety app adds to a mediation's start blockers until it is screened.
SCREENING_INCOMPLETE = (
    "Screening is not complete: each party answers the private safety questions and the "
    "neutral confirms how the process will run."
)


def proposed_mediation(world: World) -> Process:
    return services.process_propose(
        actor=world.party_a, case=world.case, kind="mediation", format="joint"
    )


def active_mediation(world: World) -> Process:
    process = proposed_mediation(world)
    services.process_consent(actor=world.party_b, process=process)
    for person in (world.mediator, world.party_a, world.party_b):
        services.process_accept_confidentiality(actor=person, process=process)
    screen(process)
    return services.process_start(actor=world.mediator, process=process)


# --- authentication -------------------------------------------------------------------------


def test_reading_without_credentials_is_401():
    response = Client().get(f"{API}/cases")
    assert error(response) == (401, {"detail": "Unauthorized"})


def test_writing_without_credentials_is_401_even_with_csrf_enforced(world):
    """No session cookie means the session check is skipped: a script gets a plain 401."""
    before = snapshot(world.case)
    body = {"title": "X", "kind": "family", "sides": ["A", "B"], "opener_role": "mediator"}
    for client in (Client(enforce_csrf_checks=True), Client()):
        response = client.post(f"{API}/cases", body, content_type="application/json")
        assert error(response) == (401, {"detail": "Unauthorized"})
    assert snapshot(world.case) == before


def test_bearer_token_reads_and_writes_without_csrf():
    person = Api(make_user())
    assert person.get("/cases").json() == {"count": 0, "items": []}
    response = person.post(
        "/cases",
        {"title": "Fence", "kind": "neighbour", "sides": ["North", "South"],
         "opener_role": "principal", "opener_side": "North"},
    )  # fmt: skip
    assert response.status_code == 201
    assert person.get("/cases").json()["count"] == 1


@pytest.mark.parametrize(
    "header",
    [
        "Bearer acc_not-a-real-key",
        "Bearer not-even-our-prefix",
        "Token {key}",  # the wrong scheme
        "Bearer",
    ],
)
def test_unknown_or_malformed_bearer_is_401(header):
    user = make_user()
    _token, key = accounts.api_token_create(user=user, name="script")
    response = Client().get(f"{API}/cases", headers={"Authorization": header.format(key=key)})
    assert error(response) == (401, {"detail": "Unauthorized"})


def test_revoked_token_is_401_at_once():
    user = make_user()
    token, key = accounts.api_token_create(user=user, name="script")
    headers = {"Authorization": f"Bearer {key}"}
    assert Client().get(f"{API}/cases", headers=headers).status_code == 200
    accounts.api_token_revoke(user=user, token_id=token.id)
    response = Client().get(f"{API}/cases", headers=headers)
    assert error(response) == (401, {"detail": "Unauthorized"})


def test_inactive_user_token_is_401():
    user = make_user()
    _token, key = accounts.api_token_create(user=user, name="script")
    User.objects.filter(id=user.id).update(is_active=False)
    response = Client().get(f"{API}/cases", headers={"Authorization": f"Bearer {key}"})
    assert error(response) == (401, {"detail": "Unauthorized"})


def test_session_auth_reads(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.party_a.user)
    response = browser.get(f"{API}/cases")
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [str(world.case.id)]
    assert browser.get(f"{API}/cases/{world.case.id}").status_code == 200


def test_session_writes_need_the_csrf_token(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.mediator.user)
    before = snapshot(world.case)
    path = f"{API}/cases/{world.case.id}/sides"
    refused = browser.post(path, {"label": "Grandparents"}, content_type="application/json")
    assert error(refused) == (403, {"detail": "CSRF check Failed"})
    assert snapshot(world.case) == before
    # The API's docs page (like every page with a form) hands the browser its CSRF cookie.
    assert browser.get(f"{API}/docs").status_code == 200
    token = browser.cookies["csrftoken"].value
    response = browser.post(
        path, {"label": "Grandparents"}, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 201
    assert response.json()["label"] == "Grandparents"


# --- a case's existence is private ----------------------------------------------------------

CASE_ROUTES = [
    ("get", "/cases/{case}", None),
    ("post", "/cases/{case}/sides", {"label": "Grandparents"}),
    ("post", "/cases/{case}/participants", {"email": "new@example.org", "role": "mediator"}),
    ("post", "/cases/{case}/participants/{participant}/remove", None),
    ("post", "/cases/{case}/conflict-declaration", {"related_to": [], "financial_interest": False}),
    ("post", "/cases/{case}/appointment/take-effect", None),
    ("post", "/cases/{case}/med-arb-consent", None),
    ("post", "/cases/{case}/processes", {"kind": "mediation"}),
]
PROCESS_ROUTES = [
    ("get", "/processes/{process}", None),
    ("post", "/processes/{process}/consent", None),
    ("post", "/processes/{process}/confidentiality-choice", {"confidential": True}),
    ("post", "/processes/{process}/confidentiality-acceptance", None),
    ("post", "/processes/{process}/start", None),
    ("post", "/processes/{process}/withdraw", None),
    ("post", "/processes/{process}/impasse", None),
    ("post", "/processes/{process}/end", {"outcome": "agreement"}),
    ("post", "/processes/{process}/move", {"kind": "mediation"}),
]


def _call(person: Api, method: str, path: str, body):
    return person.get(path) if method == "get" else person.post(path, body)


@pytest.mark.parametrize(("method", "template", "body"), CASE_ROUTES + PROCESS_ROUTES)
def test_strangers_and_missing_ids_get_the_same_404(world, method, template, body):
    process = propose_negotiation(world)
    stranger = Api(make_user())
    real = {"case": world.case.id, "participant": world.party_b.id, "process": process.id}
    missing = {name: uuid.uuid4() for name in real}
    before = snapshot(world.case)

    for_stranger = _call(stranger, method, template.format(**real), body)
    for_missing = _call(stranger, method, template.format(**missing), body)
    # A participant asking about an id that does not exist gets the very same answer.
    for_member = _call(api(world.mediator), method, template.format(**missing), body)

    assert for_stranger.status_code == for_missing.status_code == for_member.status_code == 404
    assert for_stranger.content == for_missing.content == for_member.content == NOT_FOUND
    assert for_stranger["Content-Type"] == for_missing["Content-Type"]
    assert snapshot(world.case) == before


def test_someone_removed_is_a_stranger_again(world):
    services.participant_remove(actor=world.mediator, participant=world.party_b)
    former = api(world.party_b)
    assert former.get(f"/cases/{world.case.id}").content == NOT_FOUND
    assert former.get("/cases").json() == {"count": 0, "items": []}


def test_a_role_i_do_not_hold_is_404(world):
    before = snapshot(world.case)
    response = api(world.party_a).post(
        f"/cases/{world.case.id}/processes", {"kind": "mediation"}, as_role="mediator"
    )
    assert (response.status_code, response.content) == (404, NOT_FOUND)
    assert snapshot(world.case) == before


@pytest.mark.parametrize(
    "path",
    [
        "/cases/not-a-uuid",
        "/cases/123",
        "/processes/%27%20or%201=1--",
        "/cases/{case}/participants/nope/remove",
    ],
)
def test_malformed_ids_in_paths_are_422(world, path):
    before = snapshot(world.case)
    person = api(world.mediator)
    url = path.format(case=world.case.id)
    response = person.get(url) if "remove" not in url else person.post(url)
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "uuid_parsing"
    assert snapshot(world.case) == before


# --- cases ----------------------------------------------------------------------------------


def test_open_case_returns_it_with_sides_and_my_place():
    user = make_user(name="Robin")
    response = Api(user).post(
        "/cases",
        {
            "title": "  Shared   fence ",
            "kind": "neighbour",
            "sides": ["North house", "South house"],
            "opener_role": "principal",
            "opener_side": "South house",
            "jurisdiction": "Ontario",
        },
    )
    assert response.status_code == 201
    case = Case.objects.get()
    north, south = case.sides.order_by("position")
    me = Participant.objects.get(case=case)
    body = response.json()
    assert body.pop("created_at").startswith(case.created_at.strftime("%Y-%m-%dT%H:%M:%S"))
    assert body == {
        "id": str(case.id),
        "title": "Shared fence",
        "kind": "neighbour",
        "jurisdiction": "Ontario",
        "is_practice": False,
        "sides": [
            {"id": str(north.id), "label": "North house", "position": 0},
            {"id": str(south.id), "label": "South house", "position": 1},
        ],
        "me": [
            {"id": str(me.id), "role": "principal", "side_id": str(south.id), "status": "active"}
        ],
        "participants": [
            {
                "id": str(me.id),
                "role": "principal",
                "side_id": str(south.id),
                "status": "active",
                "name": "Robin",
                "email": user.email,
            }
        ],
        "processes": [],
    }
    assert (case.opened_by_id, me.user_id) == (user.id, user.id)


def test_a_neutral_opener_is_pending_until_in_effect():
    user = make_user()
    response = Api(user).post(
        "/cases",
        {"title": "Plan", "kind": "family", "sides": ["A", "B"], "opener_role": "mediator"},
    )
    assert response.status_code == 201
    assert [p["status"] for p in response.json()["me"]] == ["pending"]
    assert response.json()["participants"] == []  # not current yet


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"title": "X", "kind": "family", "sides": ["Only"], "opener_role": "mediator"},
            {"detail": "A dispute has at least two sides.", "field": "sides"},
        ),
        (
            {"title": "X", "kind": "family", "sides": ["A", "a"], "opener_role": "mediator"},
            {"detail": "Each side needs a different name.", "field": "sides"},
        ),
        (
            {"title": "X", "kind": "family", "sides": ["A", "B"], "opener_role": "principal"},
            {"detail": "Say which side you are on.", "field": "opener_side"},
        ),
        (
            {"title": "X", "kind": "family", "sides": ["A", "B"], "opener_role": "principal",
             "opener_side": "C"},
            {"detail": "Say which side you are on.", "field": "opener_side"},
        ),
        (
            {"title": "X", "kind": "family", "sides": ["A", "B"], "opener_role": "arbitrator"},
            {"detail": "Open a case as its mediator, coordinator, a party or an advocate.",
             "field": "opener_role"},
        ),
        (
            {"title": "   ", "kind": "family", "sides": ["A", "B"], "opener_role": "mediator"},
            {"detail": "A case needs a title of 1 to 200 characters.", "field": "title"},
        ),
        (
            {"title": "X", "kind": "family", "sides": ["A", "B"], "opener_role": "mediator",
             "opener_side": "A"},
            {"detail": "A neutral belongs to no side.", "field": "opener_side"},
        ),
    ],
)  # fmt: skip
def test_open_case_refusals_in_the_rules_words(body, expected):
    response = Api(make_user()).post("/cases", body)
    assert error(response) == (400, expected)
    assert Case.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_list_cases_is_mine_newest_first_and_paged(world):
    later = make_world(title="Later case")
    join(later.mediator, later.case, Role.PRINCIPAL, later.applicant, user=world.party_a.user)
    make_world(title="Not mine")
    person = api(world.party_a)

    body = person.get("/cases").json()
    assert body["count"] == 2
    assert [item["title"] for item in body["items"]] == ["Later case", "Parenting plan"]
    first = body["items"][1]
    assert first["sides"] == [
        {"id": str(world.applicant.id), "label": "Applicant", "position": 0},
        {"id": str(world.respondent.id), "label": "Respondent", "position": 1},
    ]
    assert first["me"] == [
        {
            "id": str(world.party_a.id),
            "role": "principal",
            "side_id": str(world.applicant.id),
            "status": "active",
        }
    ]
    assert set(first) == {"id", "title", "kind", "jurisdiction", "is_practice", "created_at",
                          "sides", "me"}  # fmt: skip

    page = person.get("/cases", limit=1, offset=1).json()
    assert page["count"] == 2
    assert [item["title"] for item in page["items"]] == ["Parenting plan"]


def test_case_detail_shows_emails_to_managers_only(world):
    as_party = api(world.party_a).get(f"/cases/{world.case.id}").json()
    as_mediator = api(world.mediator).get(f"/cases/{world.case.id}").json()

    def emails(body):
        return {p["id"]: p["email"] for p in body["participants"]}

    people = (world.mediator, world.party_a, world.party_b)
    assert emails(as_mediator) == {str(p.id): p.user.email for p in people}
    assert emails(as_party) == {
        str(world.mediator.id): None,
        str(world.party_a.id): world.party_a.user.email,  # one's own address
        str(world.party_b.id): None,
    }
    assert (
        world.party_b.user.email.encode()
        not in api(world.party_a).get(f"/cases/{world.case.id}").content
    )
    assert [(p["role"], p["name"], p["status"]) for p in as_party["participants"]] == [
        ("mediator", "Mediator", "active"),
        ("principal", "Alex", "active"),
        ("principal", "Blair", "active"),
    ]


def test_case_detail_shows_processes_and_what_blocks_the_proposed_one(world):
    negotiation = active_negotiation(world)
    services.process_declare_impasse(actor=world.party_b, process=negotiation)
    mediation = proposed_mediation(world)
    body = api(world.party_b).get(f"/cases/{world.case.id}").json()
    processes = body["processes"]
    assert [(p["id"], p["kind"], p["status"], p["outcome"]) for p in processes] == [
        (str(negotiation.id), "negotiation", "ended", "impasse"),
        (str(mediation.id), "mediation", "proposed", None),
    ]
    assert processes[0]["start_blockers"] == []
    assert (processes[0]["binding"], processes[0]["confidential"]) == (False, True)
    assert processes[1]["start_blockers"] == [
        "Every side must consent; still waiting for: Respondent.",
        "Everyone must accept the confidentiality terms; 3 still to accept.",
        SCREENING_INCOMPLETE,
    ]


def test_add_side(world):
    response = api(world.mediator).post(f"/cases/{world.case.id}/sides", {"label": " Grand  ma "})
    side = Side.objects.get(case=world.case, position=2)
    assert (response.status_code, response.json()) == (
        201,
        {"id": str(side.id), "label": "Grand ma", "position": 2},
    )


def test_a_party_cannot_add_a_side(world):
    before = snapshot(world.case)
    response = api(world.party_a).post(f"/cases/{world.case.id}/sides", {"label": "Grandparents"})
    assert error(response) == (
        403,
        {"detail": "Only the case's mediator or coordinator can do this."},
    )
    assert snapshot(world.case) == before


def test_add_side_twice_is_a_conflict(world):
    before = snapshot(world.case)
    response = api(world.mediator).post(f"/cases/{world.case.id}/sides", {"label": "applicant"})
    assert error(response) == (
        409,
        {"detail": "This case already has a side with that name.", "field": "label"},
    )
    assert snapshot(world.case) == before


def test_invite_answers_without_the_link(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api(world.mediator).post(
            f"/cases/{world.case.id}/participants",
            {"email": "Lawyer@Example.org", "role": "advocate", "side_id": str(world.applicant.id)},
        )
    invited = Participant.objects.get(case=world.case, role=Role.ADVOCATE)
    assert (response.status_code, response.json()) == (
        201,
        {
            "id": str(invited.id),
            "role": "advocate",
            "side_id": str(world.applicant.id),
            "status": "invited",
            "name": None,
            "email": "lawyer@example.org",
        },
    )
    assert len(mail.outbox) == 1
    token = re.search(r"/link/([^/\s]+)/", mail.outbox[0].body).group(1)
    assert token.encode() not in response.content
    assert b"/link/" not in response.content


def test_a_party_may_invite_only_for_their_own_side(world):
    before = snapshot(world.case)
    response = api(world.party_a).post(
        f"/cases/{world.case.id}/participants",
        {"email": "x@example.org", "role": "advocate", "side_id": str(world.respondent.id)},
    )
    assert error(response) == (
        403,
        {"detail": "A party may invite an advocate or a support person for their own side only."},
    )
    assert snapshot(world.case) == before
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("side", "expected"),
    [
        ("other-case", (400, {"detail": "This case has no such side.", "field": "side_id"})),
        ("unknown", (400, {"detail": "This case has no such side.", "field": "side_id"})),
        (None, (400, {"detail": "Say which side this person is on.", "field": "side"})),
    ],
)
def test_invite_to_a_side_not_of_this_case(world, side, expected):
    other = make_world(title="Other")
    side_id = {"other-case": str(other.applicant.id), "unknown": str(uuid.uuid4()), None: None}
    before = snapshot(world.case)
    response = api(world.mediator).post(
        f"/cases/{world.case.id}/participants",
        {"email": "x@example.org", "role": "principal", "side_id": side_id[side]},
    )
    assert error(response) == expected
    assert snapshot(world.case) == before


def test_remove_participant_keeps_history(world):
    response = api(world.mediator).post(
        f"/cases/{world.case.id}/participants/{world.party_b.id}/remove"
    )
    assert (response.status_code, response.json()) == (
        200,
        {
            "id": str(world.party_b.id),
            "role": "principal",
            "side_id": str(world.respondent.id),
            "status": "removed",
            "name": "Blair",
            "email": world.party_b.user.email,
        },
    )
    world.party_b.refresh_from_db()
    assert world.party_b.status == ParticipantStatus.REMOVED
    assert world.party_b.ended_at is not None

    before = snapshot(world.case)
    again = api(world.mediator).post(
        f"/cases/{world.case.id}/participants/{world.party_b.id}/remove"
    )
    assert error(again) == (409, {"detail": "This person is no longer in the case."})
    assert snapshot(world.case) == before


def test_remove_refusals(world):
    other = make_world(title="Other")
    before, other_before = snapshot(world.case), snapshot(other.case)
    mediator = api(world.mediator)
    base = f"/cases/{world.case.id}/participants"
    # Someone of another case is no one here.
    response = mediator.post(f"{base}/{other.party_a.id}/remove")
    assert (response.status_code, response.content) == (404, NOT_FOUND)
    response = mediator.post(f"{base}/{world.mediator.id}/remove")
    assert error(response) == (403, {"detail": "You cannot remove yourself; withdraw instead."})
    response = api(world.party_a).post(f"{base}/{world.party_b.id}/remove")
    assert error(response) == (
        403,
        {
            "detail": "A party may remove only their own side's advocate or support person, "
            "or an invitation they sent that has not been taken up. Ask the mediator for "
            "anything else."
        },
    )
    assert snapshot(world.case) == before
    assert snapshot(other.case) == other_before


# --- neutrals: conflicts and appointments ---------------------------------------------------


def test_arbitrator_declares_then_takes_effect_once_two_factor_is_on(world):
    arbitrator = join(world.mediator, world.case, Role.ARBITRATOR, user=make_user(name="Arb"))
    assert arbitrator.status == ParticipantStatus.PENDING
    person = api(arbitrator)
    path = f"/cases/{world.case.id}"

    response = person.post(
        f"{path}/conflict-declaration",
        {"related_to": [], "financial_interest": False, "details": "None to declare."},
    )
    declaration = ConflictDeclaration.objects.get(participant=arbitrator)
    assert (response.status_code, response.json()) == (
        201,
        {
            "id": str(declaration.id),
            "participant_id": str(arbitrator.id),
            "conflict": False,
            "appointment_status": "pending",  # no two-factor yet
        },
    )

    before = snapshot(world.case)
    refused = person.post(f"{path}/appointment/take-effect")
    assert error(refused) == (
        403,
        {"detail": "Turn on two-factor authentication: a neutral's appointment needs it."},
    )
    assert snapshot(world.case) == before

    with_two_factor(arbitrator.user)
    response = person.post(f"{path}/appointment/take-effect")
    assert (response.status_code, response.json()) == (
        200,
        {"id": str(arbitrator.id), "role": "arbitrator", "side_id": None, "status": "active"},
    )
    again = person.post(f"{path}/appointment/take-effect")
    assert error(again) == (409, {"detail": "This appointment is not pending."})


def test_a_declared_conflict_means_no_appointment(world):
    neutral = join(world.mediator, world.case, Role.EXPERT, user=with_two_factor(make_user()))
    person = api(neutral)
    response = person.post(
        f"/cases/{world.case.id}/conflict-declaration",
        {"related_to": [str(world.party_a.id)], "financial_interest": False},
    )
    assert response.status_code == 201
    assert (response.json()["conflict"], response.json()["appointment_status"]) == (
        True,
        "declined",
    )
    declaration = ConflictDeclaration.objects.get(participant=neutral)
    assert list(declaration.related_to.all()) == [world.party_a]
    # Declined, the neutral no longer sees the case.
    assert person.get(f"/cases/{world.case.id}").content == NOT_FOUND


@pytest.mark.parametrize("who", ["other-case", "unknown"])
def test_a_declaration_names_only_participants_of_this_case(world, who):
    neutral = join(world.mediator, world.case, Role.EXPERT)
    other = make_world(title="Other")
    named = other.party_a.id if who == "other-case" else uuid.uuid4()
    before = snapshot(world.case)
    response = api(neutral).post(
        f"/cases/{world.case.id}/conflict-declaration",
        {"related_to": [str(world.party_a.id), str(named)], "financial_interest": False},
    )
    assert error(response) == (
        400,
        {"detail": "Name only participants of this case.", "field": "related_to"},
    )
    assert snapshot(world.case) == before


def test_only_a_neutral_declares_conflicts(world):
    before = snapshot(world.case)
    response = api(world.party_a).post(
        f"/cases/{world.case.id}/conflict-declaration",
        {"related_to": [], "financial_interest": False},
    )
    assert error(response) == (403, {"detail": "Only a neutral declares conflicts of interest."})
    response = api(world.party_a).post(f"/cases/{world.case.id}/appointment/take-effect")
    assert error(response) == (403, {"detail": "Only a neutral has an appointment to take up."})
    assert snapshot(world.case) == before


def test_med_arb_consent(world):
    person = api(world.party_a)
    response = person.post(f"/cases/{world.case.id}/med-arb-consent")
    consent = MedArbConsent.objects.get(case=world.case)
    body = response.json()
    assert response.status_code == 201
    assert body.pop("created_at")
    assert body == {
        "id": str(consent.id),
        "side_id": str(world.applicant.id),
        "acknowledgement": "med-arb-consent-v1",
    }
    before = snapshot(world.case)
    again = person.post(f"/cases/{world.case.id}/med-arb-consent")
    assert error(again) == (409, {"detail": "Your side has already consented to med-arb."})
    refused = api(world.mediator).post(f"/cases/{world.case.id}/med-arb-consent")
    assert error(refused) == (
        403,
        {"detail": "Only a party can consent to med-arb for their side."},
    )
    assert snapshot(world.case) == before


# --- processes ------------------------------------------------------------------------------


def test_negotiation_from_proposal_to_agreement(world):
    a, b = api(world.party_a), api(world.party_b)
    response = a.post(f"/cases/{world.case.id}/processes", {"kind": "negotiation"})
    assert response.status_code == 201
    process = Process.objects.get(case=world.case)
    body = response.json()
    assert body.pop("created_at")
    assert body == {
        "id": str(process.id),
        "case_id": str(world.case.id),
        "kind": "negotiation",
        "format": "direct",
        "status": "proposed",
        "outcome": None,
        "binding": False,
        "confidential": None,
        "compulsory": False,
        "court_ordered": False,
        "follows_id": None,
        "started_at": None,
        "ended_at": None,
        "start_blockers": [
            "Every side must consent; still waiting for: Respondent.",
            "Every side must choose confidentiality explicitly; still waiting for: "
            "Applicant, Respondent.",
        ],
    }
    path = f"/processes/{process.id}"

    consent = b.post(f"{path}/consent")
    assert consent.status_code == 201
    assert {k: consent.json()[k] for k in ("process_id", "side_id")} == {
        "process_id": str(process.id),
        "side_id": str(world.respondent.id),
    }
    for person, side in ((a, world.applicant), (b, world.respondent)):
        choice = person.post(f"{path}/confidentiality-choice", {"confidential": True})
        assert choice.status_code == 201
        assert (choice.json()["side_id"], choice.json()["confidential"]) == (str(side.id), True)
    assert a.get(path).json()["start_blockers"] == []

    started = a.post(f"{path}/start")
    assert started.status_code == 200
    assert (started.json()["status"], started.json()["confidential"]) == ("active", True)
    assert started.json()["started_at"] is not None

    # One side alone cannot claim an agreement: only once both sides signed one.
    assert error(b.post(f"{path}/end", {"outcome": "agreement"})) == (
        409,
        {
            "detail": "An agreement is recorded only once every side has signed it. Write it "
            "on the agreements page and have every party sign it first."
        },
    )
    version = latest(draft(world.party_a, process))
    for party in (world.party_a, world.party_b):
        sign(party, version)
    ended = b.post(f"{path}/end", {"outcome": "agreement"})
    assert ended.status_code == 200
    assert {k: ended.json()[k] for k in ("status", "outcome", "binding")} == {
        "status": "ended",
        "outcome": "agreement",
        "binding": False,
    }


def test_the_sides_disagreeing_on_confidentiality_blocks_the_start(world):
    process = propose_negotiation(world)
    services.process_consent(actor=world.party_b, process=process)
    services.process_choose_confidentiality(actor=world.party_a, process=process, confidential=True)
    services.process_choose_confidentiality(
        actor=world.party_b, process=process, confidential=False
    )
    before = snapshot(world.case)
    response = api(world.party_a).post(f"/processes/{process.id}/start")
    assert error(response) == (
        403,
        {"detail": "The sides chose differently about confidentiality: agree on one choice."},
    )
    assert snapshot(world.case) == before


def test_compulsory_negotiation_withdraw_is_refused(world):
    process = active_negotiation(world, compulsory=True)
    before = snapshot(world.case)
    response = api(world.party_b).post(f"/processes/{process.id}/withdraw")
    assert error(response) == (
        403,
        {"detail": "In compulsory negotiation a side cannot withdraw; declare impasse instead."},
    )
    assert snapshot(world.case) == before

    impasse = api(world.party_b).post(f"/processes/{process.id}/impasse")
    assert impasse.status_code == 200
    assert (impasse.json()["status"], impasse.json()["outcome"]) == ("ended", "impasse")


def test_walking_away_ends_a_negotiation(world):
    process = active_negotiation(world)
    response = api(world.party_b).post(f"/processes/{process.id}/withdraw")
    assert response.status_code == 200
    assert {k: response.json()[k] for k in ("status", "outcome", "binding")} == {
        "status": "ended",
        "outcome": "walked_away",
        "binding": False,
    }


def test_declining_a_proposal_cancels_it(world):
    process = propose_negotiation(world)
    response = api(world.party_b).post(f"/processes/{process.id}/withdraw")
    assert (response.status_code, response.json()["status"]) == (200, "cancelled")


def test_withdrawal_takes_no_reason(world):
    """There is no body to the route: a reason sent anyway is neither read nor kept."""
    process = active_mediation(world)
    reason = "I do not trust the mediator"
    party = api(world.party_a)
    response = party.client.post(
        f"{API}/processes/{process.id}/withdraw",
        json.dumps({"reason": reason}),
        content_type="application/json",
        headers=party.headers,
    )
    assert response.status_code == 200
    assert (response.json()["outcome"], response.json()["binding"]) == ("withdrawn", False)
    payloads = AuditEvent.objects.filter(case_id=world.case.id).values_list("payload", flat=True)
    assert reason not in json.dumps(list(payloads))


def test_mediation_refusals_in_the_rules_words(world):
    process = proposed_mediation(world)
    path = f"/processes/{process.id}"
    mediator, party = api(world.mediator), api(world.party_a)
    before = snapshot(world.case)

    assert error(party.post(f"{path}/start")) == (
        403,
        {"detail": "Only the Mediator can start this process."},
    )
    assert error(mediator.post(f"{path}/start")) == (
        403,
        {
            "detail": "Every side must consent; still waiting for: Respondent. "
            "Everyone must accept the confidentiality terms; 3 still to accept. "
            + SCREENING_INCOMPLETE
        },
    )
    assert error(party.post(f"{path}/confidentiality-choice", {"confidential": False})) == (
        403,
        {"detail": "This process's confidentiality is set by its rules, not chosen by the sides."},
    )
    assert error(party.post(f"{path}/consent")) == (
        409,
        {"detail": "Your side has already consented."},
    )
    assert error(mediator.post(f"{path}/consent")) == (
        403,
        {"detail": "Only a party or their advocate can do this for their side."},
    )
    assert error(mediator.post(f"{path}/end", {"outcome": "agreement"})) == (
        409,
        {"detail": "Only a process under way can end."},
    )
    assert error(party.post(f"{path}/move", {"kind": "arbitration"})) == (
        409,
        {"detail": "This process has not started: decline it or consent to it."},
    )
    assert error(party.post(f"/cases/{world.case.id}/processes", {"kind": "arbitration"})) == (
        409,
        {"detail": "Another process is already proposed: answer it first."},
    )
    assert snapshot(world.case) == before


def test_mediation_outcomes_follow_the_rules(world):
    process = active_mediation(world)
    path = f"/processes/{process.id}"
    mediator, party = api(world.mediator), api(world.party_a)
    before = snapshot(world.case)
    assert error(mediator.post(f"{path}/end", {"outcome": "award"})) == (
        403,
        {"detail": "Award is not a possible outcome of Mediation."},
    )
    assert error(party.post(f"{path}/end", {"outcome": "agreement"})) == (
        403,
        {"detail": "Your role cannot record this outcome."},
    )
    assert error(mediator.post(f"{path}/end", {"outcome": "withdrawn"})) == (
        403,
        {"detail": "This outcome is recorded only when a side leaves."},
    )
    assert error(party.post(f"{path}/confidentiality-acceptance")) == (
        409,
        {"detail": "You have already accepted these terms."},
    )
    assert error(mediator.post(f"{path}/end", {"outcome": "partial_agreement"})) == (
        409,
        {
            "detail": "A partial agreement is recorded only once every side has signed a text "
            "of what they agreed. Write it on the agreements page and have every party sign "
            "it first."
        },
    )
    assert snapshot(world.case) == before
    version = latest(draft(world.mediator, process))
    for party in (world.party_a, world.party_b):
        sign(party, version)
    ended = mediator.post(f"{path}/end", {"outcome": "partial_agreement"})
    assert (ended.json()["outcome"], ended.json()["binding"]) == ("partial_agreement", False)


def test_move_ends_at_impasse_and_proposes_the_next(world):
    negotiation = active_negotiation(world)
    response = api(world.party_a).post(
        f"/processes/{negotiation.id}/move",
        {"kind": "mediation", "format": "shuttle", "court_ordered": True,
         "court_reference": "ONSC 123"},
    )  # fmt: skip
    assert response.status_code == 201
    mediation = Process.objects.get(case=world.case, kind="mediation")
    body = response.json()
    assert (body["id"], body["kind"], body["format"], body["status"]) == (
        str(mediation.id),
        "mediation",
        "shuttle",
        "proposed",
    )
    assert (body["court_ordered"], body["follows_id"]) == (True, str(negotiation.id))
    assert mediation.court_reference == "ONSC 123"
    negotiation.refresh_from_db()
    assert (negotiation.status, negotiation.outcome) == ("ended", "impasse")


def test_a_refused_move_changes_nothing(world):
    negotiation = active_negotiation(world)
    before = snapshot(world.case)
    response = api(world.party_a).post(
        f"/processes/{negotiation.id}/move", {"kind": "mediation", "format": "record"}
    )
    assert error(response) == (
        400,
        {
            "detail": "Mediation takes one of these formats: Joint meetings, "
            "Shuttle only (separate rooms), Joint and shuttle.",
            "field": "format",
        },
    )
    # The impasse that `move` declares first is rolled back with the refused proposal.
    assert snapshot(world.case) == before


def test_as_role_picks_the_place_to_act_with(world):
    """A mediator who later also arbitrates (med-arb, with every side's consent)."""
    for party in (world.party_a, world.party_b):
        services.med_arb_consent_give(actor=party)
    arbitrator = join(world.mediator, world.case, Role.ARBITRATOR, user=world.mediator.user)
    person = api(world.mediator)
    places = person.get(f"/cases/{world.case.id}").json()["me"]
    assert [(p["role"], p["status"]) for p in places] == [
        ("mediator", "active"),
        ("arbitrator", "pending"),
    ]
    # As the mediator (the default, first place): already in effect.
    refused = person.post(f"/cases/{world.case.id}/appointment/take-effect")
    assert error(refused) == (409, {"detail": "This appointment is not pending."})
    declared = person.post(
        f"/cases/{world.case.id}/conflict-declaration",
        {"related_to": [], "financial_interest": False},
        as_role="arbitrator",
    )
    assert declared.json()["participant_id"] == str(arbitrator.id)
    assert declared.json()["appointment_status"] == "active"


# --- bad input: 4xx, never 500, nothing changed ---------------------------------------------

OPEN = {"title": "X", "kind": "family", "sides": ["A", "B"], "opener_role": "mediator"}


@pytest.mark.parametrize(
    ("route", "body", "status"),
    [
        ("open", {**OPEN, "kind": "divorce"}, 422),
        ("open", {**OPEN, "opener_role": "judge"}, 422),
        ("open", {**OPEN, "sides": "A, B"}, 422),
        ("open", {**OPEN, "sides": ["A", 2]}, 422),
        ("open", {**OPEN, "title": 12}, 422),
        ("open", {**OPEN, "title": None}, 422),
        ("open", {**OPEN, "title": "bad\x00title"}, 422),
        ("open", {**OPEN, "is_practice": "yes"}, 422),
        ("open", {**OPEN, "opener_sides": "A"}, 422),  # misspelt: refused, not ignored
        ("open", {k: v for k, v in OPEN.items() if k != "title"}, 422),
        ("open", ["not", "an", "object"], 422),
        ("open", "{broken json", 400),
        ("invite", {"email": "x@example.org", "role": "judge"}, 422),
        ("invite", {"email": "x@example.org", "role": "principal", "side_id": "side-1"}, 422),
        ("invite", {"email": ["x@example.org"], "role": "mediator"}, 422),
        ("declare", {"related_to": ["not-a-uuid"], "financial_interest": False}, 422),
        ("declare", {"related_to": [], "financial_interest": "no"}, 422),
        ("declare", {"financial_interest": False}, 422),
        ("propose", {"kind": "litigation"}, 422),
        ("propose", {"kind": "mediation", "format": "carrier-pigeon"}, 422),
        ("propose", {"kind": "mediation", "compulsory": 1}, 422),
        ("choose", {"confidential": "true"}, 422),
        ("choose", {}, 422),
        ("end", {"outcome": "victory"}, 422),
        ("move", {"kind": "mediation", "court_ordered": "sure"}, 422),
    ],
)
def test_unreadable_input_is_refused_before_anything_happens(world, route, body, status):
    process = propose_negotiation(world)
    path = {
        "open": "/cases",
        "invite": f"/cases/{world.case.id}/participants",
        "declare": f"/cases/{world.case.id}/conflict-declaration",
        "propose": f"/cases/{world.case.id}/processes",
        "choose": f"/processes/{process.id}/confidentiality-choice",
        "end": f"/processes/{process.id}/end",
        "move": f"/processes/{process.id}/move",
    }[route]
    person = api(world.mediator)
    before = snapshot(world.case)
    raw = body if isinstance(body, str) else json.dumps(body)
    response = person.client.post(
        API + path, raw, content_type="application/json", headers=person.headers
    )
    assert response.status_code == status
    assert response.json()["detail"]
    assert snapshot(world.case) == before


@pytest.mark.parametrize(
    "query",
    [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "ten"}],
)
def test_bad_paging_is_422(world, query):
    response = api(world.party_a).get("/cases", **query)
    assert response.status_code == 422


def test_an_unknown_as_role_is_422(world):
    before = snapshot(world.case)
    response = api(world.party_a).post(
        f"/cases/{world.case.id}/processes", {"kind": "mediation"}, as_role="judge"
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "as_role"]
    assert snapshot(world.case) == before


def test_schema_errors_name_the_field(world):
    response = api(world.mediator).post("/cases", {**OPEN, "kind": "divorce"})
    (problem,) = response.json()["detail"]
    assert (problem["type"], problem["loc"][-1]) == ("enum", "kind")
    assert "'family'" in problem["msg"]


# --- the documentation ----------------------------------------------------------------------

EXPECTED_OPERATIONS = {
    ("get", "/api/v1/cases", "case_list"),
    ("post", "/api/v1/cases", "case_open"),
    ("get", "/api/v1/cases/{case_id}", "case_detail"),
    ("post", "/api/v1/cases/{case_id}/sides", "side_add"),
    ("post", "/api/v1/cases/{case_id}/participants", "participant_invite"),
    (
        "post",
        "/api/v1/cases/{case_id}/participants/{participant_id}/remove",
        "participant_remove",
    ),
    ("post", "/api/v1/cases/{case_id}/conflict-declaration", "conflicts_declare"),
    ("post", "/api/v1/cases/{case_id}/appointment/take-effect", "appointment_take_effect"),
    ("post", "/api/v1/cases/{case_id}/med-arb-consent", "med_arb_consent_give"),
    ("post", "/api/v1/cases/{case_id}/processes", "process_propose"),
    ("get", "/api/v1/processes/{process_id}", "process_detail"),
    ("post", "/api/v1/processes/{process_id}/consent", "process_consent"),
    (
        "post",
        "/api/v1/processes/{process_id}/confidentiality-choice",
        "process_choose_confidentiality",
    ),
    (
        "post",
        "/api/v1/processes/{process_id}/confidentiality-acceptance",
        "process_accept_confidentiality",
    ),
    ("post", "/api/v1/processes/{process_id}/start", "process_start"),
    ("post", "/api/v1/processes/{process_id}/withdraw", "process_withdraw"),
    ("post", "/api/v1/processes/{process_id}/impasse", "process_declare_impasse"),
    ("post", "/api/v1/processes/{process_id}/end", "process_end"),
    ("post", "/api/v1/processes/{process_id}/move", "process_move"),
}


def test_openapi_lists_every_route_with_a_stable_id_and_summary(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    operations = {
        (method, path, op["operationId"])
        for path, methods in paths.items()
        for method, op in methods.items()
        if set(op["tags"]) & {"cases", "processes"}  # each app tests its own operations
    }
    assert operations == EXPECTED_OPERATIONS
    for methods in paths.values():
        for op in methods.values():
            assert op["summary"].endswith(".")
            assert op["security"]  # every route needs a token or a session
    withdraw = paths["/api/v1/processes/{process_id}/withdraw"]["post"]
    assert "requestBody" not in withdraw  # no reason is ever asked for
    invite = paths["/api/v1/cases/{case_id}/participants"]["post"]
    assert set(response.json()["components"]["schemas"]["ParticipantOut"]["properties"]) == {
        "id", "role", "side_id", "status", "name", "email"
    }  # fmt: skip
    assert "as_role" in {p["name"] for p in invite["parameters"]}


def test_docs_redirect_to_swagger_with_local_assets(client):
    redirect = client.get("/api/docs")
    assert (redirect.status_code, redirect["Location"]) == (302, "/api/v1/docs")
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in assets
    assert "/static/ninja/swagger-ui.css" in assets
    assert all(asset.startswith("/static/") for asset in assets)
    assert "cdn" not in html.lower()
    assert '"url": "/api/v1/openapi.json"' in html
    for asset in ("/static/ninja/swagger-ui-bundle.js", "/static/ninja/swagger-ui.css"):
        served = client.get(asset)
        assert served.status_code == 200
        b"".join(served.streaming_content)  # read it to the end (closes the file)


# --- query counts ---------------------------------------------------------------------------


def test_case_list_query_count_does_not_grow_with_cases(django_assert_max_num_queries):
    user = make_user()
    person = Api(user)
    for n in range(6):
        services.case_open(
            user=user,
            title=f"Case {n}",
            kind="family",
            sides=["A", "B", "C"],
            opener_role=Role.PRINCIPAL,
            opener_side="A",
        )
    # 2 for the token (read, last used), count, page, its sides, my places.
    with django_assert_max_num_queries(6):
        response = person.get("/cases")
    assert response.json()["count"] == 6


def test_case_detail_query_count_does_not_grow_with_people_or_processes(
    world, django_assert_max_num_queries
):
    for _ in range(4):
        join(world.mediator, world.case, Role.ADVOCATE, world.applicant)
        join(world.mediator, world.case, Role.SUPPORT, world.respondent)
    for _ in range(3):
        negotiation = active_negotiation(world)
        services.process_declare_impasse(actor=world.party_a, process=negotiation)
    proposed_mediation(world)
    person = api(world.mediator)
    # Token (2), access (2), the case, sides, my places, the people, the processes, and the
    # proposed one's start blockers (5, and 7 for its screening): the same for 3 people or
    # 30, 1 process or 10.
    with django_assert_max_num_queries(21):
        response = person.get(f"/cases/{world.case.id}")
    assert len(response.json()["participants"]) == 11
    assert len(response.json()["processes"]) == 4
