"""The workspace's services: each works for the allowed role, refuses others with the rule's
wording, and changes nothing when it refuses."""

from __future__ import annotations

import datetime as dt

import pytest

from accord.audit.models import AuditEvent
from accord.bargaining import selectors, services
from accord.bargaining.models import (
    AgendaIssue,
    Bid,
    BidRound,
    Interest,
    InterestLink,
    IssueAssent,
    Preference,
    ProposalAnswer,
    SuggestedPackage,
)
from accord.bargaining.services import IssueDraft, PreferenceDraft
from accord.bargaining.vocabulary import (
    AgendaState,
    BiddingStatus,
    IssueStatus,
    LinkStatus,
    ProposalStatus,
    RoundStatus,
    RunStatus,
)
from accord.core import clock
from accord.core.errors import Conflict, Forbidden, InvalidInput
from accord.rooms.models import Message, RoomKind
from tests.bargaining.factories import (
    add_issue,
    key,
    make_table,
    opposed_preferences,
    tentative_draft,
)
from tests.cases.factories import make_world
from tests.rooms.factories import start_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def t():
    return make_table()


def snapshot():
    return (AgendaIssue.objects.count(), IssueAssent.objects.count(), AuditEvent.objects.count())


# --- 1. agenda ------------------------------------------------------------------------------


def test_a_sides_suggestion_waits_for_the_mediator_who_settles_the_agenda(t):
    issue = add_issue(t.a, t.process, "Pets", ["Dog stays", "Dog goes"])
    assert issue.state == AgendaState.PROPOSED
    assert issue not in selectors.agenda_for(viewer=t.b, process=t.process)
    assert issue in selectors.agenda_for(viewer=t.mediator, process=t.process)
    with pytest.raises(Forbidden, match="Only the mediator"):
        services.issue_settle(actor=t.b, issue=issue, include=True)
    services.issue_settle(actor=t.mediator, issue=issue, include=True)
    issue.refresh_from_db()
    assert issue.state == AgendaState.ON_AGENDA
    assert issue in selectors.agenda_for(viewer=t.b, process=t.process)


def test_in_negotiation_a_sides_issue_goes_straight_on_the_agenda():
    world = make_world()
    process = start_process(world, "negotiation")
    issue = add_issue(world.principals[0], process, "Price", ["Low", "High"])
    assert issue.state == AgendaState.ON_AGENDA


def test_a_double_submit_adds_the_issue_once(t):
    draft = IssueDraft(title="Car", kind="options", options=["A keeps it", "B keeps it"])
    first = services.issue_propose(actor=t.a, process=t.process, draft=draft, client_key="same")
    again = services.issue_propose(actor=t.a, process=t.process, draft=draft, client_key="same")
    assert first == again and AgendaIssue.objects.filter(title="Car").count() == 1


@pytest.mark.parametrize(
    ("draft", "field", "message"),
    [
        (IssueDraft(title="", kind="options", options=["a", "b"]), "title", "short name"),
        (IssueDraft(title="X", kind="options", options=["only one"]), "options", "two options"),
        (IssueDraft(title="X", kind="options", options=["a", "A"]), "options", "different"),
        (IssueDraft(title="X", kind="range", range_min="10", range_max="5"), "range_max", "more"),
        (IssueDraft(title="X", kind="range", range_min="-1", range_max="5"), "range_min", "zero"),
        (IssueDraft(title="Weekdays", kind="options", options=["a", "b"]), "title", "already"),
    ],
)
def test_bad_issues_are_refused_with_their_field_and_change_nothing(t, draft, field, message):
    before = snapshot()
    with pytest.raises(InvalidInput, match=message) as refused:
        services.issue_propose(actor=t.a, process=t.process, draft=draft, client_key=key())
    assert refused.value.field == field
    assert snapshot() == before


def test_a_support_person_or_observer_cannot_act_for_a_side():
    t = make_table()
    from accord.cases.vocabulary import Role
    from tests.cases.factories import join

    support = join(t.mediator, t.m.world.case, Role.SUPPORT, t.m.world.sides[0])
    before = snapshot()
    with pytest.raises(Forbidden):
        services.issue_assent(actor=support, issue=t.issues[0], option=t.option(0, "Alternate"))
    assert snapshot() == before


