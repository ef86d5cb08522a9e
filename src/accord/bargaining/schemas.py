"""Shapes of the bargaining API: what a request may carry (`…In`) and what a response shows
(`…Out`). Outputs carry only what the caller may see: a side's own utilities, its own bid or
answer, never another side's."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict, StrictBool, StrictStr


def _iso_text(value: object) -> object:
    """A date comes as its ISO text ("2026-03-01"), never as a number pydantic would read as
    seconds since 1970."""
    if value is not None and not isinstance(value, str | dt.date):
        raise ValueError("give the date as text, YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_text)]


class _In(Schema):
    model_config = ConfigDict(extra="forbid")


class IssueIn(_In):
    title: StrictStr
    kind: StrictStr = Field(..., description="options, range or dates")
    options: list[StrictStr] = []
    range_min: StrictStr | None = None
    range_max: StrictStr | None = None
    unit: StrictStr = ""
    date_min: IsoDate | None = Field(None, description="dates: the earliest, YYYY-MM-DD")
    date_max: IsoDate | None = Field(None, description="dates: the latest, YYYY-MM-DD")
    client_key: StrictStr


class OptionOut(Schema):
    id: uuid.UUID
    label: str


class IssueOut(Schema):
    id: uuid.UUID
    title: str
    kind: str
    state: str
    status: str
    options: list[OptionOut]
    range_min: Decimal | None
    range_max: Decimal | None
    unit: str
    date_min: dt.date | None
    date_max: dt.date | None
    term: str | None


class AssentIn(_In):
    option_id: uuid.UUID | None = None
    amount: StrictStr | None = None
    date: IsoDate | None = None
    withdraw: StrictBool = False


class TermOut(Schema):
    issue_id: uuid.UUID
    title: str
    status: str
    text: str
    date: dt.date | None = None


class ChangesOut(Schema):
    """Per topic, how many changes the caller's audiences have seen (a page polls it)."""

    counts: dict[str, int]


class WeightIn(_In):
    issue_id: uuid.UUID
    points: int | None
    score_low: int | None = None
    score_high: int | None = None
    # Date issues: the best date, and after how many days away from it a date is worth nothing.
    best_date: IsoDate | None = None
    falloff_days: int | None = None


class ScoreIn(_In):
    option_id: uuid.UUID
    score: int | None


class PreferenceIn(_In):
    weights: list[WeightIn]
    scores: list[ScoreIn] = []
    reservation: int | None = 0
    visibility: StrictStr = "blind"


class PreferenceOut(Schema):
    id: uuid.UUID
    visibility: str
    reservation: int
    weights: list[WeightIn]
    scores: list[ScoreIn]
    created_at: dt.datetime


class PackageOut(Schema):
    kind: str
    terms: list[tuple[str, str]]
    # Only the caller's own side's points (or, for the mediator, the sides that allowed it).
    points: dict[str, float]  # keyed by side id
    draft_points: dict[str, float]


class RunOut(Schema):
    id: uuid.UUID
    status: str
    progress: int
    error: str
    packages: list[PackageOut]


class AnswerIn(_In):
    accept: StrictBool


class ProposalOut(Schema):
    id: uuid.UUID
    status: str
    deadline: dt.datetime
    my_answer: bool | None


class BidIn(_In):
    amount: StrictStr


class RoundOut(Schema):
    number: int
    status: str
    amount: Decimal | None  # only when settled
    my_figure: Decimal | None
