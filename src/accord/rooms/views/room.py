"""A room with its live chat: the page, posting into it (with the tone coach's second
look and held messages), and attachments through the access check."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accord.core.errors import AccordError, Conflict
from accord.rooms import services
from accord.rooms.forms import (
    Composer,
    ComposerForm,
    new_client_key,
)
from accord.rooms.models import Message
from accord.rooms.selectors import (
    RoomView,
    access_attachment,
    access_room,
    room_view,
)
from accord.rooms.services import HeldForReview, ToneCheck
from accord.rooms.views._common import (
    errors_for,
    form_errors,
    is_htmx,
    refused_method,
    room_page,
    status_of,
    user_of,
    whole_number,
)


@login_required
def room(request: HttpRequest, room_id: uuid.UUID) -> HttpResponse:
    """A room: its history, live, and a composer that posts once per form however often
    it is sent. Anyone outside the room's audience gets the 404 of a missing room."""
    found, viewer = access_room(user=user_of(request), room_id=room_id)
    if refused := refused_method(request, "GET", "POST"):
        return refused
    view = room_view(viewer=viewer, room=found)
    if request.method == "POST":
        return _post(request, view)
    return room_page(request, view, before=whole_number(request.GET.get("before")))


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
            named.get(name, "form"): text for name, text in form_errors(form.errors).items()
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
            if is_htmx(request):
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
            composer.errors = errors_for(error, {"body", "files"})
            status = status_of(error)
        else:
            if is_htmx(request):
                context = {
                    "view": view,
                    "composer": Composer(new_client_key()),
                    "return_to": return_to,
                }
                return render(request, "rooms/_composer.html", context)
            return redirect(_after_post(view, return_to, message))
    if is_htmx(request):
        context = {"view": view, "composer": composer, "return_to": return_to}
        return render(request, "rooms/_composer.html", context, status=status)
    return room_page(request, view, composer=composer, status=status)


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
    item, viewer = access_attachment(user=user_of(request), attachment_id=attachment_id)
    if refused := refused_method(request, "GET"):
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


@login_required
def read(request: HttpRequest, room_id: uuid.UUID) -> HttpResponse:
    """The page showed live messages up to `seq` while in view: the room's unread count for
    this person drops. 204 on success; the 404 of a missing room to anyone outside it."""
    found, viewer = access_room(user=user_of(request), room_id=room_id)
    if refused := refused_method(request, "POST"):
        return refused
    seq = whole_number(request.POST.get("seq"))
    if seq is None:
        return HttpResponse(_("Send the number of the last message shown."), status=400)
    try:
        services.room_mark_read(actor=viewer, room=found, seq=seq)
    except AccordError as error:
        return HttpResponse(error.message, status=status_of(error))
    return HttpResponse(status=204)
