"""Every write of the safety app: screening answers, the neutral's confirmed configuration,
response requests (ask, answer, withdraw, reminders, non-responses) and sharing the balance.

Each service re-reads its rows under a lock, checks permission, validates, writes in one
transaction with its audit event, and publishes only after commit. Audit payloads carry ids,
measures and salted hashes: never a screening answer, a note or a message's words.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accord.audit.chain import content_hash
from accord.cases.models import Participant, Process, Side
from accord.cases.selectors import departed_side_ids
from accord.cases.services._audit import case_lock, record
from accord.cases.vocabulary import ProcessStatus
from accord.core import clock
from accord.core.errors import Conflict, InvalidInput
from accord.realtime.groups import user_group
from accord.realtime.publish import publish_on_commit
from accord.rooms.models import Message, Room, RoomKind
from accord.rooms.services import message_post, room_pause
from accord.safety.models import (
    NonResponse,
    ReminderKind,
    ReminderSent,
    ResponseRequest,
    SafetyConfiguration,
    ScreeningResponse,
)
from accord.safety.permissions import (
    check_answer_request,
    check_answer_screening,
    check_ask_response,
    check_confirm_configuration,
    check_share_balance,
    check_withdraw_request,
)
from accord.safety.rules import recommend
from accord.safety.selectors import (
    balance_for,
    balance_summary_text,
    current_responses,
    facilitators_of,
    joint_room,
    members_asked,
    reminded,
    request_by_key,
    request_stands,
    requests_due_soon,
    requests_overdue,
    screened_principals,
)
from accord.safety.vocabulary import (
    MAX_NOTE,
    QUESTIONNAIRE_VERSION,
    QUESTIONS,
    Level,
    Measure,
    RequestStatus,
)

_KEY = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
MAX_TOPIC = 200
# How far ahead a request's date may be, and how long before it the asked side is reminded.
MAX_AHEAD = dt.timedelta(days=90)
MIN_AHEAD = dt.timedelta(hours=1)
REMIND_BEFORE = dt.timedelta(hours=24)


def _fresh_actor(actor: Participant) -> Participant:
    return Participant.objects.select_related("case", "side", "user").get(id=actor.id)


def _locked_process(process: Process) -> Process:
    return (
        Process.objects.select_for_update(of=("self",), no_key=True)
        .select_related("case")
        .get(id=process.id)
    )


def _audit(
    *,
    process: Process,
    actor: Participant | None,
    action: str,
    obj: models.Model,
    payload: dict[str, object],
) -> None:
    record(case_id=process.case_id, actor=actor, action=action, obj=obj, payload=payload)


def _notify(user_ids: set[uuid.UUID | None], data: dict[str, str]) -> None:
    """Tell these people's open tabs that something of theirs changed (after commit). The
    event names what changed, never any content."""
    for user_id in user_ids:
        if user_id is not None:
            publish_on_commit(user_group(user_id), {"type": "notify", "data": data})


def _check_key(client_key: str) -> None:
    if not _KEY.match(client_key or ""):
        raise InvalidInput(_("This form is missing its key; reload the page and try again."))


# --- screening -------------------------------------------------------------------------------


def _clean_answers(answers: Mapping[str, str]) -> dict[str, str]:
    unknown = sorted(set(answers) - {q.key for q in QUESTIONS})
    if unknown:
        raise InvalidInput(_("Answer only the questions asked."), field=unknown[0])
    cleaned: dict[str, str] = {}
    for question in QUESTIONS:
        value = answers.get(question.key, "")
        if value not in question.values:
            raise InvalidInput(_("Please choose one answer."), field=question.key)
        cleaned[question.key] = value
    return cleaned


def _answers_hash(response: ScreeningResponse) -> str:
    canonical = json.dumps(
        {"answers": response.answers, "note": response.note}, sort_keys=True, ensure_ascii=False
    )
    return content_hash(response.salt + canonical)


def screening_answer(
    *,
    actor: Participant,
    process: Process,
    answers: Mapping[str, str],
    note: str = "",
    client_key: str,
) -> ScreeningResponse:
    """A party answers the screening questions for a mediation or parenting coordination.

    Only a principal of a side still in the process answers, for themselves, before the
    start or while it runs; a new answer replaces the earlier one (both are kept). The same
    form sent twice is recorded once.
    """
    _check_key(client_key)
    cleaned = _clean_answers(answers)
    text = note.strip()
    if len(text) > MAX_NOTE:
        raise InvalidInput(
            _("Keep the note under %(n)d characters.") % {"n": MAX_NOTE}, field="note"
        )
    with transaction.atomic():
        process, actor = _locked_process(process), _fresh_actor(actor)
        existing = ScreeningResponse.objects.filter(
            participant=actor, client_key=client_key
        ).first()
        if existing is not None:
            if existing.process_id != process.id or existing.answers != cleaned:
                raise Conflict(_("This form was already sent with other answers."))
            return existing
        check_answer_screening(actor, process)
        response = ScreeningResponse.objects.create(
            process=process,
            participant=actor,
            questionnaire=QUESTIONNAIRE_VERSION,
            answers=cleaned,
            note=text,
            salt=secrets.token_hex(16),
            client_key=client_key,
        )
        _audit(
            process=process,
            actor=actor,
            action="screening.answered",
            obj=response,
            payload={
                "process": str(process.id),
                "questionnaire": QUESTIONNAIRE_VERSION,
                "answers": _answers_hash(response),
            },
        )
        _notify(
            {n.user_id for n in facilitators_of(process)},
            {"kind": "screening.answered", "process": str(process.id)},
        )
    return response


@dataclass(frozen=True)
class ConfigurationChoice:
    """What the neutral ticked; a measure the answers require stays on whatever is ticked."""

    shuttle_only: bool
    staggered: bool
    support: bool
    rescreen: bool


_CHOICE_FIELDS = {
    Measure.SHUTTLE_ONLY: "shuttle_only",
    Measure.STAGGERED: "staggered",
    Measure.SUPPORT: "support",
    Measure.RESCREEN: "rescreen",
}


def configuration_confirm(
    *,
    actor: Participant,
    process: Process,
    choice: ConfigurationChoice,
    seen: list[str] | None = None,
) -> SafetyConfiguration:
    """The process's mediator or coordinator confirms how it runs, after reading every
    party's answers. A measure the answers require cannot be turned off (InvalidInput on its
    field); `seen` (the response ids the neutral read) refuses a confirmation made on answers
    that changed meanwhile. Confirming the same thing twice records it once.
    """
    with transaction.atomic():
        process, actor = _locked_process(process), _fresh_actor(actor)
        check_confirm_configuration(actor, process)
        responses = current_responses(process)
        based_on = sorted(str(r.id) for r in responses.values())
        if seen is not None and sorted(seen) != based_on:
            raise Conflict(_("The answers changed since you opened this page: read them again."))
        missing = [p for p in screened_principals(process) if p.id not in responses]
        if missing:
            raise Conflict(
                _("Every party must answer first; %(n)d still to answer.") % {"n": len(missing)}
            )
        recommendation = recommend([r.answers for r in responses.values()])
        for measure, name in _CHOICE_FIELDS.items():
            if recommendation.level(measure) == Level.REQUIRED and not getattr(choice, name):
                raise InvalidInput(
                    _("The answers require this; it cannot be turned off."), field=name
                )
        latest = SafetyConfiguration.objects.filter(process=process).order_by("-created_at").first()
        if (
            latest is not None
            and latest.based_on == based_on
            and (latest.shuttle_only, latest.staggered, latest.support, latest.rescreen)
            == (choice.shuttle_only, choice.staggered, choice.support, choice.rescreen)
        ):
            return latest
        pausing = choice.shuttle_only and process.status == ProcessStatus.ACTIVE
        # The joint rooms to pause are locked before this records itself (the case's lock),
        # in the order a post takes them: room, then case.
        joints = list(
            Room.objects.select_for_update(of=("self",), no_key=True).filter(
                process=process, kind=RoomKind.JOINT
            )
            if pausing
            else []
        )
        configuration = SafetyConfiguration.objects.create(
            process=process,
            confirmed_by=actor,
            shuttle_only=choice.shuttle_only,
            staggered=choice.staggered,
            support=choice.support,
            rescreen=choice.rescreen,
            based_on=based_on,
        )
        _audit(
            process=process,
            actor=actor,
            action="screening.configuration_confirmed",
            obj=configuration,
            payload={
                "process": str(process.id),
                "shuttle_only": choice.shuttle_only,
                "staggered": choice.staggered,
                "support": choice.support,
                "rescreen": choice.rescreen,
                "responses": content_hash(",".join(based_on)),
            },
        )
        # Confirmed while the process is under way (answers given or changed after the start):
        # the parties stop meeting in the joint room at once, in this same transaction; only
        # the neutral writes there now, and it stays so while the measure holds (rooms'
        # `room_pause` refuses to resume it).
        for joint in joints:
            room_pause(actor=actor, room=joint, paused=True)
        _notify(
            {n.user_id for n in facilitators_of(process)},
            {"kind": "screening.confirmed", "process": str(process.id)},
        )
    return configuration


# --- response requests -----------------------------------------------------------------------


def _locked_request(request: ResponseRequest) -> ResponseRequest:
    return (
        ResponseRequest.objects.select_for_update(of=("self",), no_key=True)
        .select_related("process__case", "room__process__case", "asked_side", "asked_by__user")
        .get(id=request.id)
    )


def request_ask(
    *,
    actor: Participant,
    room: Room,
    side: Side,
    topic: str,
    due_at: dt.datetime,
    client_key: str,
    message: Message | None = None,
) -> ResponseRequest:
    """Ask another side for a response by a date, in a room of a process under way that both
    see. Anyone who may write there may ask (a party, an advocate, the mediator). The asked
    side is reminded by e-mail the day before; a missed date is recorded for the mediator
    only. The same form sent twice asks once.
    """
    _check_key(client_key)
    text = " ".join(topic.split())
    if not text:
        raise InvalidInput(_("Say what you would like a response about."), field="topic")
    if len(text) > MAX_TOPIC:
        raise InvalidInput(_("Keep it under %(n)d characters.") % {"n": MAX_TOPIC}, field="topic")
    if due_at.tzinfo is None:
        raise InvalidInput(_("Give the date with its time zone."), field="due_at")
    with transaction.atomic():
        # The room, then the case (`case_lock`), then the asker as they stand: a side that
        # left while asking asks nothing.
        locked = (
            Room.objects.select_for_update(of=("self",), no_key=True)
            .select_related("process__case", "side")
            .get(id=room.id)
        )
        case_lock(locked.process.case_id)
        actor = _fresh_actor(actor)
        process = locked.process
        existing = request_by_key(asked_by=actor, client_key=client_key)
        if existing is not None:
            if existing.room_id != locked.id or existing.topic != text:
                raise Conflict(_("This form was already sent with another request."))
            return existing
        check_ask_response(actor, locked, side.id)
        now = clock.now()
        if due_at < now + MIN_AHEAD:
            raise InvalidInput(_("Choose a time at least an hour from now."), field="due_at")
        if due_at > now + MAX_AHEAD:
            raise InvalidInput(_("Choose a date within the next 90 days."), field="due_at")
        if side.case_id != process.case_id or side.id in departed_side_ids(process):
            raise InvalidInput(_("Choose a side taking part in this process."), field="side_id")
        if message is not None and message.room_id != locked.id:
            raise InvalidInput(_("That message is not in this room."), field="message_id")
        request = ResponseRequest(
            process=process,
            room=locked,
            message=message,
            topic=text,
            asked_by=actor,
            asked_side=side,
            due_at=due_at,
            client_key=client_key,
        )
        if not members_asked(request):
            raise InvalidInput(
                _("That side cannot read this room: ask in a room you both see."),
                field="side_id",
            )
        request.save()
        _audit(
            process=process,
            actor=actor,
            action="response_request.asked",
            obj=request,
            payload={
                "room": str(locked.id),
                "side": str(side.id),
                "due_at": due_at.isoformat(),
                "topic": content_hash(text),
                "message": str(message.id) if message else None,
            },
        )
        _notify(
            {p.user_id for p in members_asked(request)},
            {"kind": "response_request.asked", "process": str(process.id)},
        )
    return request


def request_answer(
    *, actor: Participant, request: ResponseRequest, body: str, client_key: str
) -> ResponseRequest:
    """The asked side answers: the answer is posted in the request's room and closes it. A
    late answer leaves the mediator's non-response record in place, marked answered late."""
    with transaction.atomic():
        request, actor = _locked_request(request), _fresh_actor(actor)
        if request.status == RequestStatus.ANSWERED and request.closed_by_id == actor.id:
            answered = request.answer
            if answered is not None and answered.client_key == client_key:
                return request  # the same answer sent twice
        check_answer_request(actor, request)
        message = message_post(actor=actor, room=request.room, body=body, client_key=client_key)
        now = clock.now()
        request.status = RequestStatus.ANSWERED
        request.answer = message
        request.closed_at = now
        request.closed_by = actor
        request.save(update_fields=["status", "answer", "closed_at", "closed_by"])
        late = NonResponse.objects.filter(request=request).first()
        if late is not None:
            late.answered_late_at = now
            late.save(update_fields=["answered_late_at"])
        _audit(
            process=request.process,
            actor=actor,
            action="response_request.answered",
            obj=request,
            payload={"message": str(message.id), "late": late is not None},
        )
        _notify(
            {request.asked_by.user_id},
            {"kind": "response_request.answered", "process": str(request.process_id)},
        )
    return request


