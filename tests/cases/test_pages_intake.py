"""Intake pages: opening a case, sides, invitations, appointing neutrals, conflict
declarations, taking up an appointment, med-arb consent, removing someone."""

from __future__ import annotations

import html
import re
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from accord.audit.models import AuditEvent
from accord.cases import services
from accord.cases.models import Case, ConflictDeclaration, MedArbConsent, Participant, Side
from accord.cases.vocabulary import ParticipantStatus, Role
from tests.cases.factories import join, make_world, with_two_factor
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def key():
    return uuid.uuid4().hex


def as_user(client, who):
    client.force_login(getattr(who, "user", who))
    return client


def url(name, **kwargs):
    return reverse(f"cases:{name}", kwargs=kwargs)


def field_error(response, field):
    """The error text shown next to one field (Django links it with aria-describedby)."""
    body = response.content.decode()
    match = re.search(rf'<div id="id_{field}_error">(.*?)</div>', body, re.S)
    assert match, f"no error next to {field}"
    assert 'aria-invalid="true"' in body
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)).strip())


def audit_count(case):
    return AuditEvent.objects.filter(case_id=case.id).count()


# --- opening a case ------------------------------------------------------------------------

OPEN = {
    "title": "Holiday schedule",
    "kind": "family",
    "sides": "Applicant\nRespondent\n",
    "opener_role": "principal",
    "opener_side": "Applicant",
    "jurisdiction": "",
}


def test_a_party_opens_a_case_and_goes_on_to_invite(client):
    user = make_user()
    as_user(client, user)
    page = client.get(url("open"))
    assert page.status_code == 200
    response = client.post(url("open"), {**OPEN, "submission": key()})
    case = Case.objects.get()
    assert response["Location"] == url("people", case_id=case.id)
    assert [s.label for s in case.sides.all()] == ["Applicant", "Respondent"]
    me = case.participants.get()
    assert (me.user, me.role, me.side.label) == (user, "principal", "Applicant")
    assert me.status == "active"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"title": "  "}, "title", "This field is required."),
        ({"sides": "Only one"}, "sides", "A dispute has at least two sides."),
        ({"sides": "Us\nus"}, "sides", "Each side needs a different name."),
        ({"opener_side": "Nobody"}, "opener_side", "Say which side you are on."),
        ({"opener_role": "observer"}, "opener_role", None),
        ({"kind": ""}, "kind", "This field is required."),
    ],
)
def test_opening_a_case_explains_bad_input_next_to_the_field(client, change, field, message):
    as_user(client, make_user())
    response = client.post(url("open"), {**OPEN, **change})
    assert response.status_code == 200
    shown = field_error(response, field)
    if message:
        assert shown == message
    assert not Case.objects.exists()
    # What the person typed is still there.
    assert "Holiday schedule" in response.content.decode() or change.get("title")


def test_opening_a_case_twice_by_double_click_opens_one(client):
    as_user(client, make_user())
    submission = key()
    first = client.post(url("open"), {**OPEN, "submission": submission})
    second = client.post(url("open"), {**OPEN, "submission": submission})
    assert Case.objects.count() == 1
    assert first["Location"] == second["Location"]
    page = client.get(second["Location"]).content.decode()
    assert "That was already sent, and it was done once." in page


def test_a_mediator_opening_a_case_declares_conflicts_first(client):
    as_user(client, make_user())
    response = client.post(
        url("open"), {**OPEN, "opener_role": "mediator", "opener_side": "", "submission": key()}
    )
    case = Case.objects.get()
    assert response["Location"] == url("conflicts", case_id=case.id)
    assert case.participants.get().status == ParticipantStatus.PENDING
    # Not in effect yet: inviting is refused, with the reason.
    refused = client.get(url("people", case_id=case.id))
    assert refused.status_code == 403
    assert b"Your place in this case is not in effect yet." in refused.content


# --- people, sides, invitations ------------------------------------------------------------


@pytest.fixture
def world():
    return make_world()


def test_the_manager_sees_every_intake_form(client, world):
    page = as_user(client, world.mediator).get(url("people", case_id=world.case.id))
    body = page.content.decode()
    for action in ("invite", "appoint", "side_add"):
        assert url(action, case_id=world.case.id) in body
    assert world.principals[0].user.email in body


