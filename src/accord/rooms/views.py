"""Pages of the rooms app: a room with its live chat, the mediator's shuttle view, and
leaving a mediation.

Thin, like the API: find the object through an `access_*` selector (one 404 for missing and
not-yours alike), call one service, render. A normal request gets the page; an htmx request
gets the fragment it swaps, from the very partial the page and the socket render. A refusal
is shown next to the field it concerns, with what the person typed kept; a form sent twice
changes nothing the second time (client keys, and state checks where a service has none).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from accord.accounts.models import User
from accord.cases.models import Participant, Process
from accord.cases.permissions import can_withdraw, check_withdraw
from accord.cases.rules import rules_for
from accord.cases.selectors import (
    access_process,
    departed_side_ids,
    participations,
    remaining_sides,
)
from accord.cases.services import process_withdraw
from accord.cases.vocabulary import Leaving, ProcessStatus, Role
from accord.core.errors import AccordError, Conflict, Forbidden, InvalidInput, NotFound
from accord.rooms import services
from accord.rooms.forms import (
    Composer,
    ComposerForm,
    RelayForm,
    RelayState,
    ReleaseForm,
    ReleaseState,
    new_client_key,
)
from accord.rooms.models import Attachment, Message, Release, Room, RoomKind
from accord.rooms.selectors import (
    FACILITATORS,
    RoomView,
    Shuttle,
    access_attachment,
    access_message,
    access_release,
    access_room,
    access_shuttle,
    messages_shown_to,
    open_release_like,
    pending_releases,
    relay_by_key,
    release_for_card,
    room_in_process,
    room_view,
    rooms_for_user,
)
from accord.rooms.services import HeldForReview, ToneCheck

# Messages rendered on a page; earlier ones are a link away.
PAGE = 200


@dataclass
class Panel:
    """One room as a page shows it: its history, its composer, and whether it is live."""

    view: RoomView
    history: list[Message]
    last_seq: int
    composer: Composer
    heading: bool = False
    live: bool = True
    archive: bool = False
    earlier: bool = False
    first_seq: int = 0
    return_to: str = ""


def _user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # @login_required runs first; this is for the type
        raise NotFound
    return user


def _refused_method(request: HttpRequest, *allowed: str) -> HttpResponseNotAllowed | None:
    """405 for another method, asked only after the access check: to someone who may not
    know the object, every method of its URL answers the 404 of a missing one."""
    if request.method in allowed or (request.method == "HEAD" and "GET" in allowed):
        return None
    return HttpResponseNotAllowed(list(allowed))


def _htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _status(error: AccordError) -> int:
    """The status of a refused form. htmx swaps these (see _htmx_head.html) so the refusal
    shows next to its field; 422 for bad input, as a re-rendered form."""
    if isinstance(error, Forbidden):
        return 403
    if isinstance(error, Conflict):
        return 409
    return 422


def _errors(error: AccordError, fields: set[str]) -> dict[str, str]:
    return {error.field if error.field in fields else "form": str(error.message)}


def _form_errors(errors: dict[str, Any]) -> dict[str, str]:
    return {name: str(texts[0]) for name, texts in errors.items()}


def _whole_number(value: str | None) -> int | None:
    if value is None or not value.isascii() or not value.isdigit():
        return None
    return int(value) if len(value) < 19 else None


def _uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _panel(
    view: RoomView, *, composer: Composer | None = None, before: int | None = None, **kw: Any
) -> Panel:
    """The latest messages (or, with `before`, the page of them just before that number).

    Message numbers have no gaps, so the latest page starts at `last_seq - PAGE`, and the
    socket picks up exactly after the last message rendered.
    """
    room = view.room
    archive = before is not None and before <= room.last_seq
    if archive and before is not None:
        after = max(0, before - 1 - PAGE)
        limit = max(0, before - 1 - after)
    else:
        after, limit = max(0, room.last_seq - PAGE), PAGE
    history = messages_shown_to(participant=view.viewer, room=room, after_seq=after, limit=limit)
    first = history[0].seq if history else 0
    return Panel(
        view=view,
        history=history,
        last_seq=history[-1].seq if history else after,
        composer=composer or Composer(new_client_key()),
        live=not archive,
        archive=archive,
        earlier=first > 1,
        first_seq=first,
        **kw,
    )


def _case_url(process: Process) -> str | None:
    """The case page, linked from every room page (the cases app may not have it yet)."""
    try:
        return reverse("cases:case", kwargs={"case_id": process.case_id})
    except NoReverseMatch:
        return None


def _tabs(user: User, process: Process) -> tuple[list[tuple[Room, Participant]], bool]:
    """The process's rooms this person may see, and whether they run its shuttle view."""
    tabs = rooms_for_user(user=user, process=process)
    shuttle = any(r.kind == RoomKind.CAUCUS and p.role in FACILITATORS for r, p in tabs)
    return tabs, shuttle