def test_a_term_is_tentative_when_every_side_says_yes_to_it(t):
    issue = t.issues[0]
    services.issue_assent(actor=t.a, issue=issue, option=t.option(0, "Alternate"))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.OPEN
    services.issue_assent(actor=t.b, issue=issue, option=t.option(0, "With Sam"))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.OPEN
    services.issue_assent(actor=t.b, issue=issue, option=t.option(0, "Alternate"))
    issue.refresh_from_db()
    assert issue.status == IssueStatus.TENTATIVE
    assert [term.text for term in selectors.tentative_terms(t.process)] == ["Alternate"]
    services.issue_reopen(actor=t.a, issue=issue)
    issue.refresh_from_db()
    assert issue.status == IssueStatus.OPEN and selectors.tentative_terms(t.process) == []


def test_an_option_of_another_issue_is_refused(t):
    before = snapshot()
    with pytest.raises(InvalidInput, match="this issue's options"):
        services.issue_assent(actor=t.a, issue=t.issues[0], option=t.option(1, "Split in half"))
    assert snapshot() == before


def test_nothing_is_agreed_until_everything_is_agreed(t):
    for person in (t.a, t.b):
        services.issue_assent(actor=person, issue=t.issues[0], option=t.option(0, "Alternate"))
    with pytest.raises(Conflict, match="Nothing is agreed until everything is agreed"):
        services.agenda_confirm(actor=t.a, process=t.process)
    # With partial agreements chosen by both sides, the one term can become final.
    services.partial_choose(actor=t.a, process=t.process, allow=True)
    with pytest.raises(Conflict):
        services.agenda_confirm(actor=t.a, process=t.process)
    services.partial_choose(actor=t.b, process=t.process, allow=True)
    assert services.agenda_confirm(actor=t.a, process=t.process) == []
    agreed = services.agenda_confirm(actor=t.b, process=t.process)
    assert [i.id for i in agreed] == [t.issues[0].id]
    t.issues[0].refresh_from_db()
    assert t.issues[0].status == IssueStatus.AGREED


def test_everything_tentative_then_both_confirm_makes_it_agreed(t):
    tentative_draft(t)
    services.agenda_confirm(actor=t.a, process=t.process)
    # A change after A's confirmation voids it: A must confirm the new terms again.
    services.issue_assent(actor=t.a, issue=t.issues[2], option=t.option(2, "Move"))
    services.issue_assent(actor=t.b, issue=t.issues[2], option=t.option(2, "Move"))
    services.agenda_confirm(actor=t.b, process=t.process)
    assert all(i.status == IssueStatus.TENTATIVE for i in AgendaIssue.objects.all())
    services.agenda_confirm(actor=t.a, process=t.process)
    assert all(i.status == IssueStatus.AGREED for i in AgendaIssue.objects.all())


# --- 2, 3. interests ------------------------------------------------------------------------


def record(t, person, text, issue=0, kind="interest", category="need"):
    return services.interest_record(
        actor=person,
        issue=t.issues[issue],
        kind=kind,
        category=category,
        text=text,
        client_key=key(),
    )


def test_an_interest_is_a_private_session_message_seen_by_the_side_and_mediator_only(t):
    interest = record(t, t.a, "The children need stability and their routine.")
    assert interest.message.room.kind == RoomKind.CAUCUS
    assert interest.message.room.side_id == t.a.side_id
    assert selectors.interests_visible_to(viewer=t.a, process=t.process) == [interest]
    assert selectors.interests_visible_to(viewer=t.mediator, process=t.process) == [interest]
    assert selectors.interests_visible_to(viewer=t.b, process=t.process) == []


def test_interest_bad_input_changes_nothing(t):
    before = (Interest.objects.count(), Message.objects.count())
    with pytest.raises(InvalidInput, match="need, a concern"):
        record(t, t.a, "Something", category="")
    with pytest.raises(InvalidInput, match="sentence"):
        record(t, t.a, "   ")
    with pytest.raises(Forbidden):
        record(t, t.mediator, "I am neutral")
    assert (Interest.objects.count(), Message.objects.count()) == before


