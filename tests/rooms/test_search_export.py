"""Search and export are read paths like the pages, the API and the socket: they answer from
the same rule, so a private session's words never reach the other side through them."""

from __future__ import annotations

import pytest
from django.test import Client

from accord.audit.models import AuditEvent
from accord.cases.vocabulary import Role
from accord.core.errors import InvalidInput
from accord.rooms import services
from accord.rooms.search import case_record, search_messages
from tests.cases.factories import appoint
from tests.factories import make_user
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db


@pytest.fixture
def m():
    m = make_mediation()
    a, b = m.world.principals
    services.message_post(actor=a, room=m.room("joint"), body="Pickup schedule", client_key="j")
    services.message_post(
        actor=a, room=m.room("caucus:0"), body="Our bottom line schedule: 4000", client_key="c"
    )
    services.message_post(actor=b, room=m.room("caucus:1"), body="Schedule worries", client_key="d")
    return m


def words(hits) -> list[str]:
    return sorted(message.body for _room, message in hits)


def test_each_person_finds_only_what_they_may_read(m):
    a, b = m.world.principals
    found = {
        "a": words(search_messages(user=a.user, process=m.process, query="schedule")),
        "b": words(search_messages(user=b.user, process=m.process, query="SCHEDULE")),
        "mediator": words(
            search_messages(user=m.world.mediator.user, process=m.process, query="schedule")
        ),
    }
    assert found == {
        "a": ["Our bottom line schedule: 4000", "Pickup schedule"],
        "b": ["Pickup schedule", "Schedule worries"],
        "mediator": ["Our bottom line schedule: 4000", "Pickup schedule", "Schedule worries"],
    }
    # Every word must match: b cannot probe a's private words by combining terms.
    assert search_messages(user=b.user, process=m.process, query="bottom line") == []


@pytest.mark.parametrize("query", ["", " ", "a", "x" * 201])
def test_a_search_needs_a_sensible_query(m, query):
    with pytest.raises(InvalidInput) as refused:
        search_messages(user=m.world.principals[0].user, process=m.process, query=query)
    assert refused.value.field == "q"


def test_the_export_holds_what_the_person_may_read_and_is_recorded(m):
    b = m.world.principals[1]
    _case, records = case_record(user=b.user, case_id=m.world.case.id)
    exported = {
        (record.room.kind, record.room.side_id): [x.body for x in record.messages]
        for record in records
    }
    assert exported == {
        ("joint", None): ["Pickup schedule"],
        ("caucus", m.world.sides[1].id): ["Schedule worries"],
        ("side", m.world.sides[1].id): [],
    }
    client = Client()
    client.force_login(b.user)
    response = client.get(f"/api/v1/cases/{m.world.case.id}/export")
    assert response.status_code == 200
    assert "bottom line" not in response.content.decode()
    event = AuditEvent.objects.get(action="case.exported")
    assert event.payload == {"rooms": 3, "messages": 2}
    assert event.actor_id == b.user.id


def test_an_arbitrator_in_the_case_exports_nothing_of_the_mediation(m):
    arbitrator = appoint(m.world.mediator, m.world.case, Role.ARBITRATOR)
    _case, records = case_record(user=arbitrator.user, case_id=m.world.case.id)
    assert records == []
    assert search_messages(user=arbitrator.user, process=m.process, query="schedule") == []


def test_strangers_get_the_same_404_as_for_nothing(m):
    client = Client()
    client.force_login(make_user())
    export = client.get(f"/api/v1/cases/{m.world.case.id}/export")
    missing = client.get("/api/v1/cases/00000000-0000-4000-8000-000000000000/export")
    found = client.get(f"/api/v1/processes/{m.process.id}/search", {"q": "schedule"})
    assert (export.status_code, export.content) == (missing.status_code, missing.content)
    assert (found.status_code, found.json()) == (404, {"detail": "Not found."})
    assert not AuditEvent.objects.filter(action="case.exported").exists()


def test_the_api_search_answers_in_the_messages_shape(m):
    b = m.world.principals[1]
    client = Client()
    client.force_login(b.user)
    response = client.get(f"/api/v1/processes/{m.process.id}/search", {"q": "schedule"})
    assert response.status_code == 200
    assert sorted(hit["message"]["body"] for hit in response.json()) == [
        "Pickup schedule",
        "Schedule worries",
    ]
    short = client.get(f"/api/v1/processes/{m.process.id}/search", {"q": "s"})
    assert (short.status_code, short.json()["field"]) == (400, "q")
