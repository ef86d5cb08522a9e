"""Reads of the settlement workspace. Each says who may call it.

The `access_*` functions are the gate for every page and API route: they answer NotFound for a
stranger, for a missing id and for a case participant who does not take part in the process
(an arbitrator never sees a mediation's workspace, DESIGN.md §4 invariant 3) alike.

Everything private to a side (preferences, bids, proposal answers, valuations, engine
utilities) is read only through functions that take the viewer and return the viewer's own
side's part, or the part the side opened to the mediator.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import formats

from accord.accounts.models import User
from accord.bargaining.models import (
    AgendaConfirmation,
    AgendaIssue,
    Bid,
    BiddingRuleAgreement,
    BidRound,
    BlindBidding,
    DivisionItem,
    DivisionResult,
    DivisionValuation,
    Interest,
    InterestLink,
    InterestShare,
    IssueAssent,
    IssueOption,
    MediatorsProposal,
    PartialChoice,
    Preference,
    ProposalAnswer,
    SuggestedPackage,
    SuggestionRun,
    WorkspaceChange,
)
from accord.bargaining.vocabulary import (
    AgendaState,
    IssueKind,
    IssueStatus,
    LinkStatus,
    PreferenceVisibility,
    Relation,
    ShareState,
    Topic,
)
from accord.cases.models import Participant, Process, Side
from accord.cases.rules import rules_for
from accord.cases.selectors import access_process, departed_side_ids, participations, sides_of
from accord.cases.vocabulary import ParticipantStatus, ProcessKind, Role
from accord.core.errors import NotFound
from accord.rooms.models import Message, Release, Room, RoomKind
from accord.rooms.visibility import can_view

FACILITATORS = frozenset({Role.MEDIATOR, Role.COORDINATOR})
# Roles that speak for a side here; a support person reads along but does not act.
SIDE_ACTORS = frozenset({Role.PRINCIPAL, Role.ADVOCATE})
SIDE_READERS = frozenset({Role.PRINCIPAL, Role.ADVOCATE, Role.SUPPORT})
# Processes where the parties decide; an arbitration has no settlement workspace.
_NO_WORKSPACE = frozenset({ProcessKind.ARBITRATION})


def _key(value: uuid.UUID | str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise NotFound from None


# --- who is looking -------------------------------------------------------------------------


def takes_part(participant: Participant, process: Process) -> bool:
    """Active, a role of the process, and (for a side role) the side has not left."""
    if participant.case_id != process.case_id or participant.status != ParticipantStatus.ACTIVE:
        return False
    if participant.role not in rules_for(process.kind).participant_roles:
        return False
    return participant.side_id is None or participant.side_id not in departed_side_ids(process)


def is_facilitator(participant: Participant) -> bool:
    return participant.role in FACILITATORS


def reads_for_side(participant: Participant, side_id: uuid.UUID | None) -> bool:
    """A member of this side (party, advocate or support person)."""
    return (
        side_id is not None and participant.role in SIDE_READERS and participant.side_id == side_id
    )


def has_facilitator(process: Process) -> bool:
    """Whether a mediator (or coordinator) runs the process and so settles its agenda."""
    return bool(rules_for(process.kind).required_neutrals & FACILITATORS)


def workspace_place(*, user: User, process: Process) -> Participant | None:
    """The user's place that takes part in the process: a facilitator's first, then a side's."""
    places = [p for p in participations(user=user, case=process.case) if takes_part(p, process)]
    places.sort(key=lambda p: (p.role not in FACILITATORS, p.role not in SIDE_ACTORS))
    return places[0] if places else None


def access_workspace(*, user: User, process_id: uuid.UUID | str) -> tuple[Process, Participant]:
    """The process and the place to act with, or NotFound (missing or not yours alike)."""
    process = access_process(user=user, process_id=process_id)
    if process.kind in _NO_WORKSPACE:
        raise NotFound
    place = workspace_place(user=user, process=process)
    if place is None:
        raise NotFound
    return process, place


def _through_process(user: User, obj: Any, process_id: uuid.UUID) -> tuple[Any, Participant]:
    if obj is None:
        raise NotFound
    _process, place = access_workspace(user=user, process_id=process_id)
    return obj, place


