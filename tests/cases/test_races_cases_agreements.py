"""Check-then-act races in cases, agreements, arbitration and bargaining.

A write judged on who may act never commits after a removal or a withdrawal that made its
check stale. What holds it: each service takes the case's lock (`case_lock`) before its
checks and re-reads the actor, in one lock order (process row, other rows, case lock,
participant rows), so the change waits or is seen. PostgreSQL (READ COMMITTED) shows these
races; SQLite (BEGIN IMMEDIATE) hides them except where a check runs before the transaction.

Each test pauses one service just after its checks, commits the conflicting change from
another thread, and asserts that the paused write either was refused or lands before the
change in the case's audit chain, never after it (the harness: tests/races.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from accord.agreements import services as agreements
from accord.agreements.services import signing
from accord.arbitration import services as arbitration
from accord.arbitration.models import Award
from accord.arbitration.services import awards
from accord.bargaining import services as bargaining
from accord.bargaining.models import MediatorsProposal
from accord.bargaining.services import money
from accord.cases import services as cases
from accord.cases.models import Participant, Process
from accord.cases.services import participants, processes
from accord.cases.vocabulary import Outcome, ParticipantStatus, ProcessStatus, Role
from accord.core import clock
from tests.agreements.factories import draft, latest, sign
from tests.arbitration.factories import (
    agree_terms,
    close_all,
    decisions_for,
    make_arbitration,
    totp,
)
from tests.bargaining.factories import make_table
from tests.cases.factories import join, make_world
from tests.factories import make_user
from tests.races import assert_not_after, pause, race
from tests.rooms.factories import make_mediation, start_process

# --- agreements: a signature judged just before the signer's standing ended -----------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("leaving", ["other_side_withdraws", "advocate_removed"])
def test_a_signature_checked_just_before_its_standing_ended_does_not_land_after(
    monkeypatch: pytest.MonkeyPatch, leaving: str
) -> None:
    """No agreement completes on a process that ended by withdrawal, nor binds a party by a
    lawyer they dismissed: signature_add judges again under the process row, the agreement
    and the case's lock, in the order the process's transitions take them. Locking the
    agreement alone, the signature landed after the withdrawal or removal (PostgreSQL)."""
    m = make_mediation(advocates=True)
    w = m.world
    a, b = w.principals
    agreement = draft(w.mediator, m.process)
    version = latest(agreement)
    if leaving == "other_side_withdraws":
        sign(a, version)
        paused = pause(monkeypatch, signing, "_judge", call=2)  # under the lock
        outcome = race(
            lambda: sign(b, version),
            lambda: cases.process_withdraw(actor=a, process=m.process),
            paused,
        )
        gone = "process.side_left"
    else:
        lawyer = w.advocates[1]
        agreements.signing_authority_grant(actor=b, version=version, advocate=lawyer)
        paused = pause(monkeypatch, signing, "_judge", call=2)
        outcome = race(
            lambda: sign(lawyer, version, principal=b),
            lambda: cases.participant_remove(actor=b, participant=lawyer),
            paused,
        )
        gone = "participant.removed"
    assert_not_after(w.case.id, outcome, "agreement.signed", gone)
    if "first" not in outcome:
        agreement.refresh_from_db()
        assert agreement.status != "signed"


# --- bargaining: the mediator's proposal answered by someone just removed -------------------


@pytest.mark.django_db(transaction=True)
def test_an_answer_checked_just_before_its_advocate_was_removed_does_not_settle_terms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A removed advocate's 'yes' does not turn the terms into tentative agreement:
    proposal_answer (`locked_process`) takes the process row, then the case's lock, then
    re-reads the advocate. Under the process row alone, which participant_remove does not
    take, the yes landed after the removal (PostgreSQL)."""
    t = make_table(advocates=True)
    w = t.m.world
    proposal = bargaining.proposal_put(
        actor=t.mediator,
        process=t.process,
        terms=[(t.issues[0], t.option(0, "With Alex"), None)],
        deadline=clock.now() + dt.timedelta(days=2),
        client_key="race-proposal",
    )
    bargaining.proposal_answer(actor=t.a, proposal=proposal, accept=True)
    lawyer = w.advocates[1]
    paused = pause(monkeypatch, money, "check_answer_proposal")
    outcome = race(
        lambda: bargaining.proposal_answer(actor=lawyer, proposal=proposal, accept=True),
        lambda: cases.participant_remove(actor=t.b, participant=lawyer),
        paused,
    )
    assert_not_after(w.case.id, outcome, "proposal.answered", "participant.removed")
    if "first" not in outcome:
        assert MediatorsProposal.objects.get(id=proposal.id).status == "open"


