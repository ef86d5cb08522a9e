"""The tamper tests: each way of rewriting history is detected and located."""

import base64
import json
import uuid

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.management import CommandError, call_command
from django.db import connection

from accord.audit import chain, triggers
from accord.audit.models import AuditCheckpoint, AuditEvent
from accord.audit.services import checkpoint_create, checkpoint_document
from accord.audit.verify import verify_case
from tests.audit.test_services import append

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_id():
    case = uuid.uuid4()
    append(case, 6)
    return case


@pytest.fixture
def attacker():
    """Someone with direct database access, who first drops the append-only triggers."""
    triggers.remove(connection)
    yield
    triggers.install(connection)


def test_an_untouched_chain_verifies(case_id):
    checkpoint_create(case_id=case_id, reason="test")
    report = verify_case(case_id)
    assert report.ok
    assert (report.events, report.checkpoints, report.first_bad_seq) == (6, 1, None)


def test_an_edited_row_is_named(case_id, attacker):
    AuditEvent.objects.filter(case_id=case_id, seq=3).update(payload={"hash": "sha256:forged"})
    report = verify_case(case_id)
    assert not report.ok
    assert report.first_bad_seq == 3
    assert report.problems[0].message == "event 3 was altered"


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(case_id, attacker):
    event = AuditEvent.objects.get(case_id=case_id, seq=3)
    record = chain.entry_record(
        case_id=str(case_id),
        seq=3,
        occurred_at=event.occurred_at,
        actor_id=None,
        actor_role="arbitrator",
        action=event.action,
        object_type=event.object_type,
        object_id=event.object_id,
        payload=event.payload,
        prev_hash=event.prev_hash,
    )
    AuditEvent.objects.filter(pk=event.pk).update(
        actor_role="arbitrator", entry_hash=chain.entry_hash(record)
    )
    report = verify_case(case_id)
    assert report.first_bad_seq == 4
    assert "does not follow event 3" in report.problems[0].message


def test_a_deleted_row_is_named(case_id, attacker):
    AuditEvent.objects.filter(case_id=case_id, seq=3).delete()
    report = verify_case(case_id)
    assert report.first_bad_seq == 3
    assert report.problems[0].message == "event 3 is missing"


def test_two_swapped_rows_are_named(case_id, attacker):
    AuditEvent.objects.filter(case_id=case_id, seq=2).update(seq=1000)
    AuditEvent.objects.filter(case_id=case_id, seq=3).update(seq=2)
    AuditEvent.objects.filter(case_id=case_id, seq=1000).update(seq=3)
    report = verify_case(case_id)
    assert report.first_bad_seq == 2
    assert report.problems[0].message == "event 2 was altered"


def test_a_truncated_tail_is_caught_by_an_earlier_checkpoint(case_id, attacker, tmp_path):
    document = checkpoint_document(checkpoint_create(case_id=case_id, reason="signed"))
    append(case_id, 2)
    # The attacker removes the tail and the stored checkpoint that would betray it.
    AuditEvent.objects.filter(case_id=case_id, seq__gte=4).delete()
    AuditCheckpoint.objects.filter(case_id=case_id).delete()
    assert verify_case(case_id).ok  # undetectable from inside the database alone...
    report = verify_case(case_id, external=[("party copy", document)])
    assert not report.ok  # ...but the copy a party kept catches it
    assert report.first_bad_seq == 4
    assert report.problems[0].message == (
        "party copy: it covers 6 events but only 3 verify: the log was truncated from event 4"
    )


def test_a_stored_checkpoint_catches_truncation_too(case_id, attacker):
    checkpoint_create(case_id=case_id, reason="signed")
    AuditEvent.objects.filter(case_id=case_id, seq=6).delete()
    report = verify_case(case_id)
    assert report.first_bad_seq == 6


def test_a_rewritten_history_fails_the_checkpoint_root(case_id, attacker):
    document = checkpoint_document(checkpoint_create(case_id=case_id, reason="signed"))
    AuditCheckpoint.objects.filter(case_id=case_id).delete()
    AuditEvent.objects.filter(case_id=case_id).delete()
    append(case_id, 6, role="observer")  # a whole new, internally consistent chain
    assert verify_case(case_id).ok
    report = verify_case(case_id, external=[("party copy", document)])
    assert report.problems[0].message == ("party copy: the first 6 events no longer match its root")


def test_a_forged_checkpoint_is_refused(case_id):
    document = checkpoint_document(checkpoint_create(case_id=case_id, reason="signed"))
    forged_root = {**document, "root": "ab" * 32}
    other_key = Ed25519PrivateKey.generate()
    statement = {k: v for k, v in document.items() if k != "signature"}
    own_signature = base64.b64encode(other_key.sign(chain.canonical_json(statement))).decode()
    signed_by_stranger = {**document, "signature": own_signature}
    unknown_key = {**document, "key_id": "not-ours"}
    for label, forged in [
        ("root", forged_root),
        ("stranger", signed_by_stranger),
        ("key", unknown_key),
    ]:
        report = verify_case(case_id, external=[(label, forged)])
        assert [p.message for p in report.problems] == [
            f"{label}: the signature is not valid (forged, altered or unknown key)"
        ]
    assert other_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def test_a_checkpoint_for_another_case_is_reported(case_id):
    other = uuid.uuid4()
    append(other, 1)
    document = checkpoint_document(checkpoint_create(case_id=other, reason="x"))
    report = verify_case(case_id, external=[("wrong", document)])
    assert report.problems[0].message == "wrong: the checkpoint is for another case"


def test_the_command_reports_ok_and_failure(case_id, attacker, tmp_path, capsys):
    path = tmp_path / "checkpoint.json"
    call_command("audit", "checkpoint", "--case", str(case_id), "--out", str(path))
    assert json.loads(path.read_text())["tree_size"] == 6
    call_command("audit", "verify", "--case", str(case_id), "--checkpoint", str(path))
    assert f"case {case_id}: ok (6 events, 2 checkpoints)" in capsys.readouterr().out
    AuditEvent.objects.filter(case_id=case_id, seq=5).update(action="rewritten")
    with pytest.raises(CommandError, match=r"1 of 1 case\(s\) failed verification"):
        call_command("audit", "verify", "--checkpoint", str(path))
    out = capsys.readouterr().out
    assert f"case {case_id}: FAILED, first bad event 5" in out
    assert "event 5 was altered" in out


def test_the_command_explains_bad_arguments(tmp_path):
    with pytest.raises(CommandError, match="--case: 'nope' is not a case id"):
        call_command("audit", "verify", "--case", "nope")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(CommandError, match="cannot read it"):
        call_command("audit", "verify", "--checkpoint", str(bad))


def test_keygen_prints_a_usable_key(capsys):
    call_command("audit", "keygen")
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("AUDIT_SIGNING_KEY=")
    assert len(base64.b64decode(line.split("=", 1)[1])) == 32
