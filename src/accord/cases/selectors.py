"""Reads of cases and processes. Each says who may call it; none checks permission itself
except the `access_*` functions, which are the gate every view and API route goes through."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Count, Exists, QuerySet

from accord.accounts.models import User
from accord.accounts.selectors import user_has_strong_auth
from accord.cases.checks import registered_start_blockers, registered_steps
from accord.cases.models import (
    Case,
    ConfidentialityAcceptance,
    ConfidentialityChoice,
    ConflictDeclaration,
    MedArbConsent,
    Participant,
    Process,
    ProcessConsent,
    Side,
    SideDeparture,
)
from accord.cases.rules import rules_for
from accord.cases.vocabulary import (
    NEUTRAL_ROLES,
    ParticipantStatus,
    ProcessKind,
    ProcessStatus,
    Role,
)
from accord.core.errors import NotFound

# A participant in one of these states may open the case's pages.
_SEES_CASE = (ParticipantStatus.ACTIVE, ParticipantStatus.PENDING)

# Neutrals who facilitate (hear caucuses, read screening): one who later arbitrates needs
# every side's informed med-arb consent, and never sits in both places at once.
FACILITATOR_ROLES = frozenset({Role.MEDIATOR, Role.COORDINATOR})
# Places that are, or may become, in effect.
_OPEN = (ParticipantStatus.INVITED, ParticipantStatus.PENDING, ParticipantStatus.ACTIVE)


# Set on the places `participations` loads for one read: their standing in each process is
# asked once per read (see `standing_in`), as their status is read once with the row.
_STANDING_MEMO = "_accord_standing"


def participations(*, user: User, case: Case) -> list[Participant]:
    """The user's current roles in the case (usually one; a med-arb neutral may hold two).

    Every read path starts here, so these places carry a memo of their standing per process:
    a page that asks the visibility rule about many rooms and items pays its query once.
    """
    places = list(
        Participant.objects.filter(case=case, user=user, status__in=_SEES_CASE).select_related(
            "side"
        )
    )
    for place in places:
        setattr(place, _STANDING_MEMO, {})
    return places


def access_case(*, user: User, case_id: uuid.UUID | str) -> Case:
    """The case, or NotFound for a missing case and for a user who is not in it alike."""
    try:
        key = uuid.UUID(str(case_id))
    except ValueError:
        raise NotFound from None
    if not getattr(user, "is_authenticated", False):
        raise NotFound
    case = Case.objects.filter(
        id=key, participants__user=user, participants__status__in=_SEES_CASE
    ).first()
    if case is None:
        raise NotFound
    return case


def access_participation(
    *, user: User, case_id: uuid.UUID | str, role: str | None = None
) -> Participant:
    """The user's participation to act with, or NotFound (never revealing the case exists).

    With several roles in a case and no `role`, the first current one is used.
    """
    case = access_case(user=user, case_id=case_id)
    mine = participations(user=user, case=case)
    if role is not None:
        mine = [p for p in mine if p.role == role]
    if not mine:
        raise NotFound
    return mine[0]


def access_process(*, user: User, process_id: uuid.UUID | str) -> Process:
    try:
        key = uuid.UUID(str(process_id))
    except ValueError:
        raise NotFound from None
    process = Process.objects.select_related("case").filter(id=key).first()
    if process is None:
        raise NotFound
    access_case(user=user, case_id=process.case_id)
    return process


def cases_for(*, user: User) -> QuerySet[Case]:
    """The cases the user takes part in, newest first. For the user's own dashboard."""
    return (
        Case.objects.filter(participants__user=user, participants__status__in=_SEES_CASE)
        .distinct()
        .order_by("-created_at")
    )


def sides_of(case: Case) -> list[Side]:
    return list(case.sides.order_by("position"))


def current_participants(case: Case) -> QuerySet[Participant]:
    return Participant.objects.filter(case=case, status=ParticipantStatus.ACTIVE).select_related(
        "user", "side"
    )


def active_process(case: Case) -> Process | None:
    return Process.objects.filter(case=case, status=ProcessStatus.ACTIVE).first()