def access_issue(*, user: User, issue_id: uuid.UUID | str) -> tuple[AgendaIssue, Participant]:
    issue = (
        AgendaIssue.objects.select_related("process__case", "proposed_by")
        .filter(id=_key(issue_id))
        .first()
    )
    if issue is None:
        raise NotFound
    issue, place = _through_process(user, issue, issue.process_id)
    if not issue_visible(place, issue):
        raise NotFound
    return issue, place


def access_interest(*, user: User, interest_id: uuid.UUID | str) -> tuple[Interest, Participant]:
    interest = (
        Interest.objects.select_related("issue__process__case", "message__room__process")
        .filter(id=_key(interest_id))
        .first()
    )
    if interest is None:
        raise NotFound
    interest, place = _through_process(user, interest, interest.issue.process_id)
    if not can_view(place, interest.message):
        raise NotFound
    return interest, place


def access_link(*, user: User, link_id: uuid.UUID | str) -> tuple[InterestLink, Participant]:
    link = InterestLink.objects.select_related("process").filter(id=_key(link_id)).first()
    if link is None:
        raise NotFound
    link, place = _through_process(user, link, link.process_id)
    if not is_facilitator(place):
        raise NotFound
    return link, place


def access_run(*, user: User, run_id: uuid.UUID | str) -> tuple[SuggestionRun, Participant]:
    run = SuggestionRun.objects.select_related("process__case").filter(id=_key(run_id)).first()
    if run is None:
        raise NotFound
    return _through_process(user, run, run.process_id)


def access_item(*, user: User, item_id: uuid.UUID | str) -> tuple[DivisionItem, Participant]:
    item = DivisionItem.objects.select_related("process").filter(id=_key(item_id)).first()
    if item is None:
        raise NotFound
    return _through_process(user, item, item.process_id)


def access_bidding(*, user: User, bidding_id: uuid.UUID | str) -> tuple[BlindBidding, Participant]:
    bidding = (
        BlindBidding.objects.select_related("issue__process__case", "payer", "claimant")
        .filter(id=_key(bidding_id))
        .first()
    )
    if bidding is None:
        raise NotFound
    return _through_process(user, bidding, bidding.issue.process_id)


def access_proposal(
    *, user: User, proposal_id: uuid.UUID | str
) -> tuple[MediatorsProposal, Participant]:
    proposal = (
        MediatorsProposal.objects.select_related("process__case")
        .filter(id=_key(proposal_id))
        .first()
    )
    if proposal is None:
        raise NotFound
    return _through_process(user, proposal, proposal.process_id)


# --- 1. the agenda --------------------------------------------------------------------------


def issue_visible(viewer: Participant, issue: AgendaIssue) -> bool:
    """Agenda items are seen by all; a suggestion not (yet) on the agenda only by the side that
    made it and the facilitator, since in shuttle mediation it may be a private move."""
    if issue.state == AgendaState.ON_AGENDA or is_facilitator(viewer):
        return True
    return reads_for_side(viewer, issue.proposed_by.side_id) or issue.proposed_by_id == viewer.id


def agenda_for(*, viewer: Participant, process: Process) -> list[AgendaIssue]:
    """The issues the viewer may see, in order, with their options. For any place in it."""
    issues = (
        AgendaIssue.objects.filter(process=process)
        .select_related("proposed_by", "tentative_option")
        .prefetch_related(Prefetch("options", queryset=IssueOption.objects.order_by("position")))
        .order_by("position")
    )
    return [issue for issue in issues if issue_visible(viewer, issue)]


def agenda_issues(process: Process) -> list[AgendaIssue]:
    """The issues on the agenda, with options. For services and the engine adapter."""
    return list(
        AgendaIssue.objects.filter(process=process, state=AgendaState.ON_AGENDA)
        .select_related("tentative_option")
        .prefetch_related(Prefetch("options", queryset=IssueOption.objects.order_by("position")))
        .order_by("position")
    )


def sides_in(process: Process) -> list[Side]:
    """The sides still taking part in the process."""
    departed = departed_side_ids(process)
    return [side for side in sides_of(process.case) if side.id not in departed]