def _room_page(
    request: HttpRequest,
    view: RoomView,
    *,
    composer: Composer | None = None,
    before: int | None = None,
    release_states: dict[uuid.UUID, ReleaseState] | None = None,
    status: int = 200,
) -> HttpResponse:
    room = view.room
    panel = _panel(view, composer=composer, before=before)
    for message in panel.history:
        if release_states and message.id in release_states:
            message.release_state = release_states[message.id]  # type: ignore[attr-defined]
    tabs, shuttle_link = _tabs(_user(request), room.process)
    context = {
        "room": room,
        "process": room.process,
        "case": room.process.case,
        "view": view,
        "panel": panel,
        "tabs": tabs,
        "shuttle_link": shuttle_link,
        "case_url": _case_url(room.process),
    }
    return render(request, "rooms/room.html", context, status=status)


@login_required
def room(request: HttpRequest, room_id: uuid.UUID) -> HttpResponse:
    """A room: its history, live, and a composer that posts once per form however often
    it is sent. Anyone outside the room's audience gets the 404 of a missing room."""
    found, viewer = access_room(user=_user(request), room_id=room_id)
    if refused := _refused_method(request, "GET", "POST"):
        return refused
    view = room_view(viewer=viewer, room=found)
    if request.method == "POST":
        return _post(request, view)
    return _room_page(request, view, before=_whole_number(request.GET.get("before")))


def _post(request: HttpRequest, view: RoomView) -> HttpResponse:
    form = ComposerForm(request.POST, request.FILES)
    valid = form.is_valid()
    data = form.cleaned_data
    body, key = data.get("body") or "", data.get("client_key") or ""
    return_to = "shuttle" if request.POST.get("return_to") == "shuttle" else ""
    composer = Composer(client_key=key or new_client_key(), body=body)
    status = 422
    if not valid:
        named = {"body": "body", "attachments": "files"}
        composer.errors = {
            named.get(name, "form"): text for name, text in _form_errors(form.errors).items()
        }
    else:
        try:
            message = services.message_post(
                actor=view.viewer,
                room=view.room,
                body=body,
                client_key=key,
                uploads=form.uploads(),
                send_anyway=data.get("send_anyway") or False,
            )
        except ToneCheck as check:
            # Nothing was posted: the words come back with the coach's reasons, to change,
            # or to send as written.
            composer.errors = {"body": str(check.message)}
            composer.tone = check.assessment
        except HeldForReview as held:
            # Accepted, not yet posted: the form starts afresh and says where the words went.
            if _htmx(request):
                fresh = Composer(new_client_key(), notice=str(held.message))
                context = {"view": view, "composer": fresh, "return_to": return_to}
                return render(request, "rooms/_composer.html", context)
            messages.info(request, str(held.message))
            return redirect(_after_post(view, return_to))
        except Conflict:
            # The key went with another text: that earlier form was sent. Say so, keep the
            # words, and give this form its own key.
            composer = Composer(
                client_key=new_client_key(),
                body=body,
                errors={
                    "body": _(
                        "An earlier message from this form was already sent. Check the "
                        "messages above, then send this one if you still want to."
                    )
                },
            )
            status = 409
        except AccordError as error:
            composer.errors = _errors(error, {"body", "files"})
            status = _status(error)
        else:
            if _htmx(request):
                context = {
                    "view": view,
                    "composer": Composer(new_client_key()),
                    "return_to": return_to,
                }
                return render(request, "rooms/_composer.html", context)
            return redirect(_after_post(view, return_to, message))
    if _htmx(request):
        context = {"view": view, "composer": composer, "return_to": return_to}
        return render(request, "rooms/_composer.html", context, status=status)
    return _room_page(request, view, composer=composer, status=status)


def _after_post(view: RoomView, return_to: str, message: Message | None = None) -> str:
    """Where a page without JavaScript goes once a message is sent: back to the shuttle
    view it came from, or to the message in its room."""
    if return_to:
        return f"{reverse('rooms:shuttle', args=[view.room.process_id])}#room-{view.room.id}"
    url = reverse("rooms:room", args=[view.room.id])
    return f"{url}#msg-{message.id}" if message is not None else url


