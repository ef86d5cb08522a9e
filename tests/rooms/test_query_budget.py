"""Query budgets for the hot path of live rooms: counts, not timings (benchmarks/realtime.py
measures time). Every query here is paid once per message, so a regression multiplies."""

from __future__ import annotations

import pytest
from django.db import connection

from accord.cases import services as cases
from accord.cases.models import Participant
from accord.cases.selectors import standing_in, standing_questions, standing_remember
from accord.core.errors import Forbidden
from accord.rooms import services
from accord.rooms.models import Message
from tests.rooms.factories import make_mediation

pytestmark = pytest.mark.django_db


def test_a_post_reads_the_room_once_and_writes_message_and_audit(django_assert_num_queries):
    m = make_mediation()
    a = m.world.principals[0]
    room = m.room("joint")
    services.message_post(actor=a, room=room, body="first", client_key="k0")
    # locked room; the actor with what they sent under this key (posted, held), their
    # standing in the process (departed side, accepted terms) and a mute (joint room only),
    # all in one query; seq, message; audit tail, audit event (+ on PostgreSQL the case's
    # advisory lock, taken before the checks and again by the audit append; + a savepoint
    # pair under the test's transaction).
    with django_assert_num_queries(6 + 2 + 2 * (connection.vendor == "postgresql")):
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
    # locked room, actor with their keys, the first message (+ the case's advisory lock on
    # PostgreSQL, + the test's savepoint pair)
    with django_assert_num_queries(3 + 2 + (connection.vendor == "postgresql")):
        again = services.message_post(actor=a, room=room, body="once", client_key="k")
    assert again.id == first.id
    assert Message.objects.filter(room=room).count() == 1


# The rule of who may write, read in that one query, still holds.


def test_a_muted_party_is_refused_in_the_one_query_and_nothing_is_written():
    m = make_mediation()
    a = m.world.principals[0]
    room = m.room("joint")
    services.participant_mute(actor=m.world.mediator, participant=a, room=room, minutes=10)
    with pytest.raises(Forbidden, match=r"You can read this room but not write in it now\."):
        services.message_post(actor=a, room=room, body="hello", client_key="k")
    assert not Message.objects.filter(room=room).exists()
    room.refresh_from_db()
    assert room.last_seq == 0


def test_a_party_whose_side_left_is_refused_and_nothing_is_written():
    m = make_mediation()
    a = m.world.principals[0]
    room = m.room("joint")
    cases.process_withdraw(actor=a, process=m.process)
    with pytest.raises(Forbidden, match=r"You cannot write in this room\."):
        services.message_post(actor=a, room=room, body="hello", client_key="k")
    assert not Message.objects.filter(room=room).exists()


def test_standing_read_with_a_place_is_kept_only_if_asked_of_the_same_place(
    django_assert_num_queries,
):
    m = make_mediation()
    a, b = m.world.principals
    questions = standing_questions(a, m.process)
    assert set(questions) == {"side_departed", "terms_accepted"}
    # Answers asked of another place (another side) are not kept: standing_in asks again.
    fresh = Participant.objects.get(id=a.id)
    standing_remember(
        fresh, m.process, asked_of=b, answers={"side_departed": True, "terms_accepted": True}
    )
    with django_assert_num_queries(1):
        assert standing_in(fresh, m.process).side_departed is False
    # Asked of the same place: kept, and no query more.
    fresh = Participant.objects.get(id=a.id)
    standing_remember(
        fresh, m.process, asked_of=a, answers={"side_departed": False, "terms_accepted": False}
    )
    with django_assert_num_queries(0):
        assert standing_in(fresh, m.process).terms_missing is True