def test_common_ground_needs_confirmation_and_both_releases(t):
    mine = record(t, t.a, "The children need stability and the same routine every week.")
    theirs = record(t, t.b, "Les enfants ont besoin de stabilité et de repères.")
    other = record(t, t.b, "I need to pay my rent each month.", category="concern")
    with pytest.raises(Forbidden):
        services.links_suggest(actor=t.a, process=t.process)
    found = services.links_suggest(actor=t.mediator, process=t.process)
    pairs = {frozenset((link.first_id, link.second_id)) for link in found}
    assert frozenset((mine.id, theirs.id)) in pairs
    assert frozenset((mine.id, other.id)) not in pairs
    assert services.links_suggest(actor=t.mediator, process=t.process) == []  # never twice
    link = next(x for x in found if {x.first_id, x.second_id} == {mine.id, theirs.id})
    with pytest.raises(InvalidInput, match="own words"):
        services.link_decide(actor=t.mediator, link=link, confirm=True, relation="shared")
    services.link_decide(
        actor=t.mediator, link=link, confirm=True, relation="shared", summary="Stable weeks"
    )
    assert selectors.common_ground_for(viewer=t.a, process=t.process) == []
    joint = t.m.room("joint")
    services.interest_share(actor=t.a, interest=mine, mode="gist", target=joint)
    assert selectors.common_ground_for(viewer=t.a, process=t.process) == []
    with pytest.raises(Forbidden):  # a side cannot release the other side's words
        services.interest_share(actor=t.a, interest=theirs, mode="gist", target=joint)
    services.interest_share(actor=t.b, interest=theirs, mode="gist", target=joint)
    shown = selectors.common_ground_for(viewer=t.b, process=t.process)
    assert [x.summary for x in shown] == ["Stable weeks"]
    link.refresh_from_db()
    assert link.status == LinkStatus.CONFIRMED


def test_a_side_sees_common_ground_only_from_an_item_released_towards_it():
    """A lets the mediator pass its item to C's private session only: B, the link's other
    side, must not learn of it, even as common ground; C is not part of the link."""
    t = make_table(sides=3)
    mine = record(t, t.a, "I am afraid the children will be taken abroad.")
    theirs = record(t, t.b, "The children need to stay near their school.")
    services.interest_share(actor=t.a, interest=mine, mode="gist", target=t.m.room("caucus:2"))
    services.interest_share(actor=t.b, interest=theirs, mode="gist", target=t.m.room("joint"))
    services.link_add(
        actor=t.mediator, first=mine, second=theirs, relation="shared", summary="Stay here"
    )
    c = t.m.world.principals[2]
    assert selectors.common_ground_for(viewer=t.b, process=t.process) == []
    assert selectors.common_ground_for(viewer=c, process=t.process) == []
    # A reads it: B's item was released to the joint room.
    assert [x.summary for x in selectors.common_ground_for(viewer=t.a, process=t.process)] == [
        "Stay here"
    ]
    assert len(selectors.common_ground_for(viewer=t.mediator, process=t.process)) == 1
    # Released to B's own private session, it reaches B.
    services.interest_share(actor=t.a, interest=mine, mode="gist", target=t.m.room("caucus:1"))
    assert [x.summary for x in selectors.common_ground_for(viewer=t.b, process=t.process)] == [
        "Stay here"
    ]


def test_dismissed_suggestions_are_never_shown(t):
    mine = record(t, t.a, "The children need stability and the same routine every week.")
    theirs = record(t, t.b, "Les enfants ont besoin de stabilité et de repères.")
    link = services.link_add(actor=t.mediator, first=mine, second=theirs, relation="conflicting")
    assert link.status == LinkStatus.CONFIRMED
    with pytest.raises(Conflict):
        services.link_add(
            actor=t.mediator, first=theirs, second=mine, relation="shared", summary="x"
        )
    assert InterestLink.objects.count() == 1


# --- 4. preferences -------------------------------------------------------------------------