@login_required
def attachment(request: HttpRequest, attachment_id: uuid.UUID) -> HttpResponseBase:
    """A file, only through the access check; every download is an audit event."""
    item, viewer = access_attachment(user=_user(request), attachment_id=attachment_id)
    if refused := _refused_method(request, "GET"):
        return refused
    path = services.attachment_open(actor=viewer, attachment=item)
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=item.filename,
        content_type=item.blob.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _message_response(
    request: HttpRequest,
    view: RoomView,
    message: Message,
    *,
    state: ReleaseState | None = None,
    status: int = 200,
) -> HttpResponse:
    """After a release form: the message again (htmx), or the room page at that message."""
    room = view.room
    if not _htmx(request):
        if state is None:
            return redirect(f"{reverse('rooms:room', args=[room.id])}#msg-{message.id}")
        # Show the page that holds the message, so its refusal is in view.
        before = None if message.seq > room.last_seq - PAGE else message.seq + 1
        return _room_page(
            request, view, before=before, release_states={message.id: state}, status=status
        )
    found = messages_shown_to(
        participant=view.viewer, room=room, after_seq=message.seq - 1, limit=1
    )
    if not found:
        raise NotFound  # the room was closed to this person meanwhile
    shown = found[0]
    if state is not None:
        shown.release_state = state  # type: ignore[attr-defined]
    return render(request, "rooms/_message.html", {"message": shown, "view": view}, status=status)


@login_required
def release(request: HttpRequest, message_id: uuid.UUID) -> HttpResponse:
    """A party allows one of their side's private items to be shared."""
    user = _user(request)
    message, _viewer = access_message(user=user, message_id=message_id)
    source, viewer = access_room(user=user, room_id=message.room_id)
    if refused := _refused_method(request, "POST"):
        return refused
    view = room_view(viewer=viewer, room=source)
    form = ReleaseForm(request.POST)
    state = ReleaseState(
        mode=request.POST.get("mode", ""),
        target=request.POST.get("target", ""),
        attachment=request.POST.get("attachment", ""),
    )
    if not form.is_valid():
        state.errors = _form_errors(form.errors)
        return _message_response(request, view, message, state=state, status=422)
    try:
        target = room_in_process(process_id=source.process_id, room_id=form.cleaned_data["target"])
        if target is None:
            raise InvalidInput(
                _("Share to the joint room or to another side's private session."),
                field="target",
            )
        item = _attachment_of(message, form.cleaned_data["attachment"])
        mode = form.cleaned_data["mode"]
        # The same release sent twice is made once.
        if open_release_like(message=message, mode=mode, target=target, attachment=item) is None:
            services.release_grant(
                actor=viewer, message=message, mode=mode, target=target, attachment=item
            )
    except AccordError as error:
        state.errors = _errors(error, {"mode", "target", "attachment"})
        state.error = state.errors.pop("form", "")
        return _message_response(request, view, message, state=state, status=_status(error))
    return _message_response(request, view, message)


def _attachment_of(message: Message, attachment_id: uuid.UUID | None) -> Attachment | None:
    if attachment_id is None:
        return None
    for item in message.attachments.all():
        if item.id == attachment_id:
            return item
    raise InvalidInput(_("That file is not part of this message."), field="attachment")


@login_required
def revoke(request: HttpRequest, release_id: uuid.UUID) -> HttpResponse:
    """A party takes a release back, until the mediator has used it."""
    user = _user(request)
    item, _viewer = access_release(user=user, release_id=release_id)
    source, viewer = access_room(user=user, room_id=item.message.room_id)
    if refused := _refused_method(request, "POST"):
        return refused
    view = room_view(viewer=viewer, room=source)
    if item.status != Release.Status.REVOKED:  # already taken back: a form sent twice
        try:
            services.release_revoke(actor=viewer, release=item)
        except AccordError as error:
            state = ReleaseState(error=str(error.message))
            return _message_response(
                request, view, item.message, state=state, status=_status(error)
            )
    return _message_response(request, view, item.message)


