import re

import pytest
from django.core.management import call_command

from accord.audit.verify import verify_case
from accord.cases.models import Case
from accord.cases.vocabulary import ParticipantStatus

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_prints_working_links(client, capsys):
    call_command("demo")
    call_command("demo")
    out = capsys.readouterr().out
    case = Case.objects.get()
    roles = sorted(case.participants.values_list("role", "status"))
    assert roles == [
        ("mediator", ParticipantStatus.PENDING),
        ("principal", ParticipantStatus.ACTIVE),
        ("principal", ParticipantStatus.ACTIVE),
    ]
    assert verify_case(case.id).ok
    links = re.findall(r"http://127\.0\.0\.1:8000(/link/\S+/)", out)
    assert len(links) == 6
    response = client.post(links[-1])
    assert response.status_code == 302
    assert client.get("/").status_code == 200
