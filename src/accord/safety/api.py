"""JSON API of the safety app (mounted by accord.config.api).

Every route finds its process through `access_process` (NotFound, one fixed body, for a
stranger and a missing id alike), then the place to act with, then exactly one service or
selector. A participant who may not see a resource gets 403 with the rule's words, and no
content.
"""

from __future__ import annotations

import uuid

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from accord.accounts.auth import api_user
from accord.cases.models import Participant, Process
from accord.cases.selectors import access_process, participations, sides_of
from accord.core import clock
from accord.core.errors import Forbidden, InvalidInput
from accord.core.schemas import ERRORS
from accord.rooms.models import Message
from accord.rooms.selectors import room_in_process
from accord.rooms.visibility import can_view
from accord.safety import services
from accord.safety.models import ResponseRequest
from accord.safety.permissions import (
    can_answer_request,
    can_answer_screening,
    can_withdraw_request,
)
from accord.safety.schemas import (
    BalanceOut,
    BalanceShareIn,
    ChoiceOut,
    ConfigurationIn,
    ConfigurationOut,
    DeadlinesOut,
    FlagOut,
    MyScreeningOut,
    NonResponseOut,
    PartyScreeningOut,
    QuestionOut,
    RequestAnswerIn,
    RequestIn,
    RequestOut,
    ScreeningAnsweredOut,
    ScreeningIn,
    ScreeningSummaryOut,
    SharedOut,
    SideBalanceOut,
)
from accord.safety.selectors import (
    MESSAGE_ALLOWANCE,
    SESSION_GAP,
    access_request,
    balance_for,
    is_facilitator,
    is_screened,
    is_screened_principal,
    is_screening_neutral,
    missed_requests,
    own_response,
    requests_seen_by,
    screening_summary,
    takes_part,
)
from accord.safety.services import ConfigurationChoice
from accord.safety.vocabulary import QUESTIONNAIRE_VERSION, QUESTIONS, RequestStatus

router = Router(tags=["safety"])


def _places(request: HttpRequest, process_id: uuid.UUID) -> tuple[Process, list[Participant]]:
    user = api_user(request)
    process = access_process(user=user, process_id=process_id)
    places = participations(user=user, case=process.case)
    for place in places:
        place.case = process.case
    return process, places


def _private() -> Forbidden:
    return Forbidden(_("Screening answers are private to each party and the neutral."))


def _party(process: Process, places: list[Participant]) -> Participant:
    party = next((p for p in places if is_screened_principal(p, process)), None)
    if party is None:
        if not is_screened(process):
            raise Forbidden(_("This process has no screening."))
        raise Forbidden(_("Only each party answers the screening questions, for themselves."))
    return party


def _neutral(process: Process, places: list[Participant]) -> Participant:
    neutral = next((p for p in places if is_screening_neutral(p, process)), None)
    if neutral is None:
        raise _private()
    return neutral


# --- screening -------------------------------------------------------------------------------


def _questions() -> list[QuestionOut]:
    return [
        QuestionOut(
            key=q.key,
            text=str(q.text),
            help=str(q.help) if q.help else None,
            choices=[ChoiceOut(value=v, label=str(label)) for v, label in q.choices],
        )
        for q in QUESTIONS
    ]


@router.get(
    "/processes/{process_id}/screening/mine",
    response={200: MyScreeningOut, **ERRORS},
    operation_id="screening_mine",
    summary="My screening questions and my own answers (a party of the process only).",
)
def screening_mine(request: HttpRequest, process_id: uuid.UUID) -> MyScreeningOut:
    process, places = _places(request, process_id)
    party = _party(process, places)
    response = own_response(participant=party, process=process)
    return MyScreeningOut(
        process_id=process.id,
        questionnaire=QUESTIONNAIRE_VERSION,
        questions=_questions(),
        answers=dict(response.answers) if response else None,
        note=response.note if response else None,
        answered_at=response.created_at if response else None,
        can_answer=can_answer_screening(party, process),
    )


@router.post(
    "/processes/{process_id}/screening/mine",
    response={201: ScreeningAnsweredOut, **ERRORS},
    operation_id="screening_answer",
    summary="Answer the screening questions for myself (replaces my earlier answers).",
)
def screening_answer(
    request: HttpRequest, process_id: uuid.UUID, body: ScreeningIn
) -> Status[ScreeningAnsweredOut]:
    process, places = _places(request, process_id)
    party = _party(process, places)
    response = services.screening_answer(
        actor=party,
        process=process,
        answers=body.answers,
        note=body.note,
        client_key=body.client_key,
    )
    return Status(
        201,
        ScreeningAnsweredOut(
            id=response.id, process_id=process.id, answered_at=response.created_at
        ),
    )


