"""Property division, double-blind bidding and the mediator's proposal: the three tools
whose inputs are private to each side and whose result alone is revealed."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from accord.bargaining import adapters
from accord.bargaining.models import (
    AgendaIssue,
    Bid,
    BiddingRuleAgreement,
    BidRound,
    BlindBidding,
    DivisionItem,
    DivisionResult,
    DivisionValuation,
    IssueOption,
    MediatorsProposal,
    ProposalAnswer,
    ProposalTerm,
)
from accord.bargaining.permissions import (
    check_answer_proposal,
    check_facilitate,
    check_propose_issue,
    check_side_act,
)
from accord.bargaining.selectors import (
    division_items,
    has_facilitator,
    latest_valuation,
    rule_agreed_side_ids,
    sides_in,
)
from accord.bargaining.services._common import (
    audit,
    audit_system,
    check_key,
    fresh,
    locked_process,
    notify,
    side_of,
)
from accord.bargaining.services.agenda import (
    TermValue,
    check_term,
    parse_amount,
    terms_make_tentative,
)
from accord.bargaining.vocabulary import (
    AgendaState,
    BiddingStatus,
    DivisionMethod,
    IssueKind,
    IssueStatus,
    ProposalStatus,
    RoundStatus,
    Topic,
)
from accord.cases.models import Participant, Process, Side
from accord.core import clock
from accord.core.errors import Conflict, Forbidden, InvalidInput

TOTAL_POINTS = 100
MAX_ITEMS = 40
MAX_DEADLINE = dt.timedelta(days=60)


def _lead_or_side(actor: Participant, process: Process) -> None:
    """With a mediator, the mediator runs the tool; without one, any party or advocate."""
    if has_facilitator(process):
        check_facilitate(actor, process)
    else:
        check_side_act(actor, process)


# --- 6. property division -------------------------------------------------------------------


def item_add(*, actor: Participant, process: Process, name: str) -> DivisionItem:
    """Any side, or the mediator, lists an item to divide. Listing a new item means every
    side values the list again before the next division."""
    text = (name or "").strip()
    if not text or len(text) > 120:
        raise InvalidInput(_("Name the item in under 120 characters."), field="name")
    with transaction.atomic():
        process, actor = locked_process(process), fresh(actor)
        check_propose_issue(actor, process)
        if DivisionItem.objects.filter(process=process).count() >= MAX_ITEMS:
            raise Conflict(_("At most %(n)d items can be divided.") % {"n": MAX_ITEMS})
        if DivisionItem.objects.filter(process=process, name__iexact=text).exists():
            raise InvalidInput(_("This item is already listed."), field="name")
        item = DivisionItem.objects.create(process=process, name=text, added_by=actor)
        audit(actor, "division.item_added", item, {})
        notify(process, Topic.DIVISION)
    return item


def valuation_set(
    *, actor: Participant, process: Process, values: Mapping[uuid.UUID, int | None]
) -> DivisionValuation:
    """A side shares 100 points over the items, privately. The latest counts."""
    with transaction.atomic():
        process, actor = locked_process(process), fresh(actor)
        check_side_act(actor, process)
        items = division_items(process)
        if not items:
            raise Conflict(_("There are no items to value yet."))
        points: dict[str, int] = {}
        for item in items:
            value = values.get(item.id)
            if value is None or isinstance(value, bool) or not 0 <= int(value) <= TOTAL_POINTS:
                raise InvalidInput(
                    _("Give “%(item)s” between 0 and 100 points.") % {"item": item.name},
                    field=f"item_{item.id}",
                )
            points[str(item.id)] = int(value)
        total = sum(points.values())
        if total != TOTAL_POINTS:
            raise InvalidInput(
                _("Your points must add up to 100; they add up to %(total)d.") % {"total": total},
                field="values",
            )
        valuation = DivisionValuation.objects.create(
            process=process, side_id=side_of(actor), values=points, given_by=actor
        )
        audit(actor, "division.valued", valuation, {})  # never the points
        notify(process, Topic.DIVISION, sides=[actor.side_id], facilitators=False)
    return valuation


def division_run(*, actor: Participant, process: Process) -> DivisionResult:
    """Divide the items once every side has valued all of them: Adjusted Winner for two
    sides, maximum Nash welfare for more. Only who gets what is kept and shown."""
    with transaction.atomic():
        process, actor = locked_process(process), fresh(actor)
        _lead_or_side(actor, process)
        items = [str(item.id) for item in division_items(process)]
        if not items:
            raise Conflict(_("There are no items to divide yet."))
        sides = sides_in(process)
        valuations = [latest_valuation(process, side.id) for side in sides]
        waiting = sum(v is None or set(v.values) != set(items) for v in valuations)
        if waiting:
            raise Conflict(_("Waiting for %(n)d side(s) to value every item.") % {"n": waiting})
        division = adapters.divide(items, [v.values for v in valuations if v is not None])
        result = DivisionResult.objects.create(
            process=process,
            method=DivisionMethod(division.method),
            requested_by=actor,
            shares=[
                {"item": item, "side": str(sides[index].id), "share": str(share)}
                for item, index, share in division.shares
            ],
            envy_free=division.envy_free,
            envy_free_up_to_one=division.envy_free_up_to_one,
            equitable=division.equitable,
        )
        audit(actor, "division.divided", result, {"method": division.method})
        notify(process, Topic.DIVISION)
    return result


# --- 7. double-blind bidding ----------------------------------------------------------------


def bidding_propose(
    *,
    actor: Participant,
    issue: AgendaIssue,
    payer: Side,
    band_percent: object = None,
    band_absolute: object = None,
) -> BlindBidding:
    """Put a money issue to double-blind bidding under a band rule that every side must
    agree to before any figure is given."""
    with transaction.atomic():
        process, actor = locked_process(issue.process), fresh(actor)
        check_propose_issue(actor, process)
        issue = AgendaIssue.objects.get(id=issue.id)
        sides = sides_in(process)
        if issue.kind != IssueKind.RANGE or issue.state != AgendaState.ON_AGENDA:
            raise InvalidInput(_("Choose an amount issue on the agenda."), field="issue")
        if issue.status == IssueStatus.AGREED:
            raise Conflict(_("This issue is already agreed."))
        if len(sides) != 2 or payer.id not in {s.id for s in sides}:
            raise InvalidInput(
                _("Blind bidding is between two sides: choose who pays."), field="payer"
            )
        percent = None
        if band_percent not in (None, ""):
            percent = parse_amount(band_percent, field="band_percent")
            if percent > 100:
                raise InvalidInput(_("A percentage is at most 100."), field="band_percent")
        absolute = None
        if band_absolute not in (None, ""):
            absolute = parse_amount(band_absolute, field="band_absolute")
        if BlindBidding.objects.filter(
            issue=issue, status__in=[BiddingStatus.PROPOSED, BiddingStatus.OPEN]
        ).exists():
            raise Conflict(_("This issue already has a blind bidding under way."))
        claimant = next(s for s in sides if s.id != payer.id)
        bidding = BlindBidding.objects.create(
            issue=issue,
            payer=payer,
            claimant=claimant,
            band_percent=percent,
            band_absolute=absolute,
            proposed_by=actor,
        )
        audit(
            actor,
            "bidding.proposed",
            bidding,
            {
                "issue": str(issue.id),
                "band_percent": str(percent) if percent is not None else None,
                "band_absolute": str(absolute) if absolute is not None else None,
            },
        )
        notify(process, Topic.BIDDING)
    return bidding


def _locked_bidding(bidding: BlindBidding) -> BlindBidding:
    return (
        BlindBidding.objects.select_for_update(of=("self",), no_key=True)
        .select_related("issue__process__case", "payer", "claimant")
        .get(id=bidding.id)
    )


def bidding_agree(*, actor: Participant, bidding: BlindBidding) -> BlindBidding:
    """A side agrees to the band rule. Once both have, the first round opens."""
    with transaction.atomic():
        process, actor = locked_process(bidding.issue.process), fresh(actor)
        bidding = _locked_bidding(bidding)
        check_side_act(actor, process)
        if bidding.status != BiddingStatus.PROPOSED:
            raise Conflict(_("The rule of this bidding is already settled."))
        side = side_of(actor)
        if side not in (bidding.payer_id, bidding.claimant_id):
            raise Forbidden(_("Only the two sides of this bidding agree its rule."))
        if side in rule_agreed_side_ids(bidding):
            raise Conflict(_("Your side has already agreed to this rule."))
        agreement = BiddingRuleAgreement.objects.create(
            bidding=bidding, side_id=side, given_by=actor
        )
        audit(actor, "bidding.rule_agreed", agreement, {"bidding": str(bidding.id)})
        if {bidding.payer_id, bidding.claimant_id} <= rule_agreed_side_ids(bidding):
            bidding.status = BiddingStatus.OPEN
            bidding.save(update_fields=["status"])
            BidRound.objects.create(bidding=bidding, number=1)
            notify(process, Topic.BIDDING)
        else:  # that one side agreed is shown to that side only
            notify(process, Topic.BIDDING, sides=[side], facilitators=False)
    return bidding


def bid_submit(*, actor: Participant, bidding: BlindBidding, amount: object) -> BidRound:
    """A side gives its confidential figure for the current round. When both figures are in,
    the round settles or reports no overlap, and nothing else is revealed; after no overlap a
    new round opens. A figure outside the issue's agreed range is refused."""
    with transaction.atomic():
        process, actor = locked_process(bidding.issue.process), fresh(actor)
        bidding = _locked_bidding(bidding)
        check_side_act(actor, process)
        side = side_of(actor)
        if side not in (bidding.payer_id, bidding.claimant_id):
            raise Forbidden(_("Only the two sides of this bidding give figures."))
        if bidding.status != BiddingStatus.OPEN:
            raise Conflict(_("This bidding is not open for figures."))
        value = parse_amount(amount, field="amount")
        low, high = bidding.issue.bounds()
        if not low <= value <= high:
            raise InvalidInput(
                _(
                    "Your figure must be between %(low)s and %(high)s, the range agreed for "
                    "this issue."
                )
                % {"low": low, "high": high},
                field="amount",
            )
        current = BidRound.objects.filter(bidding=bidding).order_by("-number").first()
        if current is None or current.status != RoundStatus.OPEN:
            raise Conflict(_("This bidding is not open for figures."))
        if Bid.objects.filter(round=current, side_id=side).exists():
            raise Conflict(_("Your side has already given its figure for this round."))
        bid = Bid.objects.create(round=current, side_id=side, amount=value, given_by=actor)
        # That a figure was given, never the figure (not even hashed: it is a small number).
        audit(actor, "bidding.bid", bid, {"round": current.number})
        figures = {b.side_id: b for b in Bid.objects.filter(round=current)}
        if len(figures) == 2:
            offer, demand = figures[bidding.payer_id], figures[bidding.claimant_id]
            settled = adapters.blind_round(
                offer.amount, demand.amount, bidding.band_percent, bidding.band_absolute
            )
            if settled is None:
                current.status = RoundStatus.NO_OVERLAP
                current.save(update_fields=["status"])
                BidRound.objects.create(bidding=bidding, number=current.number + 1)
            else:
                current.status = RoundStatus.SETTLED
                current.amount = settled
                current.save(update_fields=["status", "amount"])
                bidding.status = BiddingStatus.SETTLED
                bidding.save(update_fields=["status"])
                terms_make_tentative(
                    process=process,
                    terms=[(bidding.issue, TermValue(amount=settled))],
                    assenters={side_id: b.given_by for side_id, b in figures.items()},
                )
                notify(process, Topic.TERMS)
            audit(
                actor,
                "bidding.round_closed",
                current,
                {
                    "round": current.number,
                    "status": current.status,
                    "amount": str(current.amount) if current.amount is not None else None,
                },
            )
            notify(process, Topic.BIDDING)
        else:  # a figure is its side's alone, and so is the fact that it was given
            notify(process, Topic.BIDDING, sides=[side], facilitators=False)
    return current