@pytest.mark.django_db(transaction=True)
def test_a_blind_bid_checked_just_before_the_other_side_withdrew_does_not_settle_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No settlement after the other side left and the mediation ended: bid_submit and
    process_withdraw both lock the process row (then the case), so the withdrawal waits for
    the last figure, or is seen by it."""
    t = make_table(money=True)
    w = t.m.world
    bidding = bargaining.bidding_propose(actor=t.mediator, issue=t.issues[3], payer=w.sides[1])
    for party in (t.a, t.b):
        bargaining.bidding_agree(actor=party, bidding=bidding)
    bargaining.bid_submit(actor=t.a, bidding=bidding, amount="600")
    paused = pause(monkeypatch, money, "check_side_act")
    outcome = race(
        lambda: bargaining.bid_submit(actor=t.b, bidding=bidding, amount="600"),
        lambda: cases.process_withdraw(actor=t.a, process=t.process),
        paused,
    )
    assert_not_after(w.case.id, outcome, "bidding.round_closed", "process.side_left")


# --- cases: a side's consent given by someone just removed ----------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_consent_to_arbitration_checked_just_before_its_giver_was_removed_does_not_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A dismissed advocate's consent does not count as their side's consent to a binding
    process: process_consent (`processes._locked`) takes the process row, then the case's
    lock, then re-reads the advocate. Under the process row alone, the consent landed after
    the removal (PostgreSQL)."""
    w = make_world(advocates=True)
    a, b = w.principals
    lawyer = w.advocates[1]
    process = cases.process_propose(actor=a, case=w.case, kind="arbitration")
    paused = pause(monkeypatch, processes, "check_consent")
    outcome = race(
        lambda: cases.process_consent(actor=lawyer, process=process),
        lambda: cases.participant_remove(actor=b, participant=lawyer),
        paused,
    )
    assert_not_after(w.case.id, outcome, "process.consented", "participant.removed")


# --- arbitration: an award signed by an arbitrator just removed -----------------------------


@pytest.mark.django_db(transaction=True)
def test_an_award_checked_just_before_its_arbitrator_was_removed_is_not_issued_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An arbitrator removed by the mediator issues no award: award_issue takes the
    arbitration's row, then the case's lock, before `_judge_issue` re-reads the arbitrator,
    so the removal waits or is seen. Before it took the case's lock, this held only because
    process_end re-read the arbitrator after the award's first record."""
    arb = make_arbitration()
    terms = agree_terms(arb)
    close_all(arb)
    award = arbitration.award_draft(
        actor=arb.arbitrator,
        process=arb.process,
        reasons="The invoice was due.",
        decisions=decisions_for(terms, {1: "2500"}),
    )
    proof = totp(arb.arbitrator)
    paused = pause(monkeypatch, awards, "_judge_issue", call=2)
    outcome = race(
        lambda: arbitration.award_issue(
            actor=arb.arbitrator, award=award, sha256=award.sha256, intent=True, step_up=proof
        ),
        lambda: cases.participant_remove(actor=arb.world.mediator, participant=arb.arbitrator),
        paused,
    )
    assert_not_after(arb.world.case.id, outcome, "arbitration.award_issued", "participant.removed")
    if "first" not in outcome:
        assert Award.objects.get(id=award.id).status == "draft"
        assert Process.objects.get(id=arb.process.id).status == ProcessStatus.ACTIVE


# --- collaborative law: ending it while a party removes their lawyer ------------------------


@pytest.mark.django_db(transaction=True)
def test_ending_collaborative_law_while_a_lawyer_is_removed_fails_neither(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Removing a lawyer and ending collaborative law at once both succeed: both take the
    case's lock before any participant row (`participants._locked` takes it first; the
    ending records, then locks the lawyers). When participant_remove locked the lawyer's row
    before the case, the two deadlocked and PostgreSQL aborted one."""
    w = make_world(advocates=True)
    a, b = w.principals
    process = start_process(w, "collaborative_law")
    lawyer = w.advocates[0]
    paused = pause(monkeypatch, participants, "check_remove")
    outcome = race(
        lambda: cases.participant_remove(actor=a, participant=lawyer),
        lambda: cases.process_end(actor=b, process=process, outcome=Outcome.TERMINATED),
        paused,
    )
    assert "first" in outcome and "second" in outcome, outcome
    row = Participant.objects.get(id=lawyer.id)
    assert row.status == ParticipantStatus.REMOVED
    assert Process.objects.get(id=process.id).outcome == Outcome.TERMINATED


# --- appointing the first mediator: two parties at once -------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_parties_cannot_both_appoint_the_first_mediator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two parties appointing the first mediator at once appoint one (check_invite: after
    that, the mediator appoints): participant_invite re-reads the actor and checks under the
    case's lock. Checked before its transaction, both appointments landed, on both
    databases."""
    opener = make_user(name="Party A")
    case, a = cases.case_open(
        user=opener,
        title="Neighbours",
        kind="neighbour",
        sides=["Applicant", "Respondent"],
        opener_role=Role.PRINCIPAL,
        opener_side="Applicant",
    )
    respondent = case.sides.get(label="Respondent")
    b = join(a, case, Role.PRINCIPAL, respondent)
    first, second = make_user(name="Mediator One"), make_user(name="Mediator Two")
    paused = pause(monkeypatch, participants, "check_invite")
    outcome = race(
        lambda: cases.participant_invite(
            actor=a, case=case, email=first.email, role=Role.MEDIATOR, send_email=False
        ),
        lambda: cases.participant_invite(
            actor=b, case=case, email=second.email, role=Role.MEDIATOR, send_email=False
        ),
        paused,
    )
    assert ("first" in outcome) != ("second" in outcome), outcome  # one appoints, one is refused
    mediators = Participant.objects.filter(case=case, role=Role.MEDIATOR)
    assert mediators.count() == 1, [p.email for p in mediators]
