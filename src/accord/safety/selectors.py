"""Reads of screening, response requests and the balance meter.

Screening answers are read only through the functions here, which apply one rule
(`sees_answers_of`): a response is seen by the principal who gave it and by the process's
facilitating neutrals, never by the other side, an advocate, a support person, an expert, an
observer or an arbitrator (DESIGN.md §4 invariants 3 and 5), and nothing here feeds an export.

`process_configuration` and `screening_blockers` are the hooks the process start and the
room plan read; they reveal measures, never answers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.db.models.functions import Length
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.cases.models import Participant, Process, Side, SideDeparture
from accord.cases.rules import rules_for
from accord.cases.selectors import (
    Waiting,
    access_case,
    arbitrator_places,
    departed_side_ids,
    participations,
    sides_of,
)
from accord.cases.vocabulary import ParticipantStatus, ProcessStatus, Role
from accord.core.errors import NotFound
from accord.rooms.models import Message, Room, RoomKind
from accord.rooms.selectors import rooms_visible_to
from accord.rooms.visibility import can_view, in_audience
from accord.safety.models import (
    NonResponse,
    ReminderSent,
    ResponseRequest,
    SafetyConfiguration,
    ScreeningResponse,
)
from accord.safety.rules import (
    JOINT_FORMATS,
    SCREENED_KINDS,
    Recommendation,
    Rule,
    fired_rules,
    recommend,
)
from accord.safety.vocabulary import QUESTIONS, Level, Measure, RequestStatus

# The neutrals who run private sessions, and so screen the parties.
FACILITATORS = frozenset({Role.MEDIATOR, Role.COORDINATOR})


# --- who sees screening answers --------------------------------------------------------------


def is_screened(process: Process) -> bool:
    return process.kind in SCREENED_KINDS


def is_facilitator(participant: Participant, process: Process) -> bool:
    """A facilitating neutral (mediator, coordinator) of this process, in effect, who is not
    also an arbitrator in the case.

    An arbitrator never sees a mediation room or a screening answer, including a person who
    mediated before (DESIGN.md §4 invariant 3): holding a current or pending arbitrator place
    in the case shuts these off for every place that person holds.
    """
    if participant.case_id != process.case_id or not participant.is_current:
        return False
    if participant.user_id is None:
        return False
    if participant.role not in FACILITATORS & rules_for(process.kind).participant_roles:
        return False
    return not _arbitrating(process.case_id, {participant.user_id})


def _arbitrating(case_id: uuid.UUID, user_ids: set[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these users hold a current or pending arbitrator place in the case: the
    firewall's one question, asked for one person or for every neutral at once."""
    return set(
        arbitrator_places(case_id).filter(user_id__in=user_ids).values_list("user_id", flat=True)
    )


def takes_part(participant: Participant, process: Process) -> bool:
    """In effect, in a role of this process, and (for a side) of a side still in it."""
    if participant.case_id != process.case_id or not participant.is_current:
        return False
    if participant.role not in rules_for(process.kind).participant_roles:
        return False
    return participant.side_id is None or participant.side_id not in departed_side_ids(process)


def is_screening_neutral(participant: Participant, process: Process) -> bool:
    """The neutral who reads the parties' answers: a facilitator of a screened process."""
    return is_screened(process) and is_facilitator(participant, process)


def is_screened_principal(participant: Participant, process: Process) -> bool:
    """A party of a side still in the process, in effect: the people who answer."""
    return (
        participant.case_id == process.case_id
        and participant.is_current
        and participant.role == Role.PRINCIPAL
        and participant.side_id is not None
        and participant.side_id not in departed_side_ids(process)
        and is_screened(process)
    )


def sees_answers_of(viewer: Participant, response: ScreeningResponse, process: Process) -> bool:
    """The one rule: the principal who answered, and the process's facilitating neutrals."""
    if viewer.id == response.participant_id and viewer.is_current:
        return True
    return is_screening_neutral(viewer, process)


# --- whose answers count -------------------------------------------------------------------