def test_weights_that_do_not_add_up_are_refused_and_nothing_is_saved(t):
    o = t.option
    draft = PreferenceDraft(
        weights={t.issues[0].id: 50, t.issues[1].id: 30, t.issues[2].id: 30},
        scores={opt.id: 50 for issue in t.issues for opt in issue.options.all()},
    )
    before = (Preference.objects.count(), AuditEvent.objects.count())
    with pytest.raises(InvalidInput, match="add up to 100; they add up to 110") as refused:
        services.preference_set(actor=t.a, process=t.process, draft=draft)
    assert refused.value.field == "weights"
    scores = {opt.id: 50 for issue in t.issues for opt in issue.options.all()}
    del scores[o(1, "Alternate years").id]
    with pytest.raises(InvalidInput, match="Alternate years") as refused:
        services.preference_set(
            actor=t.a,
            process=t.process,
            draft=PreferenceDraft(
                weights={t.issues[0].id: 50, t.issues[1].id: 20, t.issues[2].id: 30},
                scores=scores,
            ),
        )
    assert refused.value.field == f"score_{o(1, 'Alternate years').id}"
    assert (Preference.objects.count(), AuditEvent.objects.count()) == before


def test_preferences_are_seen_by_the_side_and_by_the_mediator_only_if_allowed(t):
    a, _b = opposed_preferences(t, visibility_a="mediator", visibility_b="blind")
    see = selectors.preference_for
    assert see(viewer=t.a, process=t.process, side_id=t.a.side_id) == a
    assert see(viewer=t.b, process=t.process, side_id=t.a.side_id) is None
    assert see(viewer=t.a, process=t.process, side_id=t.b.side_id) is None
    assert see(viewer=t.mediator, process=t.process, side_id=t.a.side_id) == a
    assert see(viewer=t.mediator, process=t.process, side_id=t.b.side_id) is None
    payloads = AuditEvent.objects.filter(action="preference.set").values_list("payload", flat=True)
    assert list(payloads) == [{"visibility": "mediator"}, {"visibility": "blind"}]


# --- 5. engine suggestions ------------------------------------------------------------------


def test_suggestions_wait_for_every_sides_preferences(t):
    with pytest.raises(Conflict, match="Waiting for 2 side"):
        services.suggestions_request(actor=t.mediator, process=t.process, inline=True)


def test_suggestions_improve_on_the_draft_and_each_side_sees_only_its_own_points(t):
    opposed_preferences(t, visibility_a="mediator", visibility_b="blind")
    tentative_draft(t)
    with pytest.raises(Forbidden):
        services.suggestions_request(actor=t.a, process=t.process, inline=True)
    run = services.suggestions_request(actor=t.mediator, process=t.process, inline=True)
    assert run.status == RunStatus.DONE and run.progress == 100
    kinds = set(SuggestedPackage.objects.filter(run=run).values_list("kind", flat=True))
    assert {"nash", "ks", "improvement", "pareto", "baseline"} <= kinds
    for person in (t.a, t.b):
        views = selectors.packages_for(viewer=person, run=run)
        best = next(v for v in views if v.kind == "improvement")
        assert set(best.utilities) == {person.side_id}
        assert best.utilities[person.side_id] > best.baseline[person.side_id]
        assert dict(best.terms) == {
            "Weekdays": "With Alex",
            "Holidays": "Alternate years",
            "School": "Stay",
        }
    mediator_view = selectors.packages_for(viewer=t.mediator, run=run)
    assert all(set(v.utilities) == {t.a.side_id} for v in mediator_view)
    # The frontier picture needs every side's permission.
    assert selectors.frontier_points(viewer=t.mediator, run=run) == []


def test_the_frontier_picture_when_both_sides_allow_it(t):
    opposed_preferences(t, visibility_a="mediator", visibility_b="mediator")
    run = services.suggestions_request(actor=t.mediator, process=t.process, inline=True)
    points = selectors.frontier_points(viewer=t.mediator, run=run)
    assert points and all(0 <= x <= 100 and 0 <= y <= 100 for x, y, _kind in points)
    assert selectors.frontier_points(viewer=t.a, run=run) == []


