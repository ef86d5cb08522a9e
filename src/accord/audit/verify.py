"""Recompute a case's chain, Merkle roots and checkpoint signatures; name the first bad entry."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from accord.audit import chain, signing
from accord.audit.selectors import checkpoints_for_case, events_for_case
from accord.audit.services import checkpoint_document


@dataclass(frozen=True)
class Problem:
    """One thing found wrong. `seq` is the first bad sequence number, when one can be named."""

    seq: int | None
    message: str


@dataclass(frozen=True)
class CaseReport:
    case_id: uuid.UUID
    events: int
    checkpoints: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad_seq(self) -> int | None:
        seqs = [p.seq for p in self.problems if p.seq is not None]
        return min(seqs) if seqs else None


_STATEMENT_KEYS = ("v", "case", "tree_size", "root", "key_id", "issued_at", "reason")


def _check_chain(case_id: uuid.UUID) -> tuple[list[str], list[Problem]]:
    hashes: list[str] = []
    expected_seq = 1
    prev_hash = chain.GENESIS_HASH
    for event in events_for_case(case_id).iterator(chunk_size=2000):
        if event.seq != expected_seq:
            missing = (
                f"event {expected_seq} is missing"
                if event.seq > expected_seq
                else f"event {event.seq} appears out of order or twice"
            )
            return hashes, [Problem(min(expected_seq, event.seq), missing)]
        record = chain.entry_record(
            case_id=str(event.case_id),
            seq=event.seq,
            occurred_at=event.occurred_at,
            actor_id=str(event.actor_id) if event.actor_id else None,
            actor_role=event.actor_role,
            action=event.action,
            object_type=event.object_type,
            object_id=event.object_id,
            payload=event.payload,
            prev_hash=event.prev_hash,
        )
        if chain.entry_hash(record) != event.entry_hash:
            return hashes, [Problem(event.seq, f"event {event.seq} was altered")]
        if event.prev_hash != prev_hash:
            return hashes, [
                Problem(
                    event.seq,
                    f"event {event.seq} does not follow event {event.seq - 1}: "
                    "events were removed, swapped or rewritten",
                )
            ]
        hashes.append(event.entry_hash)
        prev_hash = event.entry_hash
        expected_seq += 1
    return hashes, []


def _check_checkpoint(
    case_id: uuid.UUID,
    hashes: list[str],
    document: Mapping[str, Any],
    source: str,
    *,
    chain_ok: bool,
) -> Problem | None:
    try:
        statement = {key: document[key] for key in _STATEMENT_KEYS}
        signature = str(document["signature"])
        tree_size = int(statement["tree_size"])
    except (KeyError, TypeError, ValueError):
        return Problem(None, f"{source}: not a checkpoint document")
    if statement["case"] != str(case_id):
        return Problem(None, f"{source}: the checkpoint is for another case")
    if not signing.signature_is_valid(statement, signature, str(statement["key_id"])):
        return Problem(
            None, f"{source}: the signature is not valid (forged, altered or unknown key)"
        )
    if tree_size > len(hashes):
        why = "the log was truncated" if chain_ok else "the chain breaks"
        return Problem(
            len(hashes) + 1,
            f"{source}: it covers {tree_size} events but only {len(hashes)} verify: "
            f"{why} from event {len(hashes) + 1}",
        )
    if chain.merkle_root(hashes[:tree_size]) != statement["root"]:
        return Problem(None, f"{source}: the first {tree_size} events no longer match its root")
    return None


def verify_case(
    case_id: uuid.UUID, *, external: Iterable[tuple[str, Mapping[str, Any]]] = ()
) -> CaseReport:
    """Verify one case: the hash chain, every stored checkpoint, and any given checkpoint files.

    `external` pairs a label (e.g. the file name) with a checkpoint document. For the
    `accord audit verify` command and for operators; it reveals no content, only hashes.
    """
    hashes, problems = _check_chain(case_id)
    stored = list(checkpoints_for_case(case_id))
    documents = [
        (f"checkpoint {cp.tree_size} ({cp.reason})", checkpoint_document(cp)) for cp in stored
    ]
    extra = list(external)
    for source, document in [*documents, *extra]:
        problem = _check_checkpoint(case_id, hashes, document, source, chain_ok=not problems)
        if problem is not None:
            problems.append(problem)
    events = events_for_case(case_id).count()
    return CaseReport(
        case_id=case_id, events=events, checkpoints=len(documents) + len(extra), problems=problems
    )
