"""Forms of the room pages. They only parse and shape input; the services decide what is
allowed and word the refusals (size and type limits, who may release, what may be relayed)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from accord.rooms import storage
from accord.rooms.models import Release
from accord.rooms.services import Upload
from accord.safety.tone import ToneAssessment


def new_client_key() -> str:
    """A fresh idempotency key for one form: sending the same form twice posts once."""
    return uuid.uuid4().hex


# What a form shows when it comes back: the words as typed, and each refusal by field.


@dataclass
class Composer:
    """The message form of one room: its client key, and what was typed if it came back."""

    client_key: str
    body: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    # The tone coach's verdict on the text sent back (reasons, a calmer suggestion).
    tone: ToneAssessment | None = None
    # A calm word on what happened to the last message (e.g. it waits for review).
    notice: str = ""


@dataclass
class ReleaseState:
    """A release form sent back with its refusal, as the person filled it in."""

    mode: str = ""
    target: str = ""
    attachment: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    error: str = ""

    # One name per field for the template: a missing key would cost a failed lookup.
    @property
    def mode_error(self) -> str:
        return self.errors.get("mode", "")

    @property
    def target_error(self) -> str:
        return self.errors.get("target", "")

    @property
    def attachment_error(self) -> str:
        return self.errors.get("attachment", "")


@dataclass
class RelayState:
    """A relay form sent back with its refusal, with the mediator's wording kept."""

    body: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    error: str = ""
    # False for a card shown afresh: its box then holds the party's words to edit.
    returned: bool = True


class _MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class _MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", _MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ComposerForm(forms.Form):
    body = forms.CharField(required=False, strip=False)
    # Not `files`: a form already has that attribute (the request's files).
    attachments = _MultipleFileField(required=False, allow_empty_file=True)
    client_key = forms.CharField(required=False, max_length=200)
    # After the tone coach flagged the text: the writer chose to send it as written.
    send_anyway = forms.BooleanField(required=False)

    def uploads(self) -> list[Upload]:
        """The files as the service takes them. At most one byte past the limit is read, so
        an oversized file costs no memory and the service still words the refusal."""
        return [
            Upload(f.name or "file", f.read(storage.MAX_ATTACHMENT_BYTES + 1))
            for f in self.cleaned_data.get("attachments") or []
        ]


class ReleaseForm(forms.Form):
    mode = forms.ChoiceField(
        choices=Release.Mode.choices,
        error_messages={"required": _("Choose how it may be shared.")},
    )
    target = forms.UUIDField(error_messages={"required": _("Choose who may hear it.")})
    # Empty: the whole message (with its files); else one of its files only.
    attachment = forms.UUIDField(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mode"].error_messages["invalid_choice"] = _("Choose how it may be shared.")
        self.fields["target"].error_messages["invalid"] = _("Choose who may hear it.")
        self.fields["attachment"].error_messages["invalid"] = _("Choose what may be shared.")


class RelayForm(forms.Form):
    body = forms.CharField(required=False, strip=False)
    client_key = forms.CharField(required=False, max_length=200)