def bidding_stop(*, actor: Participant, bidding: BlindBidding) -> BlindBidding:
    """Either side (or the mediator) stops the bidding; figures given stay private."""
    with transaction.atomic():
        process, actor = locked_process(bidding.issue.process), fresh(actor)
        bidding = _locked_bidding(bidding)
        check_propose_issue(actor, process)
        if actor.side_id is not None and actor.side_id not in (
            bidding.payer_id,
            bidding.claimant_id,
        ):
            raise Forbidden(_("Only the two sides of this bidding or the mediator can stop it."))
        if bidding.status not in (BiddingStatus.PROPOSED, BiddingStatus.OPEN):
            raise Conflict(_("This bidding has already ended."))
        bidding.status = BiddingStatus.CLOSED
        bidding.save(update_fields=["status"])
        audit(actor, "bidding.stopped", bidding, {})
        notify(process, Topic.BIDDING)
    return bidding


# --- 8. the mediator's proposal -------------------------------------------------------------


# An issue, and its option (choice issues) or the typed amount or date (range, date issues).
TermInput = tuple[AgendaIssue, IssueOption | None, object]


def proposal_put(
    *,
    actor: Participant,
    process: Process,
    terms: Sequence[TermInput],
    deadline: dt.datetime,
    client_key: str,
    note: str = "",
) -> MediatorsProposal:
    """The mediator puts terms to every side, with a deadline for private yes-or-no answers."""
    check_key(client_key)
    text = (note or "").strip()
    if len(text) > 500:
        raise InvalidInput(_("Keep the note under 500 characters."), field="note")
    with transaction.atomic():
        process, actor = locked_process(process), fresh(actor)
        check_facilitate(actor, process)
        existing = MediatorsProposal.objects.filter(
            proposed_by=actor, client_key=client_key
        ).first()
        if existing is not None:
            return existing
        now = clock.now()
        if deadline.tzinfo is None:
            raise InvalidInput(_("Give the deadline with its time zone."), field="deadline")
        if deadline <= now:
            raise InvalidInput(_("The deadline must be in the future."), field="deadline")
        if deadline > now + MAX_DEADLINE:
            raise InvalidInput(_("Give the sides at most 60 days."), field="deadline")
        if not terms:
            raise InvalidInput(_("Propose terms for at least one issue."), field="terms")
        checked: list[tuple[AgendaIssue, TermValue]] = []
        seen: set[uuid.UUID] = set()
        for issue, option, value in terms:
            issue = AgendaIssue.objects.get(id=issue.id)
            if issue.process_id != process.id or issue.state != AgendaState.ON_AGENDA:
                raise InvalidInput(_("Propose terms only for issues on the agenda."), field="terms")
            if issue.status == IssueStatus.AGREED or issue.id in seen:
                raise InvalidInput(
                    _("%(issue)s is already agreed or listed twice.") % {"issue": issue.title},
                    field="terms",
                )
            seen.add(issue.id)
            if issue.kind == IssueKind.OPTIONS and (option is None or option.issue_id != issue.id):
                raise InvalidInput(
                    _("Choose an option for %(issue)s.") % {"issue": issue.title},
                    field=f"term_{issue.id}",
                )
            checked.append(
                (issue, check_term(issue, option, value, value, field=f"term_{issue.id}"))
            )
        if MediatorsProposal.objects.filter(process=process, status=ProposalStatus.OPEN).exists():
            raise Conflict(_("A proposal is already waiting for answers."))
        proposal = MediatorsProposal.objects.create(
            process=process, proposed_by=actor, deadline=deadline, note=text, client_key=client_key
        )
        ProposalTerm.objects.bulk_create(
            ProposalTerm(
                proposal=proposal,
                issue=issue,
                option=term.option,
                amount=term.amount,
                date=term.date,
            )
            for issue, term in checked
        )
        audit(actor, "proposal.put", proposal, {"terms": len(checked)})
        notify(process, Topic.PROPOSAL)
    return proposal


