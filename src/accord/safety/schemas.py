"""API shapes of the safety app. Inputs and outputs are separate; outputs are built only from
selectors that applied the rule of who sees what (screening answers: the party and the
neutral; missed deadlines and the balance: the neutral)."""

from __future__ import annotations

import datetime as dt
import uuid

from ninja import Schema
from pydantic import ConfigDict, Field

from accord.safety.vocabulary import MAX_NOTE, RequestStatus

_CLIENT_KEY = r"^[A-Za-z0-9_.:-]+$"


class _In(Schema):
    model_config = ConfigDict(extra="forbid")


# --- screening -------------------------------------------------------------------------------


class ChoiceOut(Schema):
    value: str
    label: str


class QuestionOut(Schema):
    key: str
    text: str
    help: str | None
    choices: list[ChoiceOut]


class MyScreeningOut(Schema):
    """A party's own questionnaire and their answers that count (never anyone else's)."""

    process_id: uuid.UUID
    questionnaire: str
    questions: list[QuestionOut]
    answers: dict[str, str] | None
    note: str | None
    answered_at: dt.datetime | None
    can_answer: bool


class ScreeningIn(_In):
    answers: dict[str, str]
    note: str = Field(default="", max_length=MAX_NOTE)
    client_key: str = Field(min_length=1, max_length=64, pattern=_CLIENT_KEY)


class ScreeningAnsweredOut(Schema):
    id: uuid.UUID
    process_id: uuid.UUID
    answered_at: dt.datetime


class FlagOut(Schema):
    id: str
    label: str


class PartyScreeningOut(Schema):
    participant_id: uuid.UUID
    name: str
    side_id: uuid.UUID | None
    side_label: str | None
    answered_at: dt.datetime | None
    carried: bool
    answers: dict[str, str] | None
    note: str | None
    flags: list[FlagOut]


class ConfigurationOut(Schema):
    screening_required: bool
    screening_complete: bool
    shuttle_only: bool
    staggered: bool
    support_required: bool
    rescreen: bool
    confirmed_at: dt.datetime | None
    up_to_date: bool


class ScreeningSummaryOut(Schema):
    process_id: uuid.UUID
    parties: list[PartyScreeningOut]
    # measure -> "none" | "suggested" | "required"
    recommendation: dict[str, str]
    configuration: ConfigurationOut
    seen: list[str]  # send back as `seen` when confirming


class ConfigurationIn(_In):
    shuttle_only: bool
    staggered: bool
    support: bool
    rescreen: bool
    seen: list[str] | None = None


# --- response requests -----------------------------------------------------------------------


class RequestIn(_In):
    room_id: uuid.UUID
    side_id: uuid.UUID
    topic: str = Field(min_length=1, max_length=200)
    due_at: dt.datetime
    message_id: uuid.UUID | None = None
    client_key: str = Field(min_length=1, max_length=64, pattern=_CLIENT_KEY)


class RequestAnswerIn(_In):
    body: str = Field(min_length=1, max_length=10_000)
    client_key: str = Field(min_length=1, max_length=64, pattern=_CLIENT_KEY)


class RequestOut(Schema):
    """A request as any participant who sees its room sees it: open or answered, never
    "missed" (that is for the mediator, in `missed`)."""

    id: uuid.UUID
    room_id: uuid.UUID
    message_id: uuid.UUID | None
    topic: str
    asked_by: str
    side_id: uuid.UUID
    side_label: str
    due_at: dt.datetime
    status: RequestStatus
    answer_message_id: uuid.UUID | None
    can_answer: bool
    can_withdraw: bool


class NonResponseOut(Schema):
    request_id: uuid.UUID
    side_label: str
    topic: str
    due_at: dt.datetime
    recorded_at: dt.datetime
    answered_late_at: dt.datetime | None


class DeadlinesOut(Schema):
    requests: list[RequestOut]
    missed: list[NonResponseOut] | None  # null unless the caller is the mediator


# --- balance ---------------------------------------------------------------------------------


class SideBalanceOut(Schema):
    side_id: uuid.UUID
    side_label: str
    caucus_messages_by_side: int
    caucus_characters_by_side: int
    caucus_messages_by_neutral: int
    caucus_characters_by_neutral: int
    neutral_minutes_in_caucus: int
    joint_messages: int
    joint_characters: int
    joint_share_percent: int | None


class BalanceOut(Schema):
    process_id: uuid.UUID
    sides: list[SideBalanceOut]
    session_gap_minutes: int
    message_allowance_minutes: int
    computed_at: dt.datetime


class BalanceShareIn(_In):
    client_key: str = Field(min_length=1, max_length=64, pattern=_CLIENT_KEY)


class SharedOut(Schema):
    message_id: uuid.UUID
    room_id: uuid.UUID
    body: str
