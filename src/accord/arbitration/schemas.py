"""Shapes of the arbitration API. Inputs only parse; the services decide and word refusals.
Outputs carry only what the record's audience may see (an award draft: the arbitrator)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from ninja import Field, Schema
from pydantic import ConfigDict, StrictBool

from accord.agreements.schemas import ClientKey, PersonOut
from accord.agreements.vocabulary import AgreementStatus
from accord.arbitration.vocabulary import AwardStatus, SubmissionKind
from accord.cases.schemas import Text


class _In(Schema):
    model_config = ConfigDict(extra="forbid")


# --- input -------------------------------------------------------------------------------------


class DeadlineIn(_In):
    side_id: uuid.UUID
    due_at: dt.datetime = Field(..., description="With its time zone, e.g. 2026-05-01T17:00Z.")


class TermsIn(_In):
    scope: list[Text] = Field(..., description="The questions the arbitrator decides.")
    rules: Text
    deadlines: list[DeadlineIn] = Field(..., description="One per side of the case.")
    award_days: int
    max_amount: Decimal | None = Field(None, description="The most the award may order.")
    currency: Text = ""
    other_terms: Text = ""
    based_on: int | None = Field(
        None, description="The version you started from; leave out to start the agreement."
    )


class SubmissionIn(_In):
    kind: SubmissionKind
    title: Text
    body: Text = ""
    client_key: str = ClientKey


class HearingIn(_In):
    starts_at: dt.datetime
    place: Text = ""
    link: Text = ""
    details: Text = ""


class DecisionIn(_In):
    scope_item_id: uuid.UUID
    decision: Text
    amount: Decimal | None = None


class AwardIn(_In):
    reasons: Text = Field(..., description="Markdown; sanitised when shown and printed.")
    decisions: list[DecisionIn]


class AwardSignIn(_In):
    sha256: Text
    intent: StrictBool = False
    password: str = ""
    code: str = ""


# --- output ------------------------------------------------------------------------------------


class ScopeItemOut(Schema):
    id: uuid.UUID
    position: int
    question: str


class DeadlineOut(Schema):
    side_id: uuid.UUID
    side: str
    due_at: dt.datetime | None
    closed: bool
    passed: bool
    open: bool


class TermsOut(Schema):
    id: uuid.UUID
    version_id: uuid.UUID
    version_number: int
    sha256: str
    scope: list[ScopeItemOut]
    rules: str
    award_days: int
    max_amount: Decimal | None
    currency: str
    other_terms: str
    deadlines: list[DeadlineOut]


class HearingOut(Schema):
    id: uuid.UUID
    starts_at: dt.datetime
    place: str
    link: str
    details: str


class FileOut(Schema):
    id: uuid.UUID
    filename: str
    content_type: str
    size: int
    sha256: str


class SubmissionOut(Schema):
    id: uuid.UUID
    process_id: uuid.UUID
    side_id: uuid.UUID
    side: str
    author: PersonOut
    kind: SubmissionKind
    title: str
    body: str
    html: str
    files: list[FileOut]
    created_at: dt.datetime


class DecisionOut(Schema):
    question: str
    decision: str
    amount: Decimal | None


class AwardOut(Schema):
    id: uuid.UUID
    process_id: uuid.UUID
    number: int
    status: AwardStatus
    reasons: str
    html: str
    decisions: list[DecisionOut]
    currency: str
    sha256: str
    terms_sha256: str
    issued_at: dt.datetime | None
    method: str


class ArbitrationOut(Schema):
    process_id: uuid.UUID
    status: str
    agreement_id: uuid.UUID | None
    agreement_status: AgreementStatus | None
    terms_in_force: TermsOut | None
    latest_terms: TermsOut | None
    hearing: HearingOut | None
    award: AwardOut | None
    my_draft: AwardOut | None = Field(None, description="The arbitrator's latest draft.")