def latest_assents(issue: AgendaIssue) -> dict[uuid.UUID, IssueAssent]:
    """Each side's latest word on the issue (an assent is public among the process's
    participants: it is a "yes" said at the table, not a private figure)."""
    latest: dict[uuid.UUID, IssueAssent] = {}
    for assent in IssueAssent.objects.filter(issue=issue).order_by("created_at"):
        latest[assent.side_id] = assent
    return latest


def partial_agreements_allowed(process: Process) -> bool:
    """True when every remaining side's latest choice allows partial agreements."""
    latest: dict[uuid.UUID, bool] = {}
    for choice in PartialChoice.objects.filter(process=process).order_by("created_at"):
        latest[choice.side_id] = choice.allow
    sides = sides_in(process)
    return bool(sides) and all(latest.get(side.id, False) for side in sides)


def partial_choice_of(process: Process, side_id: uuid.UUID | None) -> bool:
    if side_id is None:
        return False
    choice = PartialChoice.objects.filter(process=process, side_id=side_id).order_by("-created_at")
    first = choice.first()
    return bool(first and first.allow)


@dataclass(frozen=True)
class Term:
    """One tentatively agreed (or agreed) term, as the agreement draft needs it."""

    issue_id: uuid.UUID
    title: str
    status: str
    option_id: uuid.UUID | None
    text: str  # the option's label, the amount with its unit, or the date, in the reader's language
    value: str = ""  # the same term, the same in every language: option id, amount or ISO date
    date: dt.date | None = None


def show_date(value: dt.date) -> str:
    """A date as the reader's language writes it ("March 1, 2026", "1 mars 2026")."""
    return formats.date_format(value, "DATE_FORMAT")


def term_text(
    issue: AgendaIssue,
    option: IssueOption | None,
    amount: Decimal | None,
    date: dt.date | None = None,
) -> str:
    if option is not None:
        return option.label
    if date is not None:
        return show_date(date)
    if amount is None:
        return ""
    return f"{amount} {issue.unit}".strip()


def term_value(
    issue: AgendaIssue, option_id: uuid.UUID | None, amount: Decimal | None, date: dt.date | None
) -> str:
    """The term in words that do not depend on the reader's language (the fingerprint's
    parts: an option's id, an amount with its unit, as before dates existed, an ISO date)."""
    if option_id is not None:
        return str(option_id)
    if date is not None:
        return date.isoformat()
    return "" if amount is None else f"{amount} {issue.unit}".strip()


def tentative_terms(process: Process) -> list[Term]:
    """The terms every side has said yes to, tentatively or finally, in agenda order.

    For the agreements app, which turns them into the draft. It holds nothing private: each
    term was agreed at the table (or through an accepted mediator's proposal). `text` is in
    the active language; `value` and `date` are the same in every language.
    """
    return [
        Term(
            issue_id=issue.id,
            title=issue.title,
            status=issue.status,
            option_id=issue.tentative_option_id,
            text=term_text(
                issue, issue.tentative_option, issue.tentative_amount, issue.tentative_date
            ),
            value=term_value(
                issue, issue.tentative_option_id, issue.tentative_amount, issue.tentative_date
            ),
            date=issue.tentative_date,
        )
        for issue in agenda_issues(process)
        if issue.status in (IssueStatus.TENTATIVE, IssueStatus.AGREED)
    ]


def terms_fingerprint(process: Process) -> str:
    """Names the tentative terms as they stand; a confirmation holds for these terms only.
    Built from language-neutral values, so sides reading in different languages agree."""
    parts = [f"{t.issue_id}={t.value}" for t in tentative_terms(process)]
    return hashlib.sha256("|".join(sorted(parts)).encode()).hexdigest()


def confirmed_side_ids(process: Process) -> set[uuid.UUID]:
    """Sides that confirmed the tentative terms as they stand now."""
    return set(
        AgendaConfirmation.objects.filter(
            process=process, fingerprint=terms_fingerprint(process)
        ).values_list("side_id", flat=True)
    )


# --- 2, 3. positions, interests, the interest map -------------------------------------------


def interest_room(process: Process, side_id: uuid.UUID) -> Room | None:
    """Where a side's positions and interests are written: its private session with the
    mediator if the process has one, else its own side room."""
    rooms = {
        room.kind: room
        for room in Room.objects.filter(
            process=process, side_id=side_id, kind__in=[RoomKind.CAUCUS, RoomKind.SIDE]
        ).select_related("process__case", "side")
    }
    return rooms.get(RoomKind.CAUCUS) or rooms.get(RoomKind.SIDE)


