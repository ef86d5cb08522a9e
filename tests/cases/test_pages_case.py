"""The dashboard and the case page: what each role sees, and what nobody sees who must not."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accord.cases import services
from accord.cases.vocabulary import Role
from accord.rooms import services as rooms
from accord.rooms.services import Upload
from tests.agreements.factories import draft, latest, sign
from tests.cases.factories import join, make_world
from tests.factories import make_user
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def as_user(client, participant_or_user):
    user = getattr(participant_or_user, "user", participant_or_user)
    client.force_login(user)
    return client


def case_page(client, case):
    return client.get(reverse("cases:case", kwargs={"case_id": case.id}))


def room_url(room):
    return reverse("rooms:room", kwargs={"room_id": room.id})


# --- the dashboard -------------------------------------------------------------------------


def test_the_dashboard_needs_a_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_someone_new_sees_how_to_begin(client):
    as_user(client, make_user(name="Nia New"))
    page = client.get("/").content.decode()
    assert "Welcome, Nia New" in page
    assert "You are not in any case yet." in page
    assert reverse("cases:open") in page
    assert reverse("cases:guide") in page


def test_the_dashboard_lists_my_cases_with_what_waits_on_me(client):
    world = make_world()
    a, b = world.principals
    process = services.process_propose(actor=a, case=world.case, kind="mediation")
    other = make_world()  # a case b is not in
    as_user(client, b)
    page = client.get("/").content.decode()
    assert world.case.title in page
    assert reverse("cases:case", kwargs={"case_id": world.case.id}) in page
    assert reverse("cases:case", kwargs={"case_id": other.case.id}) not in page
    assert "3 things are waiting on you." in page
    assert "Say whether your side agrees to Mediation" in page
    assert reverse("safety:screening", kwargs={"process_id": process.id}) in page
    assert reverse("cases:consent", kwargs={"process_id": process.id}) in page
    assert reverse("cases:accept_terms", kwargs={"process_id": process.id}) in page
    assert "Mediation: proposed" in page


def test_a_pending_neutral_is_sent_to_the_conflict_declaration(client):
    world = make_world()
    user = make_user()
    join(world.mediator, world.case, Role.MEDIATOR, user=user)
    as_user(client, user)
    page = client.get("/").content.decode()
    assert "appointment not in effect yet" in page
    assert reverse("cases:conflicts", kwargs={"case_id": world.case.id}) in page
    assert "Mediators and arbitrators need two-factor sign-in." in page


def test_the_dashboard_stays_within_its_query_budget(client, django_assert_max_num_queries):
    user = make_user()
    for _ in range(4):
        world = make_world()
        join(world.mediator, world.case, Role.ADVOCATE, world.sides[1], user=user)
        services.process_propose(actor=world.principals[0], case=world.case, kind="mediation")
    as_user(client, user)
    with django_assert_max_num_queries(16):
        response = client.get("/")
    assert response.content.decode().count("Say whether your side agrees") == 4


# --- the case page: processes and rooms ----------------------------------------------------


def test_a_party_sees_the_timeline_and_only_their_own_rooms(client):
    m = make_mediation()
    a = m.world.principals[0]
    page = case_page(as_user(client, a), m.world.case).content.decode()
    assert "Timeline" in page
    assert "Under way" in page
    assert reverse("cases:process", kwargs={"process_id": m.process.id}) in page
    for mine in ("joint", "caucus:0", "side:0"):
        assert room_url(m.room(mine)) in page, mine
    for theirs in ("caucus:1", "side:1", "neutrals"):
        assert room_url(m.room(theirs)) not in page, theirs
    assert reverse("rooms:leave", kwargs={"process_id": m.process.id}) in page
    assert reverse("rooms:shuttle", kwargs={"process_id": m.process.id}) not in page


def test_the_mediator_sees_every_private_session_and_the_shuttle_view(client):
    m = make_mediation()
    page = case_page(as_user(client, m.world.mediator), m.world.case).content.decode()
    for seen in ("joint", "caucus:0", "caucus:1", "neutrals"):
        assert room_url(m.room(seen)) in page, seen
    for unseen in ("side:0", "side:1"):  # a side's own room is never a neutral's
        assert room_url(m.room(unseen)) not in page, unseen
    assert reverse("rooms:shuttle", kwargs={"process_id": m.process.id}) in page
    assert reverse("rooms:leave", kwargs={"process_id": m.process.id}) not in page


def test_an_ended_process_shows_its_outcome(client):
    m = make_mediation()
    version = latest(draft(m.world.mediator, m.process))
    for party in m.world.principals:
        sign(party, version)
    services.process_end(actor=m.world.mediator, process=m.process, outcome="agreement")
    page = case_page(as_user(client, m.world.principals[1]), m.world.case).content.decode()
    assert "Outcome:" in page
    assert "Agreement" in page
    assert reverse("rooms:leave", kwargs={"process_id": m.process.id}) not in page


def test_a_withdrawal_shows_only_that_the_mediation_ended(client):
    m = make_mediation()
    a, b = m.world.principals
    services.process_withdraw(actor=b, process=m.process)
    page = case_page(as_user(client, a), m.world.case).content.decode()
    assert "Ended by withdrawal" in page
    assert m.world.sides[1].label in page  # the side is still listed among the people
    assert "withdrew" not in page.lower()


# --- the case page: people -----------------------------------------------------------------


def test_email_addresses_and_open_invitations_only_for_managers(client):
    world = make_world()
    a, b = world.principals
    services.participant_invite(
        actor=world.mediator,
        case=world.case,
        email="not-yet@example.org",
        role=Role.ADVOCATE,
        side=world.sides[0],
    )
    party_page = case_page(as_user(client, a), world.case).content.decode()
    assert b.user.display_name in party_page
    assert world.mediator.user.display_name in party_page
    assert a.user.email in party_page  # one's own address
    assert b.user.email not in party_page
    assert "not-yet@example.org" not in party_page

    mediator_page = case_page(as_user(client, world.mediator), world.case).content.decode()
    assert b.user.email in mediator_page
    assert "not-yet@example.org" in mediator_page
    assert "Invited" in mediator_page
    assert reverse("cases:people", kwargs={"case_id": world.case.id}) in mediator_page


def test_removed_people_are_not_listed(client):
    world = make_world()
    helper = join(world.mediator, world.case, Role.SUPPORT, world.sides[0])
    services.participant_remove(actor=world.mediator, participant=helper)
    page = case_page(as_user(client, world.principals[1]), world.case).content.decode()
    assert helper.user.display_name not in page


# --- the case page: documents --------------------------------------------------------------


def test_documents_follow_the_rooms_each_person_may_see(client):
    m = make_mediation()
    a, b = m.world.principals
    rooms.message_post(
        actor=a,
        room=m.room("caucus:0"),
        body="for the mediator only",
        client_key="c1",
        uploads=[Upload("private-budget.pdf", PDF)],
    )
    joint = rooms.message_post(
        actor=b,
        room=m.room("joint"),
        body="for everyone",
        client_key="j1",
        uploads=[Upload("schedule.pdf", PDF)],
    )
    shared = joint.attachments.get()

    a_page = case_page(as_user(client, a), m.world.case).content.decode()
    assert "private-budget.pdf" in a_page and "schedule.pdf" in a_page
    assert reverse("api:download_attachment", kwargs={"attachment_id": shared.id}) in a_page

    b_page = case_page(as_user(client, b), m.world.case).content.decode()
    assert "schedule.pdf" in b_page
    assert "private-budget.pdf" not in b_page

    mediator_page = case_page(as_user(client, m.world.mediator), m.world.case).content.decode()
    assert "private-budget.pdf" in mediator_page and "schedule.pdf" in mediator_page


def test_the_case_page_only_shows(client):
    m = make_mediation()
    as_user(client, m.world.principals[0])
    url = reverse("cases:case", kwargs={"case_id": m.world.case.id})
    assert client.post(url).status_code == 405


def test_the_case_page_stays_within_its_query_budget(client, django_assert_max_num_queries):
    m = make_mediation(advocates=True)
    for n in range(5):
        rooms.message_post(
            actor=m.world.principals[0],
            room=m.room("joint"),
            body=f"file {n}",
            client_key=f"f{n}",
            uploads=[Upload(f"f{n}.pdf", PDF)],
        )
    as_user(client, m.world.mediator)
    with django_assert_max_num_queries(60):
        response = case_page(client, m.world.case)
    assert response.content.decode().count(".pdf</a>") == 5