def proposed_process(case: Case) -> Process | None:
    return Process.objects.filter(case=case, status=ProcessStatus.PROPOSED).first()


def last_process(case: Case) -> Process | None:
    """The most recent process that ended or is under way (what a new proposal follows)."""
    return (
        Process.objects.filter(case=case, status__in=[ProcessStatus.ACTIVE, ProcessStatus.ENDED])
        .order_by("-created_at")
        .first()
    )


def processes_of(case: Case) -> QuerySet[Process]:
    return Process.objects.filter(case=case).order_by("created_at")


def consented_side_ids(process: Process) -> set[uuid.UUID]:
    return set(ProcessConsent.objects.filter(process=process).values_list("side_id", flat=True))


def departed_side_ids(process: Process) -> set[uuid.UUID]:
    return set(SideDeparture.objects.filter(process=process).values_list("side_id", flat=True))


@dataclass(frozen=True)
class Standing:
    """What decides, beyond a participant's own row, whether they take part in a process now."""

    side_departed: bool = False  # their side left the process
    terms_missing: bool = False  # confidential by its rules, and they have not accepted
    arbitrating: bool = False  # they hold a current or pending arbitrator place in the case


def standing_in(participant: Participant, process: Process) -> Standing:
    """The participant's standing in the process, in one query at most (none when nothing
    applies to them). Visibility asks this on every read, live events included, so the
    three questions are one round trip rather than three; and a place loaded by
    `participations` (one read's own copy) asks it once per process, then remembers it
    for as long as that copy lives, like the status it was loaded with.

    `arbitrating` is asked only of facilitators (mediator, coordinator): the firewall
    (DESIGN.md §4 invariant 3) shuts them out of every room of the process they facilitate.
    """
    memo: dict[uuid.UUID, Standing] | None = getattr(participant, _STANDING_MEMO, None)
    if memo is not None and process.id in memo:
        return memo[process.id]
    standing = _standing(participant, process)
    if memo is not None:
        memo[process.id] = standing
    return standing


def standing_questions(participant: Participant, process: Process) -> dict[str, Exists]:
    """The questions of `standing_in` for this place, as subqueries to annotate a query with
    (none when nothing applies to them). A caller reading the place itself may ask them in
    that same query and hand the answers to `standing_remember`."""
    questions: dict[str, Exists] = {}
    if participant.side_id is not None:
        questions["side_departed"] = Exists(
            SideDeparture.objects.filter(process_id=process.id, side_id=participant.side_id)
        )
    if rules_for(process.kind).confidentiality_terms_accepted_by_all:
        questions["terms_accepted"] = Exists(
            ConfidentialityAcceptance.objects.filter(
                process_id=process.id, participant_id=participant.id
            )
        )
    if participant.role in FACILITATOR_ROLES and participant.user_id is not None:
        questions["arbitrating"] = Exists(
            arbitrator_places(process.case_id).filter(user_id=participant.user_id)
        )
    return questions


def _answered(row: Mapping[str, object]) -> Standing:
    return Standing(
        side_departed=bool(row.get("side_departed", False)),
        terms_missing=not row.get("terms_accepted", True),
        arbitrating=bool(row.get("arbitrating", False)),
    )


def standing_remember(
    participant: Participant,
    process: Process,
    *,
    asked_of: Participant,
    answers: Mapping[str, object],
) -> None:
    """Keep the answers to `standing_questions(asked_of, process)`, read in the same query as
    `participant` (the same place, fresh), for `standing_in` to use for as long as this copy
    lives. The questions depend on the place's role, side and person: if the fresh row
    differs from the copy they were asked of, nothing is kept and `standing_in` asks again."""
    if (participant.id, participant.role, participant.side_id, participant.user_id) != (
        asked_of.id,
        asked_of.role,
        asked_of.side_id,
        asked_of.user_id,
    ):
        return
    memo: dict[uuid.UUID, Standing] = getattr(participant, _STANDING_MEMO, None) or {}
    memo[process.id] = _answered(answers)
    setattr(participant, _STANDING_MEMO, memo)