def screened_principals(process: Process) -> list[Participant]:
    """The parties who answer for this process: current principals of sides still in it."""
    departed = departed_side_ids(process)
    return [
        person
        for person in Participant.objects.filter(
            case_id=process.case_id, role=Role.PRINCIPAL, status=ParticipantStatus.ACTIVE
        )
        .select_related("user", "side")
        .order_by("side__position", "created_at")
        if person.side_id not in departed
    ]


def _latest_by_participant(
    responses: Iterable[ScreeningResponse],
) -> dict[uuid.UUID, ScreeningResponse]:
    latest: dict[uuid.UUID, ScreeningResponse] = {}
    for response in responses:  # ordered oldest first: the last one wins
        latest[response.participant_id] = response
    return latest


def latest_confirmation(process: Process) -> SafetyConfiguration | None:
    return SafetyConfiguration.objects.filter(process=process).order_by("-created_at").first()


def _carried_from(process: Process) -> Process | None:
    """The earlier screened process whose answers still count here, if any: the most recent
    one before it with a confirmed configuration that did not call for screening again."""
    earlier = (
        Process.objects.filter(
            case_id=process.case_id,
            kind__in=sorted(SCREENED_KINDS),
            created_at__lt=process.created_at,
        )
        .exclude(id=process.id)
        .order_by("-created_at")
    )
    for candidate in earlier:
        confirmation = latest_confirmation(candidate)
        if confirmation is None:
            continue
        return None if confirmation.rescreen else candidate
    return None


def current_responses(
    process: Process, principals: list[Participant] | None = None
) -> dict[uuid.UUID, ScreeningResponse]:
    """Each screened principal's answers that count for this process: their latest for it,
    else (when the last screening did not call for screening again) their latest from the
    earlier process. Keyed by participant id. For services and the selectors below; a
    caller that already read `screened_principals` passes them."""
    if principals is None:
        principals = screened_principals(process)
    ids = [p.id for p in principals]
    own = _latest_by_participant(
        ScreeningResponse.objects.filter(process=process, participant_id__in=ids).order_by(
            "created_at"
        )
    )
    missing = [pid for pid in ids if pid not in own]
    if missing and is_screened(process):
        source = _carried_from(process)
        if source is not None:
            carried = _latest_by_participant(
                ScreeningResponse.objects.filter(
                    process=source, participant_id__in=missing
                ).order_by("created_at")
            )
            own.update(carried)
    return own


def _based_on(responses: dict[uuid.UUID, ScreeningResponse]) -> list[str]:
    return sorted(str(r.id) for r in responses.values())


# --- the configuration the process start and the room plan read -----------------------------


@dataclass(frozen=True)
class Configuration:
    """How a process must run, as screening decided it. Holds measures, never answers.

    A measure is on when the neutral confirmed it, or when the current answers require it
    (so a party who discloses fear later is protected before anyone confirms again).
    """

    screening_required: bool  # this kind of process is screened
    screening_complete: bool  # every party answered and a neutral confirmed those answers
    shuttle_only: bool  # no joint room, no direct messages
    staggered: bool  # separate meeting times, no shared waiting
    support_required: bool
    rescreen: bool  # the next process screens again
    # The sides whose party asked for a support person (for the neutral and the scheduler).
    support_side_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)
    still_to_answer: int = 0


NOT_SCREENED = Configuration(
    screening_required=False,
    screening_complete=True,
    shuttle_only=False,
    staggered=False,
    support_required=False,
    rescreen=False,
)


def _recommendation(responses: dict[uuid.UUID, ScreeningResponse]) -> Recommendation:
    return recommend([r.answers for r in responses.values()])


