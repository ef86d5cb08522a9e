"""JSON API for rooms, messages, attachments, releases and relays.

Every route finds its object through an `access_*` selector (NotFound, one body, for missing
and not-yours alike), calls one service or selector, and shapes the answer from what the
viewer may see.
"""

from __future__ import annotations

import uuid

from django.http import FileResponse, HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status, UploadedFile

from accord.accounts.auth import api_user
from accord.cases.models import Participant
from accord.cases.selectors import access_process, participations
from accord.core import clock
from accord.core.errors import InvalidInput
from accord.rooms import services
from accord.rooms.models import Message, Release, Room, RoomKind
from accord.rooms.schemas import (
    AttachmentOut,
    CaseExportOut,
    MessageIn,
    MessageOut,
    RelayIn,
    RelayOriginOut,
    ReleaseIn,
    ReleaseOut,
    RoomOut,
    RoomRecordOut,
    SearchHitOut,
)
from accord.rooms.search import case_record, search_messages
from accord.rooms.selectors import (
    access_attachment,
    access_message,
    access_release,
    access_room,
    messages_visible_to,
    releases_visible_to,
    room_in_process,
    rooms_for_user,
)
from accord.rooms.services import Upload
from accord.rooms.visibility import can_post

router = Router(tags=["rooms"])


def _room_out(room: Room, viewer: Participant) -> RoomOut:
    return RoomOut(
        id=room.id,
        kind=RoomKind(room.kind),
        side_id=room.side_id,
        side_label=room.side.label if room.side else None,
        last_seq=room.last_seq,
        can_post=can_post(viewer, room),
    )


def message_out(message: Message) -> MessageOut:
    """Shape one message for a viewer who may see it (callers checked that)."""
    release = message.relay_of
    author = message.author.user
    return MessageOut(
        id=message.id,
        seq=message.seq,
        author=author.display_name if author else "",
        role=message.author.role,
        body=message.body,
        corrects=message.corrects_id,
        relay_of=RelayOriginOut(
            granted_by=release.granted_by.user.display_name if release.granted_by.user else "",
            mode=Release.Mode(release.mode),
        )
        if release
        else None,
        attachments=[
            AttachmentOut(
                id=a.id, filename=a.filename, content_type=a.blob.content_type, size=a.blob.size
            )
            for a in message.attachments.all()
        ],
        at=message.created_at,
    )


def _release_out(release: Release) -> ReleaseOut:
    granter = release.granted_by.user
    return ReleaseOut(
        id=release.id,
        message_id=release.message_id,
        attachment_id=release.attachment_id,
        mode=Release.Mode(release.mode),
        target_room_id=release.target_id,
        status=Release.Status(release.status),
        granted_by=granter.display_name if granter else "",
    )


@router.get("/processes/{process_id}/rooms", response=list[RoomOut], summary="My rooms.")
def list_rooms(request: HttpRequest, process_id: uuid.UUID) -> list[RoomOut]:
    """The process's rooms I may see (rooms follow from the process; made on first sight)."""
    user = api_user(request)
    process = access_process(user=user, process_id=process_id)
    services.rooms_ensure(process=process)
    return [_room_out(room, place) for room, place in rooms_for_user(user=user, process=process)]


@router.get("/rooms/{room_id}/messages", response=list[MessageOut], summary="Messages.")
def list_messages(
    request: HttpRequest, room_id: uuid.UUID, after: int = 0, limit: int = 200
) -> list[MessageOut]:
    """Messages after `after` (the last number I saw), oldest first, at most `limit`."""
    room, viewer = access_room(user=api_user(request), room_id=room_id)
    page = messages_visible_to(
        participant=viewer, room=room, after_seq=max(after, 0), limit=min(max(limit, 1), 500)
    )
    return [message_out(m) for m in page]


@router.post("/rooms/{room_id}/messages", response={201: MessageOut}, summary="Post a message.")
def post_message(request: HttpRequest, room_id: uuid.UUID, body: MessageIn) -> Status[MessageOut]:
    """Resending with the same client_key returns the first message, unchanged."""
    room, viewer = access_room(user=api_user(request), room_id=room_id)
    corrects = _own_message(request, body.corrects)
    message = services.message_post(
        actor=viewer,
        room=room,
        body=body.body,
        client_key=body.client_key,
        corrects=corrects,
        send_anyway=body.send_anyway,
    )
    return Status(201, message_out(message))


@router.post(
    "/rooms/{room_id}/messages/with-files",
    response={201: MessageOut},
    summary="Post a message with files.",
)
def post_message_with_files(
    request: HttpRequest,
    room_id: uuid.UUID,
    client_key: Form[str],
    files: File[list[UploadedFile]],
    body: Form[str] = "",
    send_anyway: Form[bool] = False,
) -> Status[MessageOut]:
    """Multipart: PDF, PNG, JPEG or plain text, at most 5 files of 10 MB each."""
    room, viewer = access_room(user=api_user(request), room_id=room_id)
    uploads = [Upload(f.name or "file", f.read()) for f in files]
    message = services.message_post(
        actor=viewer,
        room=room,
        body=body,
        client_key=client_key,
        uploads=uploads,
        send_anyway=send_anyway,
    )
    return Status(201, message_out(message))


