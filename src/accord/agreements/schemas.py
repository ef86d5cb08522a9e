"""Shapes of the agreements API: what a request may carry (`…In`) and what a response shows
(`…Out`). Schemas only parse and shape; the services decide and word every refusal."""

from __future__ import annotations

import datetime as dt
import uuid

from ninja import Field, Schema
from pydantic import ConfigDict, StrictBool

from accord.agreements.vocabulary import (
    AgreementKind,
    AgreementStatus,
    AttemptResult,
    Binding,
    SignatureMethod,
)
from accord.cases.schemas import Text
from accord.cases.vocabulary import ProcessKind, Role

ClientKey = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")


class _In(Schema):
    model_config = ConfigDict(extra="forbid")


# --- input -------------------------------------------------------------------------------------


class AgreementCreateIn(_In):
    title: Text
    body: Text = Field(..., description="Markdown. Raw HTML is shown as text.")
    client_key: str = ClientKey
    contract_intended: StrictBool = Field(
        False, description="The parties mean it as a binding contract once all have signed."
    )


class VersionAddIn(_In):
    body: Text
    based_on: int = Field(..., ge=1, description="The version number you started from.")
    contract_intended: StrictBool = False


class CommentIn(_In):
    body: Text
    client_key: str = ClientKey


class SignIn(_In):
    sha256: Text = Field(..., description="The hash of the version you read, as shown.")
    consent_to_sign_electronically: StrictBool = Field(
        False, description="Needed once per agreement; a paper copy may be signed instead."
    )
    intent: StrictBool = Field(False, description="I sign this version, as it says.")
    password: str = Field("", description="Step-up, for accounts without two-factor.")
    code: str = Field("", description="Step-up, the 6-digit code, for accounts with two-factor.")
    on_behalf_of: uuid.UUID | None = Field(
        None, description="An advocate signing for their client: the client's participant id."
    )


class AuthorityIn(_In):
    advocate_id: uuid.UUID


# --- output ------------------------------------------------------------------------------------


class PersonOut(Schema):
    participant_id: uuid.UUID
    name: str
    role: Role
    side: str | None


class VersionOut(Schema):
    id: uuid.UUID
    agreement_id: uuid.UUID
    number: int
    binding: Binding
    binding_label: str
    sha256: str
    body: str
    html: str = Field(..., description="The body rendered from Markdown and sanitised.")
    author: PersonOut
    created_at: dt.datetime


class VersionSummaryOut(Schema):
    id: uuid.UUID
    number: int
    sha256: str
    created_at: dt.datetime


class SigningOut(Schema):
    required: list[PersonOut]
    signed: list[PersonOut]
    missing: list[PersonOut]
    sides_without_party: list[str]
    complete: bool


class AgreementOut(Schema):
    id: uuid.UUID
    process_id: uuid.UUID
    kind: AgreementKind
    title: str
    status: AgreementStatus
    latest_version: VersionSummaryOut
    binding: Binding
    binding_label: str
    final_version_id: uuid.UUID | None
    completed_at: dt.datetime | None
    checkpoint_id: int | None
    signing: SigningOut
    created_at: dt.datetime


class DiffLineOut(Schema):
    change: str = Field(..., description='"same", "added" or "removed".')
    old_number: int | None
    new_number: int | None
    text: str


class DiffOut(Schema):
    from_version: int
    to_version: int
    added: int
    removed: int
    lines: list[DiffLineOut]


class CommentOut(Schema):
    id: uuid.UUID
    version_id: uuid.UUID
    author: PersonOut
    body: str
    created_at: dt.datetime


class SignatureOut(Schema):
    id: uuid.UUID
    version_id: uuid.UUID
    principal: PersonOut
    signer: PersonOut
    on_behalf: bool
    method: SignatureMethod
    sha256: str
    signed_at: dt.datetime
    voided_at: dt.datetime | None


class AuthorityOut(Schema):
    id: uuid.UUID
    version_id: uuid.UUID
    principal_id: uuid.UUID
    advocate_id: uuid.UUID
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class SignedDocumentOut(Schema):
    agreement_id: uuid.UUID
    title: str
    kind: AgreementKind
    completed_at: dt.datetime | None
    signed_at: dt.datetime
    pdf: str


class AttendeeOut(Schema):
    name: str
    role: Role
    side: str | None


class CertificateOut(Schema):
    id: uuid.UUID
    process_id: uuid.UUID
    kind: ProcessKind
    court_ordered: bool
    reference: str
    took_place: bool
    started: str | None
    ended: str | None
    result: AttemptResult
    attendees: list[AttendeeOut]
    issued_by: str
    issued: str
    sha256: str