def process_configuration(process: Process) -> Configuration:
    """The configuration a process runs with. For the process start (blockers), the room
    plan (shuttle_only) and scheduling (staggered); safe for any caller: measures only."""
    if not is_screened(process):
        return NOT_SCREENED
    principals = screened_principals(process)
    responses = current_responses(process, principals)
    recommendation = _recommendation(responses)
    required = recommendation.at_least(Level.REQUIRED)
    confirmation = latest_confirmation(process)
    confirmed = confirmation is not None and confirmation.based_on == _based_on(responses)
    missing = sum(1 for p in principals if p.id not in responses)

    def on(measure: Measure, chosen: bool | None) -> bool:
        return measure in required or bool(chosen)

    support = on(Measure.SUPPORT, confirmation.support if confirmation else None)
    support_sides = frozenset(
        person.side_id
        for person in principals
        if person.id in responses
        and person.side_id is not None
        and any(
            rule.measures.get(Measure.SUPPORT, Level.NONE) >= Level.SUGGESTED
            for rule in fired_rules(responses[person.id].answers)
        )
    )
    return Configuration(
        screening_required=True,
        screening_complete=bool(principals) and missing == 0 and confirmed,
        shuttle_only=on(Measure.SHUTTLE_ONLY, confirmation.shuttle_only if confirmation else None),
        staggered=on(Measure.STAGGERED, confirmation.staggered if confirmation else None),
        support_required=support,
        rescreen=on(Measure.RESCREEN, confirmation.rescreen if confirmation else None),
        support_side_ids=support_sides if support else frozenset(),
        still_to_answer=missing,
    )


def screening_blockers(process: Process) -> list[str]:
    """What screening still stands between a proposed process and its start, in words that
    name no one and reveal no answer (start blockers are shown to every participant)."""
    configuration = process_configuration(process)
    if not configuration.screening_required:
        return []
    blockers: list[str] = []
    if not configuration.screening_complete:
        blockers.append(
            _(
                "Screening is not complete: each party answers the private safety questions "
                "and the neutral confirms how the process will run."
            )
        )
        if _only_firewalled_neutrals(process):
            blockers.append(
                _(
                    "The neutral is also to arbitrate this case, so may not read the screening "
                    "answers: another neutral must be appointed to review them."
                )
            )
    # Only the neutral's confirmed choice is said aloud: before the review, the rules'
    # recommendation follows from one party's answers, and every participant reads this.
    shuttle_chosen = configuration.screening_complete and configuration.shuttle_only
    if shuttle_chosen and process.format in JOINT_FORMATS:
        blockers.append(
            _(
                "This process must run in separate rooms only: propose it again with the "
                "shuttle format."
            )
        )
    return blockers


def _only_firewalled_neutrals(process: Process) -> bool:
    """Whether the process's own kind of neutral is in effect but every one of them holds an
    arbitrator place in the case too (so `is_facilitator` shuts the answers off from them).
    Two queries, however many people."""
    roles = sorted(FACILITATORS & rules_for(process.kind).participant_roles)
    neutrals = set(
        Participant.objects.filter(
            case_id=process.case_id, role__in=roles, status=ParticipantStatus.ACTIVE
        ).values_list("user_id", flat=True)
    )
    if not neutrals:
        return False
    return neutrals <= _arbitrating(process.case_id, neutrals)


def screening_steps(place: Participant, process: Process) -> list[str]:
    """What screening waits on from this person before the process starts, for their
    dashboard: their own answers, or, once every party answered, the neutral's review.
    Says nothing about anyone else's answers."""
    if process.status != ProcessStatus.PROPOSED or not is_screened(process):
        return []
    if is_screened_principal(place, process):
        if own_response(participant=place, process=process) is None:
            return [Waiting.SCREENING_ANSWER]
        return []
    if is_screening_neutral(place, process):
        configuration = process_configuration(process)
        if configuration.still_to_answer == 0 and not configuration.screening_complete:
            return [Waiting.SCREENING_REVIEW]
    return []


# --- what the pages and the API show ---------------------------------------------------------


@dataclass(frozen=True)
class AnswerLine:
    key: str
    question: str
    answer: str  # its label; "" if not answered
    value: str


@dataclass(frozen=True)
class PartyScreening:
    """One party's screening as the neutral sees it."""

    participant: Participant
    response: ScreeningResponse | None
    carried: bool  # the answers come from an earlier process
    lines: tuple[AnswerLine, ...]
    fired: tuple[Rule, ...]