def test_a_changed_agenda_fails_the_run_with_a_plain_reason(t):
    opposed_preferences(t)
    add_issue(t.mediator, t.process, "Pets", ["Dog stays", "Dog goes"])
    run = services.suggestions_request(actor=t.mediator, process=t.process, inline=True)
    assert run.status == RunStatus.FAILED
    assert "agenda changed" in run.error


@pytest.mark.django_db(transaction=True)
def test_a_background_run_finishes_in_its_thread():
    t = make_table()
    opposed_preferences(t)
    run = services.suggestions_request(actor=t.mediator, process=t.process, inline=False)
    import time

    for _ in range(100):
        run.refresh_from_db()
        if run.status in (RunStatus.DONE, RunStatus.FAILED):
            break
        time.sleep(0.05)
    assert run.status == RunStatus.DONE


# --- 6. division ----------------------------------------------------------------------------


def test_adjusted_winner_division_reveals_only_who_gets_what(t):
    house = services.item_add(actor=t.a, process=t.process, name="House")
    car = services.item_add(actor=t.b, process=t.process, name="Car")
    pension = services.item_add(actor=t.mediator, process=t.process, name="Pension")
    with pytest.raises(InvalidInput, match="add up to 100; they add up to 90"):
        services.valuation_set(
            actor=t.a, process=t.process, values={house.id: 50, car.id: 10, pension.id: 30}
        )
    services.valuation_set(
        actor=t.a, process=t.process, values={house.id: 50, car.id: 10, pension.id: 40}
    )
    with pytest.raises(Conflict, match="Waiting for 1 side"):
        services.division_run(actor=t.mediator, process=t.process)
    services.valuation_set(
        actor=t.b, process=t.process, values={house.id: 30, car.id: 40, pension.id: 30}
    )
    result = services.division_run(actor=t.mediator, process=t.process)
    shares = {(s["item"], s["side"]): s["share"] for s in result.shares}
    assert shares[(str(house.id), str(t.a.side_id))] == "1"
    assert shares[(str(car.id), str(t.b.side_id))] == "1"
    assert shares[(str(pension.id), str(t.a.side_id))] == "0.2857"
    assert result.envy_free and result.equitable
    # Only who gets what is kept: item, side and share, never a side's points.
    assert {tuple(sorted(s)) for s in result.shares} == {("item", "share", "side")}
    assert {s["share"] for s in result.shares} == {"1", "0.2857", "0.7143"}


# --- 7. blind bidding -----------------------------------------------------------------------


@pytest.fixture
def bidding():
    t = make_table(money=True)
    support = t.issues[3]
    bidding = services.bidding_propose(
        actor=t.mediator, issue=support, payer=t.m.world.sides[0], band_percent="10"
    )
    with pytest.raises(Conflict):
        services.bid_submit(actor=t.a, bidding=bidding, amount="500")
    services.bidding_agree(actor=t.a, bidding=bidding)
    services.bidding_agree(actor=t.b, bidding=bidding)
    bidding.refresh_from_db()
    assert bidding.status == BiddingStatus.OPEN
    return t, bidding


def test_a_bid_outside_the_range_is_refused_and_changes_nothing(bidding):
    t, b = bidding
    before = (Bid.objects.count(), AuditEvent.objects.count())
    with pytest.raises(InvalidInput, match=r"between 0\.00 and 1000\.00") as refused:
        services.bid_submit(actor=t.a, bidding=b, amount="1500")
    assert refused.value.field == "amount"
    with pytest.raises(InvalidInput):
        services.bid_submit(actor=t.a, bidding=b, amount="lots")
    with pytest.raises(Forbidden):
        services.bid_submit(actor=t.mediator, bidding=b, amount="500")
    assert (Bid.objects.count(), AuditEvent.objects.count()) == before