def _standing(participant: Participant, process: Process) -> Standing:
    questions = standing_questions(participant, process)
    if not questions:
        return Standing()
    row = Process.objects.filter(id=process.id).annotate(**questions).values(*questions).first()
    if row is None:  # the process is gone from under the caller: it is no standing at all
        return Standing(side_departed=True, terms_missing=True, arbitrating=True)
    return _answered(row)


def remaining_sides(process: Process) -> list[Side]:
    departed = departed_side_ids(process)
    return [side for side in sides_of(process.case) if side.id not in departed]


def latest_confidentiality_choices(process: Process) -> dict[uuid.UUID, bool]:
    """Each side's latest choice (a side may change its mind before the start)."""
    choices: dict[uuid.UUID, bool] = {}
    for side_id, confidential in (
        ConfidentialityChoice.objects.filter(process=process)
        .order_by("created_at")
        .values_list("side_id", "confidential")
    ):
        choices[side_id] = confidential
    return choices


def accepted_participant_ids(process: Process) -> set[uuid.UUID]:
    return set(
        ConfidentialityAcceptance.objects.filter(process=process).values_list(
            "participant_id", flat=True
        )
    )


def med_arb_consented_side_ids(case: Case) -> set[uuid.UUID]:
    return set(MedArbConsent.objects.filter(case=case).values_list("side_id", flat=True))


def has_mediated(*, case: Case, user_id: uuid.UUID | None) -> bool:
    """Whether this person ever held a facilitator's place (mediator or parenting
    coordinator) in the case, in any status once they took up the invitation."""
    if user_id is None:
        return False
    return (
        Participant.objects.filter(case=case, user_id=user_id, role__in=sorted(FACILITATOR_ROLES))
        .exclude(status=ParticipantStatus.INVITED)
        .exists()
    )


def holds_arbitrator_place(*, case: Case, user_id: uuid.UUID | None) -> bool:
    """Whether this person holds an arbitrator's place in the case that is in effect or may
    still take effect (accepted but pending; an unused invitation is not a place yet)."""
    if user_id is None:
        return False
    return arbitrator_places(case.id).filter(user_id=user_id).exists()


def arbitrator_places(case_id: uuid.UUID) -> QuerySet[Participant]:
    """The case's arbitrator places in effect or that may still take effect (accepted but
    pending): the firewall's one question (DESIGN.md §4 invariant 3), asked of one person
    or of several at once."""
    return Participant.objects.filter(
        case_id=case_id,
        role=Role.ARBITRATOR,
        status__in=(ParticipantStatus.PENDING, ParticipantStatus.ACTIVE),
    )


def has_managing_neutral(case: Case, *, in_effect: bool) -> bool:
    """Whether a mediator or coordinator runs the case (`in_effect`), or has at least been
    invited or appointed to (an open place of any status before it ends)."""
    statuses = (ParticipantStatus.ACTIVE,) if in_effect else _OPEN
    return Participant.objects.filter(
        case=case, role__in=sorted(FACILITATOR_ROLES), status__in=statuses
    ).exists()


def side_has_principal(side_id: uuid.UUID | str) -> bool:
    """Whether a side has a party already, or an invitation to one still open."""
    return Participant.objects.filter(
        side_id=side_id, role=Role.PRINCIPAL, status__in=_OPEN
    ).exists()


# --- what a person's cases are waiting on -----------------------------------------------------