def test_a_party_may_only_bring_their_own_advocate_or_support_person(client, world):
    a = world.principals[0]
    body = as_user(client, a).get(url("people", case_id=world.case.id)).content.decode()
    assert url("invite", case_id=world.case.id) in body
    assert url("appoint", case_id=world.case.id) not in body
    assert url("side_add", case_id=world.case.id) not in body
    assert 'value="advocate"' in body and 'value="support"' in body
    assert 'value="principal"' not in body
    assert world.sides[1].label not in re.search(r'<select name="side".*?</select>', body, re.S)[0]
    assert world.principals[1].user.email not in body


def test_a_party_inviting_their_advocate_sends_the_link_by_email(
    client, world, django_capture_on_commit_callbacks
):
    a = world.principals[0]
    as_user(client, a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("invite", case_id=world.case.id),
            {"email": "Lawyer@Example.org", "role": "advocate", "side": str(a.side_id)},
        )
    assert response["Location"] == url("people", case_id=world.case.id)
    invited = Participant.objects.get(email="lawyer@example.org")
    assert (invited.role, invited.side_id, invited.status) == ("advocate", a.side_id, "invited")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lawyer@example.org"]
    assert re.search(r"http://\S+/link/\S+/", mail.outbox[0].body)


def test_a_party_cannot_invite_for_another_side_or_another_role(client, world):
    a = world.principals[0]
    as_user(client, a)
    before = Participant.objects.count()
    other_side = client.post(
        url("invite", case_id=world.case.id),
        {"email": "x@example.org", "role": "advocate", "side": str(world.sides[1].id)},
    )
    assert "Select a valid choice" in field_error(other_side, "side")
    as_party = client.post(
        url("invite", case_id=world.case.id),
        {"email": "x@example.org", "role": "principal", "side": str(a.side_id)},
    )
    assert "Select a valid choice" in field_error(as_party, "role")
    assert Participant.objects.count() == before
    assert mail.outbox == []


def test_an_expert_is_refused_the_people_page_and_changes_nothing(client, world):
    from tests.cases.factories import appoint

    expert = appoint(world.mediator, world.case, Role.EXPERT)
    as_user(client, expert)
    page = client.get(url("people", case_id=world.case.id))
    assert page.status_code == 403
    assert b"Only the case&#x27;s mediator or coordinator can do this." in page.content
    before = (Participant.objects.count(), Side.objects.count(), audit_count(world.case))
    invite = client.post(
        url("invite", case_id=world.case.id), {"email": "y@example.org", "role": "principal"}
    )
    side = client.post(url("side_add", case_id=world.case.id), {"label": "Grandparents"})
    assert invite.status_code == side.status_code == 403
    assert (Participant.objects.count(), Side.objects.count(), audit_count(world.case)) == before


def test_invitation_errors_are_shown_next_to_their_fields(client, world):
    as_user(client, world.mediator)
    invite = url("invite", case_id=world.case.id)
    side = str(world.sides[0].id)
    bad_email = client.post(invite, {"email": "nope", "role": "principal", "side": side})
    assert field_error(bad_email, "email") == "Enter a valid email address."
    no_side = client.post(invite, {"email": "p@example.org", "role": "principal", "side": ""})
    assert field_error(no_side, "side") == "Say which side this person is on."
    existing = world.principals[0].user.email
    twice = client.post(invite, {"email": existing, "role": "principal", "side": side})
    assert twice.status_code == 409
    assert field_error(twice, "email") == "This person already has this role in the case."
    assert "p@example.org" in no_side.content.decode()  # what was typed is kept
    assert not Participant.objects.filter(email="p@example.org").exists()


def test_a_double_submitted_invitation_invites_once(
    client, world, django_capture_on_commit_callbacks
):
    as_user(client, world.mediator)
    data = {
        "email": "once@example.org",
        "role": "support",
        "side": str(world.sides[1].id),
        "submission": key(),
    }
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url("invite", case_id=world.case.id), data)
        second = client.post(url("invite", case_id=world.case.id), data)
    assert first.status_code == second.status_code == 302
    assert Participant.objects.filter(email="once@example.org").count() == 1
    assert len(mail.outbox) == 1