def interests_visible_to(
    *, viewer: Participant, process: Process, issue: AgendaIssue | None = None
) -> list[Interest]:
    """Positions and interests the viewer may read: by the rooms' one rule (can_view)."""
    rows = Interest.objects.filter(issue__process=process).select_related(
        "issue", "side", "message__room__process__case", "recorded_by__user"
    )
    if issue is not None:
        rows = rows.filter(issue=issue)
    return [row for row in rows.order_by("created_at") if can_view(viewer, row.message)]


def released_message_ids(messages: Iterable[Message]) -> set[uuid.UUID]:
    """Messages with a release that was not taken back (open, or already used)."""
    ids = [m.id for m in messages]
    return set(
        Release.objects.filter(message_id__in=ids)
        .exclude(status=Release.Status.REVOKED)
        .values_list("message_id", flat=True)
    )


def links_of(process: Process) -> QuerySet[InterestLink]:
    """Every link of the process. For the facilitator's interest map and for services."""
    return InterestLink.objects.filter(process=process).select_related(
        "first__message", "second__message", "first__issue", "second__issue"
    )


def interest_map(*, viewer: Participant, process: Process) -> list[dict[str, Any]]:
    """For the facilitator: per issue, each side's interests, each marked by its confirmed
    links (shared, compatible, conflicting), plus the suggestions waiting for a decision."""
    if not is_facilitator(viewer):
        return []
    interests = interests_visible_to(viewer=viewer, process=process)
    links = [link for link in links_of(process) if link.status != LinkStatus.DISMISSED]
    marks: dict[uuid.UUID, set[str]] = {}
    for link in links:
        if link.status == LinkStatus.CONFIRMED:
            for end in (link.first_id, link.second_id):
                marks.setdefault(end, set()).add(link.relation)
    sides = sides_in(process)
    groups = []
    for issue in agenda_issues(process):
        columns = []
        for side in sides:
            rows = [
                {"interest": i, "marks": sorted(marks.get(i.id, set()))}
                for i in interests
                if i.issue_id == issue.id and i.side_id == side.id
            ]
            columns.append({"side": side, "rows": rows})
        issue_links = [link for link in links if link.first.issue_id == issue.id]
        groups.append({"issue": issue, "columns": columns, "links": issue_links})
    return groups


def common_ground_links(process: Process) -> list[InterestLink]:
    """Confirmed shared or compatible links whose two interests were both released by their
    sides: what may be shown as common ground at all. For services and `common_ground_for`."""
    links = list(
        links_of(process).filter(
            status=LinkStatus.CONFIRMED, relation__in=[Relation.SHARED, Relation.COMPATIBLE]
        )
    )
    released = released_message_ids(
        [m for link in links for m in (link.first.message, link.second.message)]
    )
    return [link for link in links if {link.first.message_id, link.second.message_id} <= released]


def common_ground_sides(process: Process) -> dict[uuid.UUID, frozenset[uuid.UUID]]:
    """For each link of the common ground (`common_ground_links`), the sides that may see it:
    each of its two sides for which the other side's item was released, and not taken back,
    to the joint room or to that side's own private session. A side never learns of an item
    its side released only towards someone else."""
    links = common_ground_links(process)
    reach: dict[uuid.UUID, set[uuid.UUID | None]] = {}
    releases = (
        Release.objects.filter(
            message_id__in=[
                m for link in links for m in (link.first.message_id, link.second.message_id)
            ]
        )
        .exclude(status=Release.Status.REVOKED)
        .values_list("message_id", "target__kind", "target__side_id")
    )
    for message_id, kind, side_id in releases:
        if kind == RoomKind.JOINT:
            reach.setdefault(message_id, set()).add(None)  # None: every side
        elif kind == RoomKind.CAUCUS:
            reach.setdefault(message_id, set()).add(side_id)

    def reaches(message_id: uuid.UUID, side_id: uuid.UUID) -> bool:
        targets = reach.get(message_id, set())
        return None in targets or side_id in targets

    return {
        link.id: frozenset(
            side
            for side, other in (
                (link.first.side_id, link.second.message_id),
                (link.second.side_id, link.first.message_id),
            )
            if reaches(other, side)
        )
        for link in links
    }