@dataclass(frozen=True)
class ScreeningSummary:
    """Everything the neutral's summary shows; built only for a screening neutral."""

    process: Process
    parties: tuple[PartyScreening, ...]
    recommendation: Recommendation
    configuration: Configuration
    confirmation: SafetyConfiguration | None
    up_to_date: bool  # the confirmation is based on the current answers
    based_on: tuple[str, ...]


def answer_lines(answers: dict[str, str]) -> tuple[AnswerLine, ...]:
    return tuple(
        AnswerLine(
            key=q.key,
            question=str(q.text),
            answer=q.label_of(answers[q.key]) if q.key in answers else "",
            value=answers.get(q.key, ""),
        )
        for q in QUESTIONS
    )


def screening_summary(*, viewer: Participant, process: Process) -> ScreeningSummary | None:
    """The neutral's summary with every party's answers, or None for anyone who is not a
    screening neutral of the process (the caller turns that into its refusal)."""
    if not is_screening_neutral(viewer, process):
        return None
    responses = current_responses(process)
    parties = []
    for person in screened_principals(process):
        response = responses.get(person.id)
        answers = response.answers if response else {}
        parties.append(
            PartyScreening(
                participant=person,
                response=response,
                carried=response is not None and response.process_id != process.id,
                lines=answer_lines(answers),
                fired=fired_rules(answers),
            )
        )
    confirmation = latest_confirmation(process)
    based_on = _based_on(responses)
    return ScreeningSummary(
        process=process,
        parties=tuple(parties),
        recommendation=_recommendation(responses),
        configuration=process_configuration(process),
        confirmation=confirmation,
        up_to_date=confirmation is not None and confirmation.based_on == based_on,
        based_on=tuple(based_on),
    )


def own_response(*, participant: Participant, process: Process) -> ScreeningResponse | None:
    """A party's own answers that count for this process (theirs only), for their form."""
    if not is_screened_principal(participant, process):
        return None
    return current_responses(process).get(participant.id)


def may_answer_now(process: Process) -> bool:
    """Answers are given before the start, and may be updated while it runs."""
    return process.status in (ProcessStatus.PROPOSED, ProcessStatus.ACTIVE)


def facilitators_of(process: Process) -> list[Participant]:
    """The process's facilitating neutrals in effect (who is told of new answers, who sees
    missed deadlines and the balance meter)."""
    roles = sorted(FACILITATORS & rules_for(process.kind).participant_roles)
    return [
        person
        for person in Participant.objects.filter(
            case_id=process.case_id, role__in=roles, status=ParticipantStatus.ACTIVE
        ).select_related("user", "case")
        if is_facilitator(person, process)
    ]


# --- response requests -----------------------------------------------------------------------


def _request_rows() -> QuerySet[ResponseRequest]:
    return ResponseRequest.objects.select_related(
        "process__case", "room__process__case", "room__side", "asked_side", "asked_by__user"
    )


def access_request(
    *, user: User, request_id: uuid.UUID | str
) -> tuple[ResponseRequest, Participant]:
    """A response request and the user's place that sees its room, or NotFound for a missing
    id and for anyone who cannot see the room alike."""
    try:
        key = uuid.UUID(str(request_id))
    except ValueError:
        raise NotFound from None
    request = _request_rows().filter(id=key).first()
    if request is None:
        raise NotFound
    access_case(user=user, case_id=request.process.case_id)
    for place in participations(user=user, case=request.process.case):
        if can_view(place, request.room):
            return request, place
    raise NotFound


def requests_seen_by(*, viewer: Participant, process: Process) -> list[ResponseRequest]:
    """The process's requests in rooms the viewer sees, soonest due first. Their status reads
    "no response yet" or "answered" (or withdrawn), never "missed"."""
    rooms = {room.id for room in rooms_visible_to(participant=viewer, process=process)}
    return list(
        _request_rows().filter(process=process, room_id__in=rooms).order_by("due_at", "created_at")
    )


