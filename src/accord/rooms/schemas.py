"""API shapes for rooms. Input and output are separate; outputs carry only what the viewer
may see (the routes build them from selectors that apply the visibility rule)."""

from __future__ import annotations

import datetime as dt
import uuid

from ninja import Schema
from pydantic import ConfigDict, Field

from accord.rooms.models import Release, RoomKind


class _In(Schema):
    model_config = ConfigDict(extra="forbid")


class RoomOut(Schema):
    id: uuid.UUID
    kind: RoomKind
    side_id: uuid.UUID | None
    side_label: str | None
    last_seq: int
    can_post: bool


class AttachmentOut(Schema):
    id: uuid.UUID
    filename: str
    content_type: str
    size: int


class RelayOriginOut(Schema):
    granted_by: str  # "shared with the permission of …"
    mode: Release.Mode


class MessageOut(Schema):
    id: uuid.UUID
    seq: int
    author: str
    role: str
    body: str
    corrects: uuid.UUID | None
    relay_of: RelayOriginOut | None
    attachments: list[AttachmentOut]
    at: dt.datetime


class MessageIn(_In):
    body: str = Field(default="", max_length=10_000)
    client_key: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")
    corrects: uuid.UUID | None = None
    # After the tone coach flagged the text (a 400 with "tone"), the writer may send it anyway.
    send_anyway: bool = False


class ReleaseIn(_In):
    mode: Release.Mode
    target_room_id: uuid.UUID
    attachment_id: uuid.UUID | None = None


class ReleaseOut(Schema):
    id: uuid.UUID
    message_id: uuid.UUID
    attachment_id: uuid.UUID | None
    mode: Release.Mode
    target_room_id: uuid.UUID
    status: Release.Status
    granted_by: str


class RelayIn(_In):
    body: str = Field(default="", max_length=10_000)
    client_key: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


class SearchHitOut(Schema):
    room_id: uuid.UUID
    room_kind: RoomKind
    side_label: str | None
    message: MessageOut


class RoomRecordOut(Schema):
    process_id: uuid.UUID
    process_kind: str
    room_id: uuid.UUID
    room_kind: RoomKind
    side_label: str | None
    messages: list[MessageOut]


class CaseExportOut(Schema):
    """What one person may read in a case, at the time of export."""

    case_id: uuid.UUID
    title: str
    exported_at: dt.datetime
    exported_by: str
    rooms: list[RoomRecordOut]
