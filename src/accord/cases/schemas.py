"""Shapes of the cases API: what a request may carry (`…In`) and what a response shows (`…Out`).

Schemas only parse and shape. The rules (who may, what is allowed, lengths and wording) live in
the services, which answer in the rule's own words; a schema refuses only what cannot be read
at all: an unknown enum value, a wrong type, a missing field, a field nobody asked for.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict, StrictBool, StrictStr

from accord.cases.vocabulary import (
    CaseKind,
    Format,
    Outcome,
    ParticipantStatus,
    ProcessKind,
    ProcessStatus,
    Role,
)


def _printable(value: str) -> str:
    # PostgreSQL cannot store NUL in text; refuse it here rather than fail in the database.
    if "\x00" in value:
        raise ValueError("Text must not contain NUL characters.")
    return value


Text = Annotated[StrictStr, AfterValidator(_printable)]


class _In(Schema):
    # A misspelt field is refused, not silently ignored: "opener_sides" must not open a case
    # with no opener side and a confusing message.
    model_config = ConfigDict(extra="forbid")


# --- input ---------------------------------------------------------------------------------


class PageIn(Schema):
    limit: int = Field(50, ge=1, le=100)
    offset: int = Field(0, ge=0)


class CaseOpenIn(_In):
    title: Text
    kind: CaseKind
    sides: list[Text] = Field(..., description="The sides' names, at least two.")
    opener_role: Role
    opener_side: Text | None = Field(None, description="Your side's name, for a side role.")
    jurisdiction: Text = ""
    is_practice: StrictBool = False


class SideAddIn(_In):
    label: Text


class InviteIn(_In):
    email: Text
    role: Role
    side_id: uuid.UUID | None = Field(None, description="Required for side roles.")


class ConflictDeclarationIn(_In):
    related_to: list[uuid.UUID] = Field(
        ..., description="Participants of this case you have a relationship with."
    )
    financial_interest: StrictBool
    details: Text = ""


class ProcessProposeIn(_In):
    kind: ProcessKind
    format: Format | None = Field(None, description="Defaults to the process's first format.")
    compulsory: StrictBool = False
    court_ordered: StrictBool = False
    court_reference: Text = ""


class ConfidentialityChoiceIn(_In):
    confidential: StrictBool


class ProcessEndIn(_In):
    outcome: Outcome


class ProcessMoveIn(_In):
    kind: ProcessKind
    format: Format | None = None
    court_ordered: StrictBool = False
    court_reference: Text = ""


# --- output --------------------------------------------------------------------------------


class SideOut(Schema):
    id: uuid.UUID
    label: str
    position: int


class ParticipationOut(Schema):
    """One of the viewer's own places in a case."""

    id: uuid.UUID
    role: Role
    side_id: uuid.UUID | None
    status: ParticipantStatus


class ParticipantOut(Schema):
    """Someone in the case. The e-mail address is shown only to managers and to its owner."""

    id: uuid.UUID
    role: Role
    side_id: uuid.UUID | None
    status: ParticipantStatus
    name: str | None
    email: str | None


class ProcessOut(Schema):
    id: uuid.UUID
    case_id: uuid.UUID
    kind: ProcessKind
    format: Format
    status: ProcessStatus
    outcome: Outcome | None
    binding: bool
    confidential: bool | None
    compulsory: bool
    court_ordered: bool
    follows_id: uuid.UUID | None
    created_at: dt.datetime
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    start_blockers: list[str] = Field(
        default_factory=list,
        description="For a proposed process: what still stands between it and its start.",
    )


class CaseSummaryOut(Schema):
    id: uuid.UUID
    title: str
    kind: CaseKind
    jurisdiction: str
    is_practice: bool
    created_at: dt.datetime
    sides: list[SideOut]
    me: list[ParticipationOut]


class CasePageOut(Schema):
    count: int
    items: list[CaseSummaryOut]


class CaseOut(CaseSummaryOut):
    participants: list[ParticipantOut]
    processes: list[ProcessOut]


class ConflictDeclarationOut(Schema):
    id: uuid.UUID
    participant_id: uuid.UUID
    conflict: bool
    appointment_status: ParticipantStatus


class MedArbConsentOut(Schema):
    id: uuid.UUID
    side_id: uuid.UUID
    acknowledgement: str
    created_at: dt.datetime


class ProcessConsentOut(Schema):
    id: uuid.UUID
    process_id: uuid.UUID
    side_id: uuid.UUID
    created_at: dt.datetime


class ConfidentialityChoiceOut(Schema):
    id: uuid.UUID
    process_id: uuid.UUID
    side_id: uuid.UUID
    confidential: bool
    created_at: dt.datetime


class ConfidentialityAcceptanceOut(Schema):
    id: uuid.UUID
    process_id: uuid.UUID
    participant_id: uuid.UUID
    terms_version: str
    created_at: dt.datetime
