"""Forms of the safety pages. They only parse and shape input; the services decide what is
allowed and word the refusals, which the views put next to the field they name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accord.cases.forms import SubmissionForm
from accord.cases.models import Side
from accord.rooms.models import Room, RoomKind
from accord.safety.rules import Recommendation
from accord.safety.services import ConfigurationChoice
from accord.safety.vocabulary import MAX_NOTE, QUESTIONS, Level, Measure

_CHOOSE = _("Please choose one answer.")


class ScreeningForm(SubmissionForm):
    """Every question as a group of choices, then an optional note for the neutral."""

    note = forms.CharField(
        label=_("Anything else you would like the mediator to know (optional)"),
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only you and the mediator can read this."),
        error_messages={"max_length": _("Keep the note under 2000 characters.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        note = self.fields.pop("note")
        for question in QUESTIONS:
            self.fields[question.key] = forms.ChoiceField(
                label=question.text,
                help_text=question.help or "",
                choices=question.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _CHOOSE, "invalid_choice": _CHOOSE},
            )
        self.fields["note"] = note

    def answers(self) -> dict[str, str]:
        return {q.key: self.cleaned_data[q.key] for q in QUESTIONS}


_MEASURE_LABELS = {
    Measure.SHUTTLE_ONLY: _("Separate rooms only: no joint room and no direct messages"),
    Measure.STAGGERED: _("Separate meeting times: the parties never wait or meet together"),
    Measure.SUPPORT: _("A support person for the party who asked"),
    Measure.RESCREEN: _("Screen again before any new process"),
}
FIELD_OF = {
    Measure.SHUTTLE_ONLY: "shuttle_only",
    Measure.STAGGERED: "staggered",
    Measure.SUPPORT: "support",
    Measure.RESCREEN: "rescreen",
}


class ConfigurationForm(SubmissionForm):
    """The neutral's choice, one box per measure: pre-ticked where the answers suggest it,
    ticked and locked where they require it. `seen` carries the answers the page showed."""

    seen = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        recommendation: Recommendation,
        current: ConfigurationChoice | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for measure, name in FIELD_OF.items():
            level = recommendation.level(measure)
            chosen = getattr(current, name) if current is not None else level >= Level.SUGGESTED
            field = forms.BooleanField(
                label=_MEASURE_LABELS[measure], required=False, initial=chosen
            )
            if level == Level.REQUIRED:
                field.disabled = True
                field.initial = True
                field.help_text = _("Required by the answers.")
            elif level == Level.SUGGESTED:
                field.help_text = _("Suggested by the answers.")
            self.fields[name] = field

    def choice(self) -> ConfigurationChoice:
        return ConfigurationChoice(
            **{name: bool(self.cleaned_data[name]) for name in FIELD_OF.values()}
        )

    def seen_ids(self) -> list[str] | None:
        text = self.cleaned_data.get("seen") or ""
        return [part for part in text.split(",") if part] if self.is_bound else None


def room_label(room: Room) -> str:
    label = str(RoomKind(room.kind).label)
    return f"{label} ({room.side.label})" if room.side is not None else label


class AskForm(SubmissionForm):
    """Ask another side for a response by a date, in a room both see."""

    topic = forms.CharField(
        label=_("What you would like a response about"),
        max_length=200,
        help_text=_("A few words, for example: “the holiday schedule proposal”."),
        error_messages={
            "required": _("Say what you would like a response about."),
            "max_length": _("Keep it under 200 characters."),
        },
    )
    due_at = forms.DateTimeField(
        label=_("Respond by"),
        help_text=_("Date and time in UTC. At least an hour from now, at most 90 days."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={
            "required": _("Choose a date and time."),
            "invalid": _("Choose a date and time."),
        },
    )

    def __init__(self, *args: Any, rooms: list[Room], sides: list[Side], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rooms = {str(room.id): room for room in rooms}
        self.sides = {str(side.id): side for side in sides}
        choose = [("", "—")]
        room_error, side_error = _("Choose a room."), _("Choose a side.")
        self.fields["room"] = forms.ChoiceField(
            label=_("Where"),
            choices=choose + [(k, room_label(r)) for k, r in self.rooms.items()],
            error_messages={"required": room_error, "invalid_choice": room_error},
        )
        self.fields["side"] = forms.ChoiceField(
            label=_("Who should respond"),
            choices=choose + [(k, side.label) for k, side in self.sides.items()],
            error_messages={"required": side_error, "invalid_choice": side_error},
        )
        self.order_fields(["room", "side", "topic", "due_at"])

    def chosen_room(self) -> Room:
        return self.rooms[self.cleaned_data["room"]]

    def chosen_side(self) -> Side:
        return self.sides[self.cleaned_data["side"]]


class AnswerForm(SubmissionForm):
    body = forms.CharField(
        label=_("Your response"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10_000,
        error_messages={
            "required": _("Write your response."),
            "max_length": _("Keep a message under 10000 characters."),
        },
    )


class ConfirmForm(SubmissionForm):
    """A button that does one thing (withdraw, share): nothing to type."""
