"""A party's releases of their own private-session items, and the mediator's shuttle
view: every side's private session side by side, pending releases, relays."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accord.cases.selectors import (
    access_process,
    participations,
)
from accord.cases.vocabulary import ProcessStatus
from accord.core.errors import AccordError, InvalidInput, NotFound
from accord.rooms import services
from accord.rooms.forms import (
    RelayForm,
    RelayState,
    ReleaseForm,
    ReleaseState,
)
from accord.rooms.models import Attachment, Message, Release
from accord.rooms.selectors import (
    FACILITATORS,
    RoomView,
    Shuttle,
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
)
from accord.rooms.views._common import (
    case_url,
    errors_for,
    form_errors,
    is_htmx,
    mark_shown,
    page_holding,
    panel_of,
    refused_method,
    room_page,
    room_tabs,
    status_of,
    user_of,
)


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
    if not is_htmx(request):
        if state is None:
            return redirect(f"{reverse('rooms:room', args=[room.id])}#msg-{message.id}")
        # Show the page that holds the message, so its refusal is in view.
        before = page_holding(room, message.seq)
        return room_page(
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
    user = user_of(request)
    message, _viewer = access_message(user=user, message_id=message_id)
    source, viewer = access_room(user=user, room_id=message.room_id)
    if refused := refused_method(request, "POST"):
        return refused
    view = room_view(viewer=viewer, room=source)
    form = ReleaseForm(request.POST)
    state = ReleaseState(
        mode=request.POST.get("mode", ""),
        target=request.POST.get("target", ""),
        attachment=request.POST.get("attachment", ""),
    )
    if not form.is_valid():
        state.errors = form_errors(form.errors)
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
        state.errors = errors_for(error, {"mode", "target", "attachment"})
        state.error = state.errors.pop("form", "")
        return _message_response(request, view, message, state=state, status=status_of(error))
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
    user = user_of(request)
    item, _viewer = access_release(user=user, release_id=release_id)
    source, viewer = access_room(user=user, room_id=item.message.room_id)
    if refused := refused_method(request, "POST"):
        return refused
    view = room_view(viewer=viewer, room=source)
    if item.status != Release.Status.REVOKED:  # already taken back: a form sent twice
        try:
            services.release_revoke(actor=viewer, release=item)
        except AccordError as error:
            state = ReleaseState(error=str(error.message))
            return _message_response(
                request, view, item.message, state=state, status=status_of(error)
            )
    return _message_response(request, view, item.message)


def _shuttle_page(
    request: HttpRequest,
    shuttle: Shuttle,
    *,
    relay_states: dict[uuid.UUID, RelayState] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = user_of(request)
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
    caucus_panels = [
        panel_of(room_view(viewer=viewer, room=r), heading=True, return_to="shuttle")
        for r in shuttle.caucuses
    ]
    other_panels = [
        panel_of(room_view(viewer=viewer, room=r), heading=True, return_to="shuttle")
        for r in others
    ]
    for panel in (*caucus_panels, *other_panels):
        mark_shown(panel)
    tabs, _shuttle_link = room_tabs(user, process)
    context = {
        "process": process,
        "case": process.case,
        "viewer": viewer,
        "pending": pending,
        "can_relay": process.status == ProcessStatus.ACTIVE,
        "caucus_panels": caucus_panels,
        "other_panels": other_panels,
        "tabs": tabs,
        "shuttle_link": True,
        "case_url": case_url(process),
    }
    return render(request, "rooms/shuttle.html", context, status=status)


@login_required
def shuttle(request: HttpRequest, process_id: uuid.UUID) -> HttpResponse:
    """The mediator's shuttle view; everyone else gets the 404 of a missing process."""
    user = user_of(request)
    process = access_process(user=user, process_id=process_id)
    if not any(p.role in FACILITATORS for p in participations(user=user, case=process.case)):
        raise NotFound
    # Rooms follow from the process; they are made on first sight (as the API does).
    services.rooms_ensure(process=process)
    found = access_shuttle(user=user, process_id=process.id)
    if refused := refused_method(request, "GET"):
        return refused
    return _shuttle_page(request, found)


@login_required
def release_card(request: HttpRequest, release_id: uuid.UUID) -> HttpResponse:
    """One release as the shuttle view shows it, fetched when its state changes live."""
    item, viewer = release_for_card(user=user_of(request), release_id=release_id)
    if refused := refused_method(request, "GET"):
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
    user = user_of(request)
    item, viewer = access_release(user=user, release_id=release_id)
    if refused := refused_method(request, "POST"):
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
            errors = errors_for(error, {"body"})
            state = RelayState(body=body, error=errors.pop("form", ""), errors=errors)
            status = status_of(error)
    if not is_htmx(request):
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