def test_no_overlap_reveals_nothing_then_a_round_settles_at_the_midpoint(bidding):
    t, b = bidding
    services.bid_submit(actor=t.a, bidding=b, amount="300")  # the payer's offer
    with pytest.raises(Conflict, match="already given"):
        services.bid_submit(actor=t.a, bidding=b, amount="310")
    first = services.bid_submit(actor=t.b, bidding=b, amount="900")
    assert first.status == RoundStatus.NO_OVERLAP and first.amount is None
    second = BidRound.objects.get(bidding=b, number=2)
    services.bid_submit(actor=t.a, bidding=b, amount="860")
    services.bid_submit(actor=t.b, bidding=b, amount="900")
    second.refresh_from_db()
    assert second.status == RoundStatus.SETTLED and str(second.amount) == "880.00"
    support = t.issues[3]
    support.refresh_from_db()
    assert support.status == IssueStatus.TENTATIVE and str(support.tentative_amount) == "880.00"
    # Every value the bidding events recorded, ids aside: a random id may hold "860".
    recorded = " ".join(
        str(value)
        for payload in AuditEvent.objects.filter(action__startswith="bidding").values_list(
            "payload", flat=True
        )
        for key, value in payload.items()
        if key not in ("issue", "bidding")
    )
    for figure in ("300", "900", "860"):
        assert figure not in recorded
    assert selectors.own_bid(viewer=t.b, round=second).amount == 900
    assert selectors.own_bid(viewer=t.mediator, round=second) is None


# --- 8. the mediator's proposal -------------------------------------------------------------


def put(t, **kw):
    terms = [
        (t.issues[0], t.option(0, "With Alex"), None),
        (t.issues[1], t.option(1, "Alternate years"), None),
    ]
    return services.proposal_put(
        actor=t.mediator,
        process=t.process,
        terms=terms,
        deadline=kw.get("deadline", clock.now() + dt.timedelta(days=2)),
        client_key=key(),
    )


def test_all_accepted_turns_the_terms_into_tentative_agreement(t):
    with pytest.raises(Forbidden):
        services.proposal_put(
            actor=t.a, process=t.process, terms=[], deadline=clock.now(), client_key=key()
        )
    proposal = put(t)
    services.proposal_answer(actor=t.a, proposal=proposal, accept=True)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.OPEN
    with pytest.raises(Conflict, match="already answered"):
        services.proposal_answer(actor=t.a, proposal=proposal, accept=False)
    services.proposal_answer(actor=t.b, proposal=proposal, accept=True)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ALL_ACCEPTED
    assert [term.text for term in selectors.tentative_terms(t.process)] == [
        "With Alex",
        "Alternate years",
    ]


def test_not_all_accepted_reveals_no_one_and_keeps_the_terms_open(t):
    proposal = put(t)
    services.proposal_answer(actor=t.a, proposal=proposal, accept=False)
    services.proposal_answer(actor=t.b, proposal=proposal, accept=True)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.NOT_ALL_ACCEPTED
    assert selectors.tentative_terms(t.process) == []
    answered = AuditEvent.objects.filter(action="proposal.answered")
    assert [e.payload for e in answered] == [{"proposal": str(proposal.id)}] * 2
    assert selectors.own_answer(viewer=t.mediator, proposal=proposal) is None
    assert selectors.own_answer(viewer=t.b, proposal=proposal).accepted is True


def test_an_answer_after_the_deadline_is_refused_and_the_proposal_closes(t, monkeypatch):
    proposal = put(t, deadline=clock.now() + dt.timedelta(minutes=5))
    services.proposal_answer(actor=t.a, proposal=proposal, accept=True)
    later = clock.now() + dt.timedelta(minutes=6)
    monkeypatch.setattr(clock, "now", lambda: later)
    with pytest.raises(InvalidInput, match="deadline for answers has passed"):
        services.proposal_answer(actor=t.b, proposal=proposal, accept=True)
    assert ProposalAnswer.objects.filter(proposal=proposal).count() == 1
    assert services.proposals_close_due(process=t.process) == 1
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.NOT_ALL_ACCEPTED


def test_a_deadline_in_the_past_is_refused(t):
    with pytest.raises(InvalidInput, match="future") as refused:
        put(t, deadline=clock.now() - dt.timedelta(minutes=1))
    assert refused.value.field == "deadline"