def common_ground_for(*, viewer: Participant, process: Process) -> list[InterestLink]:
    """ "What you both care about": the common ground (`common_ground_links`). The
    facilitator sees every link; a side only those `common_ground_sides` lets it see. Only the
    mediator's summary is shown, never the parties' own words."""
    links = common_ground_links(process)
    if is_facilitator(viewer):
        return links
    sides = common_ground_sides(process)
    return [link for link in links if viewer.side_id in sides[link.id]]


def joint_room(process: Process) -> Room | None:
    """The process's joint room, if it has one (shuttle-only processes have none)."""
    return (
        Room.objects.filter(process=process, kind=RoomKind.JOINT)
        .select_related("process__case")
        .first()
    )


def share_states(interests: Iterable[Interest]) -> dict[uuid.UUID, str]:
    """Where each item stands, for the side that wrote it (and the mediator who reads it):
    not shared; released, so the mediator may share it; shared (relayed by the mediator, or
    posted to the joint room by the side itself). A revoked release counts as not shared."""
    items = list(interests)
    posted = set(
        InterestShare.objects.filter(interest__in=[i.id for i in items]).values_list(
            "interest_id", flat=True
        )
    )
    releases: dict[uuid.UUID, set[str]] = {}
    for message_id, status in Release.objects.filter(
        message_id__in=[i.message_id for i in items]
    ).values_list("message_id", "status"):
        releases.setdefault(message_id, set()).add(status)
    states: dict[uuid.UUID, str] = {}
    for item in items:
        found = releases.get(item.message_id, set())
        if item.id in posted or Release.Status.USED in found:
            states[item.id] = ShareState.SHARED
        elif Release.Status.OPEN in found:
            states[item.id] = ShareState.ALLOWED
        else:
            states[item.id] = ShareState.PRIVATE
    return states


def shared_with_everyone(*, viewer: Participant, process: Process) -> list[InterestShare]:
    """Items the sides shared themselves (negotiation), as the joint room shows them: read
    through the joint room's post, so the one visibility rule (can_view) decides."""
    rows = (
        InterestShare.objects.filter(interest__issue__process=process)
        .select_related(
            "interest__issue", "interest__side", "message__room__process__case", "shared_by__user"
        )
        .order_by("created_at")
    )
    return [row for row in rows if can_view(viewer, row.message)]


# --- 4. preferences -------------------------------------------------------------------------


def latest_preference(process: Process, side_id: uuid.UUID) -> Preference | None:
    """The side's current preferences (the latest row). For services and the adapter only."""
    return (
        Preference.objects.filter(process=process, side_id=side_id)
        .prefetch_related("weights", "scores")
        .order_by("-created_at")
        .first()
    )


def may_see_preference(viewer: Participant, preference: Preference) -> bool:
    """Invariant 4: the side itself; the facilitator only where the side allowed it."""
    if reads_for_side(viewer, preference.side_id):
        return True
    return is_facilitator(viewer) and preference.visibility == PreferenceVisibility.MEDIATOR


def preference_for(
    *, viewer: Participant, process: Process, side_id: uuid.UUID
) -> Preference | None:
    """A side's current preferences if the viewer may see them, else None."""
    preference = latest_preference(process, side_id)
    if preference is None or not may_see_preference(viewer, preference):
        return None
    return preference


def preference_status(*, process: Process) -> dict[uuid.UUID, bool]:
    """Whether each side has given preferences (yes/no only: for the facilitator's checklist)."""
    given = set(
        Preference.objects.filter(process=process).values_list("side_id", flat=True).distinct()
    )
    return {side.id: side.id in given for side in sides_in(process)}


# --- 5. engine suggestions ------------------------------------------------------------------


def latest_run(process: Process) -> SuggestionRun | None:
    return SuggestionRun.objects.filter(process=process).order_by("-created_at").first()


@dataclass(frozen=True)
class PackageView:
    """A suggested package as one viewer may see it: the terms, and only the utilities the
    viewer may know (its own side's, or, for the facilitator, the sides that allowed it)."""

    id: uuid.UUID
    kind: str
    rank: int
    terms: list[tuple[str, str]]  # (issue title, chosen term)
    utilities: dict[uuid.UUID, float]
    baseline: dict[uuid.UUID, float]


