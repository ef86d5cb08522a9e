"""One harness for check-then-act race tests: a service checks who may act, then writes; a
conflicting change (a withdrawal, a removal, a second appointment) commits in between.

How a test uses it:

    paused = pause(monkeypatch, services, "_tone", before=True)  # a point between check and write
    outcome = race(lambda: write(...), lambda: change(...), paused)
    assert_not_after(case.id, outcome, "message.posted", "process.side_left")

`pause` replaces one function the first service calls between its checks and its write, so
that it stops there; `race` runs that service in one thread and, once it has stopped, the
conflicting change in another, then lets the first go on; `assert_not_after` reads the case's
audit chain (`actions`) and asserts that the change committed and the paused write was either
refused or recorded before the change, never after it.

Why PostgreSQL shows these races and SQLite hides them. On PostgreSQL (READ COMMITTED) each
query sees what committed before it, and a row is locked only where the code locks it: a
change that takes no lock the paused service also holds commits during the pause, and the
paused write then commits on a check that has gone stale. The fix is a lock both take (the
case's, `case_lock`), so that one waits for the other. On SQLite every transaction is BEGIN
IMMEDIATE: writing transactions take turns, so a pause inside a transaction holds the
database's write lock and the change cannot begin before the paused write has committed. A
race there shows only where the check runs before the transaction begins. Run these tests on
PostgreSQL too (DATABASE_URL=postgres://..., scripts/services.sh).

The one-second wait. The paused service waits for the change to finish, but at most one
second: on SQLite, and on PostgreSQL wherever the change waits for a lock the paused service
holds (the case's), the change cannot finish before the paused service commits, and waiting
for it without a limit would deadlock the two threads. A second is ample for the change to
commit when nothing holds it back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import pytest
from django.db import connection

from accord.audit.models import AuditEvent
from accord.cases import services as cases
from accord.cases.models import Participant
from accord.core.errors import AccordError
from accord.rooms import services as rooms
from accord.rooms.models import Message, Room
from tests.rooms.factories import Mediation, make_mediation

WAIT = 1.0  # seconds a paused service waits for the change (see the module's docstring)
START = 10.0  # seconds the change waits for the service to reach its pause
FINISH = 30.0  # seconds each thread is given to finish


@dataclass(frozen=True)
class Pause:
    """`reached`: the paused service is at its pause. `finished`: the change is over."""

    reached: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)


def pause(
    monkeypatch: pytest.MonkeyPatch,
    owner: object,
    name: str,
    *,
    before: bool = False,
    call: int = 1,
) -> Pause:
    """Make `owner.name` stop on its `call`-th run (just before the real function runs, or
    just after it returns), until the change has finished or WAIT seconds have passed."""
    paused = Pause()
    real = getattr(owner, name)
    runs = 0

    def stopping(*args: Any, **kwargs: Any) -> Any:
        nonlocal runs
        runs += 1
        stop = runs == call
        if stop and before:
            paused.reached.set()
            paused.finished.wait(timeout=WAIT)
        result = real(*args, **kwargs)
        if stop and not before:
            paused.reached.set()
            paused.finished.wait(timeout=WAIT)
        return result

    monkeypatch.setattr(owner, name, stopping)
    return paused


def race(
    first: Callable[[], object], second: Callable[[], object], paused: Pause
) -> dict[str, Any]:
    """Run `first` (which stops at `paused`) in a thread and, once it has stopped, `second` in
    another. Returns the outcome: "first" or "refused" (its AccordError), and "second" or
    "second_refused". Any other exception, in either thread, fails the test, as does a thread
    that does not finish."""
    outcome: dict[str, Any] = {}
    errors: dict[str, BaseException] = {}

    def run_first() -> None:
        try:
            outcome["first"] = first()
        except AccordError as refused:
            outcome["refused"] = refused
        except Exception as error:  # reported below
            errors["first"] = error
        finally:
            connection.close()

    def run_second() -> None:
        try:
            assert paused.reached.wait(timeout=START), "the first service never reached its pause"
            outcome["second"] = second()
        except AccordError as refused:
            outcome["second_refused"] = refused
        except Exception as error:  # reported below
            errors["second"] = error
        finally:
            paused.finished.set()
            connection.close()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=FINISH)
    assert not any(thread.is_alive() for thread in threads), f"a thread hangs: {outcome}"
    assert not errors, (errors, outcome)
    return outcome


def actions(case_id: UUID) -> list[str]:
    """The case's audit actions, in chain order."""
    return list(
        AuditEvent.objects.filter(case_id=case_id).order_by("seq").values_list("action", flat=True)
    )


def assert_not_after(
    case_id: UUID,
    outcome: dict[str, Any],
    action: str,
    gone: str,
    *,
    refusal: type[AccordError] = AccordError,
) -> list[str]:
    """The change (`second`) committed and recorded `gone`; the paused write (`first`) was
    refused (by a `refusal`), or recorded `action`; and every `action` in the chain precedes
    `gone`. Returns the chain."""
    events = actions(case_id)
    assert "second" in outcome, outcome
    assert gone in events, events[-4:]
    if "first" in outcome:
        assert action in events, f"no {action}: {events[-5:]}"
    else:
        assert isinstance(outcome["refused"], refusal), outcome
    if action in events:
        last = len(events) - 1 - events[::-1].index(action)
        assert last < events.index(gone), f"{action} after {gone}: {events[-5:]}"
    return events


def leave(med: Mediation, person: Participant, how: str) -> tuple[Callable[[], object], str]:
    """The person leaves the mediation as `how` says ("withdraw": their side withdraws;
    "removed": the mediator removes them from the case). Returns the change, to race, and the
    audit action it records."""

    def change() -> object:
        if how == "withdraw":
            return cases.process_withdraw(actor=person, process=med.process)
        return cases.participant_remove(actor=med.world.mediator, participant=person)

    return change, ("process.side_left" if how == "withdraw" else "participant.removed")


@dataclass(frozen=True)
class Said:
    """A three-side mediation whose first party said something in their private session."""

    med: Mediation
    party: Participant
    joint: Room
    message: Message


def said_in_private(words: str = "We could accept 40k") -> Said:
    med = make_mediation(sides=3)
    party = med.world.principals[0]
    message = rooms.message_post(actor=party, room=med.room("caucus:0"), body=words, client_key="s")
    return Said(med, party, med.room("joint"), message)
