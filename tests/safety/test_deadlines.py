"""Response requests: asking, answering, withdrawing, reminders sent once by the command,
and missed dates recorded for the mediator only."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accord.accounts.services import api_token_create
from accord.audit.models import AuditEvent
from accord.cases import services as cases
from accord.core import clock
from accord.core.errors import Conflict, Forbidden, InvalidInput
from accord.rooms.models import Message
from accord.safety import services
from accord.safety.models import NonResponse, ReminderSent, ResponseRequest
from accord.safety.selectors import missed_requests, requests_seen_by
from tests.factories import make_user
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2030, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def at(monkeypatch):
    """A fixed clock that a test moves on."""
    now = {"t": T0}
    monkeypatch.setattr(clock, "now", lambda: now["t"])

    def move(delta):
        now["t"] = T0 + delta

    return move


@pytest.fixture
def m(at):
    return make_mediation(advocates=True)


def ask(m, who=None, room="joint", side=1, hours=48, key="ask1", topic="the holiday plan"):
    return services.request_ask(
        actor=who or m.world.principals[0],
        room=m.room(room),
        side=m.world.sides[side],
        topic=topic,
        due_at=T0 + dt.timedelta(hours=hours),
        client_key=key,
    )


def state():
    return (
        ResponseRequest.objects.count(),
        NonResponse.objects.count(),
        ReminderSent.objects.count(),
        Message.objects.count(),
        AuditEvent.objects.count(),
    )


def test_a_party_asks_the_other_side_once_per_form(m):
    request = ask(m)
    assert (request.status, request.asked_side, request.topic) == (
        "open",
        m.world.sides[1],
        "the holiday plan",
    )
    before = state()
    assert ask(m).id == request.id
    assert state() == before
    event = AuditEvent.objects.get(action="response_request.asked")
    assert "holiday" not in str(event.payload)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"topic": "   "}, "topic"),
        ({"topic": "x" * 201}, "topic"),
        ({"hours": 0}, "due_at"),
        ({"hours": 24 * 91}, "due_at"),
        ({"side": 0}, None),  # one's own side: Forbidden, below
    ],
)
def test_bad_requests_are_refused_and_change_nothing(m, change, field):
    before = state()
    error = InvalidInput if field else Forbidden
    with pytest.raises(error) as refused:
        ask(m, **change)
    if field:
        assert refused.value.field == field
    assert state() == before


def test_a_side_that_cannot_read_the_room_cannot_be_asked_there(m):
    before = state()
    with pytest.raises(InvalidInput) as refused:  # the Applicant's private session
        ask(m, room="caucus:0")
    assert refused.value.field == "side_id"
    assert state() == before


def test_the_mediator_may_ask_a_side_in_its_private_session(m):
    request = ask(m, who=m.world.mediator, room="caucus:1")
    assert request.asked_side == m.world.sides[1]


def test_the_asked_side_answers_in_the_room_and_it_closes(m):
    request = ask(m)
    b, lawyer_a = m.world.principals[1], m.world.advocates[0]
    before = state()
    with pytest.raises(Forbidden):
        services.request_answer(actor=lawyer_a, request=request, body="no", client_key="x1")
    assert state() == before
    done = services.request_answer(
        actor=m.world.advocates[1], request=request, body="We agree.", client_key="ans1"
    )
    assert done.status == "answered" and done.answer.body == "We agree."
    assert done.answer.room == m.room("joint")
    again = services.request_answer(
        actor=m.world.advocates[1], request=request, body="We agree.", client_key="ans1"
    )
    assert again.id == done.id
    with pytest.raises(Conflict):
        services.request_answer(actor=b, request=request, body="Also", client_key="ans2")
    assert Message.objects.filter(body="We agree.").count() == 1


def test_only_the_asker_withdraws(m):
    request = ask(m)
    before = state()
    with pytest.raises(Forbidden):
        services.request_withdraw(actor=m.world.principals[1], request=request)
    assert state() == before
    services.request_withdraw(actor=m.world.principals[0], request=request)
    request.refresh_from_db()
    assert request.status == "withdrawn"


def test_reminders_are_sent_once_and_missed_dates_reach_the_mediator_only(m, at):
    request = ask(m, hours=30)
    call_command("safety", "remind")
    assert len(mail.outbox) == 0  # not within a day yet
    at(dt.timedelta(hours=8))
    call_command("safety", "remind")
    asked = {m.world.principals[1].user.email, m.world.advocates[1].user.email}
    assert {msg.to[0] for msg in mail.outbox} == asked
    assert all("holiday" not in msg.body for msg in mail.outbox)
    call_command("safety", "remind")  # a second run sends nothing again
    assert len(mail.outbox) == 2

    at(dt.timedelta(hours=31))
    mail.outbox.clear()
    result = services.reminders_send()
    assert (result.reminded, result.missed, result.told) == (0, 1, 1)
    assert [msg.to[0] for msg in mail.outbox] == [m.world.mediator.user.email]
    assert services.reminders_send() == services.RemindersResult(0, 0, 0)
    assert len(mail.outbox) == 1

    # The asking side still sees only "no response yet"; the mediator sees the record.
    a, b, mediator = m.world.principals[0], m.world.principals[1], m.world.mediator
    assert [r.get_status_display() for r in requests_seen_by(viewer=a, process=m.process)] == [
        "No response yet"
    ]
    assert missed_requests(viewer=a, process=m.process) == []
    assert missed_requests(viewer=b, process=m.process) == []
    assert [r.request_id for r in missed_requests(viewer=mediator, process=m.process)] == [
        request.id
    ]
    services.request_answer(actor=b, request=request, body="Sorry, yes.", client_key="late")
    record = NonResponse.objects.get()
    assert record.answered_late_at is not None


# --- over HTTP -------------------------------------------------------------------------------


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def api_for(user):
    _token, key = api_token_create(user=user, name="t")
    return Client(headers={"Authorization": f"Bearer {key}"})


def test_strangers_get_the_same_404_on_every_deadline_route(m):
    request = ask(m)
    stranger = client_for(make_user())
    for name, kwargs in [
        ("safety:deadlines", {"process_id": m.process.id}),
        ("safety:deadline_answer", {"deadline_id": request.id}),
        ("safety:deadline_withdraw", {"deadline_id": request.id}),
    ]:
        real = stranger.post(reverse(name, kwargs=kwargs))
        key = next(iter(kwargs))
        fake = stranger.post(reverse(name, kwargs={key: uuid.uuid4()}))
        assert real.status_code == fake.status_code == 404
        assert real.content == fake.content
    api = api_for(make_user())
    for path in (
        f"/api/v1/processes/{m.process.id}/deadlines",
        f"/api/v1/deadlines/{request.id}/withdraw",
    ):
        response = api.post(path, {}, content_type="application/json")
        assert response.status_code in (404, 422)
    assert api.get(f"/api/v1/processes/{m.process.id}/deadlines").json() == {"detail": "Not found."}
    assert ResponseRequest.objects.get().status == "open"


def test_the_page_shows_missed_dates_to_the_mediator_only(m, at):
    ask(m, hours=2, topic="the school")
    at(dt.timedelta(hours=3))
    services.reminders_send()
    mediator_page = client_for(m.world.mediator.user).get(
        reverse("safety:deadlines", kwargs={"process_id": m.process.id})
    )
    assert "did not respond by" in mediator_page.content.decode()
    for person in (m.world.principals[0], m.world.principals[1], m.world.advocates[0]):
        page = client_for(person.user).get(
            reverse("safety:deadlines", kwargs={"process_id": m.process.id})
        )
        html = page.content.decode()
        assert page.status_code == 200
        assert "the school" in html and "No response yet" in html
        assert "did not respond" not in html and "Missed" not in html
    api = api_for(m.world.principals[0].user).get(f"/api/v1/processes/{m.process.id}/deadlines")
    assert api.json()["missed"] is None
    api = api_for(m.world.mediator.user).get(f"/api/v1/processes/{m.process.id}/deadlines")
    assert len(api.json()["missed"]) == 1


def test_a_bad_form_keeps_what_was_typed(m):
    client = client_for(m.world.principals[0].user)
    url = reverse("safety:deadlines", kwargs={"process_id": m.process.id})
    response = client.post(
        url,
        {
            "room": str(m.room("joint").id),
            "side": str(m.world.sides[1].id),
            "topic": "my typed words",
            "due_at": "2030-03-01T09:10",  # ten minutes away: too soon
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "my typed words" in html and "at least an hour from now" in html
    assert 'id="id_due_at_error"' in html
    assert ResponseRequest.objects.count() == 0
    ok = client.post(
        url,
        {
            "room": str(m.room("joint").id),
            "side": str(m.world.sides[1].id),
            "topic": "my typed words",
            "due_at": "2030-03-03T09:00",
        },
    )
    assert ok.status_code == 302
    assert ResponseRequest.objects.count() == 1


@pytest.mark.parametrize("leaver", ["asked", "asker"])
def test_a_side_that_left_is_never_reminded_nor_recorded_as_not_answering(at, leaver):
    """Leaving is free of consequence: no reminder to a side that left, no non-response
    record against it, and no one pressed to answer a side that is gone."""
    m = make_mediation(sides=3)
    w = m.world
    request = ask(m, hours=48)  # A asks side B
    gone = w.principals[1] if leaver == "asked" else w.principals[0]
    cases.process_withdraw(actor=gone, process=m.process)
    mail.outbox.clear()
    at(dt.timedelta(hours=30))  # within the reminder window
    assert services.reminders_send() == services.RemindersResult(reminded=0, missed=0, told=0)
    at(dt.timedelta(hours=49))  # past the date
    assert services.reminders_send() == services.RemindersResult(reminded=0, missed=0, told=0)
    assert not NonResponse.objects.filter(request=request).exists()
    assert mail.outbox == []