class Waiting(StrEnum):
    """One thing a case is waiting on from the person looking at it."""

    DECLARE_CONFLICTS = "declare_conflicts"  # a neutral's appointment needs a declaration first
    TWO_FACTOR = "two_factor"  # a neutral's appointment needs two-factor sign-in
    TAKE_UP_APPOINTMENT = "take_up_appointment"  # every condition holds: the neutral takes it up
    MED_ARB_CONSENT = "med_arb_consent"  # the mediator is to arbitrate: the party's side decides
    CONSENT = "consent"  # a proposed process needs this side's answer
    CHOOSE_CONFIDENTIALITY = "choose_confidentiality"  # negotiation: the side has not chosen
    AGREE_ON_CONFIDENTIALITY = "agree_on_confidentiality"  # the sides chose differently
    ACCEPT_TERMS = "accept_terms"  # the confidentiality terms, before taking part
    # Registered by the safety app (checks.register_step_check):
    SCREENING_ANSWER = "screening_answer"  # a party has not answered the safety questions
    SCREENING_REVIEW = "screening_review"  # every party answered: the neutral confirms
    START = "start"  # everything is ready and this person is the one who starts it
    OTHERS = "others"  # this person's part is done; the process waits for other people


@dataclass(frozen=True)
class WaitingItem:
    kind: Waiting
    place: Participant  # the person's place in the case the item is for
    process: Process | None = None


@dataclass
class CaseOverview:
    """One case as its participant sees it on their dashboard."""

    case: Case
    places: list[Participant]
    active: Process | None
    proposed: Process | None
    latest: Process | None  # the most recent process of any status
    waiting: list[WaitingItem]

    @property
    def needs_me(self) -> list[WaitingItem]:
        return [item for item in self.waiting if item.kind != Waiting.OTHERS]


@dataclass
class _Facts:
    """Everything the waiting rules read, loaded once for all of a person's cases."""

    sides: dict[uuid.UUID, list[Side]]
    people: dict[uuid.UUID, list[Participant]]  # active and pending places of each case
    consented: dict[uuid.UUID, set[uuid.UUID]]
    departed: dict[uuid.UUID, set[uuid.UUID]]
    choices: dict[uuid.UUID, dict[uuid.UUID, bool]]
    accepted: dict[uuid.UUID, set[uuid.UUID]]
    med_arb: dict[uuid.UUID, set[uuid.UUID]]
    mediated: set[tuple[uuid.UUID, uuid.UUID]]  # (case, user) pairs that ever facilitated
    declarations: dict[uuid.UUID, bool]  # neutral place -> its latest declaration's conflict
    strong_auth: bool


def _load_facts(
    *,
    user: User,
    case_ids: list[uuid.UUID],
    open_ids: list[uuid.UUID],
    neutral_ids: list[uuid.UUID],
) -> _Facts:
    facts = _Facts(
        sides=defaultdict(list),
        people=defaultdict(list),
        consented=defaultdict(set),
        departed=defaultdict(set),
        choices=defaultdict(dict),
        accepted=defaultdict(set),
        med_arb=defaultdict(set),
        mediated=set(),
        declarations={},
        strong_auth=False,
    )
    for side in Side.objects.filter(case_id__in=case_ids).order_by("position"):
        facts.sides[side.case_id].append(side)
    for person in Participant.objects.filter(case_id__in=case_ids, status__in=_SEES_CASE):
        facts.people[person.case_id].append(person)
    for case_id, user_id in (
        Participant.objects.filter(
            case_id__in=case_ids, role__in=sorted(FACILITATOR_ROLES), user__isnull=False
        )
        .exclude(status=ParticipantStatus.INVITED)
        .values_list("case_id", "user_id")
    ):
        facts.mediated.add((case_id, user_id))
    for case_id, side_id in MedArbConsent.objects.filter(case_id__in=case_ids).values_list(
        "case_id", "side_id"
    ):
        facts.med_arb[case_id].add(side_id)
    if open_ids:
        for process_id, side_id in ProcessConsent.objects.filter(
            process_id__in=open_ids
        ).values_list("process_id", "side_id"):
            facts.consented[process_id].add(side_id)
        for process_id, side_id in SideDeparture.objects.filter(
            process_id__in=open_ids
        ).values_list("process_id", "side_id"):
            facts.departed[process_id].add(side_id)
        for process_id, side_id, confidential in (
            ConfidentialityChoice.objects.filter(process_id__in=open_ids)
            .order_by("created_at")
            .values_list("process_id", "side_id", "confidential")
        ):
            facts.choices[process_id][side_id] = confidential  # the latest choice counts
        for process_id, participant_id in ConfidentialityAcceptance.objects.filter(
            process_id__in=open_ids
        ).values_list("process_id", "participant_id"):
            facts.accepted[process_id].add(participant_id)
    if neutral_ids:
        declared = (
            ConflictDeclaration.objects.filter(participant_id__in=neutral_ids)
            .annotate(relationships=Count("related_to"))
            .order_by("created_at")
        )
        for declaration in declared:
            facts.declarations[declaration.participant_id] = (
                declaration.financial_interest or declaration.relationships > 0
            )
        facts.strong_auth = user_has_strong_auth(user)
    return facts