def choice_text(issue: AgendaIssue, choice: str, options: dict[str, IssueOption]) -> str:
    """An engine choice as stored (an option id, an amount, an ISO date) in the reader's words."""
    if issue.kind == IssueKind.OPTIONS:
        option = options.get(choice)
        return option.label if option is not None else ""
    if issue.kind == IssueKind.DATES:
        return term_text(issue, None, None, dt.date.fromisoformat(choice))
    return term_text(issue, None, Decimal(choice))


def _visible_side_ids(viewer: Participant, run: SuggestionRun) -> set[str]:
    if is_facilitator(viewer):
        return set(run.open_to_mediator)
    if viewer.role in SIDE_READERS and viewer.side_id is not None:
        return {str(viewer.side_id)}
    return set()


def packages_for(*, viewer: Participant, run: SuggestionRun) -> list[PackageView]:
    """The run's packages in the viewer's own terms. For any place in the process."""
    visible = _visible_side_ids(viewer, run)
    issues = {str(i.id): i for i in agenda_issues(run.process)}
    options = {str(o.id): o for o in IssueOption.objects.filter(issue__process=run.process)}
    rows = SuggestedPackage.objects.filter(run=run).order_by("rank")
    baseline_row = rows.filter(kind="baseline").first()
    views = []
    for row in rows:
        if row.kind == "baseline":
            continue
        terms = []
        for issue_id, choice in row.choices.items():
            issue = issues.get(issue_id)
            if issue is None:
                continue
            terms.append((issue.title, choice_text(issue, str(choice), options)))
        views.append(
            PackageView(
                id=row.id,
                kind=row.kind,
                rank=row.rank,
                terms=terms,
                utilities={
                    uuid.UUID(k): float(v) for k, v in row.utilities.items() if k in visible
                },
                baseline={
                    uuid.UUID(k): float(v)
                    for k, v in (baseline_row.utilities if baseline_row else {}).items()
                    if k in visible
                },
            )
        )
    return views


def frontier_points(*, viewer: Participant, run: SuggestionRun) -> list[tuple[float, float, str]]:
    """(first side's points, second's, kind) of every package, for the mediator's picture:
    only when exactly two sides both opened their preferences to the mediator."""
    sides = [str(s.id) for s in sides_in(run.process)]
    if not is_facilitator(viewer) or len(sides) != 2 or not set(sides) <= set(run.open_to_mediator):
        return []
    return [
        (float(row.utilities[sides[0]]), float(row.utilities[sides[1]]), row.kind)
        for row in SuggestedPackage.objects.filter(run=run).order_by("rank")
        if sides[0] in row.utilities and sides[1] in row.utilities
    ]


# --- 6. division ----------------------------------------------------------------------------


def division_items(process: Process) -> list[DivisionItem]:
    return list(DivisionItem.objects.filter(process=process).order_by("created_at"))


def latest_valuation(process: Process, side_id: uuid.UUID) -> DivisionValuation | None:
    """For services and the adapter; pages use `valuation_for`."""
    return (
        DivisionValuation.objects.filter(process=process, side_id=side_id)
        .order_by("-created_at")
        .first()
    )


def valuation_for(*, viewer: Participant, process: Process) -> DivisionValuation | None:
    """The viewer's own side's valuation; nobody else's, ever (not even the mediator's view)."""
    if viewer.role not in SIDE_READERS or viewer.side_id is None:
        return None
    return latest_valuation(process, viewer.side_id)


def valued_side_ids(process: Process) -> set[uuid.UUID]:
    return set(DivisionValuation.objects.filter(process=process).values_list("side_id", flat=True))


def latest_division(process: Process) -> DivisionResult | None:
    return DivisionResult.objects.filter(process=process).order_by("-created_at").first()


# --- 7. blind bidding -----------------------------------------------------------------------


def biddings_of(process: Process) -> list[BlindBidding]:
    return list(
        BlindBidding.objects.filter(issue__process=process)
        .select_related("issue", "payer", "claimant")
        .prefetch_related(Prefetch("rounds", queryset=BidRound.objects.order_by("number")))
        .order_by("created_at")
    )