def missed_requests(*, viewer: Participant, process: Process) -> list[NonResponse]:
    """Non-response records, for the process's facilitating neutrals only (else empty)."""
    if not is_facilitator(viewer, process):
        return []
    return list(
        NonResponse.objects.filter(request__process=process)
        .select_related("request__asked_side", "request__room")
        .order_by("created_at")
    )


def request_by_key(*, asked_by: Participant, client_key: str) -> ResponseRequest | None:
    return ResponseRequest.objects.filter(asked_by=asked_by, client_key=client_key).first()


def members_asked(request: ResponseRequest) -> list[Participant]:
    """The parties and advocates of the asked side who see the request's room now."""
    people = Participant.objects.filter(
        case_id=request.process.case_id,
        side_id=request.asked_side_id,
        role__in=(Role.PRINCIPAL, Role.ADVOCATE),
        status=ParticipantStatus.ACTIVE,
    ).select_related("user", "case")
    return [person for person in people if in_audience(person, request.room)]


def requests_due_soon(*, now: dt.datetime, within: dt.timedelta) -> list[ResponseRequest]:
    """Open requests of processes under way, due within `within` from `now` (for reminders)."""
    return list(_still_asked().filter(due_at__gt=now, due_at__lte=now + within))


def requests_overdue(*, now: dt.datetime) -> list[ResponseRequest]:
    """Open requests past their date with no non-response record yet."""
    return list(_still_asked().filter(due_at__lte=now, non_response__isnull=True))


def _still_asked() -> QuerySet[ResponseRequest]:
    """Open requests that still stand: their process is under way and neither the side asked
    nor the side that asked has left it. Leaving is free of consequence, so a side that left
    is never reminded nor recorded as not answering, and no one is pressed to answer a side
    that is gone."""
    gone = SideDeparture.objects.filter(process_id=OuterRef("process_id"))
    return (
        _request_rows()
        .filter(status=RequestStatus.OPEN, process__status=ProcessStatus.ACTIVE)
        .exclude(Exists(gone.filter(side_id=OuterRef("asked_side_id"))))
        .exclude(Exists(gone.filter(side_id=OuterRef("asked_by__side_id"))))
    )


def request_stands(request: ResponseRequest) -> bool:
    """Whether this request still stands (see `_still_asked`), as committed now."""
    return _still_asked().filter(id=request.id).exists()


def reminded(*, request: ResponseRequest, kind: str, recipient: Participant) -> bool:
    return ReminderSent.objects.filter(request=request, kind=kind, recipient=recipient).exists()


# --- the balance meter -----------------------------------------------------------------------

# How the mediator's time in a private session is estimated from their own messages there:
# messages less than SESSION_GAP apart belong to one sitting, which lasts from its first to
# its last message plus MESSAGE_ALLOWANCE (reading before the first, writing the last).
SESSION_GAP = dt.timedelta(minutes=15)
MESSAGE_ALLOWANCE = dt.timedelta(minutes=2)
_SPEAKS_FOR_SIDE = (Role.PRINCIPAL, Role.ADVOCATE)


def sitting_time(times: list[dt.datetime]) -> dt.timedelta:
    """The estimated time of a neutral in one room from the times of their messages there."""
    total = dt.timedelta()
    start = previous = None
    for moment in sorted(times):
        if previous is None or moment - previous > SESSION_GAP:
            if start is not None and previous is not None:
                total += previous - start + MESSAGE_ALLOWANCE
            start = moment
        previous = moment
    if start is not None and previous is not None:
        total += previous - start + MESSAGE_ALLOWANCE
    return total


@dataclass(frozen=True)
class SideBalance:
    side: Side
    caucus_messages_by_side: int
    caucus_characters_by_side: int
    caucus_messages_by_neutral: int
    caucus_characters_by_neutral: int
    neutral_time: dt.timedelta
    joint_messages: int
    joint_characters: int
    joint_share: int | None  # percent of the parties' characters in the joint room

    @property
    def neutral_minutes(self) -> int:
        return round(self.neutral_time.total_seconds() / 60)


@dataclass(frozen=True)
class Balance:
    process: Process
    sides: tuple[SideBalance, ...]
    has_joint: bool


