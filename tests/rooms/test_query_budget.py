"""Query budgets for the hot path of live rooms: counts, not timings (benchmarks/realtime.py
measures time). Every query here is paid once per message, so a regression multiplies."""

from __future__ import annotations

import pytest
from django.db import connection

from accord.rooms import services
from accord.rooms.models import Message
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db


def test_a_post_reads_the_room_once_and_writes_message_and_audit(django_assert_num_queries):
    m = make_mediation()
    a = m.world.principals[0]
    room = m.room("joint")
    services.message_post(actor=a, room=room, body="first", client_key="k0")
    # locked room, actor with what they sent under this key (posted, held), departed sides,
    # mutes (joint room only); seq, message; audit tail, audit event (+ the case's advisory
    # lock on PostgreSQL, + a savepoint pair under the test's transaction).
    with django_assert_num_queries(8 + 2 + (connection.vendor == "postgresql")):
        message = services.message_post(actor=a, room=room, body="second", client_key="k1")
    assert message.seq == 2
    assert list(Message.objects.filter(room=room).values_list("seq", "body")) == [
        (1, "first"),
        (2, "second"),
    ]


def test_a_resend_costs_no_write(django_assert_num_queries):
    m = make_mediation()
    a = m.world.principals[0]
    room = m.room("joint")
    first = services.message_post(actor=a, room=room, body="once", client_key="k")
    # locked room, actor with their keys, the first message (+ the test's savepoint pair)
    with django_assert_num_queries(3 + 2):
        again = services.message_post(actor=a, room=room, body="once", client_key="k")
    assert again.id == first.id
    assert Message.objects.filter(room=room).count() == 1