def rule_agreed_side_ids(bidding: BlindBidding) -> set[uuid.UUID]:
    return set(
        BiddingRuleAgreement.objects.filter(bidding=bidding).values_list("side_id", flat=True)
    )


def current_round(bidding: BlindBidding) -> BidRound | None:
    return BidRound.objects.filter(bidding=bidding).order_by("-number").first()


def own_bid(*, viewer: Participant, round: BidRound) -> Bid | None:
    """The viewer's side's figure in the round; no one else's, ever."""
    if viewer.role not in SIDE_READERS or viewer.side_id is None:
        return None
    return Bid.objects.filter(round=round, side_id=viewer.side_id).first()


def round_has_bid(round: BidRound, side_id: uuid.UUID | None) -> bool:
    if side_id is None:
        return False
    return Bid.objects.filter(round=round, side_id=side_id).exists()


# --- 8. the mediator's proposal -------------------------------------------------------------


def proposals_of(process: Process) -> list[MediatorsProposal]:
    return list(
        MediatorsProposal.objects.filter(process=process)
        .prefetch_related("terms__issue", "terms__option")
        .order_by("-created_at")
    )


def own_answer(*, viewer: Participant, proposal: MediatorsProposal) -> ProposalAnswer | None:
    """The viewer's side's answer; nobody else's, not even the mediator's view."""
    if viewer.role not in SIDE_READERS or viewer.side_id is None:
        return None
    return ProposalAnswer.objects.filter(proposal=proposal, side_id=viewer.side_id).first()


def proposal_terms(proposal: MediatorsProposal) -> list[tuple[str, str]]:
    return [
        (term.issue.title, term_text(term.issue, term.option, term.amount, term.date))
        for term in proposal.terms.select_related("issue", "option").order_by("issue__position")
    ]


# --- live updates ---------------------------------------------------------------------------

AUDIENCE_ALL = "all"
AUDIENCE_FACILITATORS = "facilitators"


def side_audience(side_id: uuid.UUID) -> str:
    return f"side:{side_id}"


def audiences_of(viewer: Participant) -> set[str]:
    """The audiences whose changes this place sees: everyone's, its side's (a member of the
    side), the facilitators' (the mediator). Nobody is in another side's audience."""
    found = {AUDIENCE_ALL}
    if is_facilitator(viewer):
        found.add(AUDIENCE_FACILITATORS)
    if viewer.role in SIDE_READERS and viewer.side_id is not None:
        found.add(side_audience(viewer.side_id))
    return found


# Not a counted topic: releases are given, taken back and used in the rooms (the shuttle
# view), whose services know nothing of the workspace; their state is read, not counted.
RELEASES = "releases"


def _releases_seen(viewer: Participant, process: Process) -> int:
    """A number that changes whenever something the viewer sees of releases changes: the
    state of each release of a private-session item the viewer may read (its own side's; the
    facilitator's, every side's), and the common ground shown to the viewer. Three queries."""
    rows = Release.objects.filter(
        message__room__process=process, message__room__kind=RoomKind.CAUCUS
    )
    if not is_facilitator(viewer):
        if viewer.role not in SIDE_READERS or viewer.side_id is None:
            rows = rows.none()
        else:
            rows = rows.filter(message__room__side_id=viewer.side_id)
    seen = sorted(f"{pk}:{status}" for pk, status in rows.values_list("id", "status"))
    seen += sorted(f"link:{link.id}" for link in common_ground_for(viewer=viewer, process=process))
    digest = hashlib.sha256("|".join(seen).encode()).digest()
    return int.from_bytes(digest[:6], "big")  # 48 bits: exact in a browser's numbers


def change_counts(*, viewer: Participant, process: Process) -> dict[str, int]:
    """Per topic, how many changes the viewer's audiences have seen: the page compares them
    with the counts it was drawn with and fetches again the parts whose topic moved. Plus
    `RELEASES`, a fingerprint of what the viewer sees of releases. For any place in the
    process (four queries)."""
    counts = dict.fromkeys(Topic.values, 0)
    rows = WorkspaceChange.objects.filter(
        process=process, audience__in=sorted(audiences_of(viewer))
    ).values_list("topic", "count")
    for topic, count in rows:
        counts[topic] = counts.get(topic, 0) + count
    counts[RELEASES] = _releases_seen(viewer, process)
    return counts