def _ready_to_start(process: Process, active: Process | None, facts: _Facts) -> bool:
    """Whether nothing stands between a proposed process and its start.

    The same conditions as `services.processes.start_blockers`, judged on preloaded facts;
    the dashboard tests hold the two to the same answers.
    """
    rules = rules_for(process.kind)
    case_id = process.case_id
    sides = facts.sides[case_id]
    current = [p for p in facts.people[case_id] if p.status == ParticipantStatus.ACTIVE]
    if active is not None:
        return False
    if any(side.id not in facts.consented[process.id] for side in sides):
        return False
    if any(not any(p.role == role for p in current) for role in rules.required_neutrals):
        return False
    if rules.confidentiality_chosen_by_sides:
        choices = facts.choices[process.id]
        if any(side.id not in choices for side in sides) or len(set(choices.values())) > 1:
            return False
    if rules.confidentiality_terms_accepted_by_all:
        accepted = facts.accepted[process.id]
        if any(p.role in rules.participant_roles and p.id not in accepted for p in current):
            return False
    if rules.kind == ProcessKind.ARBITRATION:
        for arbitrator in (p for p in current if p.role == Role.ARBITRATOR):
            mediated = (case_id, arbitrator.user_id) in facts.mediated
            if mediated and any(side.id not in facts.med_arb[case_id] for side in sides):
                return False
    # Other apps' conditions (screening): asked last, so only for a process that is otherwise
    # ready; their queries add up only for the few processes the user can start now.
    return not registered_start_blockers(process)


def _appointment_items(place: Participant, facts: _Facts) -> list[WaitingItem]:
    """A pending neutral's next step towards the appointment taking effect."""
    if place.role not in NEUTRAL_ROLES or place.status != ParticipantStatus.PENDING:
        return []
    conflicted = facts.declarations.get(place.id)
    if conflicted is None:
        return [WaitingItem(Waiting.DECLARE_CONFLICTS, place)]
    if conflicted:
        return []
    if not facts.strong_auth:
        return [WaitingItem(Waiting.TWO_FACTOR, place)]
    sides = facts.sides[place.case_id]
    if (
        place.role == Role.ARBITRATOR
        and (place.case_id, place.user_id) in facts.mediated
        and any(side.id not in facts.med_arb[place.case_id] for side in sides)
    ):
        return [WaitingItem(Waiting.OTHERS, place)]
    return [WaitingItem(Waiting.TAKE_UP_APPOINTMENT, place)]


def _med_arb_items(place: Participant, facts: _Facts) -> list[WaitingItem]:
    """A party decides for their side once their mediator is appointed to arbitrate."""
    if place.role != Role.PRINCIPAL or place.status != ParticipantStatus.ACTIVE:
        return []
    if place.side_id is None or place.side_id in facts.med_arb[place.case_id]:
        return []
    arbitrator_who_mediated = any(
        p.role == Role.ARBITRATOR
        and p.status == ParticipantStatus.PENDING
        and (place.case_id, p.user_id) in facts.mediated
        for p in facts.people[place.case_id]
    )
    return [WaitingItem(Waiting.MED_ARB_CONSENT, place)] if arbitrator_who_mediated else []