def balance_for(*, viewer: Participant, process: Process) -> Balance | None:
    """The balance meter for a facilitating neutral of the process, or None for anyone else.

    It reads only the rooms the viewer sees (through the rooms selectors' visibility rule)
    and only counts and times, never a message's words. Parties and advocates count for
    their side; support persons, experts and observers do not speak for a side.
    """
    if not is_facilitator(viewer, process):
        return None
    rooms = rooms_visible_to(participant=viewer, process=process)
    caucus_of = {
        room.id: room.side_id
        for room in rooms
        if room.kind == RoomKind.CAUCUS and room.side_id is not None
    }
    joint = next((room for room in rooms if room.kind == RoomKind.JOINT), None)
    counted = [*caucus_of, *([joint.id] if joint else [])]
    rows = (
        Message.objects.filter(room_id__in=counted)
        .values("room_id", "author__side_id", "author__role")
        .annotate(n=Count("id"), chars=Sum(Length("body")))
    )
    by_side: dict[uuid.UUID, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        room_id, side_id, role = row["room_id"], row["author__side_id"], row["author__role"]
        n, chars = row["n"], row["chars"] or 0
        if room_id in caucus_of:
            target = by_side[caucus_of[room_id]]
            if role in _SPEAKS_FOR_SIDE and side_id == caucus_of[room_id]:
                target["caucus_n"] += n
                target["caucus_chars"] += chars
            elif role in FACILITATORS:
                target["neutral_n"] += n
                target["neutral_chars"] += chars
        elif role in _SPEAKS_FOR_SIDE and side_id is not None:
            by_side[side_id]["joint_n"] += n
            by_side[side_id]["joint_chars"] += chars
    times: dict[uuid.UUID, list[dt.datetime]] = defaultdict(list)
    for room_id, at in Message.objects.filter(
        room_id__in=list(caucus_of), author__role__in=sorted(FACILITATORS)
    ).values_list("room_id", "created_at"):
        times[room_id].append(at)
    joint_total = sum(counts["joint_chars"] for counts in by_side.values())
    sides = []
    for side in sides_of(process.case):
        counts = by_side[side.id]
        room_ids = [room_id for room_id, s in caucus_of.items() if s == side.id]
        sides.append(
            SideBalance(
                side=side,
                caucus_messages_by_side=counts["caucus_n"],
                caucus_characters_by_side=counts["caucus_chars"],
                caucus_messages_by_neutral=counts["neutral_n"],
                caucus_characters_by_neutral=counts["neutral_chars"],
                neutral_time=sum(
                    (sitting_time(times[room_id]) for room_id in room_ids), dt.timedelta()
                ),
                joint_messages=counts["joint_n"],
                joint_characters=counts["joint_chars"],
                joint_share=round(100 * counts["joint_chars"] / joint_total)
                if joint_total
                else None,
            )
        )
    return Balance(process=process, sides=tuple(sides), has_joint=joint is not None)


def balance_summary_text(balance: Balance) -> str:
    """The summary a neutral may share with everyone: side names and numbers only."""
    parts = [_("Balance so far, shared by the mediator.")]
    shares = [s for s in balance.sides if s.joint_share is not None]
    if shares:
        parts.append(
            _("Share of speaking in the joint room: %(shares)s.")
            % {"shares": ", ".join(f"{s.side.label} {s.joint_share}%" for s in shares)}
        )
    parts.append(
        _("Time with the mediator in private sessions (estimated): %(times)s.")
        % {
            "times": ", ".join(
                _("%(side)s about %(minutes)d min")
                % {"side": s.side.label, "minutes": s.neutral_minutes}
                for s in balance.sides
            )
        }
    )
    return " ".join(parts)


def joint_room(*, viewer: Participant, process: Process) -> Room | None:
    """The process's joint room if the viewer sees it (absent in shuttle-only format)."""
    return next(
        (
            r
            for r in rooms_visible_to(participant=viewer, process=process)
            if r.kind == RoomKind.JOINT
        ),
        None,
    )