def _own_message(request: HttpRequest, message_id: uuid.UUID | None) -> Message | None:
    if message_id is None:
        return None
    message, _viewer = access_message(user=api_user(request), message_id=message_id)
    return message


@router.get("/attachments/{attachment_id}", summary="Download a file.", response={200: None})
def download_attachment(request: HttpRequest, attachment_id: uuid.UUID) -> FileResponse:
    """Served only through the access check; every download is an audit event."""
    attachment, viewer = access_attachment(user=api_user(request), attachment_id=attachment_id)
    path = services.attachment_open(actor=viewer, attachment=attachment)
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=attachment.filename,
        content_type=attachment.blob.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@router.get("/rooms/{room_id}/releases", response=list[ReleaseOut], summary="Releases.")
def list_releases(request: HttpRequest, room_id: uuid.UUID) -> list[ReleaseOut]:
    """What my side allowed to be shared from this private session (side and mediator only)."""
    room, viewer = access_room(user=api_user(request), room_id=room_id)
    return [_release_out(r) for r in releases_visible_to(participant=viewer, room=room)]


@router.post(
    "/messages/{message_id}/releases", response={201: ReleaseOut}, summary="Release an item."
)
def grant_release(
    request: HttpRequest, message_id: uuid.UUID, body: ReleaseIn
) -> Status[ReleaseOut]:
    """A party lets the mediator share one of their side's private items, gist or verbatim."""
    user = api_user(request)
    message, viewer = access_message(user=user, message_id=message_id)
    target = _target_room(body.target_room_id, message)
    attachment = None
    if body.attachment_id is not None:
        attachment, _ = access_attachment(user=user, attachment_id=body.attachment_id)
    release = services.release_grant(
        actor=viewer, message=message, mode=body.mode, target=target, attachment=attachment
    )
    return Status(201, _release_out(release))


def _target_room(room_id: uuid.UUID, message: Message) -> Room:
    """The target may be a room the releasing party cannot see (the other side's private
    session); it only has to belong to the same process."""
    room = room_in_process(process_id=message.room.process_id, room_id=room_id)
    if room is None:
        raise InvalidInput(
            _("Share to the joint room or to another side's private session."),
            field="target",
        )
    return room


@router.post("/releases/{release_id}/revoke", response=ReleaseOut, summary="Take back.")
def revoke_release(request: HttpRequest, release_id: uuid.UUID) -> ReleaseOut:
    release, viewer = access_release(user=api_user(request), release_id=release_id)
    return _release_out(services.release_revoke(actor=viewer, release=release))


@router.post(
    "/releases/{release_id}/relay", response={201: MessageOut}, summary="Relay (mediator)."
)
def relay_release(request: HttpRequest, release_id: uuid.UUID, body: RelayIn) -> Status[MessageOut]:
    """The mediator carries a released item into its target room."""
    release, viewer = access_release(user=api_user(request), release_id=release_id)
    relay = services.relay_post(
        actor=viewer, release=release, body=body.body, client_key=body.client_key
    )
    return Status(201, message_out(relay))


@router.get(
    "/processes/{process_id}/search", response=list[SearchHitOut], summary="Search messages."
)
def search(request: HttpRequest, process_id: uuid.UUID, q: str) -> list[SearchHitOut]:
    """Messages containing every word of `q`, newest first, from the rooms I may see."""
    user = api_user(request)
    process = access_process(user=user, process_id=process_id)
    return [
        SearchHitOut(
            room_id=room.id,
            room_kind=RoomKind(room.kind),
            side_label=room.side.label if room.side else None,
            message=message_out(message),
        )
        for room, message in search_messages(user=user, process=process, query=q)
    ]


@router.get("/cases/{case_id}/export", response=CaseExportOut, summary="Export what I may read.")
def export_case(request: HttpRequest, case_id: uuid.UUID) -> CaseExportOut:
    """Every message I may read in the case, room by room (an audit event, like a download)."""
    user = api_user(request)
    case, records = case_record(user=user, case_id=case_id)
    rooms = [
        RoomRecordOut(
            process_id=record.process.id,
            process_kind=record.process.kind,
            room_id=record.room.id,
            room_kind=RoomKind(record.room.kind),
            side_label=record.room.side.label if record.room.side else None,
            messages=[message_out(m) for m in record.messages],
        )
        for record in records
    ]
    actor = records[0].viewer if records else participations(user=user, case=case)[0]
    services.record_exported(
        actor=actor, rooms=len(rooms), messages=sum(len(r.messages) for r in rooms)
    )
    return CaseExportOut(
        case_id=case.id,
        title=case.title,
        exported_at=clock.now(),
        exported_by=user.display_name,
        rooms=rooms,
    )