def _process_items(
    place: Participant, process: Process, active: Process | None, facts: _Facts
) -> list[WaitingItem]:
    if place.status != ParticipantStatus.ACTIVE:
        return []
    rules = rules_for(process.kind)
    departed = facts.departed[process.id]
    if place.side_id is not None and place.side_id in departed:
        return []
    items: list[WaitingItem] = []
    proposed = process.status == ProcessStatus.PROPOSED
    side_member = place.role in (Role.PRINCIPAL, Role.ADVOCATE) and place.side_id is not None
    if proposed and side_member:
        if place.side_id not in facts.consented[process.id]:
            items.append(WaitingItem(Waiting.CONSENT, place, process))
        if rules.confidentiality_chosen_by_sides:
            choices = facts.choices[process.id]
            sides = facts.sides[process.case_id]
            if place.side_id not in choices:
                items.append(WaitingItem(Waiting.CHOOSE_CONFIDENTIALITY, place, process))
            elif all(side.id in choices for side in sides) and len(set(choices.values())) > 1:
                items.append(WaitingItem(Waiting.AGREE_ON_CONFIDENTIALITY, place, process))
    if (
        rules.confidentiality_terms_accepted_by_all
        and place.role in rules.participant_roles
        and place.id not in facts.accepted[process.id]
    ):
        items.append(WaitingItem(Waiting.ACCEPT_TERMS, place, process))
    if proposed:
        items.extend(
            WaitingItem(Waiting(s), place, process) for s in registered_steps(place, process)
        )
    if proposed and place.role in rules.started_by and _ready_to_start(process, active, facts):
        items.append(WaitingItem(Waiting.START, place, process))
    if proposed and not items and place.role in rules.participant_roles:
        items.append(WaitingItem(Waiting.OTHERS, place, process))
    return items


def _remember_standing(places: list[Participant], listed: list[Process], facts: _Facts) -> None:
    """Each place's standing in the case's open processes, judged on the facts already
    loaded, so that asking the visibility rule about their rooms (the dashboard's unread
    counts) costs no query more per case."""
    for place in places:
        memo: dict[uuid.UUID, Standing] = {}
        arbitrating = place.role in FACILITATOR_ROLES and any(
            other.role == Role.ARBITRATOR and other.user_id == place.user_id
            for other in facts.people[place.case_id]  # current and pending places
        )
        for process in listed:
            if process.status not in (ProcessStatus.PROPOSED, ProcessStatus.ACTIVE):
                continue
            terms = rules_for(process.kind).confidentiality_terms_accepted_by_all
            memo[process.id] = Standing(
                side_departed=place.side_id is not None
                and place.side_id in facts.departed[process.id],
                terms_missing=terms and place.id not in facts.accepted[process.id],
                arbitrating=arbitrating,
            )
        setattr(place, _STANDING_MEMO, memo)


def case_overviews(*, user: User, case: Case | None = None) -> list[CaseOverview]:
    """The user's cases (or one of them), newest first, each with what it waits on from them.

    For the user's own dashboard and case page: it reads only the user's own places, the
    state of the case's processes and who has done their part, never any room's content.
    A constant number of queries, however many cases.
    """
    places_qs = Participant.objects.filter(user=user, status__in=_SEES_CASE).select_related(
        "case", "side"
    )
    if case is not None:
        places_qs = places_qs.filter(case=case)
    places = list(places_qs.order_by("created_at"))
    by_case: dict[uuid.UUID, list[Participant]] = defaultdict(list)
    cases: dict[uuid.UUID, Case] = {}
    for place in places:
        by_case[place.case_id].append(place)
        cases[place.case_id] = place.case
    case_ids = list(cases)
    processes: dict[uuid.UUID, list[Process]] = defaultdict(list)
    for process in Process.objects.filter(case_id__in=case_ids).order_by("created_at"):
        processes[process.case_id].append(process)
    open_ids = [
        p.id
        for listed in processes.values()
        for p in listed
        if p.status in (ProcessStatus.PROPOSED, ProcessStatus.ACTIVE)
    ]
    neutral_ids = [
        p.id for p in places if p.role in NEUTRAL_ROLES and p.status == ParticipantStatus.PENDING
    ]
    facts = _load_facts(user=user, case_ids=case_ids, open_ids=open_ids, neutral_ids=neutral_ids)

    overviews: list[CaseOverview] = []
    for case_id, the_case in cases.items():
        listed = processes[case_id]
        _remember_standing(by_case[case_id], listed, facts)
        active = next((p for p in listed if p.status == ProcessStatus.ACTIVE), None)
        proposed = next((p for p in listed if p.status == ProcessStatus.PROPOSED), None)
        waiting: list[WaitingItem] = []
        for place in by_case[case_id]:
            waiting += _appointment_items(place, facts)
            waiting += _med_arb_items(place, facts)
            for current in (active, proposed):
                if current is not None:
                    current.case = the_case
                    waiting += _process_items(place, current, active, facts)
        overviews.append(
            CaseOverview(
                case=the_case,
                places=by_case[case_id],
                active=active,
                proposed=proposed,
                latest=listed[-1] if listed else None,
                waiting=waiting,
            )
        )
    overviews.sort(key=lambda o: o.case.created_at, reverse=True)
    return overviews