def test_appointing_a_neutral_invites_them_to_declare_and_take_it_up(
    client, world, django_capture_on_commit_callbacks
):
    as_user(client, world.mediator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("appoint", case_id=world.case.id), {"email": "arb@example.org", "role": "expert"}
        )
    assert response.status_code == 302
    neutral = Participant.objects.get(email="arb@example.org")
    assert (neutral.role, neutral.side_id, neutral.status) == ("expert", None, "invited")
    assert "Neutral expert" in mail.outbox[0].body


def test_observers_only_in_training_cases(client, world):
    as_user(client, world.mediator)
    body = client.get(url("people", case_id=world.case.id)).content.decode()
    assert 'value="observer"' not in body
    practice = make_world(practice=True)
    as_user(client, practice.mediator)
    body = client.get(url("people", case_id=practice.case.id)).content.decode()
    assert 'value="observer"' in body


def test_adding_a_side(client, world):
    as_user(client, world.mediator)
    added = client.post(url("side_add", case_id=world.case.id), {"label": " Grandparents "})
    assert added.status_code == 302
    assert world.case.sides.filter(label="Grandparents").exists()
    again = client.post(url("side_add", case_id=world.case.id), {"label": "grandparents"})
    assert again.status_code == 409
    assert field_error(again, "label") == "This case already has a side with that name."
    assert world.case.sides.count() == 3


def test_removing_someone_asks_first_and_happens_once(client, world):
    helper = join(world.mediator, world.case, Role.SUPPORT, world.sides[0])
    as_user(client, world.mediator)
    remove = url("remove", case_id=world.case.id, participant_id=helper.id)
    confirm = client.get(remove)
    assert confirm.status_code == 200
    assert f"Remove {helper.user.display_name}" in confirm.content.decode()
    helper.refresh_from_db()
    assert helper.status == "active"  # showing the question changed nothing
    submission = key()
    first = client.post(remove, {"submission": submission})
    second = client.post(remove, {"submission": submission})
    assert first["Location"] == second["Location"] == url("people", case_id=world.case.id)
    helper.refresh_from_db()
    assert helper.status == "removed"
    assert AuditEvent.objects.filter(action="participant.removed").count() == 1
    # Without the key, a second removal is refused by the state check, with the reason.
    late = client.post(remove)
    assert late.status_code == 409
    assert b"This person is no longer in the case." in late.content


def test_a_party_cannot_remove_anyone(client, world):
    a, b = world.principals
    as_user(client, a)
    response = client.post(url("remove", case_id=world.case.id, participant_id=b.id))
    assert response.status_code == 403
    b.refresh_from_db()
    assert b.status == "active"


def test_a_participant_of_another_case_is_not_found_here(client, world):
    other = make_world()
    as_user(client, world.mediator)
    response = client.get(
        url("remove", case_id=world.case.id, participant_id=other.principals[0].id)
    )
    assert response.status_code == 404


def test_a_stranger_cannot_invite_into_a_case(client, world):
    as_user(client, make_user())
    response = client.post(
        url("invite", case_id=world.case.id),
        {"email": "z@example.org", "role": "principal", "side": str(world.sides[0].id)},
    )
    assert response.status_code == 404
    assert not Participant.objects.filter(email="z@example.org").exists()


# --- a neutral's appointment ---------------------------------------------------------------


def _pending_neutral(world, role=Role.MEDIATOR, user=None):
    return join(world.mediator, world.case, role, user=user or make_user())


def test_a_neutral_declares_no_conflict_then_turns_on_two_factor(client, world):
    neutral = _pending_neutral(world)
    as_user(client, neutral)
    page = client.get(url("conflicts", case_id=world.case.id)).content.decode()
    assert world.principals[0].user.display_name in page
    assert world.principals[0].user.email not in page  # names, never addresses
    response = client.post(
        url("conflicts", case_id=world.case.id), {"financial_interest": "no", "details": ""}
    )
    assert response["Location"] == url("take_effect", case_id=world.case.id)
    appointment = client.get(response["Location"]).content.decode()
    assert "Turn on two-factor authentication: a neutral" in appointment
    assert "Take up the appointment" not in appointment
    # Taking it up now is refused with the reason, and nothing changes.
    refused = client.post(url("take_effect", case_id=world.case.id))
    assert refused.status_code == 403
    neutral.refresh_from_db()
    assert neutral.status == ParticipantStatus.PENDING

    with_two_factor(neutral.user)
    ready = client.get(url("take_effect", case_id=world.case.id)).content.decode()
    assert "Take up the appointment" in ready
    done = client.post(url("take_effect", case_id=world.case.id), {"submission": key()})
    assert done["Location"] == url("case", case_id=world.case.id)
    neutral.refresh_from_db()
    assert neutral.status == ParticipantStatus.ACTIVE