def _resolve(proposal: MediatorsProposal, actor: Participant | None) -> None:
    """Reveal only "all accepted" or "not all accepted"; on all accepted the terms become
    tentatively agreed agenda terms, assented by whoever answered for each side."""
    process = proposal.process
    sides = [s.id for s in sides_in(process)]
    answers = {a.side_id: a for a in ProposalAnswer.objects.filter(proposal=proposal)}
    accepted = adapters.all_accepted({k: a.accepted for k, a in answers.items()}, sides)
    proposal.status = ProposalStatus.ALL_ACCEPTED if accepted else ProposalStatus.NOT_ALL_ACCEPTED
    proposal.resolved_at = clock.now()
    proposal.save(update_fields=["status", "resolved_at"])
    if accepted:
        terms_make_tentative(
            process=process,
            terms=[
                (t.issue, TermValue(option=t.option, amount=t.amount, date=t.date))
                for t in proposal.terms.select_related("issue", "option")
            ],
            assenters={side: answers[side].given_by for side in sides},
        )
        notify(process, Topic.TERMS)
    if actor is None:  # the deadline passed: the clock closed it, not a person
        audit_system(process, "proposal.resolved", proposal, {"status": proposal.status})
    else:
        audit(actor, "proposal.resolved", proposal, {"status": proposal.status})
    # Everyone learns the result, and only the result: never who answered what.
    notify(process, Topic.PROPOSAL)