def _shuttle_page(
    request: HttpRequest,
    shuttle: Shuttle,
    *,
    relay_states: dict[uuid.UUID, RelayState] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _user(request)
    process, viewer = shuttle.process, shuttle.viewer
    pending = pending_releases(viewer=viewer, process=process)
    for state_id in relay_states or {}:
        if not any(r.id == state_id for r in pending):
            # A refused relay of a release no longer open: show it with its refusal.
            card, _place = release_for_card(user=user, release_id=state_id)
            pending.append(card)
    for card in pending:
        if relay_states and card.id in relay_states:
            card.relay_state = relay_states[card.id]  # type: ignore[attr-defined]
    others = [r for r in (shuttle.joint, shuttle.notes) if r is not None]
    tabs, _shuttle_link = _tabs(user, process)
    context = {
        "process": process,
        "case": process.case,
        "viewer": viewer,
        "pending": pending,
        "can_relay": process.status == ProcessStatus.ACTIVE,
        "caucus_panels": [
            _panel(room_view(viewer=viewer, room=r), heading=True, return_to="shuttle")
            for r in shuttle.caucuses
        ],
        "other_panels": [
            _panel(room_view(viewer=viewer, room=r), heading=True, return_to="shuttle")
            for r in others
        ],
        "tabs": tabs,
        "shuttle_link": True,
        "case_url": _case_url(process),
    }
    return render(request, "rooms/shuttle.html", context, status=status)


@login_required
def shuttle(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """The mediator's shuttle view; everyone else gets the 404 of a missing process."""
    user = _user(request)
    process = access_process(user=user, process_id=process_id)
    if not any(p.role in FACILITATORS for p in participations(user=user, case=process.case)):
        raise NotFound
    # Rooms follow from the process; they are made on first sight (as the API does).
    services.rooms_ensure(process=process)
    found = access_shuttle(user=user, process_id=process.id)
    if refused := _refused_method(request, "GET"):
        return refused
    return _shuttle_page(request, found)


@login_required
def release_card(request: HttpRequest, release_id: uuid.UUID) -> HttpResponse:
    """One release as the shuttle view shows it, fetched when its state changes live."""
    item, viewer = release_for_card(user=_user(request), release_id=release_id)
    if refused := _refused_method(request, "GET"):
        return refused
    context = {
        "release": item,
        "viewer": viewer,
        "can_relay": item.message.room.process.status == ProcessStatus.ACTIVE,
    }
    return render(request, "rooms/_release_card.html", context)


@login_required
def relay(request: HttpRequest, release_id: uuid.UUID) -> HttpResponse:
    """The mediator carries a released item into its target room, once per release."""
    user = _user(request)
    item, viewer = access_release(user=user, release_id=release_id)
    if refused := _refused_method(request, "POST"):
        return refused
    form = RelayForm(request.POST)
    form.is_valid()  # both fields optional: only parsed
    body = form.cleaned_data.get("body") or ""
    # A release is relayed at most once, so its own id makes the key: a resent form finds
    # the relay it already made.
    key = f"relay-{item.id}"
    state: RelayState | None = None
    status = 200
    if relay_by_key(actor=viewer, release=item, client_key=key) is None:
        try:
            services.relay_post(actor=viewer, release=item, body=body, client_key=key)
        except AccordError as error:
            if viewer.role not in FACILITATORS:
                raise  # not a mediator: the plain refusal page, nothing changed
            errors = _errors(error, {"body"})
            state = RelayState(body=body, error=errors.pop("form", ""), errors=errors)
            status = _status(error)
    if not _htmx(request):
        if state is None:
            url = reverse("rooms:shuttle", args=[item.message.room.process_id])
            return redirect(f"{url}#card-{item.id}")
        found = access_shuttle(user=user, process_id=item.message.room.process_id)
        return _shuttle_page(request, found, relay_states={item.id: state}, status=status)
    card, viewer = release_for_card(user=user, release_id=item.id)
    if state is not None:
        card.relay_state = state  # type: ignore[attr-defined]
    context = {
        "release": card,
        "viewer": viewer,
        "can_relay": card.message.room.process.status == ProcessStatus.ACTIVE,
    }
    return render(request, "rooms/_release_card.html", context, status=status)


def _leaver(places: list[Participant]) -> Participant:
    """The place to leave with: a party's own, else any place on a side, else any."""
    for wanted in (
        lambda p: p.role == Role.PRINCIPAL,
        lambda p: p.side_id is not None,
        lambda p: True,
    ):
        for place in places:
            if wanted(place):
                return place
    raise NotFound


@login_required
def leave(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """ "Leave now": a calm confirmation, then `process_withdraw`. Two clicks from any room.

    Sending the confirmation twice leaves once: the second finds the side already gone.
    """
    user = _user(request)
    process = access_process(user=user, process_id=process_id)
    place = _leaver(participations(user=user, case=process.case))
    if wrong_method := _refused_method(request, "GET", "POST"):
        return wrong_method
    back = _uuid(request.POST.get("room") or request.GET.get("room"))
    left = place.side_id is not None and place.side_id in departed_side_ids(process)
    error = ""
    status = 200
    if request.method == "POST":
        if left:
            return redirect("rooms:leave", process_id=process.id)
        try:
            process_withdraw(actor=place, process=process)
        except AccordError as refused:
            error, status = str(refused.message), _status(refused)
            process.refresh_from_db()
        else:
            return redirect("rooms:leave", process_id=process.id)
    rules = rules_for(process.kind)
    reason = ""
    if not left:
        try:
            check_withdraw(place, process)
        except AccordError as refused:
            reason = str(refused.message)
    context = {
        "process": process,
        "case": process.case,
        "left": left,
        "can_leave": not left and can_withdraw(place, process),
        "reason": reason,
        "error": error,
        "mediation": rules.leaving_rule(compulsory=process.compulsory) == Leaving.ANY_TIME,
        "leaving_rule": Leaving(rules.leaving_rule(compulsory=process.compulsory)).label,
        "ends_it": len(remaining_sides(process)) <= 2,
        "back_room": back,
        "case_url": _case_url(process),
    }
    return render(request, "rooms/leave.html", context, status=status)
