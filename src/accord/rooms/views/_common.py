"""What the rooms pages share: who is asking, how refusals are shown, and a room as a
page panel (history, composer, tabs)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from accord.accounts.models import User
from accord.cases.models import Participant, Process
from accord.core.errors import AccordError, Conflict, Forbidden, NotFound
from accord.rooms import services
from accord.rooms.forms import (
    Composer,
    ReleaseState,
    new_client_key,
)
from accord.rooms.models import Message, Room, RoomKind
from accord.rooms.selectors import (
    FACILITATORS,
    RoomView,
    messages_shown_to,
    rooms_for_user,
    unread_counts,
)

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


def user_of(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):  # @login_required runs first; this is for the type
        raise NotFound
    return user


def refused_method(request: HttpRequest, *allowed: str) -> HttpResponseNotAllowed | None:
    """405 for another method, asked only after the access check: to someone who may not
    know the object, every method of its URL answers the 404 of a missing one."""
    if request.method in allowed or (request.method == "HEAD" and "GET" in allowed):
        return None
    return HttpResponseNotAllowed(list(allowed))


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def status_of(error: AccordError) -> int:
    """The status of a refused form. htmx swaps these (see _htmx_head.html) so the refusal
    shows next to its field; 422 for bad input, as a re-rendered form."""
    if isinstance(error, Forbidden):
        return 403
    if isinstance(error, Conflict):
        return 409
    return 422


def errors_for(error: AccordError, fields: set[str]) -> dict[str, str]:
    return {error.field if error.field in fields else "form": str(error.message)}


def form_errors(errors: dict[str, Any]) -> dict[str, str]:
    return {name: str(texts[0]) for name, texts in errors.items()}


def whole_number(value: str | None) -> int | None:
    if value is None or not value.isascii() or not value.isdigit():
        return None
    return int(value) if len(value) < 19 else None


def uuid_or_none(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def page_holding(room: Room, seq: int) -> int | None:
    """The `before` that shows the page holding message `seq` (None: the latest page)."""
    return None if seq > room.last_seq - PAGE else seq + 1


def panel_of(
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


def case_url(process: Process) -> str | None:
    """The case page, linked from every room page (the cases app may not have it yet)."""
    try:
        return reverse("cases:case", kwargs={"case_id": process.case_id})
    except NoReverseMatch:
        return None


def room_tabs(user: User, process: Process) -> tuple[list[tuple[Room, Participant, int]], bool]:
    """The process's rooms this person may see, each with the person's place there and how
    many messages they have not been shown yet, and whether they run its shuttle view."""
    seen = rooms_for_user(user=user, process=process)
    unread = unread_counts(user=user, rooms=seen)
    shuttle = any(r.kind == RoomKind.CAUCUS and p.role in FACILITATORS for r, p in seen)
    return [(r, p, unread.get(r.id, 0)) for r, p in seen], shuttle


def mark_shown(panel: Panel) -> None:
    """The person has now been shown the panel's room up to its last message: only when the
    panel is the latest page (an older page says nothing about what came after)."""
    if panel.live and panel.history:
        services.room_mark_read(
            actor=panel.view.viewer, room=panel.view.room, seq=panel.history[-1].seq
        )


def room_page(
    request: HttpRequest,
    view: RoomView,
    *,
    composer: Composer | None = None,
    before: int | None = None,
    release_states: dict[uuid.UUID, ReleaseState] | None = None,
    status: int = 200,
) -> HttpResponse:
    room = view.room
    panel = panel_of(view, composer=composer, before=before)
    for message in panel.history:
        if release_states and message.id in release_states:
            message.release_state = release_states[message.id]  # type: ignore[attr-defined]
    mark_shown(panel)
    tabs, shuttle_link = room_tabs(user_of(request), room.process)
    context = {
        "room": room,
        "process": room.process,
        "case": room.process.case,
        "view": view,
        "panel": panel,
        "tabs": tabs,
        "shuttle_link": shuttle_link,
        "case_url": case_url(room.process),
    }
    return render(request, "rooms/room.html", context, status=status)