def request_withdraw(*, actor: Participant, request: ResponseRequest) -> ResponseRequest:
    """Whoever asked takes the request back while it is open."""
    with transaction.atomic():
        request, actor = _locked_request(request), _fresh_actor(actor)
        check_withdraw_request(actor, request)
        request.status = RequestStatus.WITHDRAWN
        request.closed_at = clock.now()
        request.closed_by = actor
        request.save(update_fields=["status", "closed_at", "closed_by"])
        _audit(
            process=request.process,
            actor=actor,
            action="response_request.withdrawn",
            obj=request,
            payload={},
        )
    return request


@dataclass(frozen=True)
class RemindersResult:
    reminded: int  # e-mails to asked sides about a date coming up
    missed: int  # new non-response records
    told: int  # e-mails to mediators about a missed date


def _send(person: Participant, subject: str, template: str, context: dict[str, object]) -> None:
    language = person.user.preferred_language if person.user else settings.LANGUAGE_CODE
    with translation.override(language):
        body = render_to_string(template, context)
        send_mail(str(subject), body, None, [person.user.email if person.user else person.email])


def _deadlines_url(process: Process) -> str:
    path = reverse("safety:deadlines", kwargs={"process_id": process.id})
    return f"{settings.SITE_URL}{path}"


def _remind_once(
    request: ResponseRequest,
    kind: str,
    person: Participant,
    subject: str,
    template: str,
    context: dict[str, object],
) -> bool:
    """Record then send one reminder in one transaction: a failed send rolls the record back
    (tried again next run); a recorded one is never sent again.

    A due-date reminder is asked again under the request's lock whether the request still
    stands and the person is still asked (the lists were read before): a side that left
    meanwhile is not reminded. The case's lock is not taken here, as the e-mail is sent
    inside the transaction: a leaving that commits during the send itself is not seen."""
    with transaction.atomic():
        ResponseRequest.objects.select_for_update(of=("self",), no_key=True).filter(
            id=request.id
        ).first()
        if kind == ReminderKind.DUE_SOON and not (
            request_stands(request) and person.id in {p.id for p in members_asked(request)}
        ):
            return False
        if reminded(request=request, kind=kind, recipient=person):
            return False
        try:
            with transaction.atomic():
                ReminderSent.objects.create(request=request, kind=kind, recipient=person)
        except IntegrityError:
            return False
        _send(person, subject, template, context)
    return True