# --- what the case pages show -------------------------------------------------------------


def people_of(*, case: Case, with_open_invitations: bool, viewer: User) -> list[Participant]:
    """Who is in the case, for its page: everyone current, and the viewer's own places.

    `with_open_invitations` (for managers only, whom the caller judges) adds invitations not
    yet used, appointments not yet in effect and neutrals not appointed for a conflict.
    """
    shown = [ParticipantStatus.ACTIVE]
    if with_open_invitations:
        shown += [ParticipantStatus.INVITED, ParticipantStatus.PENDING, ParticipantStatus.DECLINED]
    mine = Participant.objects.filter(case=case, user=viewer, status__in=_SEES_CASE)
    # Invitations the viewer sent and that are still open: a party may take them back.
    sent = Participant.objects.filter(
        case=case,
        invited_by__user=viewer,
        status__in=(ParticipantStatus.INVITED, ParticipantStatus.PENDING),
    )
    return list(
        (Participant.objects.filter(case=case, status__in=shown) | mine | sent)
        .distinct()
        .select_related("user", "side", "invited_by")
        .order_by("created_at")
    )


def shown_email(person: Participant, *, viewer: User, manager: bool) -> str:
    """The e-mail address a page may show beside someone: to the case's managers (its
    mediator or coordinator), one's own, and an unused invitation to whoever sent it (the
    address they typed, so they can spot a mistake). Nobody else's, ever."""
    if manager or person.user_id == viewer.id:
        return person.email
    sent_by_viewer = person.invited_by is not None and person.invited_by.user_id == viewer.id
    if person.status == ParticipantStatus.INVITED and sent_by_viewer:
        return person.email
    return ""


def participant_in_case(*, case: Case, participant_id: uuid.UUID | str) -> Participant:
    """A participant of this case by id, or NotFound (an id from another case is not here).

    Callers already hold access to the case.
    """
    try:
        key = uuid.UUID(str(participant_id))
    except ValueError:
        raise NotFound from None
    person = (
        Participant.objects.select_related("case", "user", "side").filter(case=case, id=key).first()
    )
    if person is None:
        raise NotFound
    return person


def conflict_candidates(*, neutral: Participant) -> list[Participant]:
    """The people a neutral checks for conflicts: everyone else with a name in the case.

    For the neutral's own declaration page; names only, never e-mail addresses.
    """
    others = Participant.objects.filter(case_id=neutral.case_id, status__in=_SEES_CASE).exclude(
        user__isnull=True
    )
    if neutral.user_id is not None:
        others = others.exclude(user_id=neutral.user_id)
    return list(others.select_related("user", "side").order_by("created_at"))


def latest_declaration(participant: Participant) -> ConflictDeclaration | None:
    """The neutral's most recent conflict declaration, for their own appointment page."""
    return participant.declarations.order_by("-created_at").first()


def latest_choice_of(*, process: Process, side_id: uuid.UUID) -> bool | None:
    """A side's current confidentiality choice (None before it chose), for that side's page."""
    return latest_confidentiality_choices(process).get(side_id)