@router.get(
    "/processes/{process_id}/screening",
    response={200: ScreeningSummaryOut, **ERRORS},
    operation_id="screening_summary",
    summary="Every party's answers and the recommended configuration (the neutral only).",
)
def screening_summary_route(request: HttpRequest, process_id: uuid.UUID) -> ScreeningSummaryOut:
    process, places = _places(request, process_id)
    neutral = _neutral(process, places)
    summary = screening_summary(viewer=neutral, process=process)
    if summary is None:
        raise _private()
    configuration = summary.configuration
    return ScreeningSummaryOut(
        process_id=process.id,
        parties=[
            PartyScreeningOut(
                participant_id=party.participant.id,
                name=party.participant.user.display_name if party.participant.user else "",
                side_id=party.participant.side_id,
                side_label=party.participant.side.label if party.participant.side else None,
                answered_at=party.response.created_at if party.response else None,
                carried=party.carried,
                answers=dict(party.response.answers) if party.response else None,
                note=party.response.note if party.response else None,
                flags=[FlagOut(id=rule.id, label=str(rule.label)) for rule in party.fired],
            )
            for party in summary.parties
        ],
        recommendation={
            str(measure): level.name.lower()
            for measure, level in sorted(summary.recommendation.levels.items())
        },
        configuration=ConfigurationOut(
            screening_required=configuration.screening_required,
            screening_complete=configuration.screening_complete,
            shuttle_only=configuration.shuttle_only,
            staggered=configuration.staggered,
            support_required=configuration.support_required,
            rescreen=configuration.rescreen,
            confirmed_at=summary.confirmation.created_at if summary.confirmation else None,
            up_to_date=summary.up_to_date,
        ),
        seen=list(summary.based_on),
    )


@router.post(
    "/processes/{process_id}/screening/configuration",
    response={201: ConfigurationOut, **ERRORS},
    operation_id="screening_confirm",
    summary="Confirm how the process runs (the neutral only; required measures stay on).",
)
def screening_confirm(
    request: HttpRequest, process_id: uuid.UUID, body: ConfigurationIn
) -> Status[ConfigurationOut]:
    process, places = _places(request, process_id)
    neutral = _neutral(process, places)
    confirmation = services.configuration_confirm(
        actor=neutral,
        process=process,
        choice=ConfigurationChoice(
            shuttle_only=body.shuttle_only,
            staggered=body.staggered,
            support=body.support,
            rescreen=body.rescreen,
        ),
        seen=body.seen,
    )
    summary = screening_summary(viewer=neutral, process=process)
    if summary is None:
        raise _private()
    configuration = summary.configuration
    return Status(
        201,
        ConfigurationOut(
            screening_required=configuration.screening_required,
            screening_complete=configuration.screening_complete,
            shuttle_only=configuration.shuttle_only,
            staggered=configuration.staggered,
            support_required=configuration.support_required,
            rescreen=configuration.rescreen,
            confirmed_at=confirmation.created_at,
            up_to_date=summary.up_to_date,
        ),
    )


# --- response requests -----------------------------------------------------------------------


def _request_out(request: ResponseRequest, viewer: Participant) -> RequestOut:
    asker = request.asked_by.user
    return RequestOut(
        id=request.id,
        room_id=request.room_id,
        message_id=request.message_id,
        topic=request.topic,
        asked_by=asker.display_name if asker else "",
        side_id=request.asked_side_id,
        side_label=request.asked_side.label,
        due_at=request.due_at,
        status=RequestStatus(request.status),
        answer_message_id=request.answer_id,
        can_answer=can_answer_request(viewer, request),
        can_withdraw=can_withdraw_request(viewer, request),
    )


def _in_process(process: Process, places: list[Participant]) -> Participant:
    for place in places:
        if is_facilitator(place, process):
            return place
    for place in places:
        if takes_part(place, process):
            return place
    raise Forbidden(_("You do not take part in this process."))


@router.get(
    "/processes/{process_id}/deadlines",
    response={200: DeadlinesOut, **ERRORS},
    operation_id="deadline_list",
    summary="Response requests in rooms I see; missed dates only for the mediator.",
)
def deadline_list(request: HttpRequest, process_id: uuid.UUID) -> DeadlinesOut:
    process, places = _places(request, process_id)
    place = _in_process(process, places)
    facilitator = is_facilitator(place, process)
    return DeadlinesOut(
        requests=[_request_out(r, place) for r in requests_seen_by(viewer=place, process=process)],
        missed=[
            NonResponseOut(
                request_id=record.request_id,
                side_label=record.request.asked_side.label,
                topic=record.request.topic,
                due_at=record.request.due_at,
                recorded_at=record.created_at,
                answered_late_at=record.answered_late_at,
            )
            for record in missed_requests(viewer=place, process=process)
        ]
        if facilitator
        else None,
    )


