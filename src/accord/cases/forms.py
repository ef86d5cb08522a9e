"""Forms of the case pages. They only parse and shape input; the services decide.

Every form carries a submission key (`submission`): a form sent twice (a double click, a
resend after a lost answer) is done once, and the repeat is shown the first one's result.
Rules the services enforce (who may, which format fits which process) are not repeated here;
their refusals are put next to the field they name.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accord.cases.models import Participant, Side
from accord.cases.vocabulary import CaseKind, Format, Outcome, ProcessKind, Role


def valid_submission_key(value: object) -> str:
    """A submission key this site made (32 hex digits), or "" for anything else."""
    text = str(value or "")
    return text if len(text) == 32 and all(c in "0123456789abcdef" for c in text) else ""


class SubmissionForm(forms.Form):
    """A form that is done at most once per rendering (see views/_submit.py)."""

    submission = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission", uuid.uuid4().hex)

    def clean_submission(self) -> str:
        # Anything but a key this site made is ignored: the services' state checks still hold.
        return valid_submission_key(self.cleaned_data.get("submission"))

    def submission_key(self) -> str:
        """The key as sent, read before validation: a repeat is recognised before anything."""
        return (
            valid_submission_key(self.data.get(self.add_prefix("submission")))
            if self.is_bound
            else ""
        )


class ConfirmForm(SubmissionForm):
    """A button that does one thing (start, take up, decline ...): nothing to type."""


# --- intake ---------------------------------------------------------------------------------

_OPENER_ROLES = (Role.MEDIATOR, Role.COORDINATOR, Role.PRINCIPAL, Role.ADVOCATE)


class CaseOpenForm(SubmissionForm):
    title = forms.CharField(
        label=_("A short name for the case"),
        max_length=200,
        help_text=_("Everyone in the case sees it. For example: “Holiday schedule”."),
    )
    kind = forms.ChoiceField(
        label=_("What the disagreement is about"), choices=[("", "—"), *CaseKind.choices]
    )
    sides = forms.CharField(
        label=_("The sides, one per line"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("At least two. For example: Applicant, then Respondent on the next line."),
    )
    opener_role = forms.ChoiceField(
        label=_("Your role in this case"),
        choices=[(role.value, role.label) for role in _OPENER_ROLES],
        widget=forms.RadioSelect,
    )
    opener_side = forms.CharField(
        label=_("Your side"),
        required=False,
        max_length=80,
        help_text=_("Only for a party or an advocate: the side you are on, as written above."),
    )
    jurisdiction = forms.CharField(
        label=_("Place or court (optional)"), required=False, max_length=100
    )
    is_practice = forms.BooleanField(
        label=_("This is a training case (observers may join)"), required=False
    )

    def clean_sides(self) -> list[str]:
        text: str = self.cleaned_data["sides"]
        return [line.strip() for line in text.splitlines() if line.strip()]

    def clean_opener_side(self) -> str | None:
        side: str = self.cleaned_data.get("opener_side", "").strip()
        return side or None


class SideAddForm(SubmissionForm):
    label = forms.CharField(
        label=_("Name of the new side"),
        max_length=80,
        help_text=_("For example: Grandparents."),
    )


def _side_choices(sides: Iterable[Side]) -> list[tuple[str, str]]:
    return [(str(side.id), side.label) for side in sides]


class InviteForm(SubmissionForm):
    """Invite a party, an advocate, a support person (or, in training, an observer)."""

    email = forms.EmailField(
        label=_("Their e-mail address"),
        max_length=254,
        help_text=_("They get a link that works once; nothing to install."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Their role"))
    side = forms.ChoiceField(
        label=_("Their side"),
        required=False,
        help_text=_("Parties, advocates and support persons belong to a side; observers do not."),
    )

    def __init__(
        self, *args: Any, roles: Sequence[Role], sides: Sequence[Side], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.sides = {str(side.id): side for side in sides}
        role_field = self.fields["role"]
        side_field = self.fields["side"]
        assert isinstance(role_field, forms.ChoiceField)  # noqa: S101 - declared above
        assert isinstance(side_field, forms.ChoiceField)  # noqa: S101 - declared above
        role_field.choices = [(role.value, role.label) for role in roles]
        side_field.choices = _side_choices(sides)
        if len(sides) > 1 or Role.OBSERVER in roles:
            side_field.choices = [("", "—"), *side_field.choices]

    def clean_side(self) -> Side | None:
        return self.sides.get(self.cleaned_data.get("side") or "")


class AppointForm(SubmissionForm):
    """Appoint a neutral: an invitation whose appointment takes effect after their checks."""

    email = forms.EmailField(
        label=_("Their e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Their role"),
        choices=[
            (role.value, role.label)
            for role in (Role.MEDIATOR, Role.ARBITRATOR, Role.COORDINATOR, Role.EXPERT)
        ],
        help_text=_(
            "A neutral first declares any conflict of interest and turns on two-factor "
            "sign-in; only then does the appointment take effect."
        ),
    )


class ConflictForm(SubmissionForm):
    related_to = forms.MultipleChoiceField(
        label=_("People in this case you know personally or professionally"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked if you know none of them."),
    )
    financial_interest = forms.ChoiceField(
        label=_("Do you have any financial interest in how this case ends?"),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        widget=forms.RadioSelect,
    )
    details = forms.CharField(
        label=_("Anything else you should disclose (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, candidates: Sequence[Participant], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = {str(p.id): p for p in candidates}
        field = self.fields["related_to"]
        assert isinstance(field, forms.MultipleChoiceField)  # noqa: S101 - declared above
        field.choices = [(key, person_label(p)) for key, p in self.candidates.items()]
        if not candidates:
            field.widget = forms.MultipleHiddenInput()

    def clean_related_to(self) -> list[Participant]:
        return [self.candidates[key] for key in self.cleaned_data["related_to"]]

    def clean_financial_interest(self) -> bool:
        return bool(self.cleaned_data["financial_interest"] == "yes")


def person_label(person: Participant) -> str:
    """“Name (role, side)” for choosing among people; never the e-mail address."""
    name = person.user.display_name if person.user is not None else str(_("(not joined yet)"))
    role = Role(person.role).label
    if person.side is not None:
        return f"{name} ({role}, {person.side.label})"
    return f"{name} ({role})"


class AcknowledgeForm(SubmissionForm):
    """An explicit statement the person ticks themselves (never pre-ticked)."""

    acknowledge = forms.BooleanField(label=_("I have read this and I agree"))

    def __init__(self, *args: Any, statement: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if statement:
            self.fields["acknowledge"].label = statement
        self.fields["acknowledge"].error_messages["required"] = _(
            "Tick the box to say you agree, or go back if you do not."
        )


# --- processes -----------------------------------------------------------------------------


class ProposeForm(SubmissionForm):
    kind = forms.ChoiceField(
        label=_("Which process"), choices=ProcessKind.choices, widget=forms.RadioSelect
    )
    format = forms.ChoiceField(
        label=_("How people meet"),
        required=False,
        choices=[("", _("The usual way for this process")), *Format.choices],
    )
    compulsory = forms.BooleanField(
        label=_("Compulsory (for example collective bargaining): no side may walk away"),
        required=False,
    )
    court_ordered = forms.BooleanField(
        label=_("A court ordered the parties to attend"), required=False
    )
    court_reference = forms.CharField(
        label=_("The court's reference"),
        required=False,
        max_length=100,
        help_text=_("Only if a court ordered it. Attending is required; agreeing never is."),
    )


class ConfidentialityChoiceForm(SubmissionForm):
    """Negotiation: an explicit choice, with no answer chosen in advance."""

    confidential = forms.ChoiceField(
        label=_("Should this negotiation be confidential?"),
        choices=[
            ("yes", _("Yes: what is said here stays here")),
            ("no", _("No: what is said here may be used elsewhere")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose one answer for your side.")},
    )

    def clean_confidential(self) -> bool:
        return bool(self.cleaned_data["confidential"] == "yes")


class EndForm(SubmissionForm):
    outcome = forms.ChoiceField(
        label=_("How did it end?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how it ended.")},
    )

    def __init__(self, *args: Any, outcomes: Sequence[Outcome], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["outcome"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
        field.choices = [(outcome.value, outcome.label) for outcome in outcomes]