def reminders_send(*, now: dt.datetime | None = None) -> RemindersResult:
    """What is due, done once: remind the asked side of a date within a day, and record a
    missed date as a non-response (telling the mediator, never the other side).

    Run by `accord safety remind` from cron; running it twice sends nothing twice.
    """
    moment = now or clock.now()
    reminded_count = missed = told = 0
    for request in requests_due_soon(now=moment, within=REMIND_BEFORE):
        context = {
            "case": request.process.case.title,
            "due_at": request.due_at,
            "url": _deadlines_url(request.process),
        }
        for person in members_asked(request):
            if _remind_once(
                request,
                ReminderKind.DUE_SOON,
                person,
                _("A response is asked of you"),
                "safety/email/due_soon.txt",
                context,
            ):
                reminded_count += 1
    for request in requests_overdue(now=moment):
        with transaction.atomic():
            # The request, then the case: a side that left meanwhile is not recorded as not
            # answering (the list was read before).
            locked = _locked_request(request)
            case_lock(locked.process.case_id)
            if not request_stands(locked) or NonResponse.objects.filter(request=locked).exists():
                continue
            record = NonResponse.objects.create(request=locked)
            _audit(
                process=locked.process,
                actor=None,
                action="response_request.missed",
                obj=record,
                payload={"request": str(locked.id), "side": str(locked.asked_side_id)},
            )
            missed += 1
        context = {"case": locked.process.case.title, "url": _deadlines_url(locked.process)}
        for person in facilitators_of(locked.process):
            if _remind_once(
                locked,
                ReminderKind.OVERDUE,
                person,
                _("A response date has passed"),
                "safety/email/missed.txt",
                context,
            ):
                told += 1
    return RemindersResult(reminded=reminded_count, missed=missed, told=told)


# --- balance ---------------------------------------------------------------------------------


def balance_share(*, actor: Participant, process: Process, client_key: str) -> Message:
    """The mediator shares the balance summary into the joint room: side names and numbers,
    never anything anyone said. Posted through the rooms service (its own audit event)."""
    _check_key(client_key)
    actor = _fresh_actor(actor)
    process = Process.objects.select_related("case").get(id=process.id)
    check_share_balance(actor, process)
    balance = balance_for(viewer=actor, process=process)
    joint = joint_room(viewer=actor, process=process)
    if balance is None or joint is None:
        raise Conflict(_("This process has no joint room to share the summary in."))
    return message_post(
        actor=actor, room=joint, body=balance_summary_text(balance), client_key=client_key
    )