def test_a_neutral_must_answer_the_financial_interest_question(client, world):
    neutral = _pending_neutral(world)
    as_user(client, neutral)
    response = client.post(url("conflicts", case_id=world.case.id), {"details": "I see"})
    assert field_error(response, "financial_interest") == "This field is required."
    assert "I see" in response.content.decode()
    assert not ConflictDeclaration.objects.filter(participant=neutral).exists()


def test_a_declared_conflict_ends_the_appointment(client, world):
    neutral = _pending_neutral(world)
    as_user(client, neutral)
    response = client.post(
        url("conflicts", case_id=world.case.id),
        {"related_to": [str(world.principals[1].id)], "financial_interest": "no"},
    )
    assert response["Location"] == reverse("home")
    neutral.refresh_from_db()
    assert neutral.status == ParticipantStatus.DECLINED
    assert "this appointment ends here" in client.get("/").content.decode()
    assert client.get(url("case", case_id=world.case.id)).status_code == 404


def test_a_double_submitted_declaration_is_recorded_once(client, world):
    neutral = _pending_neutral(world, user=with_two_factor(make_user()))
    as_user(client, neutral)
    data = {"financial_interest": "no", "submission": key()}
    client.post(url("conflicts", case_id=world.case.id), data)
    client.post(url("conflicts", case_id=world.case.id), data)
    assert ConflictDeclaration.objects.filter(participant=neutral).count() == 1
    neutral.refresh_from_db()
    assert neutral.status == ParticipantStatus.ACTIVE


def test_only_a_neutral_declares_conflicts(client, world):
    as_user(client, world.principals[0])
    response = client.post(url("conflicts", case_id=world.case.id), {"financial_interest": "no"})
    assert response.status_code == 403
    assert b"Only a neutral declares conflicts of interest." in response.content
    assert not ConflictDeclaration.objects.filter(participant=world.principals[0]).exists()


# --- med-arb -------------------------------------------------------------------------------


def test_med_arb_consent_is_an_explicit_statement(client, world):
    a = world.principals[0]
    as_user(client, a)
    page = client.get(url("med_arb", case_id=world.case.id)).content.decode()
    assert "the main risk of med-arb" in page
    assert "checked" not in page  # never pre-ticked
    unticked = client.post(url("med_arb", case_id=world.case.id), {})
    assert "Tick the box" in field_error(unticked, "acknowledge")
    assert not MedArbConsent.objects.exists()
    ticked = client.post(url("med_arb", case_id=world.case.id), {"acknowledge": "on"})
    assert ticked["Location"] == url("case", case_id=world.case.id)
    assert MedArbConsent.objects.get().side_id == a.side_id
    again = client.get(url("med_arb", case_id=world.case.id)).content.decode()
    assert "Your side has already consented to med-arb." in again


def test_only_a_party_consents_to_med_arb(client, world):
    as_user(client, world.mediator)
    response = client.post(url("med_arb", case_id=world.case.id), {"acknowledge": "on"})
    assert response.status_code == 403
    assert not MedArbConsent.objects.exists()


def test_a_neutral_who_mediated_waits_for_med_arb_consent(client, world):
    arbitrator = _pending_neutral(world, Role.ARBITRATOR, user=world.mediator.user)
    services.neutral_declare_conflicts(actor=arbitrator, related_to=[], financial_interest=False)
    as_user(client, world.mediator)
    page = client.get(url("take_effect", case_id=world.case.id)).content.decode()
    assert "Every side consents to med-arb" in page
    assert "Applicant, Respondent" in page
    assert "Take up the appointment" not in page