@router.post(
    "/processes/{process_id}/deadlines",
    response={201: RequestOut, **ERRORS},
    operation_id="deadline_ask",
    summary="Ask another side for a response by a date, in a room we both see.",
)
def deadline_ask(
    request: HttpRequest, process_id: uuid.UUID, body: RequestIn
) -> Status[RequestOut]:
    process, places = _places(request, process_id)
    place = _in_process(process, places)
    room = room_in_process(process_id=process.id, room_id=body.room_id)
    if room is None or not can_view(place, room):
        raise InvalidInput(_("Choose a room of this process that you see."), field="room_id")
    side = next((s for s in sides_of(process.case) if s.id == body.side_id), None)
    if side is None:
        raise InvalidInput(_("Choose a side taking part in this process."), field="side_id")
    message = None
    if body.message_id is not None:
        message = Message.objects.filter(id=body.message_id, room=room).first()
        if message is None:
            raise InvalidInput(_("That message is not in this room."), field="message_id")
    asked = services.request_ask(
        actor=place,
        room=room,
        side=side,
        topic=body.topic,
        due_at=body.due_at,
        message=message,
        client_key=body.client_key,
    )
    return Status(201, _request_out(asked, place))


@router.post(
    "/deadlines/{deadline_id}/answer",
    response={200: RequestOut, **ERRORS},
    operation_id="deadline_answer",
    summary="Answer a request made of my side (posted in its room; closes it).",
)
def deadline_answer(
    request: HttpRequest, deadline_id: uuid.UUID, body: RequestAnswerIn
) -> RequestOut:
    asked, place = access_request(user=api_user(request), request_id=deadline_id)
    done = services.request_answer(
        actor=place, request=asked, body=body.body, client_key=body.client_key
    )
    return _request_out(done, place)


@router.post(
    "/deadlines/{deadline_id}/withdraw",
    response={200: RequestOut, **ERRORS},
    operation_id="deadline_withdraw",
    summary="Withdraw a request I made, while it is open.",
)
def deadline_withdraw(request: HttpRequest, deadline_id: uuid.UUID) -> RequestOut:
    asked, place = access_request(user=api_user(request), request_id=deadline_id)
    return _request_out(services.request_withdraw(actor=place, request=asked), place)


# --- balance ---------------------------------------------------------------------------------


def _facilitator(process: Process, places: list[Participant]) -> Participant:
    for place in places:
        if is_facilitator(place, process):
            return place
    raise Forbidden(_("The balance meter is for the mediator only."))


@router.get(
    "/processes/{process_id}/balance",
    response={200: BalanceOut, **ERRORS},
    operation_id="balance",
    summary="The balance meter: counts and estimated times per side (the mediator only).",
)
def balance(request: HttpRequest, process_id: uuid.UUID) -> BalanceOut:
    process, places = _places(request, process_id)
    place = _facilitator(process, places)
    meter = balance_for(viewer=place, process=process)
    if meter is None:
        raise Forbidden(_("The balance meter is for the mediator only."))
    return BalanceOut(
        process_id=process.id,
        sides=[
            SideBalanceOut(
                side_id=s.side.id,
                side_label=s.side.label,
                caucus_messages_by_side=s.caucus_messages_by_side,
                caucus_characters_by_side=s.caucus_characters_by_side,
                caucus_messages_by_neutral=s.caucus_messages_by_neutral,
                caucus_characters_by_neutral=s.caucus_characters_by_neutral,
                neutral_minutes_in_caucus=s.neutral_minutes,
                joint_messages=s.joint_messages,
                joint_characters=s.joint_characters,
                joint_share_percent=s.joint_share,
            )
            for s in meter.sides
        ],
        session_gap_minutes=int(SESSION_GAP.total_seconds() // 60),
        message_allowance_minutes=int(MESSAGE_ALLOWANCE.total_seconds() // 60),
        computed_at=clock.now(),
    )


@router.post(
    "/processes/{process_id}/balance/share",
    response={201: SharedOut, **ERRORS},
    operation_id="balance_share",
    summary="Post the balance summary (names and numbers only) in the joint room.",
)
def balance_share(
    request: HttpRequest, process_id: uuid.UUID, body: BalanceShareIn
) -> Status[SharedOut]:
    process, places = _places(request, process_id)
    place = _facilitator(process, places)
    message = services.balance_share(actor=place, process=process, client_key=body.client_key)
    return Status(201, SharedOut(message_id=message.id, room_id=message.room_id, body=message.body))
