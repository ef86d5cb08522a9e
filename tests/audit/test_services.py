import uuid

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from accord.audit import chain
from accord.audit.models import AuditCheckpoint, AuditEvent
from accord.audit.services import checkpoint_create, event_append
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def append(case_id, n=1, actor=None, **kw):
    events = []
    for i in range(n):
        with transaction.atomic():
            events.append(
                event_append(
                    case_id=case_id,
                    actor_id=actor.id if actor else None,
                    actor_role=kw.get("role", "mediator"),
                    action=kw.get("action", "message.posted"),
                    object_type="message",
                    object_id=str(i),
                    payload=kw.get("payload", {"hash": chain.content_hash(f"m{i}")}),
                )
            )
    return events


def test_sequence_is_gapless_per_case_and_chained():
    user = make_user()
    a, b = uuid.uuid4(), uuid.uuid4()
    first = append(a, 3, actor=user)
    append(b, 2)
    assert [e.seq for e in first] == [1, 2, 3]
    assert list(AuditEvent.objects.filter(case_id=b).values_list("seq", flat=True)) == [1, 2]
    assert first[0].prev_hash == chain.GENESIS_HASH
    assert first[1].prev_hash == first[0].entry_hash
    assert first[2].prev_hash == first[1].entry_hash
    assert first[0].actor_id == user.id
    assert first[0].occurred_at.tzinfo is not None


def test_entry_hash_covers_every_field():
    event = append(uuid.uuid4())[0]
    record = chain.entry_record(
        case_id=str(event.case_id),
        seq=event.seq,
        occurred_at=event.occurred_at,
        actor_id=None,
        actor_role=event.actor_role,
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        payload=event.payload,
        prev_hash=event.prev_hash,
    )
    assert chain.entry_hash(record) == event.entry_hash
    assert chain.entry_hash({**record, "action": "other"}) != event.entry_hash


@pytest.mark.django_db(transaction=True)
def test_append_outside_a_transaction_is_refused():
    case_id = uuid.uuid4()
    with pytest.raises(RuntimeError, match="inside the business write's transaction"):
        event_append(
            case_id=case_id,
            actor_id=None,
            actor_role="system",
            action="x",
            object_type="y",
            object_id="z",
        )
    assert not AuditEvent.objects.filter(case_id=case_id).exists()


def test_append_rolls_back_with_the_business_write():
    case_id = uuid.uuid4()
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        event_append(
            case_id=case_id,
            actor_id=None,
            actor_role="system",
            action="a",
            object_type="b",
            object_id="c",
        )
        1 / 0  # noqa: B018 - the business write fails after the event was appended
    assert not AuditEvent.objects.filter(case_id=case_id).exists()


def test_bad_payload_is_refused_and_nothing_is_written():
    case_id = uuid.uuid4()
    with pytest.raises(ValueError, match="content_hash"), transaction.atomic():
        event_append(
            case_id=case_id,
            actor_id=None,
            actor_role="system",
            action="a",
            object_type="b",
            object_id="c",
            payload={"text": "my confidential story " * 20},
        )
    assert not AuditEvent.objects.filter(case_id=case_id).exists()


def test_duplicate_sequence_is_refused_by_the_database():
    event = append(uuid.uuid4())[0]
    with pytest.raises(IntegrityError), transaction.atomic():
        AuditEvent.objects.create(
            case_id=event.case_id,
            seq=1,
            occurred_at=event.occurred_at,
            actor_role="x",
            action="x",
            object_type="x",
            object_id="x",
            prev_hash="0" * 64,
            entry_hash="1" * 64,
        )


def test_database_refuses_update_and_delete_of_events():
    event = append(uuid.uuid4())[0]
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="rewritten")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.action == "message.posted"


def test_database_refuses_changes_to_checkpoints():
    case_id = uuid.uuid4()
    append(case_id, 2)
    checkpoint = checkpoint_create(case_id=case_id, reason="test")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditCheckpoint.objects.filter(pk=checkpoint.pk).update(root_hash="0" * 64)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditCheckpoint.objects.filter(pk=checkpoint.pk).delete()
    assert AuditCheckpoint.objects.get(pk=checkpoint.pk).root_hash == checkpoint.root_hash


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
@pytest.mark.django_db(transaction=True)  # committed rows: no deferred FK checks pending
def test_postgresql_refuses_truncate():
    append(uuid.uuid4())
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("TRUNCATE audit_auditevent")
    assert AuditEvent.objects.count() == 1


def test_checkpoint_signs_the_merkle_root_of_all_events():
    case_id = uuid.uuid4()
    events = append(case_id, 5)
    checkpoint = checkpoint_create(case_id=case_id, reason="agreement signed")
    assert checkpoint.tree_size == 5
    assert checkpoint.root_hash == chain.merkle_root([e.entry_hash for e in events])
    assert checkpoint.key_id == "accord-dev"
    assert len(checkpoint.signature) == 88  # base64 of 64 bytes


def test_checkpoint_of_an_empty_case_is_refused():
    case_id = uuid.uuid4()
    with pytest.raises(ValueError, match="no audit events"):
        checkpoint_create(case_id=case_id, reason="x")
    assert not AuditCheckpoint.objects.filter(case_id=case_id).exists()