def _locked_proposal(proposal: MediatorsProposal) -> MediatorsProposal:
    return (
        MediatorsProposal.objects.select_for_update(of=("self",), no_key=True)
        .select_related("process__case")
        .get(id=proposal.id)
    )


def proposal_answer(
    *, actor: Participant, proposal: MediatorsProposal, accept: bool
) -> MediatorsProposal:
    """A side answers yes or no, privately, once, before the deadline. When the last side
    answers, the result is revealed (only all / not all)."""
    with transaction.atomic():
        process, actor = locked_process(proposal.process), fresh(actor)
        proposal = _locked_proposal(proposal)
        if proposal.status == ProposalStatus.OPEN and proposal.deadline <= clock.now():
            raise InvalidInput(
                _("The deadline for answers has passed; your answer was not recorded."),
                field="accept",
            )
        check_answer_proposal(actor, proposal)
        side = side_of(actor)
        if ProposalAnswer.objects.filter(proposal=proposal, side_id=side).exists():
            raise Conflict(_("Your side has already answered."))
        answer = ProposalAnswer.objects.create(
            proposal=proposal, side_id=side, accepted=bool(accept), given_by=actor
        )
        audit(actor, "proposal.answered", answer, {"proposal": str(proposal.id)})  # not yes/no
        remaining = {s.id for s in sides_in(process)}
        answered = set(
            ProposalAnswer.objects.filter(proposal=proposal).values_list("side_id", flat=True)
        )
        if remaining <= answered:
            _resolve(proposal, actor)
        else:  # only the side itself learns that it has answered, and what
            notify(process, Topic.PROPOSAL, sides=[side], facilitators=False)
    return proposal


def proposals_close_due(*, process: Process) -> int:
    """Close proposals whose deadline passed: a missing answer counts as no, so the result is
    "not all accepted" unless every side had said yes. Any reader of the workspace may
    trigger it (it follows from the clock alone); returns how many closed."""
    due = list(
        MediatorsProposal.objects.filter(
            process=process, status=ProposalStatus.OPEN, deadline__lte=clock.now()
        ).values_list("id", flat=True)
    )
    for proposal_id in due:
        with transaction.atomic():
            locked_process(process)
            proposal = (
                MediatorsProposal.objects.select_for_update(of=("self",), no_key=True)
                .select_related("process__case")
                .get(id=proposal_id)
            )
            if proposal.status == ProposalStatus.OPEN:
                _resolve(proposal, None)
    return len(due)
